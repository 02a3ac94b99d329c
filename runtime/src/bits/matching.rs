//! Matching: match contexts and the primitives the `bs_*` match instructions run on them
//! (erts' `erts_bs_start_match_3`, `erts_bs_get_*`, `erts_extract_sub_bits`).
//!
//! A match context is a sub bits object with [`SUB_BITS_FLAGS_MATCH_CONTEXT`]: `start` is the
//! current position (a bit offset from `base`, so positions saved by `bs_get_position` are
//! absolute), `end` the end of the matched bitstring, `orig` the bin ref or heap bits holding
//! the data. Every primitive that reads checks that enough bits remain and leaves the
//! position unchanged when it fails.
//!
//! Bitstrings taken out of a context ([`extract`]) are copied onto the heap up to 64 bytes
//! and otherwise share the matched binary's storage (a sub bits over the same bin ref), so
//! matching a large binary never copies it.

use super::copy::{cmp_bits, read_bits};
use super::integer::{ReadInt, read_integer};
use super::object::{Bits, bits, build_sub_bits};
use super::{flags, float16, utf};
use crate::heap::Allocator;
use crate::term::bits::{
    ON_HEAP_LIMIT_BYTES, SUB_BITS_FLAGS_MATCH_CONTEXT, SUB_BITS_HEADER, SUB_BITS_WORDS, bytes_for_bits,
    heap_bits_words, sub_bits_word,
};
use crate::term::{BuildError, Term};

/// Heap words [`start_match`] needs for a new context.
pub const START_MATCH_WORDS: usize = SUB_BITS_WORDS;

/// Heap words a bitstring of `bits` bits taken out by [`extract`] needs.
pub const fn extract_words(bits: usize) -> usize {
    if bytes_for_bits(bits) <= ON_HEAP_LIMIT_BYTES { heap_bits_words(bits) } else { SUB_BITS_WORDS }
}

/// Bits `start..end` (counted from `b.base`) of the bitstring `b` as a new term: a heap copy
/// up to 64 bytes, else a sub bits sharing `b`'s storage.
///
/// # Safety
/// `b` must describe a live bitstring and `start..end` lie inside its data.
pub unsafe fn extract(
    alloc: &mut impl Allocator,
    b: &Bits,
    start: usize,
    end: usize,
) -> Result<Term, BuildError> {
    let n = end - start;
    if bytes_for_bits(n) <= ON_HEAP_LIMIT_BYTES {
        let window = Bits { start, end, ..*b };
        // SAFETY: the data is alive (caller).
        let (bytes, offset) = unsafe { window.slice() };
        let copy = read_bits(bytes, offset, n);
        return crate::term::bits::build(alloc, &copy, n);
    }
    // SAFETY: `b.orig` keeps the data alive and `b.base` is a bitstring base (caller).
    unsafe { build_sub_bits(alloc, 0, b.orig, b.base, start, end) }
}

/// A match context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchCtx {
    object: *mut usize,
}

/// Whether `term` is a match context (and not an ordinary or writable bitstring).
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn is_match_context(term: Term) -> bool {
    // SAFETY: forwarded contract.
    unsafe { MatchCtx::from_term(term) }.is_some()
}

/// `bs_start_match`: the context to match `src` with: `src` itself if it is a context, else
/// a new context over it (which takes [`START_MATCH_WORDS`] words). `Ok(None)` if `src` is
/// not a bitstring.
///
/// # Safety
/// `src` must satisfy the crate's term contract, and stays alive as long as the context.
pub unsafe fn start_match(alloc: &mut impl Allocator, src: Term) -> Result<Option<Term>, BuildError> {
    // SAFETY: forwarded contract.
    if unsafe { is_match_context(src) } {
        return Ok(Some(src));
    }
    // SAFETY: forwarded contract.
    let Some(b) = (unsafe { bits(src) }) else {
        return Ok(None);
    };
    // SAFETY: `b.orig` keeps `b.base` alive.
    let ctx = unsafe { build_sub_bits(alloc, SUB_BITS_FLAGS_MATCH_CONTEXT, b.orig, b.base, b.start, b.end) }?;
    Ok(Some(ctx))
}

