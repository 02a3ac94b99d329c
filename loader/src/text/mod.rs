//! Erlang's text syntax for terms, shared by every printer in rbeam (the literal printer, the
//! disassembler and the runtime's): one place decides how an atom is quoted, how a float is
//! written and how a big integer reads, matching OTP 25's `io_lib` digit for digit.

mod atom;
mod float;
mod integer;

pub use atom::{is_lowercase, is_uppercase, write_atom, write_atom_chars};
pub use float::write_float;
pub use integer::{write_magnitude, write_signed_be};

use core::fmt::{self, Write};

/// Bytes as a binary, `<<1,2,3>>`.
pub fn write_binary<W: Write + ?Sized>(f: &mut W, bytes: &[u8]) -> fmt::Result {
    f.write_str("<<")?;
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        write!(f, "{b}")?;
    }
    f.write_str(">>")
}
