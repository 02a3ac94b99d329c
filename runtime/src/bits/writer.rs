//! [`BitWriter`]: a growable run of bits that segments are written into.

use super::copy::copy_bits;

/// Bits written so far, most significant bit of the first byte first; the unused low bits of
/// the last byte are zero.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    /// An empty writer.
    pub fn new() -> BitWriter {
        BitWriter::default()
    }

    /// An empty writer with room for `bits` bits.
    pub fn with_capacity(bits: usize) -> BitWriter {
        BitWriter { bytes: Vec::with_capacity(bits.div_ceil(8)), bits: 0 }
    }

    /// Bits written.
    pub fn bit_len(&self) -> usize {
        self.bits
    }

    /// The bytes (the last one partial when [`BitWriter::bit_len`] is not a multiple of 8).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Makes room for `n` more bits and returns the bit offset they start at.
    fn grow(&mut self, n: usize) -> usize {
        let at = self.bits;
        self.bits += n;
        self.bytes.resize(self.bits.div_ceil(8), 0);
        at
    }

    /// Appends `n` bits of `src` starting at bit `off`.
    pub fn put_bits(&mut self, src: &[u8], off: usize, n: usize) {
        if n == 0 {
            return;
        }
        if self.bits % 8 == 0 && off % 8 == 0 && n % 8 == 0 {
            self.bytes.extend_from_slice(&src[off / 8..(off + n) / 8]);
            self.bits += n;
            return;
        }
        let at = self.grow(n);
        copy_bits(src, off, &mut self.bytes, at, n);
    }

    /// Appends whole bytes.
    pub fn put_bytes(&mut self, bytes: &[u8]) {
        self.put_bits(bytes, 0, bytes.len() * 8);
    }

    /// Appends the low `n` bits of `value` (`n <= 64`), most significant first.
    pub fn put_uint(&mut self, value: u64, n: u32) {
        if n == 0 {
            return;
        }
        debug_assert!(n <= 64);
        let left = if n == 64 { value } else { value << (64 - n) };
        let bytes = left.to_be_bytes();
        self.put_bits(&bytes, 0, n as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixes_aligned_and_unaligned_pieces() {
        let mut w = BitWriter::new();
        w.put_uint(0b101, 3);
        w.put_bytes(&[0xFF, 0x00]);
        w.put_uint(0x1, 1);
        assert_eq!(w.bit_len(), 20);
        assert_eq!(w.bytes(), &[0b1011_1111, 0b1110_0000, 0b0001_0000]);
        let mut a = BitWriter::with_capacity(16);
        a.put_bytes(b"ab");
        a.put_uint(u64::MAX, 64);
        assert_eq!(a.bytes(), &[b'a', b'b', 255, 255, 255, 255, 255, 255, 255, 255]);
    }
}
