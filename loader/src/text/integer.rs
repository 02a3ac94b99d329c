//! Integers of any size in decimal.

use core::fmt::{self, Write};

/// An integer in decimal from its sign and little-endian magnitude bytes: repeated division by 10^9 of a copy of the magnitude (quadratic in
/// its length, as erts' own conversion is).
pub fn write_magnitude<W: Write + ?Sized>(f: &mut W, negative: bool, magnitude: &[u8]) -> fmt::Result {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u32> =
        magnitude.chunks(4).map(|c| c.iter().rev().fold(0u32, |v, &b| (v << 8) | u32::from(b))).collect();
    let mut groups = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / BASE) as u32;
            rem = cur % BASE;
        }
        groups.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    if negative {
        f.write_char('-')?;
    }
    let mut groups = groups.iter().rev();
    write!(f, "{}", groups.next().copied().unwrap_or(0))?;
    groups.try_for_each(|g| write!(f, "{g:09}"))
}

/// An integer in decimal from its big-endian two's complement bytes, the form compact-term
/// operands store big integers in.
pub fn write_signed_be<W: Write + ?Sized>(f: &mut W, bytes: &[u8]) -> fmt::Result {
    let negative = bytes.first().is_some_and(|&b| b & 0x80 != 0);
    // Negate two's complement (invert, add one) into a little-endian magnitude.
    let mut magnitude: Vec<u8> = bytes.iter().rev().map(|&b| if negative { !b } else { b }).collect();
    if negative {
        for b in &mut magnitude {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
    }
    write_magnitude(f, negative, &magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn be(bytes: &[u8]) -> String {
        let mut s = String::new();
        write_signed_be(&mut s, bytes).unwrap();
        s
    }

    #[test]
    fn twos_complement_bytes() {
        assert_eq!(be(&[0x01, 0, 0, 0, 0, 0, 0, 0, 0]), "18446744073709551616");
        assert_eq!(be(&[0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), "-9223372036854775809");
        assert_eq!(be(&[0xFF]), "-1");
        assert_eq!(be(&[0x00]), "0");
        assert_eq!(be(&[0xFF, 0, 0, 0, 0, 0, 0, 0, 0]), "-18446744073709551616");
    }
}
