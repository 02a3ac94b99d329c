//! Bitstrings and binaries, the OTP 27 way (`erl_bits.h`).
//!
//! Three objects make up every bitstring term:
//!
//! * **Heap bits** (`ErlHeapBits`), for at most [`ON_HEAP_LIMIT_BYTES`] bytes:
//!   `[header(HEAP_BITS, words - 1), size in bits, data words...]`.
//! * **Bin ref** (`BinRef`), a handle to an off-heap [`Binary`] that is never itself a term:
//!   `[header(BIN_REF, 2), Binary*, next off-heap]`, linked into the heap's off-heap list.
//! * **Sub bits** (`ErlSubBits`), a window into either of them and the term form of every
//!   off-heap bitstring; with the `MUTABLE` flag it is also the match context:
//!   `[header(SUB_BITS, 4), base | flags, start bit, end bit, orig]`. `base` is the byte
//!   address of the data with its low two bits cleared to make room for the flags (start and
//!   end are bumped to compensate); `orig` is the boxed `BinRef` (or, for a match context on a
//!   heap bitstring, the heap bits) that keeps the data alive.
//!
//! An off-heap bitstring therefore takes [`REFC_BITS_WORDS`] words: the `BinRef` followed by
//! the sub bits that the term points to. Bits are numbered from the most significant bit of
//! the first byte; a trailing partial byte keeps its bits in its high end, as in the external
//! term format.

use core::ptr::NonNull;

use super::Term;
use super::error::BuildError;
use super::tags::{
    BIN_REF_SUBTAG, HEADER_TAG_MASK, HEAP_BITS_SUBTAG, SUB_BITS_SUBTAG, WORD_BYTES, make_header,
};
use crate::heap::Allocator;
use crate::heap::binary::Binary;

/// Largest bitstring, in bytes, kept on the heap (`ERL_ONHEAP_BINARY_LIMIT`).
pub const ON_HEAP_LIMIT_BYTES: usize = 64;

/// Words of a sub bits object (`ERL_SUB_BITS_SIZE`).
pub const SUB_BITS_WORDS: usize = 5;
/// The header of every sub bits object (`HEADER_SUB_BITS`).
pub const SUB_BITS_HEADER: usize = make_header(SUB_BITS_WORDS - 1, SUB_BITS_SUBTAG);
/// Words of a bin ref (`ERL_BIN_REF_SIZE`).
pub const BIN_REF_WORDS: usize = 3;
/// The header of every bin ref (`HEADER_BIN_REF`).
pub const BIN_REF_HEADER: usize = make_header(BIN_REF_WORDS - 1, BIN_REF_SUBTAG);
/// Words of an off-heap bitstring term: bin ref plus sub bits (`ERL_REFC_BITS_SIZE`).
pub const REFC_BITS_WORDS: usize = BIN_REF_WORDS + SUB_BITS_WORDS;

/// Sub bits flag: the object itself may be modified (match contexts, writable binaries).
pub const SUB_BITS_FLAG_MUTABLE: usize = 1 << 0;
/// Sub bits flag: the underlying data may move (writable binaries).
pub const SUB_BITS_FLAG_VOLATILE: usize = 1 << 1;
/// Mask of the flag bits in the `base | flags` word.
pub const SUB_BITS_FLAG_MASK: usize = 3;
/// The flags of a match context.
pub const SUB_BITS_FLAGS_MATCH_CONTEXT: usize = SUB_BITS_FLAG_MUTABLE;

/// Word offsets inside a sub bits object, for emitted code.
pub mod sub_bits_word {
    /// `base | flags`.
    pub const BASE_FLAGS: usize = 1;
    /// Start offset in bits.
    pub const START: usize = 2;
    /// End offset in bits.
    pub const END: usize = 3;
    /// The boxed object keeping the data alive.
    pub const ORIG: usize = 4;
}

