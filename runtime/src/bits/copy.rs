//! Copying and comparing runs of bits at any bit offset (erts' `erts_copy_bits` and
//! `erts_cmp_bits`). Bits are numbered from the most significant bit of the first byte.

/// The 8 bits of `src` starting at bit `pos`; bits past the end of `src` read as zero.
#[inline]
fn byte_at(src: &[u8], pos: usize) -> u8 {
    let index = pos / 8;
    let shift = pos % 8;
    let first = src.get(index).copied().unwrap_or(0);
    if shift == 0 {
        return first;
    }
    let second = src.get(index + 1).copied().unwrap_or(0);
    (first << shift) | (second >> (8 - shift))
}

/// Copies `n` bits of `src` from bit `src_off` into `dst` at bit `dst_off`; the bits of `dst`
/// around the destination range keep their values.
///
/// # Panics
/// If the destination range does not lie inside `dst`.
pub fn copy_bits(src: &[u8], src_off: usize, dst: &mut [u8], dst_off: usize, n: usize) {
    if n == 0 {
        return;
    }
    assert!(dst_off + n <= dst.len() * 8, "copy_bits: destination too short");
    if src_off % 8 == 0 && dst_off % 8 == 0 {
        let whole = n / 8;
        let (s, d) = (src_off / 8, dst_off / 8);
        dst[d..d + whole].copy_from_slice(&src[s..s + whole]);
        let tail = n % 8;
        if tail != 0 {
            let mask = 0xFFu8 << (8 - tail);
            let byte = src.get(s + whole).copied().unwrap_or(0);
            dst[d + whole] = (dst[d + whole] & !mask) | (byte & mask);
        }
        return;
    }
    let mut done = 0;
    let mut d = dst_off / 8;
    let head = dst_off % 8;
    if head != 0 {
        let k = (8 - head).min(n);
        let bits = byte_at(src, src_off) >> (8 - k);
        let shift = 8 - head - k;
        let mask = (((1u16 << k) - 1) as u8) << shift;
        dst[d] = (dst[d] & !mask) | ((bits << shift) & mask);
        done = k;
        d += 1;
    }
    while n - done >= 8 {
        dst[d] = byte_at(src, src_off + done);
        done += 8;
        d += 1;
    }
    let tail = n - done;
    if tail != 0 {
        let mask = 0xFFu8 << (8 - tail);
        dst[d] = (dst[d] & !mask) | (byte_at(src, src_off + done) & mask);
    }
}

/// The `n` bits of `src` from bit `off`, left-aligned in `ceil(n / 8)` bytes with the unused
/// low bits of the last byte zero.
pub fn read_bits(src: &[u8], off: usize, n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n.div_ceil(8)];
    copy_bits(src, off, &mut out, 0, n);
    out
}

/// Compares `n` bits of `a` from bit `a_off` with `n` bits of `b` from bit `b_off`, as
/// unsigned bit strings.
pub fn cmp_bits(a: &[u8], a_off: usize, b: &[u8], b_off: usize, n: usize) -> core::cmp::Ordering {
    let mut done = 0;
    while n - done >= 8 {
        let (x, y) = (byte_at(a, a_off + done), byte_at(b, b_off + done));
        if x != y {
            return x.cmp(&y);
        }
        done += 8;
    }
    let tail = n - done;
    if tail == 0 {
        return core::cmp::Ordering::Equal;
    }
    let mask = 0xFFu8 << (8 - tail);
    (byte_at(a, a_off + done) & mask).cmp(&(byte_at(b, b_off + done) & mask))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bit `i` of `bytes`.
    fn bit(bytes: &[u8], i: usize) -> u8 {
        (bytes[i / 8] >> (7 - i % 8)) & 1
    }

    #[test]
    fn copies_at_every_offset_pair_like_a_bit_loop() {
        let src: Vec<u8> = (0..9u8).map(|i| i.wrapping_mul(37).wrapping_add(0x5A)).collect();
        for src_off in 0..12 {
            for dst_off in 0..12 {
                for n in 0..40 {
                    let mut dst = vec![0xC3u8; 8];
                    let mut expect = dst.clone();
                    for i in 0..n {
                        let b = bit(&src, src_off + i);
                        let j = dst_off + i;
                        expect[j / 8] = (expect[j / 8] & !(0x80 >> (j % 8))) | (b << (7 - j % 8));
                    }
                    copy_bits(&src, src_off, &mut dst, dst_off, n);
                    assert_eq!(dst, expect, "src_off {src_off} dst_off {dst_off} n {n}");
                }
            }
        }
    }

    #[test]
    fn reads_left_aligned_and_compares() {
        assert_eq!(read_bits(&[0b1011_0110, 0b1100_0000], 2, 7), vec![0b1101_1010]);
        assert_eq!(read_bits(&[0xAB, 0xCD], 4, 8), vec![0xBC]);
        assert_eq!(read_bits(&[0xAB], 0, 0), Vec::<u8>::new());
        use core::cmp::Ordering::*;
        assert_eq!(cmp_bits(&[0xAB, 0xCD], 4, &[0xBC, 0xFF], 0, 8), Equal);
        assert_eq!(cmp_bits(&[0xAB, 0xCD], 4, &[0xBC, 0x7F], 0, 9), Greater);
        assert_eq!(cmp_bits(&[0xFF], 0, &[0xF0], 0, 4), Equal);
        assert_eq!(cmp_bits(&[0xFF], 0, &[0xF0], 0, 5), Greater);
    }
}
