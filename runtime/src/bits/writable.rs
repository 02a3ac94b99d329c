//! Appending to binaries: `bs_create_bin`'s `append` and `private_append` first segments and
//! `bs_init_writable` (erts' `erts_bs_append_checked`, `erts_bs_private_append_checked`,
//! `erts_bs_init_writable`).
//!
//! `<<Acc/binary, X:8>>` in a loop would copy `Acc` every time. Instead, the result of an
//! append is a **writable** bitstring: an off-heap [`Binary`] with spare room at its end,
//! seen through a sub bits with [`SUB_BITS_FLAGS_WRITABLE`] covering the bytes in use. The
//! flag marks the newest version of the binary; appending to it writes the new bits past its
//! end *in place* and moves the flag to the result, so an older version (whose flag was
//! cleared) is copied if it is ever appended to again, and nobody ever sees bytes change
//! inside their window.
//!
//! Unlike erts, rbeam never moves a binary's bytes: growing allocates a new binary and copies,
//! so sub bits pointing at the old bytes (match results, older versions) stay valid and the
//! `VOLATILE` flag needs no special handling anywhere else. In-place writes also require the
//! binary's reference count to be 1: a writable bitstring that was copied into a message
//! shares its binary with the receiver (and both copies carry the flag), so neither may
//! write until the other is gone.

use core::ptr::NonNull;

use super::copy::copy_bits;
use super::object::{
    SUB_BITS_FLAGS_WRITABLE, binary_data, binary_ref_count, binary_size, bits, build_refc_bits,
    set_sub_bits_flags,
};
use super::{BitWriter, BsError, MAX_BITS};
use crate::heap::Allocator;
use crate::heap::binary::Binary;
use crate::term::bits::{REFC_BITS_WORDS, bytes_for_bits, sub_bits_word};
use crate::term::{BuildError, Term};

/// Capacity of `bs_init_writable` when its size hint is not a non-negative small.
pub const DEFAULT_WRITABLE_BYTES: usize = 1024;

/// The largest size hint `bs_init_writable` follows (it is only a hint; growing later is
/// amortized).
pub const MAX_HINT_BYTES: usize = 1 << 26;

/// Smallest capacity of a new writable binary (erts' minimum).
const MIN_WRITABLE_BYTES: usize = 256;

/// Heap words [`init_writable`] needs.
pub const INIT_WRITABLE_WORDS: usize = REFC_BITS_WORDS;

/// Heap words [`append`] needs at most (besides the caller's own extra words).
pub const APPEND_WORDS: usize = REFC_BITS_WORDS;

/// Capacity to allocate for `bytes` bytes in use (erts' `GROW_PROC_BIN_SIZE`).
fn grown(bytes: usize) -> usize {
    bytes.saturating_mul(2).min(super::MAX_BYTES.max(bytes))
}

fn build_error(_: BuildError) -> BsError {
    BsError::SystemLimit
}

/// A new writable binary of `capacity` bytes starting with `used` bits of `src` (from bit
/// `src_off`), followed by `tail`; returns its term.
fn new_writable(
    alloc: &mut impl Allocator,
    capacity: usize,
    src: &[u8],
    src_off: usize,
    used: usize,
    tail: &BitWriter,
) -> Result<Term, BsError> {
    let total = used + tail.bit_len();
    let mut buf = vec![0u8; capacity.max(bytes_for_bits(total))];
    copy_bits(src, src_off, &mut buf, 0, used);
    copy_bits(tail.bytes(), 0, &mut buf, used, tail.bit_len());
    let binary = Binary::allocate(&buf).ok_or(BsError::SystemLimit)?;
    // SAFETY: we own the new binary's only reference, which the bin ref takes over; `total`
    // bits fit it.
    unsafe { build_refc_bits(alloc, binary, SUB_BITS_FLAGS_WRITABLE, total) }.map_err(build_error)
}

/// `bs_init_writable`: an empty writable bitstring with room for `hint` bytes.
pub fn init_writable(alloc: &mut impl Allocator, hint: Term) -> Result<Term, BsError> {
    let capacity = match hint.small_value() {
        Some(n) if n >= 0 => (n as usize).min(MAX_HINT_BYTES),
        _ => DEFAULT_WRITABLE_BYTES,
    };
    new_writable(alloc, capacity, &[], 0, 0, &BitWriter::new())
}

