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

/// Shortest decimal digits and exponent of a finite, non-negative float: `value = digits ×
/// 10^exponent`.
fn shortest(value: f64) -> (String, i32) {
    // `{:e}` prints the shortest round-tripping digits as `d.ddde±x`.
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let scientific_exponent: i32 = exponent.parse().unwrap_or(0);
    let exponent = scientific_exponent - (digits.len() as i32 - 1);
    (digits, exponent)
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
        ] {
            let mut out = String::new();
            write_float(&mut out, value).expect("writes to a String");
            assert_eq!(out, expected, "float {value:e}");
        }
    }
}
