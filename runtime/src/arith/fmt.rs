//! Floats to text, byte for byte as OTP 25's `float_to_list/1,2` (`bif.c`
//! `do_float_to_charbuf`) writes them:
//!
//! * `[]` (and `float_to_list/1`): C's `"%.20e"`.
//! * `{scientific, N}`: `"%.Ne"` (a negative `N` means C's default precision, 6).
//! * `{decimals, N}` (plus `compact`): erts' `sys_double_to_chars_fast`: for `|F| <= 2^53`
//!   and `N < 19` the integer part is `floor(|F|)` and the fraction
//!   `round((|F| - floor(|F|)) * 10^N)` in doubles, rounding halves away from zero (so
//!   `0.125` with 2 decimals is `"0.13"`); otherwise C's `"%.Nf"`. `compact` strips trailing
//!   zeros but keeps one digit after the point; on the `"%.Nf"` path erts strips even without
//!   a point (`1.0e20` with `{decimals, 0}` and `compact` is `"1"`). The sign follows the
//!   sign bit (`-0.0` prints as `"-0.00"`).
//! * `short`: the shortest text that reads back exactly (Ryu), as `~w` prints floats.
//!
//! Text longer than erts' 255-byte buffer is `badarg` (`None` here). C's `%e` and `%f` are
//! computed here from the exact decimal expansion of the double, rounding ties to even as
//! glibc does.

use super::mag::{self, Digit};

/// Size of erts' conversion buffer: a text of this many bytes or more fails.
pub const BUFFER_SIZE: usize = 256;

/// erts' `SYS_DEFAULT_FLOAT_DECIMALS`: the precision of `float_to_list/1`.
pub const DEFAULT_DECIMALS: i32 = 20;

/// How `float_to_list/2` formats, after reading its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatFormat {
    /// `"%.Ne"`.
    Scientific(i32),
    /// Fixed decimals, trailing zeros stripped when `compact`.
    Decimals { decimals: i32, compact: bool },
    /// The shortest round-trip text.
    Short,
}

/// Formats `v` (finite) as `float_to_list/2` does, or `None` where erts fails with `badarg`.
pub fn format(v: f64, format: FloatFormat) -> Option<String> {
    match format {
        FloatFormat::Scientific(precision) => {
            let precision = if precision < 0 { 6 } else { precision as usize };
            let text = format_e(v, precision)?;
            (text.len() < BUFFER_SIZE).then_some(text)
        }
        FloatFormat::Decimals { decimals, compact } => fixed(v, decimals, compact),
        FloatFormat::Short => {
            let mut text = String::new();
            rbeam_loader::text::write_float(&mut text, v).ok()?;
            Some(text)
        }
    }
}

/// Powers of ten as C writes the literals `1e0` … `1e18`.
const POW10: [f64; 19] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

/// erts' `sys_double_to_chars_fast`.
fn fixed(v: f64, decimals: i32, compact: bool) -> Option<String> {
    if decimals < 0 {
        return None;
    }
    let negative = v.is_sign_negative();
    let magnitude = v.abs();
    if magnitude > 9007199254740992.0 || decimals as usize >= POW10.len() {
        let mut text = format_f(v, decimals as usize)?;
        if text.len() >= BUFFER_SIZE {
            return None;
        }
        if compact {
            strip_trailing_zeros(&mut text);
        }
        return Some(text);
    }
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    if decimals > 0 {
        let scale = POW10[decimals as usize];
        let int_f = magnitude.floor();
        let frac_f = ((magnitude - int_f) * scale).round();
        let (mut int_part, mut frac_part) = (int_f as u64, frac_f as u64);
        if frac_f >= scale {
            int_part += 1;
            frac_part = 0;
        }
        text.push_str(&format!("{int_part}.{frac_part:0width$}", width = decimals as usize));
        if compact {
            strip_trailing_zeros(&mut text);
        }
    } else {
        text.push_str(&format!("{}", magnitude.round() as u64));
    }
    Some(text)
}

/// erts' `find_first_trailing_zero`: drops trailing `'0'`s, but keeps one right after a `.`.
fn strip_trailing_zeros(text: &mut String) {
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.push('0');
    }
}

/// The exact decimal expansion of `|v|` (finite): significant digits (ASCII, no leading or
/// trailing zeros; empty for zero) and the position of the decimal point: the value is
/// `0.DIGITS × 10^point`.
pub fn exact_decimal(v: f64) -> (Vec<u8>, i64) {
    let bits = v.abs().to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) =
        if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    if mantissa == 0 {
        return (Vec::new(), 0);
    }
    let mantissa = super::u64_digits(mantissa);
    let (value, fraction_digits) = if exponent >= 0 {
        (mag::shl(&mantissa, exponent as u64), 0)
    } else {
        // m / 2^k = m · 5^k / 10^k
        let k = exponent.unsigned_abs();
        (mag::mul(&mantissa, &pow5(k)), k as i64)
    };
    let mut digits = mag::to_radix(&value, 10);
    let point = digits.len() as i64 - fraction_digits;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point)
}

/// `5^k` as a magnitude.
fn pow5(k: u64) -> Vec<Digit> {
    let (chunk, per_chunk) = mag::chunk_power(5);
    let mut acc = vec![1];
    let mut left = k;
    while left > 0 {
        let step = left.min(u64::from(per_chunk));
        let factor = if step == u64::from(per_chunk) { chunk } else { (5 as Digit).pow(step as u32) };
        mag::mul_digit_add_in_place(&mut acc, factor, 0);
        left -= step;
    }
    acc
}

