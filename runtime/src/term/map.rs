//! Maps (`erl_map.h`): flatmaps, and the header forms of HAMT nodes.
//!
//! Every map header has the map subtag and packs three more fields above bit 6:
//!
//! ```text
//!   vvvvvvvv vvvvvvvv aaaaaaaa mm 101100     v = value (16), a = arity (8), m = map kind (2)
//! ```
//!
//! | kind | name             | value                      | arity |
//! |------|------------------|----------------------------|-------|
//! | 00   | flatmap          | 0                          | 1     |
//! | 01   | HAMT node bitmap | occupied-slot bitmap       | 0     |
//! | 10   | HAMT head array  | 0xFFFF                     | 1     |
//! | 11   | HAMT head bitmap | occupied-slot bitmap       | 1     |
//!
//! A HAMT array node is an ordinary 16-tuple. A flatmap is
//! `[header, size, keys tuple, v1, ..., vN]` with the keys sorted in map-key order
//! ([`crate::order::compare_map_keys`]) and unique, and the values in the same order; the
//! empty map uses the shared empty tuple for its keys. Maps of more than [`SMALL_MAP_LIMIT`]
//! keys are HAMTs, built and read by [`crate::map`]; [`build_flatmap`] still builds a flatmap
//! of any size (literal areas use it), which every reader accepts and [`crate::map`] walks
//! and hashes in the order of the HAMT erts would have built.

use super::error::BuildError;
use super::tags::{HEADER_ARITY_OFFSET, HEADER_TAG_MASK, MAP_SUBTAG, MAX_TUPLE_ARITY, make_header};
use super::{Term, tuple};
use crate::atom::AtomTable;
use crate::heap::Allocator;

/// Map kind field: flatmap.
pub const KIND_FLATMAP: usize = 0b00;
/// Map kind field: HAMT interior node with a bitmap.
pub const KIND_HAMT_NODE_BITMAP: usize = 0b01;
/// Map kind field: HAMT root with 16 slots.
pub const KIND_HAMT_HEAD_ARRAY: usize = 0b10;
/// Map kind field: HAMT root with a bitmap.
pub const KIND_HAMT_HEAD_BITMAP: usize = 0b11;

/// Most keys a map holds as a flatmap in erts (`MAP_SMALL_MAP_LIMIT`).
pub const SMALL_MAP_LIMIT: usize = 32;

/// Words of a flatmap before its values: header, size, keys.
pub const FLATMAP_BASE_WORDS: usize = 3;

/// Makes a map header (`MAKE_MAP_HEADER`).
pub const fn header(kind: usize, arity: usize, value: u16) -> usize {
    make_header((((value as usize) << 8 | (arity & 0xFF)) << 2) | (kind & 0b11), MAP_SUBTAG)
}

/// The header of every flatmap (`MAP_HEADER_FLATMAP`).
pub const FLATMAP_HEADER: usize = header(KIND_FLATMAP, 1, 0);
/// The header of a HAMT root with 16 slots (`MAP_HEADER_HAMT_HEAD_ARRAY`).
pub const HAMT_HEAD_ARRAY_HEADER: usize = header(KIND_HAMT_HEAD_ARRAY, 1, 0xFFFF);

/// The header of a HAMT root with a bitmap (`MAP_HEADER_HAMT_HEAD_BITMAP`).
pub const fn hamt_head_bitmap_header(bitmap: u16) -> usize {
    header(KIND_HAMT_HEAD_BITMAP, 1, bitmap)
}

/// The header of an interior HAMT node with a bitmap (`MAP_HEADER_HAMT_NODE_BITMAP`).
pub const fn hamt_node_bitmap_header(bitmap: u16) -> usize {
    header(KIND_HAMT_NODE_BITMAP, 0, bitmap)
}

/// The header of an interior HAMT array node: a 16-tuple.
pub const HAMT_NODE_ARRAY_HEADER: usize = tuple::header(16);

/// The value field of a map header: the occupied-slot bitmap of a HAMT node or head.
pub const fn header_value(header: usize) -> u16 {
    (header >> (HEADER_ARITY_OFFSET + 10)) as u16
}

/// Whether a header word is a map header of any kind.
pub const fn is_header(header: usize) -> bool {
    header & HEADER_TAG_MASK == MAP_SUBTAG
}

/// The kind field of a map header.
pub const fn kind(header: usize) -> usize {
    (header >> HEADER_ARITY_OFFSET) & 0b11
}

