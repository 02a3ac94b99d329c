//! Building a bitstring from segments, as `bs_create_bin` does (erts' `i_bs_create_bin` and
//! the `erts_new_bs_put_*` functions).
//!
//! Construction takes two passes, and the split decides which error wins when several
//! segments are wrong, so it follows erts exactly:
//!
//! 1. [`segment_bits`]: the size of every segment in order. A size that is not a
//!    non-negative integer is `badarg`, one too large (a positive bignum, or an overflow once
//!    multiplied by the unit or summed) is `system_limit`. The value is looked at only where
//!    the size depends on it: `Bin/binary` (all of a bitstring: `badarg` if it is none),
//!    `/utf32` (checked here already), `/utf8` and `/utf16` (sized without checking).
//! 2. [`put_segment`]: every value in order into a [`BitWriter`]; a value of the wrong type,
//!    a bitstring too short or not a multiple of the unit, a float of a size other than
//!    16, 32 or 64 or one that does not fit, a code point that is no Unicode scalar value:
//!    all `badarg`.

use super::integer::{Int, int_of, put_integer};
use super::object::bits;
use super::utf::{encode_utf8, encode_utf16, is_scalar, utf8_len, utf16_len};
use super::{BitWriter, BsError, MAX_BITS, float16};
use crate::heap::Allocator;
use crate::term::bignum::BigView;
use crate::term::tags::{MAX_SMALL, WORD_BITS};
use crate::term::{BuildError, Term, bignum, float};

/// The kind of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    Integer,
    Float,
    /// `binary` and `bitstring` segments.
    Binary,
    Utf8,
    Utf16,
    Utf32,
    /// A string literal from the module's string table.
    String,
}

/// The size operand of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegSize {
    /// A size term, multiplied by the unit.
    Term(Term),
    /// `all` (of a bitstring).
    All,
    /// No size (UTF segments; strings, whose size is their length).
    None,
}

/// `size * unit` in bits, checked as erts checks a segment size.
///
/// # Safety
/// `size` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn size_in_bits(size: Term, unit: usize) -> Result<usize, BsError> {
    if let Some(v) = size.small_value() {
        if v < 0 {
            return Err(BsError::Badarg);
        }
        return match (v as usize).checked_mul(unit) {
            Some(bits) if bits <= MAX_SMALL as usize => Ok(bits),
            _ => Err(BsError::SystemLimit),
        };
    }
    // SAFETY: forwarded contract.
    match unsafe { bignum::view(size) } {
        Some(big) if !big.negative => Err(BsError::SystemLimit),
        _ => Err(BsError::Badarg),
    }
}

/// Pass 1: the size in bits of one segment (`unit` is the segment's unit; `string_len` the
/// length in bytes of a string segment).
///
/// # Safety
/// `value` and a size term must satisfy the crate's term contract.
pub unsafe fn segment_bits(
    kind: SegKind,
    unit: usize,
    value: Term,
    size: SegSize,
    string_len: usize,
) -> Result<usize, BsError> {
    match (kind, size) {
        (SegKind::String, _) => string_len.checked_mul(8).ok_or(BsError::SystemLimit),
        (SegKind::Binary, SegSize::All) => {
            // SAFETY: forwarded contract.
            unsafe { bits(value) }.map(|b| b.size()).ok_or(BsError::Badarg)
        }
        (SegKind::Utf8, _) => Ok(8 * value.small_value().map_or(1, utf8_len)),
        (SegKind::Utf16, _) => Ok(8 * value.small_value().map_or(2, utf16_len)),
        (SegKind::Utf32, _) => match value.small_value() {
            Some(c) if is_scalar(c) => Ok(32),
            _ => Err(BsError::Badarg),
        },
        // SAFETY: forwarded contract.
        (_, SegSize::Term(size)) => unsafe { size_in_bits(size, unit) },
        _ => Err(BsError::Badarg),
    }
}

/// Adds segment sizes, `system_limit` past [`MAX_BITS`].
pub fn total_bits(sizes: impl IntoIterator<Item = usize>) -> Result<usize, BsError> {
    let mut total = 0usize;
    for s in sizes {
        total = total.checked_add(s).filter(|&t| t <= MAX_BITS).ok_or(BsError::SystemLimit)?;
    }
    Ok(total)
}

/// A bignum's value as erts' `big_to_double` computes it (most significant digit first,
/// failing as soon as the running value is not finite).
pub fn big_to_f64(big: BigView<'_>) -> Option<f64> {
    let base = 2f64.powi(WORD_BITS as i32);
    let mut d = 0.0f64;
    for &digit in big.digits.iter().rev() {
        d = d * base + digit as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if big.negative { -d } else { d })
}

