//! Raw access to the bitstring objects (`crate::term::bits`): where a bitstring's bits are,
//! and building bin refs and sub bits with any flags.
//!
//! The layouts are `LAYOUT.md`'s: heap bits `[header, size, data...]`, bin ref
//! `[header, Binary*, next]`, sub bits `[header, base | flags, start, end, orig]`.

use core::ptr::NonNull;

use crate::heap::Allocator;
use crate::heap::binary::{BINARY_DATA_OFFSET, BINARY_REFC_OFFSET, Binary};
use crate::term::bits::{
    BIN_REF_HEADER, BIN_REF_WORDS, SUB_BITS_FLAG_MASK, SUB_BITS_FLAG_MUTABLE, SUB_BITS_FLAG_VOLATILE,
    SUB_BITS_HEADER, SUB_BITS_WORDS, bytes_for_bits, sub_bits_word,
};
use crate::term::tags::{HEADER_TAG_MASK, HEAP_BITS_SUBTAG, SUB_BITS_SUBTAG};
use crate::term::{BuildError, Term};

/// The flags of a writable bitstring (erts' `ERL_SUB_BITS_FLAGS_WRITABLE`): the newest
/// version of an appendable binary, which appending may extend in place (see
/// [`super::writable`]).
pub const SUB_BITS_FLAGS_WRITABLE: usize = SUB_BITS_FLAG_MUTABLE | SUB_BITS_FLAG_VOLATILE;

/// Where the bits of a bitstring term live: bits `start..end` counted from `base`.
#[derive(Debug, Clone, Copy)]
pub struct Bits {
    /// The address the bit offsets count from (word aligned for sub bits).
    pub base: *const u8,
    /// First bit.
    pub start: usize,
    /// One past the last bit.
    pub end: usize,
    /// The object keeping the data alive: the heap bits itself, or a sub bits' `orig` (a bin
    /// ref, or the heap bits a match context reads).
    pub orig: Term,
    /// The sub bits flags (0 for heap bits).
    pub flags: usize,
    /// The heap bits or sub bits object.
    pub object: *mut usize,
}

impl Bits {
    /// Size in bits.
    pub fn size(&self) -> usize {
        self.end - self.start
    }

    /// The bytes holding bits `start..end`, and the offset of `start` in the first of them.
    ///
    /// # Safety
    /// The term these bits come from must still be alive (and unmoved) for `'a`.
    pub unsafe fn slice<'a>(&self) -> (&'a [u8], usize) {
        let first = self.start / 8;
        let offset = self.start % 8;
        let len = bytes_for_bits(offset + self.size());
        // SAFETY: a live bitstring's data covers bits `start..end` from `base` (caller); the
        // slice starts at the byte holding `start`, never before the data.
        (unsafe { core::slice::from_raw_parts(self.base.add(first), len) }, offset)
    }

    /// The off-heap binary behind the bits, if `orig` is a bin ref.
    ///
    /// # Safety
    /// As [`Bits::slice`].
    pub unsafe fn binary(&self) -> Option<NonNull<Binary>> {
        let bin_ref = self.orig.boxed_ptr()?;
        // SAFETY: `orig` of a live bitstring is a live boxed object (caller).
        let (header, binary) = unsafe { (bin_ref.read(), bin_ref.add(1).read()) };
        if header != BIN_REF_HEADER {
            return None;
        }
        NonNull::new(binary as *mut Binary)
    }
}