/// Words a flatmap of `size` keys takes, keys tuple included.
pub const fn flatmap_heap_words(size: usize) -> usize {
    FLATMAP_BASE_WORDS + size + tuple::heap_words(size)
}

/// Builds a flatmap from key-value pairs in any order; a later pair wins over an earlier one
/// with the same key, as in `maps:from_list/1`.
///
/// # Safety
/// Every key must satisfy the crate's term contract (see [`crate::term`]): keys are compared
/// to be sorted.
pub unsafe fn build_flatmap(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    pairs: &[(Term, Term)],
) -> Result<Term, BuildError> {
    let mut sorted = pairs.to_vec();
    // SAFETY: the keys are valid terms (caller).
    sorted.sort_by(|a, b| unsafe { crate::order::compare_map_keys(atoms, a.0, b.0) });
    let mut unique: Vec<(Term, Term)> = Vec::with_capacity(sorted.len());
    for pair in sorted {
        match unique.last_mut() {
            // SAFETY: as above.
            Some(last) if unsafe { crate::order::exact_eq(atoms, last.0, pair.0) } => *last = pair,
            _ => unique.push(pair),
        }
    }
    let size = unique.len();
    if size > MAX_TUPLE_ARITY {
        return Err(BuildError::TooLarge);
    }
    let object = alloc.alloc_words(flatmap_heap_words(size))?;
    let keys = if size == 0 {
        tuple::empty()
    } else {
        Term::from_boxed_ptr(object.wrapping_add(FLATMAP_BASE_WORDS + size))
    };
    // SAFETY: `flatmap_heap_words(size)` words were allocated: the map object takes the first
    // `3 + size`, the keys tuple (when non-empty) the `1 + size` after it.
    unsafe {
        object.write(FLATMAP_HEADER);
        object.add(1).write(size);
        object.add(2).write(keys.raw());
        let values = object.add(FLATMAP_BASE_WORDS);
        for (i, (_, value)) in unique.iter().enumerate() {
            values.add(i).write(value.raw());
        }
        if size > 0 {
            let keys_object = values.add(size);
            keys_object.write(tuple::header(size));
            for (i, (key, _)) in unique.iter().enumerate() {
                keys_object.add(1 + i).write(key.raw());
            }
        }
    }
    Ok(Term::from_boxed_ptr(object))
}

/// A decoded flatmap: keys in map-key order and their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapView<'a> {
    /// Sorted, unique keys.
    pub keys: &'a [Term],
    /// Values, `values[i]` belonging to `keys[i]`.
    pub values: &'a [Term],
}

impl MapView<'_> {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Decodes a flatmap, or `None` if `term` is not one (HAMT maps included).
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn view_flatmap<'a>(term: Term) -> Option<MapView<'a>> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    if unsafe { object.read() } != FLATMAP_HEADER {
        return None;
    }
    // SAFETY: a flatmap header is followed by size, keys tuple and `size` values.
    let (size, keys) = unsafe { (object.add(1).read(), Term::from_raw(object.add(2).read())) };
    // SAFETY: the keys of a live flatmap are a live tuple of `size` elements.
    let keys = unsafe { tuple::elements(keys) }?;
    if keys.len() != size {
        return None;
    }
    // SAFETY: see above: `size` value words follow the keys word.
    let values = unsafe { core::slice::from_raw_parts(object.add(3).cast::<Term>(), size) };
    Some(MapView { keys, values })
}

/// A HAMT map (more than [`SMALL_MAP_LIMIT`] keys): its head object and size. Its keys and
/// values are read with [`crate::map`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashMapView<'a> {
    /// The head object (header, size, children).
    pub head: *const usize,
    /// Number of keys.
    pub size: usize,
    /// The lifetime of the map's memory.
    pub marker: core::marker::PhantomData<&'a usize>,
}

impl HashMapView<'_> {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.size
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }
}

/// Decodes the head of a HAMT map, or `None` if `term` is not one (flatmaps included).
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn view_hashmap<'a>(term: Term) -> Option<HashMapView<'a>> {
    let head = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header = unsafe { head.read() };
    if !is_header(header) || !matches!(kind(header), KIND_HAMT_HEAD_ARRAY | KIND_HAMT_HEAD_BITMAP) {
        return None;
    }
    // SAFETY: a HAMT head header is followed by the size word.
    let size = unsafe { head.add(1).read() };
    Some(HashMapView { head, size, marker: core::marker::PhantomData })
}