/// The number a float segment writes: a float, or an integer converted to one.
///
/// # Safety
/// `value` must satisfy the crate's term contract.
unsafe fn float_value(value: Term) -> Result<f64, BsError> {
    // SAFETY: forwarded contract.
    if let Some(f) = unsafe { float::value(value) } {
        return Ok(f);
    }
    // SAFETY: forwarded contract.
    match unsafe { int_of(value) } {
        Some(Int::Small(v)) => Ok(v as f64),
        Some(Int::Big(big)) => big_to_f64(big).ok_or(BsError::Badarg),
        None => Err(BsError::Badarg),
    }
}

/// Writes a float segment of `bits` bits.
///
/// # Safety
/// `value` must satisfy the crate's term contract.
pub unsafe fn put_float(w: &mut BitWriter, value: Term, bits: usize, little: bool) -> Result<(), BsError> {
    let small = value.small_value();
    // SAFETY: forwarded contract.
    let f = unsafe { float_value(value) }?;
    match bits {
        64 => {
            let b = if little { f.to_le_bytes() } else { f.to_be_bytes() };
            w.put_bytes(&b);
        }
        32 => {
            // erts converts a small directly to single precision, everything else through
            // double precision.
            let single = match small {
                Some(v) => v as f32,
                None => f as f32,
            };
            let b = if little { single.to_le_bytes() } else { single.to_be_bytes() };
            w.put_bytes(&b);
        }
        16 => {
            let h = float16::from_f64(f);
            let b = if little { h.to_le_bytes() } else { h.to_be_bytes() };
            w.put_bytes(&b);
        }
        _ => return Err(BsError::Badarg),
    }
    Ok(())
}

