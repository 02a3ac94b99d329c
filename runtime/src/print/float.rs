//! Floats as `~w` writes them: the shortest digits that read back to the same float, laid out
//! by OTP's rules (`float_to_list(F, [short])`, `erts/emulator/ryu/to_chars.h`).
//!
//! With `d` the shortest decimal digits (`n` of them) and `e` the exponent such that the value
//! is `d × 10^e`, fixed notation is used when `lo <= e <= hi`, else scientific:
//!
//! * `n = 1`: `lo = -4`, `hi = 2` (`0.0001`, `100.0`, then `1.0e-5`, `1.0e3`);
//! * scientific exponent `>= 10`: `lo = -(n + 2)`, `hi = 2`;
//! * otherwise: `lo = -(n + 2)`, `hi = 1`;
//!
//! except that integers at or beyond 2^53, where a float no longer holds every integer, are
//! always scientific. Fixed notation always has a fraction (`100.0`), scientific always a
//! fractional digit and an unsigned exponent unless negative (`1.0e9`, `1.2e-4`).

use core::fmt::{self, Write};

/// Significant digits that write any `f64` exactly (the longest exact expansion has 767).
const EXACT_DIGITS: usize = 770;

/// Splits Rust's `d.ddde±x` output into its digits and scientific exponent.
fn split_scientific(text: &str) -> (String, i32) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// Shortest decimal digits and exponent of a finite, non-negative float: `value = digits ×
/// 10^exponent`, without trailing zeros. When two shortest candidates are equally close to the
/// value, the even one is chosen, as Ryu (and so OTP) does.
fn shortest(value: f64) -> (String, i32) {
    // `{:e}` prints the shortest round-tripping digits, but breaks exact ties upwards.
    let (digits, scientific_exponent) = split_scientific(&format!("{value:e}"));
    let exponent = scientific_exponent - (digits.len() as i32 - 1);
    if digits.ends_with(['1', '3', '5', '7', '9']) {
        if let Some(even) = even_tie_candidate(value, digits.len()) {
            return even;
        }
    }
    (digits, exponent)
}

/// If `value` lies exactly halfway between two `length`-digit decimals, the even one of them,
/// provided it reads back as `value`.
fn even_tie_candidate(value: f64, length: usize) -> Option<(String, i32)> {
    // A tie shows as a final 5 when rounded (exactly, ties to even) to one more digit; only
    // then is the full exact expansion worth computing.
    let (rounded, _) = split_scientific(&format!("{value:.length$e}"));
    if !rounded.ends_with('5') {
        return None;
    }
    let (exact, scientific_exponent) = split_scientific(&format!("{value:.EXACT_DIGITS$e}"));
    let (prefix, rest) = exact.split_at(length);
    if !rest.starts_with('5') || rest[1..].bytes().any(|b| b != b'0') {
        return None;
    }
    let lower: u64 = prefix.parse().ok()?;
    let even = if lower % 2 == 0 { lower } else { lower + 1 };
    let mut exponent = scientific_exponent - (length as i32 - 1);
    let mut digits = even.to_string();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
        exponent += 1;
    }
    let reads_back = format!("{digits}e{exponent}").parse::<f64>().ok()? == value;
    reads_back.then_some((digits, exponent))
}

/// Whether OTP prints a float with these digits in fixed notation.
fn is_fixed(digits: &str, exponent: i32) -> bool {
    let length = digits.len() as i32;
    let scientific_exponent = exponent + length - 1;
    let (lo, hi) = if length == 1 {
        (-4, 2)
    } else if scientific_exponent >= 10 {
        (-(length + 2), 2)
    } else {
        (-(length + 2), 1)
    };
    if exponent < lo || exponent > hi {
        return false;
    }
    let output: u64 = digits.parse().unwrap_or(0);
    let beyond_exact_integers = (output >= 1 << 53 && exponent == 0)
        || (output > (1 << 52) / 5 && exponent == 1)
        || (output > (1 << 51) / 25 && exponent == 2);
    !beyond_exact_integers
}

/// Writes a float in `~w` form. Non-finite values, which no Erlang term holds, are written
/// as Rust does.
pub fn write_float(out: &mut impl Write, value: f64) -> fmt::Result {
    if !value.is_finite() {
        return write!(out, "{value}");
    }
    if value.is_sign_negative() {
        out.write_char('-')?;
    }
    let (digits, exponent) = shortest(value.abs());
    let length = digits.len() as i32;
    if is_fixed(&digits, exponent) {
        let whole = length + exponent;
        if exponent >= 0 {
            out.write_str(&digits)?;
            for _ in 0..exponent {
                out.write_char('0')?;
            }
            out.write_str(".0")
        } else if whole > 0 {
            let (integral, fraction) = digits.split_at(whole as usize);
            write!(out, "{integral}.{fraction}")
        } else {
            out.write_str("0.")?;
            for _ in 0..-whole {
                out.write_char('0')?;
            }
            out.write_str(&digits)
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        write!(out, "{first}.{rest}e{}", exponent + length - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings taken from `io:format("~w", [F])` on OTP.
    #[test]
    fn matches_otp_short_format() {
        for (value, expected) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (100.0, "100.0"),
            (1.0e15, "1.0e15"),
            (1.0e16, "1.0e16"),
            (123456789.0, "123456789.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (12345678901234567.0, "1.2345678901234568e16"),
            (0.001, "0.001"),
            (0.0001, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (1.2345e-7, "1.2345e-7"),
            (5.0e-324, "5.0e-324"),
            (1.7976931348623157e308, "1.7976931348623157e308"),
            (0.00012, "1.2e-4"),
            (3.14159e50, "3.14159e50"),
            (9007199254740992.0, "9.007199254740992e15"),
            (999999999999999900000.0, "9.999999999999999e20"),
            (1.0e9, "1.0e9"),
            (123.456, "123.456"),
            (-2.5, "-2.5"),
            // Exact ties between two shortest candidates go to the even one.
            (2.9802322387695312e-8, "2.9802322387695312e-8"),
            (1896555595771964.2, "1896555595771964.2"),
            (141862804722943.62, "141862804722943.62"),
        ] {
            let mut out = String::new();
            write_float(&mut out, value).expect("writes to a String");
            assert_eq!(out, expected, "float {value:e}");
        }
    }
}
