//! Integers in bit syntax: writing an integer term as `n` bits of two's complement, and
//! reading `n` bits back as a small or a bignum, big or little endian, signed or not.
//!
//! A little-endian field whose size is not a multiple of 8 is laid out as erts does it: the
//! whole bytes first, least significant first, then the `n % 8` most significant bits
//! (`<<16#ABC:12/little>>` is `<<16#BC, 16#A:4>>`).

use super::BitWriter;
use super::copy::{copy_bits, read_bits};
use crate::heap::Allocator;
use crate::term::bignum::{self, BigView};
use crate::term::tags::{WORD_BITS, WORD_BYTES};
use crate::term::{BuildError, Term};

/// An integer term's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int<'a> {
    Small(i64),
    Big(BigView<'a>),
}

/// The value of an integer term, or `None` if `term` is not an integer.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn int_of<'a>(term: Term) -> Option<Int<'a>> {
    if let Some(v) = term.small_value() {
        return Some(Int::Small(v));
    }
    // SAFETY: forwarded contract.
    unsafe { bignum::view(term) }.map(Int::Big)
}

/// The magnitude of a bignum as little-endian bytes.
fn magnitude_le(digits: &[usize]) -> Vec<u8> {
    let mut out = Vec::with_capacity(digits.len() * WORD_BYTES);
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
    out
}

/// Two's complement negation of a little-endian byte string, in place.
fn negate_le(bytes: &mut [u8]) {
    let mut carry = true;
    for b in bytes.iter_mut() {
        let (v, c) = (!*b).overflowing_add(u8::from(carry));
        *b = v;
        carry = carry && c;
    }
}

/// `value` as `len` little-endian bytes of two's complement (truncated or sign-extended).
fn twos_complement_le(value: Int<'_>, len: usize) -> Vec<u8> {
    match value {
        Int::Small(v) => {
            let fill = if v < 0 { 0xFF } else { 0 };
            let mut out = vec![fill; len];
            let raw = v.to_le_bytes();
            let n = len.min(8);
            out[..n].copy_from_slice(&raw[..n]);
            out
        }
        Int::Big(big) => {
            let mut out = magnitude_le(big.digits);
            out.resize(len, 0);
            if big.negative {
                negate_le(&mut out);
            }
            out
        }
    }
}

/// Writes the low `n` bits of `value`'s two's complement.
pub fn put_integer(w: &mut BitWriter, value: Int<'_>, n: usize, little: bool) {
    if n == 0 {
        return;
    }
    let rem = n % 8;
    if let (Int::Small(v), true) = (value, n <= 64) {
        let u = v as u64;
        if !little {
            w.put_uint(u, n as u32);
        } else {
            let bytes = u.to_le_bytes();
            w.put_bytes(&bytes[..n / 8]);
            if rem != 0 {
                w.put_uint(u64::from(bytes[n / 8]), rem as u32);
            }
        }
        return;
    }
    let len = n.div_ceil(8);
    let mut le = twos_complement_le(value, len);
    if rem != 0 {
        le[len - 1] &= (1u8 << rem) - 1;
    }
    if little {
        let whole = n / 8;
        w.put_bytes(&le[..whole]);
        if rem != 0 {
            w.put_uint(u64::from(le[whole]), rem as u32);
        }
    } else {
        let mut be = le;
        be.reverse();
        if rem != 0 {
            w.put_uint(u64::from(be[0]), rem as u32);
            w.put_bytes(&be[1..]);
        } else {
            w.put_bytes(&be);
        }
    }
}

/// An integer read from bits, not yet built on a heap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadInt {
    /// Any field of at most 64 bits.
    Word(i128),
    /// A wider field: sign and magnitude digits, least significant first.
    Big { negative: bool, digits: Vec<usize> },
}

impl ReadInt {
    /// Heap words the term needs (0 for a small).
    pub fn heap_words(&self) -> usize {
        match self {
            ReadInt::Word(v) => bignum::heap_words_i128(*v),
            ReadInt::Big { negative, digits } => bignum::heap_words(*negative, digits),
        }
    }