/// Locates the bits of a heap bits or sub bits term; `None` for anything else.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn bits(term: Term) -> Option<Bits> {
    let object = term.boxed_ptr()? as *mut usize;
    // SAFETY: a boxed term points at a live header (caller).
    let header = unsafe { object.read() };
    match header & HEADER_TAG_MASK {
        HEAP_BITS_SUBTAG => {
            // SAFETY: heap bits: size word, then the data.
            let size = unsafe { object.add(1).read() };
            let base = object.wrapping_add(2).cast::<u8>().cast_const();
            Some(Bits { base, start: 0, end: size, orig: term, flags: 0, object })
        }
        SUB_BITS_SUBTAG => {
            // SAFETY: sub bits: four words after the header.
            let (base_flags, start, end, orig) = unsafe {
                (
                    object.add(sub_bits_word::BASE_FLAGS).read(),
                    object.add(sub_bits_word::START).read(),
                    object.add(sub_bits_word::END).read(),
                    Term::from_raw(object.add(sub_bits_word::ORIG).read()),
                )
            };
            if end < start {
                return None;
            }
            let base = (base_flags & !SUB_BITS_FLAG_MASK) as *const u8;
            Some(Bits { base, start, end, orig, flags: base_flags & SUB_BITS_FLAG_MASK, object })
        }
        _ => None,
    }
}

/// Bit size of a bitstring term, or `None` if it is not one.
///
/// # Safety
/// As [`bits`].
pub unsafe fn bit_size(term: Term) -> Option<usize> {
    // SAFETY: forwarded contract.
    unsafe { bits(term) }.map(|b| b.size())
}

/// Writes a sub bits object over bits `start..end` counted from `data`, compensating a
/// misaligned `data` in the offsets as erts' `erl_sub_bits_init` does.
///
/// # Safety
/// `object` must point to [`SUB_BITS_WORDS`] writable words; `orig` must keep `data` alive.
pub unsafe fn init_sub_bits(
    object: *mut usize,
    flags: usize,
    orig: Term,
    data: *const u8,
    start: usize,
    end: usize,
) {
    let address = data as usize;
    let misalignment = (address & SUB_BITS_FLAG_MASK) * 8;
    // SAFETY: five writable words (caller).
    unsafe {
        object.write(SUB_BITS_HEADER);
        object
            .add(sub_bits_word::BASE_FLAGS)
            .write((address & !SUB_BITS_FLAG_MASK) | (flags & SUB_BITS_FLAG_MASK));
        object.add(sub_bits_word::START).write(start + misalignment);
        object.add(sub_bits_word::END).write(end + misalignment);
        object.add(sub_bits_word::ORIG).write(orig.raw());
    }
}

/// Builds a sub bits over bits `start..end` counted from `base` (a [`Bits::base`]), kept
/// alive by `orig`.
///
/// # Safety
/// `orig` must be the live object owning the data at `base`, and `base` must be word aligned
/// (as a [`Bits::base`] is).
pub unsafe fn build_sub_bits(
    alloc: &mut impl Allocator,
    flags: usize,
    orig: Term,
    base: *const u8,
    start: usize,
    end: usize,
) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(SUB_BITS_WORDS)?;
    // SAFETY: five fresh words; `orig` keeps the data alive (caller).
    unsafe { init_sub_bits(object, flags, orig, base, start, end) };
    Ok(Term::from_boxed_ptr(object))
}

/// The flags of a sub bits object.
///
/// # Safety
/// `object` must point to a live sub bits object.
pub unsafe fn sub_bits_flags(object: *const usize) -> usize {
    // SAFETY: a live sub bits has its base word at index 1 (caller).
    unsafe { object.add(sub_bits_word::BASE_FLAGS).read() & SUB_BITS_FLAG_MASK }
}

/// Replaces the flags of a sub bits object.
///
/// # Safety
/// `object` must point to a live, writable sub bits object.
pub unsafe fn set_sub_bits_flags(object: *mut usize, flags: usize) {
    let slot = object.wrapping_add(sub_bits_word::BASE_FLAGS);
    // SAFETY: the base word of a live sub bits (caller); only the flag bits change.
    unsafe { slot.write((slot.read() & !SUB_BITS_FLAG_MASK) | (flags & SUB_BITS_FLAG_MASK)) };
}

