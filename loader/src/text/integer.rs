//! Integers of any size in decimal.

use core::fmt::{self, Write};

/// An integer in decimal from its sign and little-endian magnitude bytes.
pub fn write_magnitude<W: Write + ?Sized>(f: &mut W, negative: bool, magnitude: &[u8]) -> fmt::Result {
    let limbs = magnitude.chunks(4).map(|c| c.iter().rev().fold(0u32, |v, &b| (v << 8) | u32::from(b)));
    write_limbs(f, negative, limbs)
}

/// An integer in decimal from its sign and magnitude as 32-bit limbs, least significant first
/// (high zero limbs allowed): repeated division by 10^9 of a copy of the magnitude (quadratic in
/// its length, as erts' own conversion is).
pub fn write_limbs<W: Write + ?Sized>(
    f: &mut W,
    negative: bool,
    limbs: impl IntoIterator<Item = u32>,
) -> fmt::Result {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u32> = limbs.into_iter().collect();
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

    fn limbs(negative: bool, limbs: &[u32]) -> String {
        let mut s = String::new();
        write_limbs(&mut s, negative, limbs.iter().copied()).unwrap();
        s
    }

    fn le(negative: bool, bytes: &[u8]) -> String {
        let mut s = String::new();
        write_magnitude(&mut s, negative, bytes).unwrap();
        s
    }

    #[test]
    fn magnitudes_of_any_length() {
        assert_eq!(limbs(false, &[]), "0");
        assert_eq!(limbs(false, &[0, 0]), "0");
        assert_eq!(limbs(false, &[0, 0, 0, 16]), "1267650600228229401496703205376");
        assert_eq!(limbs(true, &[0, 0, 0, 0x8000_0000]), "-170141183460469231731687303715884105728");
        // 10^9 and its neighbours cross a decimal group boundary.
        assert_eq!(limbs(false, &[999_999_999]), "999999999");
        assert_eq!(limbs(false, &[1_000_000_000]), "1000000000");
        assert_eq!(limbs(false, &[0, 1]), "4294967296");
        // `1 bsl 504` and `1 bsl 248` as erl prints them: the top byte of the last limb set.
        let mut two_pow_504 = [0u32; 16];
        two_pow_504[15] = 1 << 24;
        assert_eq!(
            limbs(false, &two_pow_504),
            "52374249726338269920211035149241586435466272736689036631732661889538\
             140742474792878132321477214466514414186946040961136147476104734166288853256441430016"
        );
        assert_eq!(
            limbs(false, &[0, 0, 0, 0, 0, 0, 0, 1 << 24]),
            "452312848583266388373324160190187140051835877600158453279131187530910662656"
        );
        // Bytes group into limbs least significant first, a short last group included.
        assert_eq!(le(false, &[0, 0, 0, 0, 1]), "4294967296");
        assert_eq!(le(true, &[1, 2, 3, 4, 5, 6, 7, 8, 9]), "-166599134359138271745");
    }
}
