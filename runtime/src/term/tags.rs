//! Tag constants of the term word, identical to erts' `erl_term.h` (OTP 27) on both word sizes.
//!
//! These numbers are the contract between the runtime, the interpreter and the ARM32 JIT: an
//! emitter tests a tag with `tst`/`and` + `cmp` against exactly these values, so they are `pub
//! const` plain integers rather than an enum.
//!
//! ```text
//! primary tag, bits 1..0      00 header (or CP on the stack)  01 cons  10 boxed  11 immediate
//! immediate-1, bits 3..0    0011 local pid   0111 local port  1011 immediate-2  1111 small
//! immediate-2, bits 5..0  00_1011 atom     01_1011 catch     11_1011 NIL
//! header word              arity << 6 | subtag (bits 5..2) << 2 | 00
//! ```

/// Bits in a machine word: 32 on ARM32, 64 on x86_64.
pub const WORD_BITS: u32 = usize::BITS;
/// Bytes in a machine word.
pub const WORD_BYTES: usize = core::mem::size_of::<usize>();

/// Width of the primary tag.
pub const PRIMARY_SIZE: u32 = 2;
/// Mask selecting the primary tag.
pub const PRIMARY_MASK: usize = 0x3;
/// Primary tag of a header word. On the stack the same tag marks a continuation pointer.
pub const PRIMARY_HEADER: usize = 0x0;
/// Primary tag of a pointer to a cons cell.
pub const PRIMARY_LIST: usize = 0x1;
/// Primary tag of a pointer to a boxed object (header word first).
pub const PRIMARY_BOXED: usize = 0x2;
/// Primary tag of an immediate.
pub const PRIMARY_IMMED1: usize = 0x3;

/// Width of the immediate-1 tag.
pub const IMMED1_SIZE: u32 = 4;
/// Mask selecting the immediate-1 tag.
pub const IMMED1_MASK: usize = 0xF;
/// Immediate-1 tag of a local (node-internal) pid.
pub const IMMED1_PID: usize = 0x3;
/// Immediate-1 tag of a local port.
pub const IMMED1_PORT: usize = 0x7;
/// Immediate-1 tag announcing an immediate-2 tag in bits 5..4.
pub const IMMED1_IMMED2: usize = 0xB;
/// Immediate-1 tag of a small integer (`value << 4 | 0xF`).
pub const IMMED1_SMALL: usize = 0xF;

/// Width of the immediate-2 tag.
pub const IMMED2_SIZE: u32 = 6;
/// Mask selecting the immediate-2 tag.
pub const IMMED2_MASK: usize = 0x3F;
/// Immediate-2 tag of an atom (`index << 6 | 0x0B`).
pub const IMMED2_ATOM: usize = 0x0B;
/// Immediate-2 tag of a catch label (`index << 6 | 0x1B`), only ever found in Y registers.
pub const IMMED2_CATCH: usize = 0x1B;
/// The whole word of `[]`.
pub const IMMED2_NIL: usize = 0x3B;

/// Mask selecting the 4-bit subtag together with the primary tag of a header word.
pub const HEADER_TAG_MASK: usize = 0x3F;
/// Mask selecting the 4-bit subtag of a header word (bits 5..2).
pub const HEADER_SUBTAG_MASK: usize = 0x3C;
/// Bit offset of the arity field in a header word.
pub const HEADER_ARITY_OFFSET: u32 = 6;

