//! The shape of every boxed heap object: how many words it takes and which of them are terms.
//!
//! Anything that walks a heap word by word (the garbage collector's Cheney scan, deep copying,
//! size computation, the collector's verification pass) needs the same two facts about an
//! object given its header: where the next object starts, and which words hold terms that
//! must be followed or relocated. Raw words (bignum digits, float bytes, a flatmap's size, a
//! sub bits' `base` and bit offsets, a fun's entry pointer, off-heap pointers and links) must
//! never be mistaken for terms: a size word of 5 reads as a cons pointer to address 4.
//!
//! | object | words | term words |
//! |---|---|---|
//! | tuple | `1 + arity` | `1 ..` |
//! | bignum, float, ref, heap bits | `1 + arity` | none |
//! | fun | `2 + num_free` | `2 ..` (the environment) |
//! | flatmap | `3 + size` | `2 ..` (keys tuple and values) |
//! | HAMT node bitmap | `1 + popcount` | `1 ..` |
//! | HAMT head array / bitmap | `2 + 16` / `2 + popcount` | `2 ..` |
//! | sub bits | 5 | `4` (orig; `base` may point into orig's data) |
//! | bin ref, external pid/port/ref | `1 + arity` | none (off-heap: linked via word 2) |
//!
//! Subtags `0x04`, `0x1C` and `0x3C` are unused; a header carrying one is not an object (the
//! collector's poison word is such a header, see `crate::gc`).

use super::map::{self, KIND_FLATMAP, KIND_HAMT_HEAD_ARRAY, KIND_HAMT_HEAD_BITMAP, KIND_HAMT_NODE_BITMAP};
use super::tags::{
    ARITYVAL_SUBTAG, BIN_REF_SUBTAG, EXTERNAL_PID_SUBTAG, EXTERNAL_PORT_SUBTAG, EXTERNAL_REF_SUBTAG,
    FLOAT_SUBTAG, FUN_SUBTAG, HEADER_ARITY_OFFSET, HEADER_SUBTAG_MASK, HEAP_BITS_SUBTAG, MAP_SUBTAG,
    NEG_BIG_SUBTAG, POS_BIG_SUBTAG, PRIMARY_HEADER, PRIMARY_MASK, REF_SUBTAG, SUB_BITS_SUBTAG, header_arity,
};
use super::{Term, bits, fun};

/// What kind of object a header starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tuple,
    Bignum,
    Reference,
    Fun,
    Float,
    HeapBits,
    /// A sub bits (sub-binary or match context): its `base` word points into the data of
    /// `orig` and moves with it when `orig` is a heap bits.
    SubBits,
    /// A handle to an off-heap binary, linked into an off-heap list.
    BinRef,
    /// A flatmap or any HAMT node.
    Map,
    /// An external pid, port or reference, linked into an off-heap list.
    External,
}

/// The extent of one object and the words in it that are terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub kind: Kind,
    /// Words the object takes, header included.
    pub words: usize,
    /// Index of the first term word.
    pub first_term: usize,
    /// One past the index of the last term word (`first_term == end_term` when there are none).
    pub end_term: usize,
}

impl Layout {
    /// Whether the object holds a counted reference to something off the heap and sits on an
    /// off-heap list through its word 2.
    pub const fn is_off_heap(&self) -> bool {
        matches!(self.kind, Kind::BinRef | Kind::External)
    }

    /// The indices of the term words.
    pub fn term_words(&self) -> core::ops::Range<usize> {
        self.first_term..self.end_term
    }

    const fn raw(kind: Kind, words: usize) -> Layout {
        Layout { kind, words, first_term: words, end_term: words }
    }

    const fn with_terms(kind: Kind, words: usize, first_term: usize) -> Layout {
        Layout { kind, words, first_term, end_term: words }
    }
}

/// The layout of an object from its header and, for flatmaps, its second word (the size).
/// `None` when `header` is not the header of any object (a term, a forwarding pointer, the
/// collector's poison word, an unused subtag).
pub const fn from_words(header: usize, second: usize) -> Option<Layout> {
    if header & PRIMARY_MASK != PRIMARY_HEADER {
        return None;
    }
    let arity = header_arity(header);
    let layout = match header & HEADER_SUBTAG_MASK {
        ARITYVAL_SUBTAG => Layout::with_terms(Kind::Tuple, 1 + arity, 1),
        POS_BIG_SUBTAG | NEG_BIG_SUBTAG => Layout::raw(Kind::Bignum, 1 + arity),
        REF_SUBTAG => Layout::raw(Kind::Reference, 1 + arity),
        FLOAT_SUBTAG => Layout::raw(Kind::Float, 1 + arity),
        HEAP_BITS_SUBTAG => Layout::raw(Kind::HeapBits, 1 + arity),
        FUN_SUBTAG => {
            let num_free = (header >> fun::NUM_FREE_OFFSET) & 0xFF;
            Layout::with_terms(Kind::Fun, fun::BASE_WORDS + num_free, fun::BASE_WORDS)
        }
        SUB_BITS_SUBTAG => {
            if header != bits::SUB_BITS_HEADER {
                return None;
            }
            Layout {
                kind: Kind::SubBits,
                words: bits::SUB_BITS_WORDS,
                first_term: bits::sub_bits_word::ORIG,
                end_term: bits::sub_bits_word::ORIG + 1,
            }
        }
        BIN_REF_SUBTAG => {
            if header != bits::BIN_REF_HEADER {
                return None;
            }
            Layout::raw(Kind::BinRef, bits::BIN_REF_WORDS)
        }
        MAP_SUBTAG => {
            let bitmap = (header >> (HEADER_ARITY_OFFSET + 10)) & 0xFFFF;
            let children = bitmap.count_ones() as usize;
            match map::kind(header) {
                KIND_FLATMAP => Layout::with_terms(Kind::Map, map::FLATMAP_BASE_WORDS + second, 2),
                KIND_HAMT_NODE_BITMAP => Layout::with_terms(Kind::Map, 1 + children, 1),
                KIND_HAMT_HEAD_ARRAY => Layout::with_terms(Kind::Map, 2 + 16, 2),
                KIND_HAMT_HEAD_BITMAP => Layout::with_terms(Kind::Map, 2 + children, 2),
                _ => return None,
            }
        }
        EXTERNAL_PID_SUBTAG | EXTERNAL_PORT_SUBTAG | EXTERNAL_REF_SUBTAG => {
            Layout::raw(Kind::External, 1 + arity)
        }
        _ => return None,
    };
    Some(layout)
}