/// Pass 2: writes one segment of `bits` bits (from [`segment_bits`]). `all` says whether a
/// binary segment's size was `all` (its unit is then checked against the value's size);
/// `string` holds a string segment's bytes.
///
/// # Safety
/// `value` must satisfy the crate's term contract.
#[allow(clippy::too_many_arguments)]
pub unsafe fn put_segment(
    w: &mut BitWriter,
    kind: SegKind,
    flags: u32,
    unit: usize,
    value: Term,
    bits: usize,
    all: bool,
    string: &[u8],
) -> Result<(), BsError> {
    let little = super::flags::is_little(flags);
    match kind {
        SegKind::Integer => {
            // SAFETY: forwarded contract.
            let v = unsafe { int_of(value) }.ok_or(BsError::Badarg)?;
            put_integer(w, v, bits, little);
        }
        // SAFETY: forwarded contract.
        SegKind::Float => unsafe { put_float(w, value, bits, little) }?,
        SegKind::Binary => {
            // SAFETY: forwarded contract.
            let b = unsafe { super::object::bits(value) }.ok_or(BsError::Badarg)?;
            let size = b.size();
            let n = if all {
                if unit > 1 && size % unit != 0 {
                    return Err(BsError::Badarg);
                }
                size
            } else {
                if size < bits {
                    return Err(BsError::Badarg);
                }
                bits
            };
            // SAFETY: the value is alive for this call (caller).
            let (bytes, offset) = unsafe { b.slice() };
            w.put_bits(bytes, offset, n);
        }
        SegKind::Utf8 => {
            let c = value.small_value().filter(|&c| is_scalar(c)).ok_or(BsError::Badarg)?;
            let mut buf = [0u8; 4];
            let n = encode_utf8(c as u32, &mut buf);
            w.put_bytes(&buf[..n]);
        }
        SegKind::Utf16 => {
            let c = value.small_value().filter(|&c| is_scalar(c)).ok_or(BsError::Badarg)?;
            let (units, n) = encode_utf16(c as u32);
            for unit in &units[..n] {
                w.put_bytes(&if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
        }
        SegKind::Utf32 => {
            let c = value.small_value().filter(|&c| is_scalar(c)).ok_or(BsError::Badarg)?;
            put_integer(w, Int::Small(c), 32, little);
        }
        SegKind::String => w.put_bytes(string),
    }
    Ok(())
}

/// Heap words the bitstring of `bits` bits takes when built by [`build`].
pub fn build_words(bits: usize) -> usize {
    crate::term::bits::heap_words(bits)
}

/// The written bits as a term: heap bits up to 64 bytes, else an off-heap binary.
pub fn build(alloc: &mut impl Allocator, w: &BitWriter) -> Result<Term, BuildError> {
    crate::term::bits::build(alloc, w.bytes(), w.bit_len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Heap;
    use crate::term::tags::MAX_SMALL;

    #[test]
    fn sizes_and_their_errors() {
        let s = |v: i64| Term::small(v).expect("small");
        // SAFETY: immediates only.
        unsafe {
            assert_eq!(size_in_bits(s(3), 8), Ok(24));
            assert_eq!(size_in_bits(s(-1), 1), Err(BsError::Badarg));
            assert_eq!(size_in_bits(crate::atoms::OK, 1), Err(BsError::Badarg));
            assert_eq!(size_in_bits(s(MAX_SMALL), 2), Err(BsError::SystemLimit));
            assert_eq!(segment_bits(SegKind::Utf8, 0, s(0xE9), SegSize::None, 0), Ok(16));
            assert_eq!(segment_bits(SegKind::Utf8, 0, s(0xD800), SegSize::None, 0), Ok(24));
            assert_eq!(segment_bits(SegKind::Utf16, 0, s(0x10000), SegSize::None, 0), Ok(32));
            assert_eq!(segment_bits(SegKind::Utf32, 0, s(0xD800), SegSize::None, 0), Err(BsError::Badarg));
            assert_eq!(segment_bits(SegKind::String, 8, Term::NIL, SegSize::None, 3), Ok(24));
            assert_eq!(segment_bits(SegKind::Binary, 8, s(1), SegSize::All, 0), Err(BsError::Badarg));
        }
        let mut heap = Heap::with_capacity(64);
        let big = bignum::build_i128(&mut heap, 1i128 << 100).expect("big");
        let negbig = bignum::build_i128(&mut heap, -(1i128 << 100)).expect("big");
        // SAFETY: terms of `heap`, alive.
        unsafe {
            assert_eq!(size_in_bits(big, 1), Err(BsError::SystemLimit));
            assert_eq!(size_in_bits(negbig, 1), Err(BsError::Badarg));
        }
        assert_eq!(total_bits([1, 2, 3]), Ok(6));
        assert_eq!(total_bits([MAX_BITS, 1]), Err(BsError::SystemLimit));
    }

    #[test]
    fn puts_segments_like_erl() {
        let mut heap = Heap::with_capacity(256);
        let s = |v: i64| Term::small(v).expect("small");
        let bin = crate::term::bits::build(&mut heap, &[0b1010_0000], 3).expect("bits");
        let f = float::build(&mut heap, 1.5).expect("float");
        let mut w = BitWriter::new();
        // SAFETY: terms of `heap`, alive.
        unsafe {
            put_segment(&mut w, SegKind::Integer, 0, 1, s(1), 8, false, &[]).expect("int");
            put_segment(&mut w, SegKind::Binary, 0, 1, bin, 3, true, &[]).expect("bits");
            put_segment(&mut w, SegKind::Float, 0, 1, f, 32, false, &[]).expect("float");
            put_segment(&mut w, SegKind::Utf8, 0, 0, s(0x20AC), 24, false, &[]).expect("utf8");
            put_segment(&mut w, SegKind::Utf16, 2, 0, s(0x1F600), 32, false, &[]).expect("utf16");
            put_segment(&mut w, SegKind::String, 0, 8, Term::NIL, 16, false, b"ok").expect("string");
            assert_eq!(put_segment(&mut w, SegKind::Binary, 0, 8, bin, 3, true, &[]), Err(BsError::Badarg));
            assert_eq!(put_segment(&mut w, SegKind::Binary, 0, 1, bin, 4, false, &[]), Err(BsError::Badarg));
            assert_eq!(put_segment(&mut w, SegKind::Float, 0, 1, f, 24, false, &[]), Err(BsError::Badarg));
            assert_eq!(put_segment(&mut w, SegKind::Integer, 0, 1, f, 8, false, &[]), Err(BsError::Badarg));
            assert_eq!(put_segment(&mut w, SegKind::Utf8, 0, 0, s(-1), 8, false, &[]), Err(BsError::Badarg));
        }
        let mut expect = BitWriter::new();
        expect.put_bytes(&[1]);
        expect.put_uint(0b101, 3);
        expect.put_bytes(&1.5f32.to_be_bytes());
        expect.put_bytes(&[0xE2, 0x82, 0xAC]);
        expect.put_bytes(&[0x3D, 0xD8, 0x00, 0xDE]);
        expect.put_bytes(b"ok");
        assert_eq!(w, expect);
        let t = build(&mut heap, &w).expect("builds");
        // SAFETY: built into `heap`.
        let v = unsafe { crate::term::bits::view(t) }.expect("bitstring");
        assert_eq!(v.bit_size(), w.bit_len());
        assert_eq!(v.to_bytes(), w.bytes());
    }

    #[test]
    fn big_to_double_overflows_like_erts() {
        let digits = vec![usize::MAX; 1024 / WORD_BITS as usize];
        assert_eq!(big_to_f64(BigView { negative: false, digits: &digits }), None);
        let one = [0usize, 1];
        assert_eq!(
            big_to_f64(BigView { negative: true, digits: &one }),
            Some(-(2f64.powi(WORD_BITS as i32)))
        );
    }
}