impl MatchCtx {
    /// The context `term` is, if it is one.
    ///
    /// # Safety
    /// `term` must satisfy the crate's term contract; the context must stay alive and
    /// unmoved while the returned handle is used.
    pub unsafe fn from_term(term: Term) -> Option<MatchCtx> {
        let object = term.boxed_ptr()? as *mut usize;
        // SAFETY: a boxed term points at a live header (caller).
        let header = unsafe { object.read() };
        if header != SUB_BITS_HEADER {
            return None;
        }
        // SAFETY: a sub bits: its base word follows the header.
        let flags = unsafe { super::object::sub_bits_flags(object) };
        (flags == SUB_BITS_FLAGS_MATCH_CONTEXT).then_some(MatchCtx { object })
    }

    fn word(&self, index: usize) -> usize {
        // SAFETY: a live sub bits object has five words (`from_term`'s contract).
        unsafe { self.object.add(index).read() }
    }

    /// The current position: an absolute bit offset, as `bs_get_position` saves it.
    pub fn position(&self) -> usize {
        self.word(sub_bits_word::START)
    }

    /// The end of the matched bitstring.
    pub fn end(&self) -> usize {
        self.word(sub_bits_word::END)
    }

    /// Bits left to match.
    pub fn remaining(&self) -> usize {
        self.end().saturating_sub(self.position())
    }

    /// Moves to an absolute position (from [`MatchCtx::position`]); `false` if it lies past
    /// the end.
    pub fn set_position(&self, position: usize) -> bool {
        if position > self.end() {
            return false;
        }
        // SAFETY: a live, writable match context (`from_term`'s contract).
        unsafe { self.object.add(sub_bits_word::START).write(position) };
        true
    }

    /// Advances by `n` bits, which must remain.
    fn advance(&self, n: usize) {
        let _ = self.set_position(self.position() + n);
    }

    /// The bitstring being matched.
    fn bits(&self) -> Bits {
        // SAFETY: a live sub bits (`from_term`'s contract).
        match unsafe { bits(Term::from_boxed_ptr(self.object)) } {
            Some(b) => b,
            None => Bits {
                base: core::ptr::null(),
                start: 0,
                end: 0,
                orig: Term::NIL,
                flags: 0,
                object: self.object,
            },
        }
    }

    /// The bytes from the current position and the bit offset of the position in the first.
    fn rest(&self) -> (&[u8], usize) {
        // SAFETY: the context keeps its data alive while the handle is used.
        unsafe { self.bits().slice() }
    }

    /// Whether `n` bits remain.
    pub fn has(&self, n: usize) -> bool {
        self.remaining() >= n
    }

    /// Reads an `n`-bit integer (`bs_get_integer2`), or `None` if fewer bits remain.
    pub fn get_integer(&self, n: usize, field_flags: u32) -> Option<ReadInt> {
        if !self.has(n) {
            return None;
        }
        let (bytes, offset) = self.rest();
        let v = read_integer(bytes, offset, n, flags::is_little(field_flags), flags::is_signed(field_flags));
        self.advance(n);
        Some(v)
    }

    /// Reads a float of 16, 32 or 64 bits (`bs_get_float2`); `None` for another size, too
    /// few bits, or an infinity or NaN.
    pub fn get_float(&self, n: usize, field_flags: u32) -> Option<f64> {
        if !matches!(n, 16 | 32 | 64) || !self.has(n) {
            return None;
        }
        let (bytes, offset) = self.rest();
        let mut raw = read_bits(bytes, offset, n);
        if flags::is_little(field_flags) {
            raw.reverse();
        }
        let f = match n {
            64 => f64::from_be_bytes(raw.try_into().ok()?),
            32 => f64::from(f32::from_be_bytes(raw.try_into().ok()?)),
            _ => float16::to_f64(u16::from_be_bytes(raw.try_into().ok()?)),
        };
        if !f.is_finite() {
            return None;
        }
        self.advance(n);
        Some(f)
    }

    /// Takes the next `n` bits as a bitstring (`bs_get_binary2`); the caller checked
    /// [`MatchCtx::has`] and provides [`extract_words`]`(n)` words.
    pub fn take_bits(&self, alloc: &mut impl Allocator, n: usize) -> Result<Option<Term>, BuildError> {
        if !self.has(n) {
            return Ok(None);
        }
        let b = self.bits();
        let start = self.position();
        // SAFETY: the context keeps its data alive; `start..start + n` lies inside it.
        let t = unsafe { extract(alloc, &b, start, start + n) }?;
        self.advance(n);
        Ok(Some(t))
    }

