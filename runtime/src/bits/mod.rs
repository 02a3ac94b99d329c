//! The bit syntax: building bitstrings segment by segment (`bs_create_bin`), appending to
//! writable binaries, and matching them through match contexts (erts' `erl_bits.c`).
//!
//! Everything here works on the OTP 27 objects of [`crate::term::bits`] (see `LAYOUT.md`):
//!
//! * **Construction** ([`construct`]) runs in two passes, as erts' `i_bs_create_bin` does:
//!   [`construct::segment_bits`] checks every segment's size (and the types that size
//!   depends on) and sums them up, then [`construct::put_segment`] writes each segment into a
//!   [`BitWriter`]. The bits become a term with [`construct::build`]: a heap bits object up to
//!   64 bytes, an off-heap binary above.
//! * **Appending** ([`writable`]) makes `<<Acc/binary, ...>>` loops linear instead of
//!   quadratic: the result of an append is a *writable* bitstring, an off-heap binary with
//!   room to spare whose sub bits carries [`SUB_BITS_FLAGS_WRITABLE`]. Appending to it again
//!   writes past its end in place, when nothing else can see those bytes.
//! * **Matching** ([`matching`]) reads from a match context: a sub bits with
//!   [`SUB_BITS_FLAGS_MATCH_CONTEXT`] whose `start` is the current position. Extracted
//!   bitstrings of more than 64 bytes share the matched binary's storage.
//!
//! Errors are [`BsError`]: `badarg` or `system_limit`, exactly where erl raises them.
//!
//! [`SUB_BITS_FLAGS_WRITABLE`]: object::SUB_BITS_FLAGS_WRITABLE
//! [`SUB_BITS_FLAGS_MATCH_CONTEXT`]: crate::term::bits::SUB_BITS_FLAGS_MATCH_CONTEXT

pub mod construct;
pub mod copy;
pub mod float16;
pub mod integer;
pub mod matching;
pub mod object;
pub mod utf;
pub mod writable;
mod writer;

pub use writer::BitWriter;

use crate::exception::Exception;

/// Why building a bitstring failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BsError {
    /// A segment's value or size is of the wrong type or out of range (`badarg`).
    Badarg,
    /// A size is too large to be represented (`system_limit`).
    SystemLimit,
}

impl BsError {
    /// The exception erl raises for it.
    pub fn exception(self) -> Exception {
        match self {
            BsError::Badarg => Exception::badarg(),
            BsError::SystemLimit => Exception::system_limit(),
        }
    }
}

/// The flags of a segment (erts' `BSF_*`, as `bs_get_integer2` and friends encode them).
pub mod flags {
    /// `aligned` (obsolete, ignored).
    pub const ALIGNED: u32 = 1;
    /// `little` endian.
    pub const LITTLE: u32 = 2;
    /// `signed`.
    pub const SIGNED: u32 = 4;
    /// `exact` (obsolete, ignored).
    pub const EXACT: u32 = 8;
    /// `native` endian: little on every target rbeam supports.
    pub const NATIVE: u32 = 16;

    /// Whether the flags ask for little-endian order.
    pub const fn is_little(flags: u32) -> bool {
        flags & (LITTLE | NATIVE) != 0
    }

    /// Whether the flags ask for a signed integer.
    pub const fn is_signed(flags: u32) -> bool {
        flags & SIGNED != 0
    }
}

/// The largest bitstring, in bytes, rbeam builds: erts' limit on 32-bit words (`ERTS_UINT_MAX`
/// bits), and a terabyte on 64-bit words (erl itself dies trying to allocate more).
#[cfg(target_pointer_width = "32")]
pub const MAX_BYTES: usize = usize::MAX / 8;
/// The largest bitstring, in bytes, rbeam builds (see the 32-bit definition).
#[cfg(target_pointer_width = "64")]
pub const MAX_BYTES: usize = 1 << 40;

/// The largest bit size [`MAX_BYTES`] allows.
pub const MAX_BITS: usize = MAX_BYTES.saturating_mul(8);