/// The binary of a writable bitstring that may be written in place: its sub bits carries the
/// writable flags, starts at the binary's first byte, and holds the binary's only reference.
///
/// # Safety
/// `b` must describe a live bitstring.
unsafe fn in_place_binary(b: &super::object::Bits) -> Option<NonNull<Binary>> {
    if b.flags != SUB_BITS_FLAGS_WRITABLE {
        return None;
    }
    // SAFETY: live bitstring (caller).
    let binary = unsafe { b.binary() }?;
    if b.base != binary_data(binary).cast_const() || b.start != 0 {
        return None;
    }
    // SAFETY: the bitstring's bin ref holds a reference to the binary.
    if unsafe { binary_ref_count(binary) } != 1 {
        return None;
    }
    Some(binary)
}

/// Writes `tail` into `binary` at bit `at` (which must leave room for it).
///
/// # Safety
/// The caller must hold the binary's only reference, and no live window may cover the bits
/// written.
unsafe fn write_in_place(binary: NonNull<Binary>, at: usize, tail: &BitWriter) {
    let first = at / 8;
    let last = bytes_for_bits(at + tail.bit_len());
    // SAFETY: the bytes `first..last` lie inside the binary's capacity (caller), the
    // allocation is ours alone (reference count 1) and no reference to these bytes exists.
    let dst = unsafe { core::slice::from_raw_parts_mut(binary_data(binary).add(first), last - first) };
    copy_bits(tail.bytes(), 0, dst, at % 8, tail.bit_len());
}

/// `append`: `acc` followed by `tail`, where `acc`'s size must be a multiple of `unit`.
///
/// Needs at most [`APPEND_WORDS`] heap words from `alloc`.
///
/// # Safety
/// `acc` must satisfy the crate's term contract.
pub unsafe fn append(
    alloc: &mut impl Allocator,
    acc: Term,
    unit: usize,
    tail: &BitWriter,
) -> Result<Term, BsError> {
    // SAFETY: forwarded contract.
    let b = unsafe { bits(acc) }.ok_or(BsError::Badarg)?;
    if unit > 1 && b.size() % unit != 0 {
        return Err(BsError::Badarg);
    }
    if tail.bit_len() == 0 {
        return Ok(acc);
    }
    let total =
        b.size().checked_add(tail.bit_len()).filter(|&t| t <= MAX_BITS).ok_or(BsError::SystemLimit)?;
    // SAFETY: `acc` is alive (caller).
    if let Some(binary) = unsafe { in_place_binary(&b) } {
        // The incoming version can no longer be extended in place.
        // SAFETY: `acc` is a live sub bits (it has flags).
        unsafe { set_sub_bits_flags(b.object, 0) };
        // SAFETY: a binary we hold a reference to.
        if bytes_for_bits(total) <= unsafe { binary_size(binary) } {
            // SAFETY: reference count 1 and the bits past `acc`'s end belong to no window:
            // only the holder of the writable flag ever writes there.
            unsafe { write_in_place(binary, b.end, tail) };
            // SAFETY: `acc`'s bin ref keeps the bytes alive.
            return unsafe {
                super::object::build_sub_bits(alloc, SUB_BITS_FLAGS_WRITABLE, b.orig, b.base, 0, total)
            }
            .map_err(build_error);
        }
    }
    // SAFETY: `acc` is alive for this call.
    let (src, off) = unsafe { b.slice() };
    new_writable(alloc, grown(bytes_for_bits(total)).max(MIN_WRITABLE_BYTES), src, off, b.size(), tail)
}