/// Rounds `0.DIGITS × 10^point` to its first `keep` digits (`keep` may be zero or negative:
/// rounding to a unit above the first digit), ties to even. Returns the kept digits (without
/// trailing zeros, maybe empty) and the new point.
fn round_digits(digits: &[u8], point: i64, keep: i64) -> (Vec<u8>, i64) {
    if keep >= digits.len() as i64 {
        return (digits.to_vec(), point);
    }
    let (kept, dropped): (&[u8], &[u8]) =
        if keep <= 0 { (&[], if keep == 0 { digits } else { &[] }) } else { digits.split_at(keep as usize) };
    let round_up = match dropped.split_first() {
        None => false,
        Some((&first, rest)) => {
            first > b'5'
                || (first == b'5'
                    && (rest.iter().any(|&d| d != b'0') || kept.last().is_some_and(|&d| (d - b'0') % 2 == 1)))
        }
    };
    let mut out = kept.to_vec();
    if !round_up {
        while out.last() == Some(&b'0') {
            out.pop();
        }
        return (out, point);
    }
    while let Some(last) = out.pop() {
        if last != b'9' {
            out.push(last + 1);
            return (out, point);
        }
    }
    // Every kept digit was a 9 (or none was kept): the value became a power of ten.
    (vec![b'1'], point - keep.min(0) + 1)
}

/// C's `printf("%.{precision}e", v)` (glibc: exact, ties to even), or `None` when the text
/// would not fit erts' buffer.
pub fn format_e(v: f64, precision: usize) -> Option<String> {
    if precision > BUFFER_SIZE {
        return None;
    }
    let (digits, point) = exact_decimal(v);
    let (digits, point) = round_digits(&digits, point, precision as i64 + 1);
    let exponent = if digits.is_empty() { 0 } else { point - 1 };
    let mut text = String::with_capacity(precision + 8);
    if v.is_sign_negative() {
        text.push('-');
    }
    let digit = |i: usize| digits.get(i).map_or('0', |&d| d as char);
    text.push(digit(0));
    if precision > 0 {
        text.push('.');
        (1..=precision).for_each(|i| text.push(digit(i)));
    }
    text.push_str(&format!("e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs()));
    Some(text)
}

/// C's `printf("%.{precision}f", v)` (glibc: exact, ties to even), or `None` when the text
/// would not fit erts' buffer.
pub fn format_f(v: f64, precision: usize) -> Option<String> {
    if precision > BUFFER_SIZE {
        return None;
    }
    let (digits, point) = exact_decimal(v);
    let (digits, point) = round_digits(&digits, point, point + precision as i64);
    let mut text = String::with_capacity(precision + 8);
    if v.is_sign_negative() {
        text.push('-');
    }
    let digit = |i: i64| if i < 0 { '0' } else { digits.get(i as usize).map_or('0', |&d| d as char) };
    if point <= 0 {
        text.push('0');
    } else {
        (0..point).for_each(|i| text.push(digit(i)));
    }
    if precision > 0 {
        text.push('.');
        (0..precision as i64).for_each(|i| text.push(digit(point + i)));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_expansions() {
        assert_eq!(exact_decimal(0.0), (vec![], 0));
        assert_eq!(exact_decimal(1.0), (b"1".to_vec(), 1));
        assert_eq!(exact_decimal(0.125), (b"125".to_vec(), 0));
        assert_eq!(exact_decimal(1.0e20), (b"1".to_vec(), 21));
        let (digits, point) = exact_decimal(0.1);
        assert_eq!(
            String::from_utf8(digits).unwrap(),
            "1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(point, 0);
        let (digits, point) = exact_decimal(5.0e-324);
        assert_eq!(point, -323);
        assert_eq!(digits.len(), 751);
    }

    #[test]
    fn printf_e_and_f() {
        assert_eq!(format_e(1.0, 20).unwrap(), "1.00000000000000000000e+00");
        assert_eq!(format_e(-0.0, 2).unwrap(), "-0.00e+00");
        assert_eq!(format_e(9.96, 1).unwrap(), "1.0e+01");
        assert_eq!(format_e(0.125, 1).unwrap(), "1.2e-01");
        assert_eq!(format_e(0.375, 1).unwrap(), "3.8e-01");
        assert_eq!(format_e(1.0e100, 0).unwrap(), "1e+100");
        assert_eq!(format_e(5.0e-324, 3).unwrap(), "4.941e-324");
        assert_eq!(format_f(0.125, 2).unwrap(), "0.12");
        assert_eq!(format_f(0.5, 0).unwrap(), "0");
        assert_eq!(format_f(1.5, 0).unwrap(), "2");
        assert_eq!(format_f(0.9, 0).unwrap(), "1");
        assert_eq!(format_f(0.001, 1).unwrap(), "0.0");
        assert_eq!(format_f(0.06, 1).unwrap(), "0.1");
        assert_eq!(format_f(99.99, 1).unwrap(), "100.0");
        assert_eq!(format_f(1.0e20, 0).unwrap(), "100000000000000000000");
        assert_eq!(format_f(-0.0, 3).unwrap(), "-0.000");
    }

    #[test]
    fn fixed_as_erts() {
        let f = |v: f64, d: i32, c: bool| format(v, FloatFormat::Decimals { decimals: d, compact: c });
        assert_eq!(f(0.125, 2, false).unwrap(), "0.13");
        assert_eq!(f(-0.0, 2, false).unwrap(), "-0.00");
        assert_eq!(f(2.5, 0, false).unwrap(), "3");
        assert_eq!(f(0.9999999, 3, false).unwrap(), "1.000");
        assert_eq!(f(1.0e20, 0, true).unwrap(), "1");
        assert_eq!(f(1.0, 3, true).unwrap(), "1.0");
        assert_eq!(f(1.0, 253, false).map(|s| s.len()), Some(255));
        assert_eq!(f(1.0, 254, false), None);
        assert_eq!(f(1.0, -1, false), None);
    }
}