/// Bytes needed for `bits` bits.
pub const fn bytes_for_bits(bits: usize) -> usize {
    bits.div_ceil(8)
}

/// Words of a heap bits object holding `bits` bits (`heap_bits_size`).
pub const fn heap_bits_words(bits: usize) -> usize {
    2 + bytes_for_bits(bits).div_ceil(WORD_BYTES)
}

/// The header of a heap bits object holding `bits` bits.
pub const fn heap_bits_header(bits: usize) -> usize {
    make_header(heap_bits_words(bits) - 1, HEAP_BITS_SUBTAG)
}

/// Words a bitstring of `bits` bits takes when built by [`build`].
pub const fn heap_words(bits: usize) -> usize {
    if bytes_for_bits(bits) <= ON_HEAP_LIMIT_BYTES { heap_bits_words(bits) } else { REFC_BITS_WORDS }
}

/// Builds the binary with these bytes.
pub fn build_binary(alloc: &mut impl Allocator, bytes: &[u8]) -> Result<Term, BuildError> {
    let bits = bytes.len().checked_mul(8).ok_or(BuildError::TooLarge)?;
    build(alloc, bytes, bits)
}

/// Builds a bitstring of the first `bits` bits of `bytes`: on the heap up to
/// [`ON_HEAP_LIMIT_BYTES`] bytes, else as an off-heap binary behind a bin ref.
pub fn build(alloc: &mut impl Allocator, bytes: &[u8], bits: usize) -> Result<Term, BuildError> {
    let len = bytes_for_bits(bits);
    let bytes = bytes.get(..len).ok_or(BuildError::BitSizeTooLarge)?;
    let tail_bits = bits % 8;
    if len <= ON_HEAP_LIMIT_BYTES {
        build_heap_bits(alloc, bytes, bits, tail_bits)
    } else {
        build_refc_bits(alloc, bytes, bits, tail_bits)
    }
}

/// The last byte with the bits past the end cleared, so equal bitstrings have equal words.
fn masked_last(bytes: &[u8], tail_bits: usize) -> Option<u8> {
    let last = *bytes.last()?;
    Some(if tail_bits == 0 { last } else { last & (0xFFu8 << (8 - tail_bits)) })
}

fn build_heap_bits(
    alloc: &mut impl Allocator,
    bytes: &[u8],
    bits: usize,
    tail_bits: usize,
) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(heap_bits_words(bits))?;
    // SAFETY: `heap_bits_words(bits)` words were allocated: two header words and enough data
    // words for `bytes.len()` bytes. The data words are zeroed first so the padding is defined.
    unsafe {
        object.write(heap_bits_header(bits));
        object.add(1).write(bits);
        let data_words = heap_bits_words(bits) - 2;
        core::ptr::write_bytes(object.add(2), 0, data_words);
        let data = object.add(2).cast::<u8>();
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
        if let Some(last) = masked_last(bytes, tail_bits) {
            data.add(bytes.len() - 1).write(last);
        }
    }
    Ok(Term::from_boxed_ptr(object))
}

fn build_refc_bits(
    alloc: &mut impl Allocator,
    bytes: &[u8],
    bits: usize,
    tail_bits: usize,
) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(REFC_BITS_WORDS)?;
    let binary = match masked_last(bytes, tail_bits) {
        Some(last) if tail_bits != 0 => {
            let mut copy = bytes.to_vec();
            if let Some(end) = copy.last_mut() {
                *end = last;
            }
            Binary::allocate(&copy)
        }
        _ => Binary::allocate(bytes),
    }
    .ok_or(BuildError::TooLarge)?;
    // SAFETY: the binary was just allocated and we own its only reference.
    let data = unsafe { Binary::bytes(binary) }.as_ptr();
    let bin_ref = object;
    let sub_bits = object.wrapping_add(BIN_REF_WORDS);
    // SAFETY: `REFC_BITS_WORDS` words were allocated at `object`: the bin ref takes the
    // first three, the sub bits the next five. The bin ref is complete before it is linked.
    unsafe {
        bin_ref.write(BIN_REF_HEADER);
        bin_ref.add(1).write(binary.as_ptr() as usize);
        alloc.off_heap().push(bin_ref);
        write_sub_bits(sub_bits, data, 0, bits, 0, Term::from_boxed_ptr(bin_ref));
    }
    Ok(Term::from_boxed_ptr(sub_bits))
}