/// Builds a bin ref holding the caller's reference to `binary`, linked into the allocator's
/// off-heap list, and returns its boxed term (the `orig` of sub bits over the binary).
///
/// # Safety
/// The caller must own one reference to `binary`, which the bin ref takes over.
pub unsafe fn build_bin_ref(alloc: &mut impl Allocator, binary: NonNull<Binary>) -> Result<Term, BuildError> {
    let object = match alloc.alloc_words(BIN_REF_WORDS) {
        Ok(object) => object,
        Err(error) => {
            // SAFETY: the reference was ours to give (caller) and nothing else will use it.
            unsafe { Binary::release(binary) };
            return Err(error.into());
        }
    };
    // SAFETY: three fresh words; the bin ref is complete before it is linked.
    unsafe {
        object.write(BIN_REF_HEADER);
        object.add(1).write(binary.as_ptr() as usize);
        alloc.off_heap().push(object);
    }
    Ok(Term::from_boxed_ptr(object))
}

/// The address of the bytes of an off-heap binary.
pub fn binary_data(binary: NonNull<Binary>) -> *mut u8 {
    binary.as_ptr().cast::<u8>().wrapping_add(BINARY_DATA_OFFSET)
}

/// The reference count of an off-heap binary, read with `Acquire` ordering so that a count of
/// 1 orders every former owner's use of the bytes before the caller's.
///
/// # Safety
/// `binary` must point to a live binary the caller holds a reference to.
pub unsafe fn binary_ref_count(binary: NonNull<Binary>) -> usize {
    let refc = binary.as_ptr().cast::<u8>().wrapping_add(BINARY_REFC_OFFSET);
    // SAFETY: `LAYOUT.md` puts the atomic reference count at `BINARY_REFC_OFFSET` of a live
    // binary (caller); `AtomicUsize` has the layout of `usize`.
    unsafe { (*refc.cast::<core::sync::atomic::AtomicUsize>()).load(core::sync::atomic::Ordering::Acquire) }
}

/// The size in bytes of an off-heap binary (its capacity, for a writable one).
///
/// # Safety
/// `binary` must point to a live binary the caller holds a reference to.
pub unsafe fn binary_size(binary: NonNull<Binary>) -> usize {
    let size = binary.as_ptr().cast::<u8>().wrapping_add(crate::heap::binary::BINARY_SIZE_OFFSET);
    // SAFETY: `LAYOUT.md` puts the size word at `BINARY_SIZE_OFFSET` of a live binary
    // (caller); it never changes after allocation.
    unsafe { size.cast::<usize>().read() }
}

/// Builds an off-heap bitstring over bits `0..bits` of `binary`: a bin ref (taking over the
/// caller's reference, linked into the allocator's off-heap list) followed by a sub bits with
/// `flags`, [`crate::term::bits::REFC_BITS_WORDS`] words in all.
///
/// # Safety
/// The caller must own one reference to `binary`, and `bits` must not exceed its size.
pub unsafe fn build_refc_bits(
    alloc: &mut impl Allocator,
    binary: NonNull<Binary>,
    flags: usize,
    bits: usize,
) -> Result<Term, BuildError> {
    let object = match alloc.alloc_words(crate::term::bits::REFC_BITS_WORDS) {
        Ok(object) => object,
        Err(error) => {
            // SAFETY: the reference was ours to give (caller) and nothing else will use it.
            unsafe { Binary::release(binary) };
            return Err(error.into());
        }
    };
    let sub_bits = object.wrapping_add(BIN_REF_WORDS);
    // SAFETY: eight fresh words: the bin ref in the first three, complete before it is
    // linked, the sub bits in the next five.
    unsafe {
        object.write(BIN_REF_HEADER);
        object.add(1).write(binary.as_ptr() as usize);
        alloc.off_heap().push(object);
        init_sub_bits(sub_bits, flags, Term::from_boxed_ptr(object), binary_data(binary), 0, bits);
    }
    Ok(Term::from_boxed_ptr(sub_bits))
}
