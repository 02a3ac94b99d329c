//! Bignums: a header (`POS_BIG_SUBTAG` or `NEG_BIG_SUBTAG`, arity = number of digits) then the
//! magnitude in machine-word digits, least significant digit first (erts' `big.h`).
//!
//! A bignum is canonical: its most significant digit is non-zero and its value lies outside
//! the small-integer range, so every integer has exactly one representation and a bignum is
//! never equal to a small. The builders here enforce that by returning a small when the value
//! fits.

use super::Term;
use super::error::BuildError;
use super::tags::{
    BIG_SIGN_BIT, MAX_BIGNUM_DIGITS, MAX_SMALL, NEG_BIG_SUBTAG, POS_BIG_SUBTAG, WORD_BITS, WORD_BYTES,
    header_arity, is_bignum_header, make_header,
};
use crate::heap::Allocator;

/// A decoded bignum: sign and little-endian magnitude digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigView<'a> {
    /// Whether the value is negative.
    pub negative: bool,
    /// The magnitude, least significant word first; the last digit is non-zero.
    pub digits: &'a [usize],
}

/// The header of a bignum with `digits` digit words.
pub const fn header(negative: bool, digits: usize) -> usize {
    make_header(digits, if negative { NEG_BIG_SUBTAG } else { POS_BIG_SUBTAG })
}

/// Digits left after dropping the most significant zero digits.
fn normalized(magnitude: &[usize]) -> &[usize] {
    let len = magnitude.iter().rposition(|&d| d != 0).map_or(0, |top| top + 1);
    &magnitude[..len]
}

/// The value of a magnitude that fits 128 bits.
fn to_u128(magnitude: &[usize]) -> Option<u128> {
    if magnitude.len() * WORD_BYTES > 16 {
        return None;
    }
    Some(magnitude.iter().rev().fold(0u128, |acc, &d| (acc << WORD_BITS) | d as u128))
}

/// The small integer for `±magnitude`, if it is in range.
fn as_small(negative: bool, magnitude: &[usize]) -> Option<Term> {
    let value = to_u128(magnitude)?;
    let limit = MAX_SMALL as u128 + u128::from(negative);
    if value > limit {
        return None;
    }
    let value = value as i128;
    Term::small(if negative { -value } else { value } as i64)
}

/// Words the integer `±magnitude` takes on a heap: 0 if it is a small.
pub fn heap_words(negative: bool, magnitude: &[usize]) -> usize {
    let magnitude = normalized(magnitude);
    if as_small(negative, magnitude).is_some() { 0 } else { 1 + magnitude.len() }
}

/// Builds the integer `±magnitude` (digits least significant first): a small when it fits,
/// else a canonical bignum.
pub fn build(alloc: &mut impl Allocator, negative: bool, magnitude: &[usize]) -> Result<Term, BuildError> {
    let magnitude = normalized(magnitude);
    if let Some(small) = as_small(negative, magnitude) {
        return Ok(small);
    }
    if magnitude.len() > MAX_BIGNUM_DIGITS {
        return Err(BuildError::TooLarge);
    }
    let object = alloc.alloc_words(1 + magnitude.len())?;
    // SAFETY: `1 + len` words were allocated at `object`.
    unsafe {
        object.write(header(negative, magnitude.len()));
        core::ptr::copy_nonoverlapping(magnitude.as_ptr(), object.add(1), magnitude.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Splits a 128-bit magnitude into word digits.
fn u128_digits(value: u128) -> [usize; 16 / WORD_BYTES] {
    let mut digits = [0usize; 16 / WORD_BYTES];
    for (i, digit) in digits.iter_mut().enumerate() {
        *digit = (value >> (i as u32 * WORD_BITS)) as usize;
    }
    digits
}

/// Words `value` takes on a heap: 0 if it is a small.
pub fn heap_words_i128(value: i128) -> usize {
    heap_words(value < 0, &u128_digits(value.unsigned_abs()))
}

/// Builds the integer `value`: a small when it fits, else a bignum.
pub fn build_i128(alloc: &mut impl Allocator, value: i128) -> Result<Term, BuildError> {
    build(alloc, value < 0, &u128_digits(value.unsigned_abs()))
}

/// Packs little-endian magnitude bytes (as in the external term format) into word digits.
pub fn digits_from_le_bytes(bytes: &[u8]) -> Vec<usize> {
    bytes
        .chunks(WORD_BYTES)
        .map(|chunk| chunk.iter().rev().fold(0usize, |acc, &b| (acc << 8) | usize::from(b)))
        .collect()
}

/// Whether a header word is a negative bignum header (only meaningful for bignum headers).
pub const fn header_is_negative(header: usize) -> bool {
    header & BIG_SIGN_BIT != 0
}

/// The value of an integer term (small or bignum) that fits in an `i128`. On 32-bit words a
/// small integer has only 28 bits, so BIFs taking times, sizes or counts must read their
/// integer arguments through this, not through `small_value` alone.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn integer_value(term: Term) -> Option<i128> {
    if let Some(v) = term.small_value() {
        return Some(i128::from(v));
    }
    // SAFETY: forwarded contract.
    let big = unsafe { view(term) }?;
    if big.digits.len() * usize::BITS as usize > 128 {
        return None;
    }
    let magnitude = big.digits.iter().rev().fold(0u128, |acc, &d| (acc << usize::BITS) | d as u128);
    let magnitude = i128::try_from(magnitude).ok()?;
    Some(if big.negative { -magnitude } else { magnitude })
}

/// The sign and digits of a bignum, or `None` if `term` is not one.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn view<'a>(term: Term) -> Option<BigView<'a>> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header_word = unsafe { object.read() };
    if !is_bignum_header(header_word) {
        return None;
    }
    // SAFETY: a bignum header is followed by `arity` digit words, alive for 'a.
    let digits = unsafe { core::slice::from_raw_parts(object.add(1), header_arity(header_word)) };
    Some(BigView { negative: header_is_negative(header_word), digits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Heap;

    #[test]
    fn integer_values_read_back_on_either_word_size() {
        let mut heap = Heap::with_capacity(64);
        // 2^27 and up are bignums on 32-bit words, 2^59 and up on 64-bit ones.
        for v in
            [0, -1, 1 << 27, -(1 << 27), 1_709_208_000, 1 << 59, -(1 << 62), i128::from(u64::MAX), i128::MAX]
        {
            let term = build_i128(&mut heap, v).expect("fits");
            // SAFETY: `term` was just built in `heap`.
            assert_eq!(unsafe { integer_value(term) }, Some(v), "{v}");
        }
        let too_big = build(&mut heap, false, &[0, 0, 0, 0, 1]).expect("fits");
        // SAFETY: as above.
        assert_eq!(unsafe { integer_value(too_big) }, None);
        // SAFETY: an immediate.
        assert_eq!(unsafe { integer_value(Term::NIL) }, None);
    }
}