/// Writes a sub bits object covering bits `start..end` of the data at `data`.
///
/// # Safety
/// `object` must point to [`SUB_BITS_WORDS`] writable words; `flags` must be within
/// [`SUB_BITS_FLAG_MASK`].
unsafe fn write_sub_bits(
    object: *mut usize,
    data: *const u8,
    start: usize,
    end: usize,
    flags: usize,
    orig: Term,
) {
    let address = data as usize;
    let misalignment_bits = (address & SUB_BITS_FLAG_MASK) * 8;
    // SAFETY: five writable words (caller).
    unsafe {
        object.write(SUB_BITS_HEADER);
        object.add(sub_bits_word::BASE_FLAGS).write((address & !SUB_BITS_FLAG_MASK) | flags);
        object.add(sub_bits_word::START).write(start + misalignment_bits);
        object.add(sub_bits_word::END).write(end + misalignment_bits);
        object.add(sub_bits_word::ORIG).write(orig.raw());
    }
}

/// Builds a sub bits object (a sub-binary, or a match context with
/// [`SUB_BITS_FLAGS_MATCH_CONTEXT`]) over bits `start..end` of an existing bitstring.
///
/// Returns `None` if `bitstring` is not a bitstring or the range does not lie inside it.
/// Over a heap bitstring, erts only builds match contexts (a plain sub-binary of heap data is
/// copied instead, because the garbage collector moves heap data); rbeam has no collector yet
/// and allows both.
///
/// # Safety
/// `bitstring` must satisfy the crate's term contract (see [`crate::term`]), and must stay
/// alive as long as the new term: the new object points into its data.
pub unsafe fn build_sub(
    alloc: &mut impl Allocator,
    bitstring: Term,
    start: usize,
    end: usize,
    flags: usize,
) -> Result<Option<Term>, BuildError> {
    // SAFETY: forwarded contract.
    let Some(window) = (unsafe { window(bitstring) }) else {
        return Ok(None);
    };
    if start > end || end > window.bits {
        return Ok(None);
    }
    let object = alloc.alloc_words(SUB_BITS_WORDS)?;
    let first = window.start + start;
    let data = window.base.wrapping_add(first / 8);
    let offset = first % 8;
    // SAFETY: `SUB_BITS_WORDS` words were allocated; flags are masked.
    unsafe {
        write_sub_bits(object, data, offset, offset + (end - start), flags & SUB_BITS_FLAG_MASK, window.orig)
    };
    Ok(Some(Term::from_boxed_ptr(object)))
}

/// Where the bits of a bitstring term live.
struct Window {
    base: *const u8,
    start: usize,
    bits: usize,
    orig: Term,
}

/// Locates the data of a heap bits or sub bits term.
///
/// # Safety
/// `term` must satisfy the crate's term contract.
unsafe fn window(term: Term) -> Option<Window> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header = unsafe { object.read() };
    match header & HEADER_TAG_MASK {
        HEAP_BITS_SUBTAG => {
            // SAFETY: heap bits: size word then data, alive (caller).
            let bits = unsafe { object.add(1).read() };
            let base = object.wrapping_add(2).cast::<u8>();
            Some(Window { base, start: 0, bits, orig: term })
        }
        SUB_BITS_SUBTAG => {
            // SAFETY: sub bits: four words after the header, alive (caller).
            let (base_flags, start, end, orig) = unsafe {
                (
                    object.add(sub_bits_word::BASE_FLAGS).read(),
                    object.add(sub_bits_word::START).read(),
                    object.add(sub_bits_word::END).read(),
                    Term::from_raw(object.add(sub_bits_word::ORIG).read()),
                )
            };
            let base = (base_flags & !SUB_BITS_FLAG_MASK) as *const u8;
            Some(Window { base, start, bits: end.checked_sub(start)?, orig })
        }
        _ => None,
    }
}