    /// The rest of the bitstring (`bs_get_tail`), taking [`extract_words`] of
    /// [`MatchCtx::remaining`] words; the position does not move.
    pub fn tail(&self, alloc: &mut impl Allocator) -> Result<Term, BuildError> {
        let b = self.bits();
        // SAFETY: as in `take_bits`.
        unsafe { extract(alloc, &b, b.start, b.end) }
    }

    /// Skips `n` bits (`bs_skip_bits2`); `false` if fewer remain.
    pub fn skip(&self, n: usize) -> bool {
        if !self.has(n) {
            return false;
        }
        self.advance(n);
        true
    }

    /// Whether exactly `n` bits remain (`bs_test_tail2`).
    pub fn test_tail(&self, n: usize) -> bool {
        self.remaining() == n
    }

    /// Whether the bits left are a multiple of `unit` (`bs_test_unit`).
    pub fn test_unit(&self, unit: usize) -> bool {
        unit == 0 || self.remaining() % unit == 0
    }

    /// Matches the first `n` bits of `string` and skips them (`bs_match_string`).
    pub fn match_string(&self, string: &[u8], n: usize) -> bool {
        if !self.has(n) || string.len() * 8 < n {
            return false;
        }
        let (bytes, offset) = self.rest();
        if cmp_bits(bytes, offset, string, 0, n) != core::cmp::Ordering::Equal {
            return false;
        }
        self.advance(n);
        true
    }

    /// Matches the next `n` bits against the unsigned integer `value` (`bs_match`'s `=:=`).
    pub fn match_unsigned(&self, value: u64, n: usize) -> bool {
        if n > 64 || !self.has(n) {
            return false;
        }
        let (bytes, offset) = self.rest();
        let ok = read_integer(bytes, offset, n, false, false) == ReadInt::Word(i128::from(value));
        if ok {
            self.advance(n);
        }
        ok
    }

    /// The first `min(remaining, bits)` bits as left-aligned bytes.
    fn peek(&self, bits: usize) -> Vec<u8> {
        let n = self.remaining().min(bits);
        let (bytes, offset) = self.rest();
        read_bits(bytes, offset, n - n % 8)
    }

    /// Reads a UTF-8 character (`bs_get_utf8`).
    pub fn get_utf8(&self) -> Option<u32> {
        let bytes = self.peek(32);
        let (c, len) = utf::decode_utf8(&bytes)?;
        self.advance(8 * len);
        Some(c)
    }

    /// Reads a UTF-16 character (`bs_get_utf16`).
    pub fn get_utf16(&self, field_flags: u32) -> Option<u32> {
        let bytes = self.peek(32);
        let word = |i: usize| -> Option<u16> {
            let pair = [*bytes.get(i)?, *bytes.get(i + 1)?];
            Some(if flags::is_little(field_flags) {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            })
        };
        let (c, units) = utf::decode_utf16(word(0)?, word(2))?;
        self.advance(16 * units);
        Some(c)
    }

