//! Erlang's text syntax for terms, shared by every printer in rbeam (the literal printer, the
//! disassembler and the runtime's): one place decides how an atom is quoted, how a float is
//! written, how a big integer reads and how a bitstring or fun is laid out, matching OTP 25's
//! `io_lib` digit for digit.

mod atom;
mod float;
mod integer;

pub use atom::{is_lowercase, is_uppercase, write_atom, write_atom_chars};
pub use float::write_float;
pub use integer::{write_limbs, write_magnitude, write_signed_be};

use core::fmt::{self, Write};

/// Bytes separated by commas, `1,2,3`: the elements of a binary, or of a list of bytes.
pub fn write_bytes<W: Write + ?Sized>(f: &mut W, bytes: impl IntoIterator<Item = u8>) -> fmt::Result {
    for (i, b) in bytes.into_iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        write!(f, "{b}")?;
    }
    Ok(())
}

/// Bytes as a binary, `<<1,2,3>>`.
pub fn write_binary<W: Write + ?Sized>(f: &mut W, bytes: &[u8]) -> fmt::Result {
    write_bitstring(f, bytes.iter().copied(), 0, 0)
}

/// A bitstring: its whole bytes, then, when `tail_bits` (0 to 7) is not zero, the value of the
/// trailing `tail_bits` bits as `Value:Size`, so `<<1,2:3>>` or `<<1:1>>`.
pub fn write_bitstring<W: Write + ?Sized>(
    f: &mut W,
    bytes: impl IntoIterator<Item = u8>,
    tail_value: u8,
    tail_bits: u32,
) -> fmt::Result {
    f.write_str("<<")?;
    let mut bytes = bytes.into_iter().peekable();
    let any_bytes = bytes.peek().is_some();
    write_bytes(f, bytes)?;
    if tail_bits != 0 {
        if any_bytes {
            f.write_char(',')?;
        }
        write!(f, "{tail_value}:{tail_bits}")?;
    }
    f.write_str(">>")
}

/// A local fun as erts prints it, `#Fun<Module.OldIndex.OldUniq>`: the module name goes out as
/// it is, never quoted (`#Fun<My Mod.0.31865620>`).
pub fn write_local_fun<W: Write + ?Sized>(
    f: &mut W,
    module: &str,
    old_index: i64,
    old_uniq: i64,
) -> fmt::Result {
    write!(f, "#Fun<{module}.{old_index}.{old_uniq}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
        let mut s = String::new();
        write(&mut s).expect("writes to a String");
        s
    }

    #[test]
    fn binaries_and_bitstrings() {
        assert_eq!(shown(|s| write_binary(s, &[])), "<<>>");
        assert_eq!(shown(|s| write_binary(s, b"abc")), "<<97,98,99>>");
        assert_eq!(shown(|s| write_bitstring(s, [1], 2, 3)), "<<1,2:3>>");
        assert_eq!(shown(|s| write_bitstring(s, [], 1, 1)), "<<1:1>>");
        assert_eq!(shown(|s| write_bitstring(s, [0, 255], 0, 0)), "<<0,255>>");
        assert_eq!(shown(|s| write_bytes(s, [97, 98])), "97,98");
    }

    #[test]
    fn local_fun_modules_stay_unquoted() {
        assert_eq!(shown(|s| write_local_fun(s, "My Mod", 0, 31865620)), "#Fun<My Mod.0.31865620>");
        assert_eq!(shown(|s| write_local_fun(s, "f", 0, 104227928)), "#Fun<f.0.104227928>");
    }
}