/// A decoded bitstring: `bits` bits starting `bit_offset` bits into `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BitsView<'a> {
    bytes: &'a [u8],
    bit_offset: usize,
    bits: usize,
}

impl<'a> BitsView<'a> {
    /// Size in bits.
    pub fn bit_size(&self) -> usize {
        self.bits
    }

    /// Number of whole bytes.
    pub fn byte_size(&self) -> usize {
        self.bits / 8
    }

    /// Bits after the last whole byte (0..=7).
    pub fn tail_bits(&self) -> usize {
        self.bits % 8
    }

    /// Whether the bit size is a multiple of 8.
    pub fn is_binary(&self) -> bool {
        self.bits % 8 == 0
    }

    /// The 8 bits starting at bit `8 * index`; bits past the end read as zero.
    pub fn byte(&self, index: usize) -> u8 {
        let first = self.bytes.get(index).copied().unwrap_or(0);
        if self.bit_offset == 0 {
            return self.mask_end(index, first);
        }
        let second = self.bytes.get(index + 1).copied().unwrap_or(0);
        let joined = (u16::from(first) << 8) | u16::from(second);
        self.mask_end(index, (joined >> (8 - self.bit_offset)) as u8)
    }

    fn mask_end(&self, index: usize, byte: u8) -> u8 {
        let bit = index * 8;
        if bit + 8 <= self.bits {
            byte
        } else if bit >= self.bits {
            0
        } else {
            byte & (0xFFu8 << (8 - (self.bits - bit)))
        }
    }

    /// The value of the trailing partial byte, right-aligned (`2` for the `2:3` in
    /// `<<1,2:3>>`); 0 if there are no trailing bits.
    pub fn tail_value(&self) -> u8 {
        let tail = self.tail_bits();
        if tail == 0 { 0 } else { self.byte(self.byte_size()) >> (8 - tail) }
    }

    /// The contents as bytes, the trailing partial byte (if any) in the high bits of the last.
    pub fn to_bytes(&self) -> Vec<u8> {
        (0..bytes_for_bits(self.bits)).map(|i| self.byte(i)).collect()
    }
}

/// Decodes a heap bits or sub bits term, or `None` if `term` is neither.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn view<'a>(term: Term) -> Option<BitsView<'a>> {
    // SAFETY: forwarded contract.
    let window = unsafe { window(term) }?;
    let first_byte = window.start / 8;
    let bit_offset = window.start % 8;
    let len = bytes_for_bits(bit_offset + window.bits);
    // SAFETY: the data of a live bitstring covers bits `start..start + bits` from `base`.
    let bytes = unsafe { core::slice::from_raw_parts(window.base.add(first_byte), len) };
    Some(BitsView { bytes, bit_offset, bits: window.bits })
}

/// The off-heap binary behind an off-heap bitstring term, if it is one.
///
/// # Safety
/// `term` must satisfy the crate's term contract.
pub unsafe fn off_heap_binary(term: Term) -> Option<NonNull<Binary>> {
    // SAFETY: forwarded contract.
    let window = unsafe { window(term) }?;
    let bin_ref = window.orig.boxed_ptr()?;
    // SAFETY: `orig` of a live sub bits object is a live boxed object.
    let (header, binary) = unsafe { (bin_ref.read(), bin_ref.add(1).read()) };
    if header != BIN_REF_HEADER {
        return None;
    }
    NonNull::new(binary as *mut Binary)
}