    /// Reads a UTF-32 character (`bs_get_utf32`): a 32-bit integer that is a scalar value.
    pub fn get_utf32(&self, field_flags: u32) -> Option<u32> {
        if !self.has(32) {
            return None;
        }
        let (bytes, offset) = self.rest();
        let ReadInt::Word(c) = read_integer(bytes, offset, 32, flags::is_little(field_flags), false) else {
            return None;
        };
        if !utf::is_scalar(c as i64) {
            return None;
        }
        self.advance(32);
        Some(c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Heap;
    use crate::term::bits::{build, build_binary, view};

    fn ctx_of(heap: &mut Heap, t: Term) -> (Term, MatchCtx) {
        // SAFETY: `t` is a term of `heap`, which outlives the context.
        let c = unsafe { start_match(heap, t) }.expect("alloc").expect("bitstring");
        // SAFETY: as above.
        (c, unsafe { MatchCtx::from_term(c) }.expect("context"))
    }

    #[test]
    fn matches_fields_in_order() {
        let mut heap = Heap::with_capacity(512);
        // <<1:1, 16#ABCDEF:20/little, ...>> and friends.
        let t = build(&mut heap, &[247, 230, 27 << 3], 21).expect("bits");
        let (term, c) = ctx_of(&mut heap, t);
        // SAFETY: `term` is a context of `heap`; a context of a context is itself.
        assert_eq!(unsafe { start_match(&mut heap, term) }, Ok(Some(term)));
        // SAFETY: a term of `heap`.
        assert!(!unsafe { is_match_context(t) });
        let start = c.position();
        assert_eq!(c.get_integer(1, 0), Some(ReadInt::Word(1)));
        assert_eq!(c.get_integer(20, flags::LITTLE), Some(ReadInt::Word(0xBCDEF)));
        assert!(c.test_tail(0));
        assert_eq!(c.get_integer(1, 0), None);
        assert!(c.set_position(start));
        assert!(c.skip(1));
        assert_eq!(c.remaining(), 20);
        assert!(!c.set_position(c.end() + 1));
        assert!(c.test_unit(4) && c.test_unit(20) && !c.test_unit(8));
    }

    #[test]
    fn floats_strings_and_utf() {
        let mut heap = Heap::with_capacity(512);
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&1.5f64.to_be_bytes());
        bytes.extend_from_slice(&(-2.0f32).to_le_bytes());
        bytes.extend_from_slice(&[0x3C, 0x00]);
        bytes.extend_from_slice(&[0x7C, 0x00]);
        bytes.extend_from_slice("GET é".as_bytes());
        bytes.extend_from_slice(&[0xD8, 0x3D, 0xDE, 0x00]);
        bytes.extend_from_slice(&0x1F600u32.to_le_bytes());
        bytes.extend_from_slice(&0xD800u32.to_be_bytes());
        let t = build_binary(&mut heap, &bytes).expect("binary");
        let (_, c) = ctx_of(&mut heap, t);
        assert_eq!(c.get_float(64, 0), Some(1.5));
        assert_eq!(c.get_float(32, flags::LITTLE), Some(-2.0));
        assert_eq!(c.get_float(16, 0), Some(1.0));
        let before = c.position();
        assert_eq!(c.get_float(16, 0), None, "infinity does not match");
        assert_eq!(c.position(), before);
        assert!(c.skip(16));
        assert!(!c.match_string(b"POST", 32));
        assert!(c.match_string(b"GET ", 32));
        assert_eq!(c.get_utf8(), Some(0xE9));
        assert_eq!(c.get_utf16(0), Some(0x1F600));
        assert_eq!(c.get_utf32(flags::LITTLE), Some(0x1F600));
        assert_eq!(c.get_utf32(0), None);
        assert!(c.match_unsigned(0xD800, 32));
        assert!(c.test_tail(0));
    }

    #[test]
    fn large_results_share_the_binary() {
        let mut heap = Heap::with_capacity(512);
        let data: Vec<u8> = (0..200u8).collect();
        let t = build_binary(&mut heap, &data).expect("binary");
        let (_, c) = ctx_of(&mut heap, t);
        assert!(c.skip(8));
        let small = c.take_bits(&mut heap, 80).expect("alloc").expect("enough");
        let big = c.take_bits(&mut heap, 8 * 100).expect("alloc").expect("enough");
        let tail = c.tail(&mut heap).expect("alloc");
        // SAFETY: terms of `heap`.
        unsafe {
            assert_eq!(view(small).expect("bits").to_bytes(), data[1..11].to_vec());
            assert_eq!(view(big).expect("bits").to_bytes(), data[11..111].to_vec());
            assert_eq!(view(tail).expect("bits").to_bytes(), data[111..].to_vec());
            let shared = crate::term::bits::off_heap_binary(t);
            assert!(shared.is_some());
            assert_eq!(crate::term::bits::off_heap_binary(big), shared);
            assert_eq!(crate::term::bits::off_heap_binary(tail), shared);
            assert_eq!(crate::term::bits::off_heap_binary(small), None);
        }
        assert_eq!(extract_words(64 * 8), heap_bits_words(512));
        assert_eq!(extract_words(65 * 8), SUB_BITS_WORDS);
    }
}