    /// The value as a term, built into `alloc` unless it is a small.
    pub fn build(&self, alloc: &mut impl Allocator) -> Result<Term, BuildError> {
        match self {
            ReadInt::Word(v) => bignum::build_i128(alloc, *v),
            ReadInt::Big { negative, digits } => bignum::build(alloc, *negative, digits),
        }
    }

    /// The value as a small, if it is one (no allocation needed).
    pub fn as_small(&self) -> Option<Term> {
        match self {
            ReadInt::Word(v) => i64::try_from(*v).ok().and_then(Term::small),
            ReadInt::Big { .. } => None,
        }
    }
}

/// Reads `n` bits of `src` from bit `off` as an integer.
pub fn read_integer(src: &[u8], off: usize, n: usize, little: bool, signed: bool) -> ReadInt {
    if n == 0 {
        return ReadInt::Word(0);
    }
    let rem = n % 8;
    if n <= 64 {
        let mut buf = [0u8; 8];
        copy_bits(src, off, &mut buf, 0, n);
        let u: u64 = if little {
            let whole = n / 8;
            let mut v = 0u64;
            for (i, b) in buf[..whole].iter().enumerate() {
                v |= u64::from(*b) << (8 * i);
            }
            if rem != 0 {
                v |= u64::from(buf[whole] >> (8 - rem)) << (8 * whole);
            }
            v
        } else {
            u64::from_be_bytes(buf) >> (64 - n)
        };
        let mut value = i128::from(u);
        if signed && (u >> (n - 1)) & 1 == 1 {
            value -= 1i128 << n;
        }
        return ReadInt::Word(value);
    }
    let left = read_bits(src, off, n);
    let len = left.len();
    // The unsigned value as little-endian bytes.
    let mut le = if little {
        let whole = n / 8;
        let mut le = left[..whole].to_vec();
        if rem != 0 {
            le.push(left[whole] >> (8 - rem));
        }
        le
    } else {
        let pad = (8 - rem) % 8;
        let mut be = vec![0u8; len];
        for i in 0..len {
            let high = if i == 0 || pad == 0 { 0 } else { left[i - 1] << (8 - pad) };
            be[i] = (left[i] >> pad) | high;
        }
        be.reverse();
        be
    };
    let top_bit = if rem == 0 { 7 } else { rem - 1 };
    let negative = signed && (le[len - 1] >> top_bit) & 1 == 1;
    if negative {
        negate_le(&mut le);
        if rem != 0 {
            le[len - 1] &= (1u8 << rem) - 1;
        }
    }
    ReadInt::Big { negative, digits: bignum::digits_from_le_bytes(&le) }
}

/// Bits of the magnitude of an integer (0 for 0): how wide an unsigned field must be.
pub fn magnitude_bits(value: Int<'_>) -> usize {
    match value {
        Int::Small(v) => (64 - v.unsigned_abs().leading_zeros()) as usize,
        Int::Big(big) => match big.digits.last() {
            Some(top) => big.digits.len() * WORD_BITS as usize - top.leading_zeros() as usize,
            None => 0,
        },
    }
}

/// An integer as unsigned big-endian bytes (`binary:encode_unsigned/1`), `None` if negative.
pub fn unsigned_be_bytes(value: Int<'_>) -> Option<Vec<u8>> {
    let mut le = match value {
        Int::Small(v) if v < 0 => return None,
        Int::Small(v) => (v as u64).to_le_bytes().to_vec(),
        Int::Big(big) if big.negative => return None,
        Int::Big(big) => magnitude_le(big.digits),
    };
    while le.len() > 1 && le.last() == Some(&0) {
        le.pop();
    }
    le.reverse();
    Some(le)
}