/// Subtag of a tuple header (`arity << 6`): the only non-"thing" header.
pub const ARITYVAL_SUBTAG: usize = 0x0 << 2;
/// Subtag of a positive bignum. Negative differs only in [`BIG_SIGN_BIT`].
pub const POS_BIG_SUBTAG: usize = 0x2 << 2;
/// Subtag of a negative bignum.
pub const NEG_BIG_SUBTAG: usize = 0x3 << 2;
/// The bit telling a negative bignum header from a positive one.
pub const BIG_SIGN_BIT: usize = 0x1 << 2;
/// Subtag of an internal reference.
pub const REF_SUBTAG: usize = 0x4 << 2;
/// Subtag of a fun (local closure or external `fun M:F/A`).
pub const FUN_SUBTAG: usize = 0x5 << 2;
/// Subtag of a boxed float.
pub const FLOAT_SUBTAG: usize = 0x6 << 2;
/// Subtag of an on-heap bitstring (`ErlHeapBits`).
pub const HEAP_BITS_SUBTAG: usize = 0x8 << 2;
/// Subtag of a sub-bitstring or match context (`ErlSubBits`).
pub const SUB_BITS_SUBTAG: usize = 0x9 << 2;
/// Subtag of a handle to an off-heap binary (`BinRef`); never a user-visible term.
pub const BIN_REF_SUBTAG: usize = 0xA << 2;
/// Subtag of a map (flatmap or HAMT node).
pub const MAP_SUBTAG: usize = 0xB << 2;
/// Subtag of an external pid.
pub const EXTERNAL_PID_SUBTAG: usize = 0xC << 2;
/// Subtag of an external port.
pub const EXTERNAL_PORT_SUBTAG: usize = 0xD << 2;
/// Subtag of an external reference.
pub const EXTERNAL_REF_SUBTAG: usize = 0xE << 2;

/// Makes a header word: `arity << 6 | subtag`. The arity must fit the word above bit 6.
#[inline]
pub const fn make_header(arity: usize, subtag: usize) -> usize {
    (arity << HEADER_ARITY_OFFSET) | subtag
}

/// The subtag of a header word.
#[inline]
pub const fn header_subtag(header: usize) -> usize {
    header & HEADER_SUBTAG_MASK
}

/// The arity field of a header word (for maps and funs this is not a word count, see their
/// modules).
#[inline]
pub const fn header_arity(header: usize) -> usize {
    header >> HEADER_ARITY_OFFSET
}

/// Whether a header word is a bignum header of either sign.
#[inline]
pub const fn is_bignum_header(header: usize) -> bool {
    header & (HEADER_TAG_MASK & !BIG_SIGN_BIT) == POS_BIG_SUBTAG
}

/// Whether a header word belongs to a bitstring term (heap bits or sub bits).
#[inline]
pub const fn is_bitstring_header(header: usize) -> bool {
    header & (HEADER_TAG_MASK & !(0x1 << 2)) == HEAP_BITS_SUBTAG
}

/// Whether a header word belongs to an external pid, port or reference.
#[inline]
pub const fn is_external_header(header: usize) -> bool {
    header & (HEADER_TAG_MASK & !(0x3 << 2)) == EXTERNAL_PID_SUBTAG
}

/// Largest tuple arity erts accepts (24 bits).
pub const MAX_TUPLE_ARITY: usize = (1 << 24) - 1;

/// Largest bignum, in digit words, erts accepts (`BIG_ARITY_MAX`).
#[cfg(target_pointer_width = "64")]
pub const MAX_BIGNUM_DIGITS: usize = (1 << 16) - 1;
/// Largest bignum, in digit words, erts accepts (`BIG_ARITY_MAX`).
#[cfg(target_pointer_width = "32")]
pub const MAX_BIGNUM_DIGITS: usize = (1 << 17) - 1;

/// Bits of payload in a small integer: 60 on 64-bit, 28 on 32-bit.
pub const SMALL_BITS: u32 = WORD_BITS - IMMED1_SIZE;
/// Largest small integer (2^59 − 1 or 2^27 − 1).
pub const MAX_SMALL: i64 = (1i64 << (SMALL_BITS - 1)) - 1;
/// Smallest small integer (−2^59 or −2^27).
pub const MIN_SMALL: i64 = -(1i64 << (SMALL_BITS - 1));

/// Largest atom index an immediate can hold (`MAX_ATOM_INDEX`).
pub const MAX_ATOM_INDEX: usize = usize::MAX >> IMMED2_SIZE;

/// Mask of the bits that must be clear in a continuation pointer (`_CPMASK`).
pub const CP_MASK: usize = 0x3;

#[cfg(target_endian = "big")]
compile_error!("rbeam's heap layouts (refs, floats, binaries) assume a little-endian target");

#[cfg(not(any(target_pointer_width = "32", target_pointer_width = "64")))]
compile_error!("rbeam terms are defined for 32-bit and 64-bit words only");
