//! Text to numbers, with the syntax erts accepts.
//!
//! * Floats (`list_to_float/1`, `binary_to_float/1`, erts' `sys_chars_to_double`): an
//!   optional sign, one or more digits, a `.` (or a `,`), one or more digits, and optionally
//!   `e` or `E`, an optional sign and one or more digits; nothing else. The value is the
//!   correctly rounded double; one that overflows is an error, one that underflows is kept
//!   (a subnormal or zero), as `strtod` reports them.
//! * Integers (`list_to_integer/1,2`, `binary_to_integer/1,2`): an optional sign and one or
//!   more digits of the base (letters of either case above 9); nothing else.

use super::{Integer, MAX_RESULT_BITS, mag};

/// The value of a float text, or `None` if erts rejects it.
pub fn parse_float(text: &[u8]) -> Option<f64> {
    let mut i = 0;
    let at = |i: usize| text.get(i).copied();
    if matches!(at(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while at(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return None;
    }
    let point = i;
    if !matches!(at(i), Some(b'.' | b',')) {
        return None;
    }
    i += 1;
    if !digits(&mut i) {
        return None;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != text.len() {
        return None;
    }
    let mut normalized = text.to_vec();
    normalized[point] = b'.';
    let value: f64 = core::str::from_utf8(&normalized).ok()?.parse().ok()?;
    value.is_finite().then_some(value)
}

/// The value of the digit character `c` in `base`, if it is one.
#[inline]
pub fn digit_value(c: u32, base: u32) -> Option<u32> {
    let value = match c {
        0x30..=0x39 => c - 0x30,
        0x41..=0x5A => c - 0x41 + 10,
        0x61..=0x7A => c - 0x61 + 10,
        _ => return None,
    };
    (value < base).then_some(value)
}

/// Why an integer text was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegerError {
    /// Not the syntax of an integer (`badarg`).
    Syntax,
    /// Beyond the bignum size limit (`system_limit`).
    TooLarge,
}

/// The integer written in `base` (2..=36) by the characters `text`.
pub fn parse_integer(text: &[u32], base: u32) -> Result<Integer, IntegerError> {
    let (negative, body) = match text.split_first() {
        Some((&0x2D, rest)) => (true, rest),
        Some((&0x2B, rest)) => (false, rest),
        _ => (false, text),
    };
    parse_digits(negative, body, base)
}

/// The integer `±body` where `body` holds the digit characters (after any sign) in `base`:
/// a syntax error if there are none or one is not a digit of the base. A text that certainly
/// exceeds the bignum size limit is refused before it is converted (conversion takes time
/// quadratic in the length).
pub fn parse_digits(negative: bool, body: &[u32], base: u32) -> Result<Integer, IntegerError> {
    if body.is_empty() {
        return Err(IntegerError::Syntax);
    }
    let values: Option<Vec<u8>> = body.iter().map(|&c| digit_value(c, base).map(|v| v as u8)).collect();
    let values = values.ok_or(IntegerError::Syntax)?;
    let start = values.iter().position(|&v| v != 0).unwrap_or(values.len());
    let significant = (values.len() - start) as u64;
    // A number of n digits is at least base^(n-1), so it has more than (n-1)·⌊log2 base⌋ bits.
    if significant.saturating_sub(1) * u64::from(base.ilog2()) > MAX_RESULT_BITS {
        return Err(IntegerError::TooLarge);
    }
    Ok(Integer::new(negative, mag::from_radix(&values[start..], base)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_syntax() {
        assert_eq!(parse_float(b"1.0"), Some(1.0));
        assert_eq!(parse_float(b"-1.5e10"), Some(-1.5e10));
        assert_eq!(parse_float(b"+1.5E-1"), Some(0.15));
        assert_eq!(parse_float(b"1,5"), Some(1.5));
        assert_eq!(parse_float(b"1.0e-400"), Some(0.0));
        for bad in
            [&b"1"[..], b"1.", b".5", b"1.0e", b"1.0e+", b"1e5", b"1.0e309", b" 1.0", b"1.0 ", b"", b"-"]
        {
            assert_eq!(parse_float(bad), None, "{:?}", core::str::from_utf8(bad));
        }
    }

    #[test]
    fn integer_syntax() {
        let p = |s: &str, base| parse_integer(&s.chars().map(u32::from).collect::<Vec<_>>(), base);
        assert_eq!(p("-0", 10), Ok(Integer { neg: false, mag: vec![] }));
        assert_eq!(p("+12", 10), Ok(Integer { neg: false, mag: vec![12] }));
        assert_eq!(p("ff", 16), Ok(Integer { neg: false, mag: vec![255] }));
        assert_eq!(p("-Zz", 36), Ok(Integer { neg: true, mag: vec![35 * 36 + 35] }));
        for bad in ["", "-", "+", "1 ", " 1", "12a", "--1", "8"] {
            assert_eq!(p(bad, 8), Err(IntegerError::Syntax), "{bad}");
        }
        let huge = "7".repeat(MAX_RESULT_BITS as usize / 3 + 2);
        assert_eq!(p(&huge, 8), Err(IntegerError::TooLarge));
        assert_eq!(p(&(huge + "9"), 8), Err(IntegerError::Syntax));
    }
}