/// Builds the unsigned integer whose big-endian bytes are `be`.
pub fn from_unsigned_be(alloc: &mut impl Allocator, be: &[u8]) -> Result<Term, BuildError> {
    let le: Vec<u8> = be.iter().rev().copied().collect();
    bignum::build(alloc, false, &bignum::digits_from_le_bytes(&le))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits_of(value: i128, n: usize, little: bool) -> BitWriter {
        let mut w = BitWriter::new();
        match i64::try_from(value) {
            Ok(v) => put_integer(&mut w, Int::Small(v), n, little),
            Err(_) => {
                let negative = value < 0;
                let mag = value.unsigned_abs();
                let digits: Vec<usize> = bignum::digits_from_le_bytes(&mag.to_le_bytes());
                let len = digits.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
                put_integer(&mut w, Int::Big(BigView { negative, digits: &digits[..len] }), n, little);
            }
        }
        w
    }

    #[test]
    fn layouts_match_erl() {
        assert_eq!(bits_of(0xABC, 12, true).bytes(), &[0xBC, 0xA0]);
        assert_eq!(bits_of(0xABC, 12, false).bytes(), &[0xAB, 0xC0]);
        assert_eq!(bits_of(-1, 12, true).bytes(), &[0xFF, 0xF0]);
        assert_eq!(bits_of(-5, 3, false).bytes(), &[0b0110_0000]);
        assert_eq!(bits_of(-1, 70, false).bytes(), &[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC]);
        assert_eq!(bits_of(1 << 100, 70, false).bytes(), &[0; 9]);
        assert_eq!(bits_of(0x0102_0304_0506_0708_090A, 80, true).bytes(), &[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(bits_of(-(1 << 70), 80, false).bytes(), &[0xFF, 0xC0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn reads_back_what_was_written() {
        let values: [i128; 9] =
            [0, 1, -1, 0xABC, -0x7FF, i64::MAX as i128, i64::MIN as i128, 1 << 90, -(1 << 100) + 7];
        for &v in &values {
            for n in [1usize, 7, 8, 12, 31, 64, 65, 77, 120] {
                for little in [false, true] {
                    for signed in [false, true] {
                        let w = bits_of(v, n, little);
                        let got = read_integer(w.bytes(), 0, n, little, signed);
                        // The expected value: v truncated to n bits.
                        let modulus = 1i128.checked_shl(n as u32);
                        let mut expect = match modulus {
                            Some(m) => v.rem_euclid(m),
                            _ => v,
                        };
                        if signed && expect >= 1i128 << (n - 1) {
                            expect -= 1i128 << n;
                        }
                        let got = match got {
                            ReadInt::Word(x) => x,
                            ReadInt::Big { negative, digits } => {
                                let mut m = 0i128;
                                for d in digits.iter().rev() {
                                    m = (m << WORD_BITS) | *d as i128;
                                }
                                if negative { -m } else { m }
                            }
                        };
                        assert_eq!(got, expect, "v {v} n {n} little {little} signed {signed}");
                    }
                }
            }
        }
    }

    #[test]
    fn reads_at_odd_offsets() {
        // <<1:1, 16#ABCDEF:20/little>> = <<247,230,27:5>> in erl.
        let w = {
            let mut w = BitWriter::new();
            w.put_uint(1, 1);
            put_integer(&mut w, Int::Small(0xABCDEF), 20, true);
            w
        };
        assert_eq!(w.bytes(), &[247, 230, 27 << 3]);
        assert_eq!(read_integer(w.bytes(), 1, 20, true, false), ReadInt::Word(0xBCDEF));
    }

    #[test]
    fn unsigned_bytes() {
        assert_eq!(unsigned_be_bytes(Int::Small(0)), Some(vec![0]));
        assert_eq!(unsigned_be_bytes(Int::Small(0x1234)), Some(vec![0x12, 0x34]));
        assert_eq!(unsigned_be_bytes(Int::Small(-1)), None);
        assert_eq!(magnitude_bits(Int::Small(0x1234)), 13);
        assert_eq!(magnitude_bits(Int::Small(-1)), 1);
    }
}
