//! Floats in Erlang syntax, digit for digit as OTP 25 prints them with `~w`.

use core::fmt::{self, Write};

/// A float as OTP 25's `io_lib_format:fwrite_g/1`: the shortest digits that read back exactly,
/// laid out in plain or exponent form, whichever is shorter, with ties going to plain; plain
/// form always has a digit after the point, and integral values of 2^53 or more always use the
/// exponent form. Infinities and NaN, which no Erlang term holds, are written as Rust writes
/// them.
pub fn write_float<W: Write + ?Sized>(f: &mut W, v: f64) -> fmt::Result {
    if !v.is_finite() {
        return write!(f, "{v}");
    }
    if v == 0.0 {
        return f.write_str(if v.is_sign_negative() { "-0.0" } else { "0.0" });
    }
    let (digits, exp) = shortest_digits(v.abs())?;
    let s = digits.as_str();
    let len = s.len() as i32;
    // The value is 0.S × 10^place.
    let place = exp + 1;
    if v < 0.0 {
        f.write_char('-')?;
    }
    let zeros = |f: &mut W, n: i32| (0..n).try_for_each(|_| f.write_char('0'));
    let exponent_form = |f: &mut W| {
        let (first, rest) = s.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        write!(f, "{first}.{rest}e{}", place - 1)
    };
    if place == 0 {
        return write!(f, "0.{s}");
    }
    if place > 0 && place < len {
        let (int, frac) = s.split_at(place as usize);
        return write!(f, "{int}.{frac}");
    }
    let exp_len = decimal_len(place - 1);
    let exp_cost = exp_len + 1 + if len == 1 { 2 } else { 1 };
    if place < 0 {
        if 2 - place <= exp_cost {
            f.write_str("0.")?;
            zeros(f, -place)?;
            return f.write_str(s);
        }
        return exponent_form(f);
    }
    if place - len + 2 <= exp_cost && v.abs() < 9007199254740992.0 {
        f.write_str(s)?;
        zeros(f, place - len)?;
        return f.write_str(".0");
    }
    exponent_form(f)
}

/// The shortest digits that read back as `v` (positive, finite), and the decimal exponent of
/// the first digit. Among equally short candidates the closest wins, and an exact tie goes to
/// the even last digit, as in Ryu, which erl uses. Rust's `{:e}` finds the same digits except
/// that it breaks ties upwards, so ties are detected (a neighbour that also reads back, and an
/// exact expansion that ends in 5 right after the last digit) and corrected.
fn shortest_digits(v: f64) -> Result<(Buf<32>, i32), fmt::Error> {
    let (mut digits, exp) = scientific::<32>(v, None)?;
    let n = digits.len;
    let last = digits.bytes[n - 1] - b'0';
    if last % 2 == 1 {
        for even in [last - 1, last + 1] {
            if even == 0 || even > 9 {
                continue;
            }
            let mut text = Buf::<40>::new();
            let (head, _) = digits.as_str().split_at(n - 1);
            write!(text, "{head}{even}e{}", exp + 1 - n as i32)?;
            if text.as_str().parse::<f64>() != Ok(v) {
                continue;
            }
            // No double has more than 767 significant digits: 800 digits are exact.
            let (exact, exact_exp) = scientific::<1024>(v, Some(800))?;
            let mut tie = Buf::<40>::new();
            write!(tie, "{head}{}5", last.min(even))?;
            if exact_exp == exp && exact.as_str() == tie.as_str() {
                digits.bytes[n - 1] = b'0' + even;
            }
            break;
        }
    }
    Ok((digits, exp))
}

/// The significant digits of `v` in scientific notation (shortest, or with `precision` digits
/// after the point, then without trailing zeros) and the exponent of the first.
fn scientific<const N: usize>(v: f64, precision: Option<usize>) -> Result<(Buf<N>, i32), fmt::Error> {
    let mut sci = Buf::<N>::new();
    match precision {
        None => write!(sci, "{v:e}")?,
        Some(p) => write!(sci, "{v:.p$e}")?,
    }
    let (mantissa, exp) = sci.as_str().split_once('e').ok_or(fmt::Error)?;
    let exp: i32 = exp.parse().map_err(|_| fmt::Error)?;
    let mut digits = Buf::<N>::new();
    mantissa.chars().filter(|&c| c != '.').try_for_each(|c| digits.write_char(c))?;
    while digits.len > 1 && digits.bytes[digits.len - 1] == b'0' {
        digits.len -= 1;
    }
    Ok((digits, exp))
}

/// Characters in the decimal form of `n`, sign included.
fn decimal_len(n: i32) -> i32 {
    let sign = i32::from(n < 0);
    let mut n = n.unsigned_abs();
    let mut len = 1;
    while n >= 10 {
        n /= 10;
        len += 1;
    }
    sign + len
}

/// A stack buffer for formatting floats without allocating.
struct Buf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    fn new() -> Self {
        Buf { bytes: [0; N], len: 0 }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings as OTP 25 prints them with `io:format("~w", [F])`.
    #[test]
    fn matches_otp() {
        for (value, expected) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-2.5, "-2.5"),
            (123.456, "123.456"),
            (100.0, "100.0"),
            (1.0e9, "1.0e9"),
            (1.0e10, "1.0e10"),
            (12345678901.0, "12345678901.0"),
            (123456789.0, "123456789.0"),
            (1.0e15, "1.0e15"),
            (1.0e16, "1.0e16"),
            (1.0e23, "1.0e23"),
            (1234567890123456.0, "1234567890123456.0"),
            (12345678901234567.0, "1.2345678901234568e16"),
            (9007199254740991.0, "9007199254740991.0"),
            (9007199254740992.0, "9.007199254740992e15"),
            (999999999999999900000.0, "9.999999999999999e20"),
            (3.14159e50, "3.14159e50"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
            (0.001, "0.001"),
            (0.00123, "0.00123"),
            (0.0001, "0.0001"),
            (0.00012, "1.2e-4"),
            (1.0e-5, "1.0e-5"),
            (-1.0e-10, "-1.0e-10"),
            (1.2345e-7, "1.2345e-7"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (5.0e-324, "5.0e-324"),
        ] {
            let mut out = String::new();
            write_float(&mut out, value).expect("writes to a String");
            assert_eq!(out, expected, "float {value:e}");
        }
    }

    /// Values exactly halfway between two shortest candidates: Ryu (and so erl) takes the even
    /// one, where Rust's `{:e}` rounds up.
    #[test]
    fn exact_ties_go_to_even() {
        for (value, expected) in [
            (2.9802322387695312e-8, "2.9802322387695312e-8"),
            (1896555595771964.2, "1896555595771964.2"),
            (141862804722943.62, "141862804722943.62"),
        ] {
            let mut out = String::new();
            write_float(&mut out, value).expect("writes to a String");
            assert_eq!(out, expected, "float {value:e}");
        }
    }

    #[test]
    fn non_finite_values_do_not_fail() {
        for (value, expected) in [(f64::INFINITY, "inf"), (f64::NEG_INFINITY, "-inf"), (f64::NAN, "NaN")] {
            let mut out = String::new();
            write_float(&mut out, value).expect("writes to a String");
            assert_eq!(out, expected);
        }
    }
}