/// `private_append`: as [`append`], for an accumulator the compiler proved nobody else sees;
/// a writable one is extended by updating its own sub bits. The unit is not checked (erts
/// does not either).
///
/// Needs at most [`APPEND_WORDS`] heap words from `alloc`.
///
/// # Safety
/// `acc` must satisfy the crate's term contract and be referenced from nowhere else.
pub unsafe fn private_append(
    alloc: &mut impl Allocator,
    acc: Term,
    tail: &BitWriter,
) -> Result<Term, BsError> {
    // SAFETY: forwarded contract.
    let b = unsafe { bits(acc) }.ok_or(BsError::Badarg)?;
    if tail.bit_len() == 0 {
        return Ok(acc);
    }
    let total =
        b.size().checked_add(tail.bit_len()).filter(|&t| t <= MAX_BITS).ok_or(BsError::SystemLimit)?;
    // SAFETY: `acc` is alive (caller).
    if let Some(binary) = unsafe { in_place_binary(&b) } {
        // SAFETY: a binary we hold a reference to.
        if bytes_for_bits(total) <= unsafe { binary_size(binary) } {
            // SAFETY: as in `append`; `acc` is the only reference to its sub bits (caller), so
            // growing its window in place changes no other term.
            unsafe {
                write_in_place(binary, b.end, tail);
                b.object.add(sub_bits_word::END).write(total);
            }
            return Ok(acc);
        }
        // SAFETY: `acc` is a live sub bits; the new binary supersedes it.
        unsafe { set_sub_bits_flags(b.object, 0) };
    }
    // SAFETY: `acc` is alive for this call.
    let (src, off) = unsafe { b.slice() };
    new_writable(alloc, grown(bytes_for_bits(total)).max(MIN_WRITABLE_BYTES), src, off, b.size(), tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Heap;
    use crate::term::bits::view;

    fn tail(bytes: &[u8]) -> BitWriter {
        let mut w = BitWriter::new();
        w.put_bytes(bytes);
        w
    }

    fn contents(t: Term) -> (Vec<u8>, usize) {
        // SAFETY: terms of a live test heap.
        let v = unsafe { view(t) }.expect("bitstring");
        (v.to_bytes(), v.bit_size())
    }

    #[test]
    fn appends_in_place_and_copies_older_versions() {
        let mut heap = Heap::with_capacity(1024);
        let empty = crate::term::bits::build_binary(&mut heap, &[]).expect("empty");
        // SAFETY: terms of `heap`.
        unsafe {
            let a = append(&mut heap, empty, 8, &tail(b"ab")).expect("append");
            assert_eq!(contents(a), (b"ab".to_vec(), 16));
            let binary = bits(a).and_then(|b| b.binary()).expect("off heap");
            assert_eq!(binary_size(binary), 256);
            let b = append(&mut heap, a, 8, &tail(b"cd")).expect("in place");
            assert_eq!(bits(b).and_then(|b| b.binary()), Some(binary), "same binary");
            // `a` was superseded: appending to it again copies, and `b` is unchanged.
            let c = append(&mut heap, a, 8, &tail(b"XY")).expect("copy");
            assert_ne!(bits(c).and_then(|b| b.binary()), Some(binary));
            assert_eq!(contents(a), (b"ab".to_vec(), 16));
            assert_eq!(contents(b), (b"abcd".to_vec(), 32));
            assert_eq!(contents(c), (b"abXY".to_vec(), 32));
            // Unit checks.
            let odd = crate::term::bits::build(&mut heap, &[0xE0], 3).expect("bits");
            assert_eq!(append(&mut heap, odd, 8, &tail(b"x")), Err(BsError::Badarg));
            let d = append(&mut heap, odd, 1, &tail(b"x")).expect("bits");
            assert_eq!(contents(d), (vec![0xEF, 0x00], 11));
            assert_eq!(append(&mut heap, crate::atoms::OK, 1, &tail(b"x")), Err(BsError::Badarg));
            assert_eq!(append(&mut heap, odd, 1, &BitWriter::new()), Ok(odd));
        }
    }

    #[test]
    fn private_append_grows_a_writable_binary() {
        let mut heap = Heap::with_capacity(4096);
        let w = init_writable(&mut heap, Term::small(2).expect("small")).expect("writable");
        let mut acc = w;
        let mut expect = Vec::new();
        for i in 0..1000u32 {
            let byte = (i % 251) as u8;
            expect.push(byte);
            // SAFETY: `acc` is a term of `heap` that nothing else references.
            acc = unsafe { private_append(&mut heap, acc, &tail(&[byte])) }.expect("append");
        }
        assert_eq!(contents(acc), (expect.clone(), 8000));
        // A writable binary is never shared between windows that can both grow.
        // SAFETY: as above.
        let unchanged = unsafe { append(&mut heap, acc, 8, &BitWriter::new()) }.expect("empty tail");
        assert_eq!(unchanged, acc);
        assert_eq!(contents(acc).0, expect);
    }

    #[test]
    fn shared_binaries_are_not_written() {
        let mut heap = Heap::with_capacity(1024);
        let empty = crate::term::bits::build_binary(&mut heap, &[]).expect("empty");
        // SAFETY: terms of `heap`.
        unsafe {
            let a = append(&mut heap, empty, 8, &tail(b"ab")).expect("append");
            let binary = bits(a).and_then(|b| b.binary()).expect("off heap");
            Binary::retain(binary);
            let b = append(&mut heap, a, 8, &tail(b"cd")).expect("copy");
            assert_ne!(bits(b).and_then(|b| b.binary()), Some(binary));
            Binary::release(binary);
            assert_eq!(contents(b), (b"abcd".to_vec(), 32));
        }
    }
}