/// The layout of the object whose header is at `object`.
///
/// # Safety
/// `object` must point to a readable header word; if it is a flatmap header, the word after
/// it must be readable too.
pub unsafe fn of(object: *const usize) -> Option<Layout> {
    // SAFETY: the header is readable (caller).
    let header = unsafe { object.read() };
    let second = if map::is_header(header) && map::kind(header) == KIND_FLATMAP {
        // SAFETY: a flatmap header is followed by its size word (caller).
        unsafe { object.add(1).read() }
    } else {
        0
    };
    from_words(header, second)
}

/// Keeps a sub bits' `base` pointing into its `orig` after `orig` was copied from `old_orig`
/// to `new_orig`: when `orig` is a heap bits, `base` is an address inside its data and moves
/// by the same distance (erts' `erl_sub_bits_update_moved`). A bin ref's data is off the heap
/// and stays put.
///
/// # Safety
/// `sub_bits` must point to a writable sub bits object and `new_orig` to a complete copy of
/// the object `old_orig` pointed to.
pub unsafe fn relocate_sub_bits_base(sub_bits: *mut usize, old_orig: Term, new_orig: Term) {
    let (Some(old), Some(new)) = (old_orig.boxed_ptr(), new_orig.boxed_ptr()) else {
        return;
    };
    // SAFETY: `new_orig` points to a complete object (caller).
    let header = unsafe { new.read() };
    if header & HEADER_SUBTAG_MASK != HEAP_BITS_SUBTAG || old == new {
        return;
    }
    let distance = (new as usize).wrapping_sub(old as usize);
    let slot = sub_bits.wrapping_add(bits::sub_bits_word::BASE_FLAGS);
    // SAFETY: the sub bits object is writable (caller). Both addresses are word aligned, so
    // the flag bits below the base are unchanged by the addition.
    unsafe { slot.write(slot.read().wrapping_add(distance)) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{float, reference, tuple};

    #[test]
    fn sizes_and_term_words_of_fixed_objects() {
        let t = from_words(tuple::header(3), 0).expect("tuple");
        assert_eq!((t.words, t.term_words()), (4, 1..4));
        let f = from_words(float::HEADER, 0).expect("float");
        assert_eq!((f.words, f.term_words().len()), (float::HEAP_WORDS, 0));
        let r = from_words(reference::ORDINARY_HEADER, 0).expect("ref");
        assert_eq!(r.words, reference::ORDINARY_WORDS);
        let s = from_words(bits::SUB_BITS_HEADER, 0).expect("sub bits");
        assert_eq!((s.words, s.term_words()), (5, 4..5));
        let b = from_words(bits::BIN_REF_HEADER, 0).expect("bin ref");
        assert!(b.is_off_heap() && b.term_words().is_empty());
    }

    #[test]
    fn funs_and_maps_read_their_packed_headers() {
        let f = from_words(fun::header(2, 3, false), 0).expect("fun");
        assert_eq!((f.words, f.term_words()), (5, 2..5));
        let m = from_words(map::FLATMAP_HEADER, 4).expect("flatmap");
        assert_eq!((m.words, m.term_words()), (7, 2..7));
        let n = from_words(map::hamt_node_bitmap_header(0b1011), 0).expect("node");
        assert_eq!((n.words, n.term_words()), (4, 1..4));
        let h = from_words(map::hamt_head_bitmap_header(0b11), 9).expect("head bitmap");
        assert_eq!((h.words, h.term_words()), (4, 2..4));
        let a = from_words(map::HAMT_HEAD_ARRAY_HEADER, 40).expect("head array");
        assert_eq!((a.words, a.term_words()), (18, 2..18));
    }

    #[test]
    fn unused_subtags_and_terms_are_not_headers() {
        assert_eq!(from_words(0x04 | 5 << 6, 0), None);
        assert_eq!(from_words(0x1C, 0), None);
        assert_eq!(from_words(0x3C, 0), None);
        assert_eq!(from_words(0x2 | 0x1000, 0), None, "a forwarding pointer");
    }
}
