//! Comparing numbers: integers (small or bignum) and floats, exactly.
//!
//! Arithmetic order compares values mathematically, even a bignum against a float: the float
//! is split into its integral part (an exact integer) and its fraction, so no precision is
//! lost in either direction. Exact order (map keys, `=:=`) puts every integer before every
//! float (erts' tag order FLOAT_DEF < BIG_DEF < SMALL_DEF, read backwards). `-0.0` and `0.0`
//! are equal in both orders, as in OTP 25 (whose behaviour rbeam follows; OTP 27 tells them
//! apart in exact order).

use core::cmp::Ordering;

use super::Mode;
use crate::term::bignum::BigView;
use crate::term::tags::{WORD_BITS, WORD_BYTES};

/// A number decoded from a term.
#[derive(Debug, Clone, Copy)]
pub(super) enum Number<'a> {
    Small(i64),
    Big(BigView<'a>),
    Float(f64),
}

/// Orders two numbers.
pub(super) fn compare(a: Number<'_>, b: Number<'_>, mode: Mode) -> Ordering {
    match (a, b) {
        (Number::Float(x), Number::Float(y)) => compare_floats(x, y, mode),
        (Number::Float(_), _) if mode == Mode::Exact => Ordering::Greater,
        (_, Number::Float(_)) if mode == Mode::Exact => Ordering::Less,
        (Number::Float(x), integer) => compare_integer_float(integer, x).reverse(),
        (integer, Number::Float(y)) => compare_integer_float(integer, y),
        (x, y) => {
            let (x_negative, x_digits) = signed_magnitude(x);
            let (y_negative, y_digits) = signed_magnitude(y);
            compare_signed(x_negative, x_digits.as_slice(), y_negative, y_digits.as_slice())
        }
    }
}

fn compare_floats(x: f64, y: f64, _mode: Mode) -> Ordering {
    match x.partial_cmp(&y) {
        Some(order) => order,
        None => x.total_cmp(&y),
    }
}

/// Magnitude digits of an integer: borrowed for bignums, built for smalls.
enum Digits<'a> {
    Borrowed(&'a [usize]),
    Owned(Vec<usize>),
}

impl Digits<'_> {
    fn as_slice(&self) -> &[usize] {
        match self {
            Digits::Borrowed(digits) => digits,
            Digits::Owned(digits) => digits,
        }
    }
}

fn u64_digits(value: u64) -> Vec<usize> {
    (0..8 / WORD_BYTES).map(|i| (value >> (i as u32 * WORD_BITS)) as usize).collect()
}

/// Sign and magnitude of an integer (floats are handled before this is reached).
fn signed_magnitude(number: Number<'_>) -> (bool, Digits<'_>) {
    match number {
        Number::Small(v) => (v < 0, Digits::Owned(u64_digits(v.unsigned_abs()))),
        Number::Big(big) => (big.negative, Digits::Borrowed(big.digits)),
        Number::Float(_) => (false, Digits::Owned(Vec::new())),
    }
}

fn significant(digits: &[usize]) -> &[usize] {
    let len = digits.iter().rposition(|&d| d != 0).map_or(0, |top| top + 1);
    &digits[..len]
}

fn compare_magnitudes(a: &[usize], b: &[usize]) -> Ordering {
    let (a, b) = (significant(a), significant(b));
    a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// Orders `±a` against `±b`; a zero magnitude is zero whatever its sign flag says.
fn compare_signed(a_negative: bool, a: &[usize], b_negative: bool, b: &[usize]) -> Ordering {
    let a_negative = a_negative && !significant(a).is_empty();
    let b_negative = b_negative && !significant(b).is_empty();
    match (a_negative, b_negative) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => compare_magnitudes(a, b),
        (true, true) => compare_magnitudes(a, b).reverse(),
    }
}

/// The magnitude of an integral, finite float as word digits.
fn integral_float_digits(value: f64) -> Vec<usize> {
    let bits = value.abs().to_bits();
    let biased_exponent = (bits >> 52) as i32;
    if biased_exponent == 0 {
        // Zero or subnormal: an integral subnormal does not exist, so this is zero.
        return Vec::new();
    }
    let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let shift = biased_exponent - 1075;
    if shift <= 0 {
        let shifted = if shift <= -64 { 0 } else { mantissa >> (-shift) as u32 };
        return u64_digits(shifted);
    }
    let shift = shift as u32;
    let word_shift = (shift / WORD_BITS) as usize;
    let wide = (mantissa as u128) << (shift % WORD_BITS);
    let mut digits = vec![0usize; word_shift];
    digits.extend((0..16 / WORD_BYTES).map(|i| (wide >> (i as u32 * WORD_BITS)) as usize));
    digits
}

/// Orders an integer against a float by exact value.
fn compare_integer_float(integer: Number<'_>, float: f64) -> Ordering {
    if float.is_nan() {
        return Ordering::Less;
    }
    if float.is_infinite() {
        return if float > 0.0 { Ordering::Less } else { Ordering::Greater };
    }
    let whole = float.trunc();
    let (negative, digits) = signed_magnitude(integer);
    let whole_digits = integral_float_digits(whole);
    let order = compare_signed(negative, digits.as_slice(), whole < 0.0, &whole_digits);
    if order != Ordering::Equal {
        return order;
    }
    let fraction = float - whole;
    if fraction > 0.0 {
        Ordering::Less
    } else if fraction < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arith(a: Number<'_>, b: Number<'_>) -> Ordering {
        compare(a, b, Mode::Arithmetic)
    }

    #[test]
    fn small_against_float() {
        assert_eq!(arith(Number::Small(1), Number::Float(1.0)), Ordering::Equal);
        assert_eq!(arith(Number::Small(1), Number::Float(1.5)), Ordering::Less);
        assert_eq!(arith(Number::Small(-1), Number::Float(-1.5)), Ordering::Greater);
        assert_eq!(arith(Number::Float(-0.5), Number::Small(0)), Ordering::Less);
        assert_eq!(arith(Number::Small(0), Number::Float(-0.0)), Ordering::Equal);
    }

    #[test]
    fn integers_beyond_53_bits_compare_exactly_with_floats() {
        let two_53 = 1i64 << 53;
        assert_eq!(arith(Number::Small(two_53 + 1), Number::Float(two_53 as f64)), Ordering::Greater);
        assert_eq!(arith(Number::Small(two_53), Number::Float(two_53 as f64)), Ordering::Equal);
    }

    #[test]
    fn bignum_against_float() {
        // 2^70 as a bignum.
        let digits = integral_float_digits(2f64.powi(70));
        let big = BigView { negative: false, digits: &digits };
        assert_eq!(arith(Number::Big(big), Number::Float(2f64.powi(70))), Ordering::Equal);
        assert_eq!(arith(Number::Big(big), Number::Float(1.0e21)), Ordering::Greater);
        assert_eq!(arith(Number::Big(big), Number::Float(1.2e21)), Ordering::Less);
        let negative = BigView { negative: true, digits: &digits };
        assert_eq!(arith(Number::Float(-1.0e21), Number::Big(negative)), Ordering::Greater);
    }

    #[test]
    fn exact_order_puts_integers_before_floats() {
        assert_eq!(compare(Number::Small(2), Number::Float(1.0), Mode::Exact), Ordering::Less);
        assert_eq!(compare(Number::Float(1.0), Number::Small(1), Mode::Exact), Ordering::Greater);
        assert_eq!(compare(Number::Float(-0.0), Number::Float(0.0), Mode::Exact), Ordering::Equal);
        assert_eq!(arith(Number::Float(-0.0), Number::Float(0.0)), Ordering::Equal);
    }
}
