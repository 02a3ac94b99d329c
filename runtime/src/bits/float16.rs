//! IEEE 754 half precision (`<<F:16/float>>`): conversion from `f64` rounding to nearest,
//! ties to even, as erts' `FP16_FROM_FP64` does, and back.

/// The half-precision bits nearest to `x` (overflow gives infinity).
pub fn from_f64(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7FF) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0x7FF {
        return sign | 0x7C00 | if mant != 0 { 0x200 } else { 0 };
    }
    let e = exp - 1023 + 15;
    if e >= 0x1F {
        return sign | 0x7C00;
    }
    if e <= 0 {
        // Subnormal (or zero): the implicit bit joins the mantissa.
        if e < -10 {
            return sign;
        }
        let m = mant | (1u64 << 52);
        let shift = (42 + 1 - e) as u32;
        return sign | round_shift(m, shift) as u16;
    }
    let rounded = round_shift(mant, 42);
    // A carry out of the mantissa bumps the exponent (and may reach infinity).
    let value = ((e as u64) << 10) + rounded;
    if value >= 0x7C00 { sign | 0x7C00 } else { sign | value as u16 }
}

/// `m >> shift`, rounded to nearest with ties to even.
fn round_shift(m: u64, shift: u32) -> u64 {
    let kept = m >> shift;
    let rest = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rest > half || (rest == half && kept & 1 == 1) { kept + 1 } else { kept }
}

/// The value of half-precision bits.
pub fn to_f64(h: u16) -> f64 {
    let negative = h & 0x8000 != 0;
    let exp = i32::from((h >> 10) & 0x1F);
    let mant = f64::from(h & 0x3FF);
    let magnitude = match exp {
        0 => mant * 2f64.powi(-24),
        0x1F if mant == 0.0 => f64::INFINITY,
        0x1F => f64::NAN,
        _ => (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    };
    if negative { -magnitude } else { magnitude }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_erl() {
        // Values and encodings printed by erl 25 for <<F:16/float>>.
        let cases: [(f64, u16); 14] = [
            (1.0, 0x3C00),
            (0.1, 0x2E66),
            (65504.0, 0x7BFF),
            (65519.99, 0x7BFF),
            (65520.0, 0x7C00),
            (1.0e-5, 0x00A8),
            (6.0e-8, 0x0001),
            (2.9e-8, 0x0000),
            (3.0e-8, 0x0001),
            (1.00048828125, 0x3C00),
            (1.00146484375, 0x3C02),
            (-0.0, 0x8000),
            (5.960464477539063e-8, 0x0001),
            (2.9802322387695312e-8, 0x0000),
        ];
        for (x, h) in cases {
            assert_eq!(from_f64(x), h, "{x}");
        }
        assert_eq!(from_f64(1.0e300), 0x7C00);
        assert_eq!(from_f64(-70000.0), 0xFC00);
    }

    #[test]
    fn round_trips_every_finite_half() {
        for h in 0..=u16::MAX {
            let x = to_f64(h);
            if x.is_finite() {
                assert_eq!(from_f64(x), h, "{h:#x}");
            }
        }
        assert_eq!(to_f64(0x3C00), 1.0);
        assert_eq!(to_f64(0x0001), 5.960464477539063e-8);
        assert!(to_f64(0x7C00).is_infinite());
    }
}
