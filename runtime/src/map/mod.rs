//! Erlang maps, as OTP 25 builds and walks them.
//!
//! A map of up to 32 keys ([`SMALL_MAP_LIMIT`]) is a **flatmap**: its keys sorted in map-key
//! order ([`crate::order::compare_map_keys`]) in a tuple, the values beside them
//! ([`crate::term::map`]). Above 32 keys it is a **HAMT** (hash array mapped trie) built with
//! erts' hash ([`hash::map_hash`]) and in erts' shape (see `hamt.rs`), so that a large map
//! iterates in the same order as on erl. Every operation keeps erts' representation rule: a
//! map that grows past 32 keys becomes a HAMT, a HAMT that shrinks to 32 becomes a flatmap.
//!
//! Two orders exist, as in erl:
//! * **forward** ([`iter`]): flatmaps by key, HAMTs depth first in slot order. `maps:iterator/1`,
//!   `maps:next/1`, `maps:fold/3`, `io:format("~w")` and [`crate::print`] use it;
//! * **list** ([`keys`], [`values`], [`to_list`]): flatmaps by key, HAMTs in the reverse of the
//!   forward order, because erts builds those lists by consing each pair in front as it walks
//!   forward (`maps:keys/1`, `maps:values/1`, `maps:to_list/1`).
//!
//! Literal areas and `binary_to_term` build flatmaps of any size; one of more than 32 keys is
//! walked, listed, printed and hashed in the order of the HAMT erts would have built for it,
//! and becomes a HAMT as soon as it gains a key.
//!
//! Keys match by exact equality (`=:=`, [`crate::order::exact_eq`]). Every function takes
//! terms that satisfy the crate's term contract (see [`crate::term`]) and builds into an
//! [`Allocator`]; the `*_in` forms work with any allocator and report its failures, the
//! others take a [`Process`], whose allocation cannot fail.
//!
//! Atom keys hash by their index in the atom table (erts hashes every immediate by its word),
//! so a HAMT with atom keys iterates like erl's only when the atoms have the indices they have
//! in erl.

mod hamt;
pub mod hash;
pub mod next;
mod node;

use core::cmp::Ordering;

pub use hash::{internal_hash, map_hash};

use crate::atom::AtomTable;
use crate::heap::Allocator;
use crate::process::Process;
use crate::term::map::{self as layout, HashMapView, MapView};
use crate::term::{BuildError, Term, list, tuple};

/// Most keys a flatmap holds (`MAP_SMALL_MAP_LIMIT`).
pub const SMALL_MAP_LIMIT: usize = layout::SMALL_MAP_LIMIT;

/// A built map, or why building failed.
pub type MapResult = Result<Term, BuildError>;

/// Key-value pairs.
pub type Pairs = Vec<(Term, Term)>;

/// Whether two keys are the same map key (exact equality).
///
/// # Safety
/// Both must satisfy the term contract.
pub(crate) unsafe fn key_eq(atoms: &AtomTable, a: Term, b: Term) -> bool {
    if a == b {
        return true;
    }
    // An immediate equals only itself; everything boxed is canonical.
    if a.is_immediate() || b.is_immediate() {
        return false;
    }
    // SAFETY: forwarded contract.
    unsafe { crate::order::exact_eq(atoms, a, b) }
}

/// A map term decoded.
#[derive(Clone, Copy)]
enum Repr<'a> {
    Flat(MapView<'a>),
    Hamt(HashMapView<'a>),
}

/// Decodes a map.
///
/// # Safety
/// `map` must satisfy the term contract for `'a`.
unsafe fn repr<'a>(map: Term) -> Option<Repr<'a>> {
    // SAFETY: forwarded contract.
    unsafe { layout::view_flatmap(map).map(Repr::Flat).or_else(|| layout::view_hashmap(map).map(Repr::Hamt)) }
}

/// Whether `term` is a map.
///
/// # Safety
/// `term` must satisfy the term contract.
pub unsafe fn is_map(term: Term) -> bool {
    // SAFETY: forwarded contract.
    unsafe { term.boxed_header() }
        .is_some_and(|h| layout::is_header(h) && layout::kind(h) != layout::KIND_HAMT_NODE_BITMAP)
}

/// Number of keys of a map (0 for anything else).
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn size(map: Term) -> usize {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) } {
        Some(Repr::Flat(flat)) => flat.len(),
        Some(Repr::Hamt(hamt)) => hamt.len(),
        None => 0,
    }
}

/// The position of `key` among a flatmap's keys.
///
/// # Safety
/// The keys and `key` must satisfy the term contract.
unsafe fn flat_position(atoms: &AtomTable, keys: &[Term], key: Term) -> Option<usize> {
    if key.is_immediate() {
        return keys.iter().position(|&k| k == key);
    }
    // SAFETY: forwarded contract.
    keys.iter().position(|&k| unsafe { key_eq(atoms, k, key) })
}

/// The value of `key` in `map` (`map_get`, `#{Key := V}` matching), if present.
///
/// # Safety
/// `map` and `key` must satisfy the term contract.
pub unsafe fn get(atoms: &AtomTable, map: Term, key: Term) -> Option<Term> {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) }? {
        // SAFETY: forwarded contract.
        Repr::Flat(flat) => unsafe { flat_position(atoms, flat.keys, key) }.map(|i| flat.values[i]),
        // SAFETY: forwarded contract.
        Repr::Hamt(hamt) => unsafe { hamt::get(atoms, hamt.head, key) },
    }
}

/// Whether `key` is in `map`.
///
/// # Safety
/// `map` and `key` must satisfy the term contract.
pub unsafe fn contains(atoms: &AtomTable, map: Term, key: Term) -> bool {
    // SAFETY: forwarded contract.
    unsafe { get(atoms, map, key) }.is_some()
}

/// The pairs of a map in forward order (see the module documentation).
pub struct Iter<'a> {
    inner: IterInner<'a>,
}

enum IterInner<'a> {
    Flat {
        keys: &'a [Term],
        values: &'a [Term],
        next: usize,
    },
    /// A flatmap of more than 32 keys, in the order of the HAMT erts would have.
    Owned(std::vec::IntoIter<(Term, Term)>),
    /// The nodes being walked, each with the index of its next child.
    Hamt {
        stack: Vec<(&'a [Term], usize)>,
    },
}

impl Iterator for Iter<'_> {
    type Item = (Term, Term);

    fn next(&mut self) -> Option<(Term, Term)> {
        match &mut self.inner {
            IterInner::Flat { keys, values, next } => {
                let pair = (*keys.get(*next)?, *values.get(*next)?);
                *next += 1;
                Some(pair)
            }
            IterInner::Owned(pairs) => pairs.next(),
            IterInner::Hamt { stack } => loop {
                let (children, next) = stack.last_mut()?;
                let Some(&child) = children.get(*next) else {
                    stack.pop();
                    continue;
                };
                *next += 1;
                // SAFETY: the map was valid for the iterator's lifetime (contract of `iter`).
                if let Some(pair) = unsafe { node::leaf(child) } {
                    return Some(pair);
                }
                if let Some(object) = node::object(child) {
                    // SAFETY: as above: a child node of the map.
                    stack.push((unsafe { node::children(object) }, 0));
                }
            },
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            IterInner::Flat { keys, next, .. } => (keys.len() - next, Some(keys.len() - next)),
            IterInner::Owned(pairs) => pairs.size_hint(),
            IterInner::Hamt { .. } => (0, None),
        }
    }
}

/// The occupied-slot bitmap and the children of a HAMT head or interior node (`0xFFFF` for a
/// head with all 16 slots), or `None` for anything else. A child is a leaf `[Key | Value]`
/// (a cons cell) or an interior node. This is the structure erts' `erlang:display/1` shows:
/// `#<Bitmap>{Child,...}` for the head, `<Bitmap>{...}` for a node, the bitmap in lowercase
/// hexadecimal; rbeam's HAMTs have erts' shape, so they display alike.
///
/// # Safety
/// `node` must satisfy the term contract, or be a child node of a live HAMT, for `'a`.
pub unsafe fn hamt_children<'a>(node: Term) -> Option<(u16, &'a [Term])> {
    let object = node.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header = unsafe { object.read() };
    let is_hamt = layout::is_header(header) && layout::kind(header) != layout::KIND_FLATMAP;
    // SAFETY: a live HAMT head or node (checked above, caller).
    is_hamt.then(|| unsafe { (node::slots(object), node::children(object)) })
}

/// Walks a map in forward order; nothing for a non-map. A flatmap of more than 32 keys (as
/// literal areas build them) walks in the order of the HAMT erts would have built.
///
/// # Safety
/// `map` must satisfy the term contract for `'a`.
pub unsafe fn iter<'a>(map: Term) -> Iter<'a> {
    // SAFETY: forwarded contract.
    let inner = match unsafe { repr::<'a>(map) } {
        Some(Repr::Flat(flat)) if flat.len() > SMALL_MAP_LIMIT => {
            let pairs: Pairs = flat.keys.iter().copied().zip(flat.values.iter().copied()).collect();
            // SAFETY: forwarded contract.
            IterInner::Owned(unsafe { hamt::forward_order(&pairs) }.into_iter())
        }
        Some(Repr::Flat(flat)) => IterInner::Flat { keys: flat.keys, values: flat.values, next: 0 },
        // SAFETY: forwarded contract: a live head.
        Some(Repr::Hamt(hamt)) => IterInner::Hamt { stack: vec![(unsafe { node::children(hamt.head) }, 0)] },
        None => IterInner::Flat { keys: &[], values: &[], next: 0 },
    };
    Iter { inner }
}

/// The pairs of a map in forward order.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn pairs(map: Term) -> Vec<(Term, Term)> {
    // SAFETY: forwarded contract.
    unsafe { iter(map) }.collect()
}

/// The pairs of a map in list order (see the module documentation), the order of
/// `maps:to_list/1` and of the pairs in `term_to_binary/1`'s encoding.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn list_pairs(map: Term) -> Pairs {
    // SAFETY: forwarded contract.
    let mut out = unsafe { pairs(map) };
    if out.len() > SMALL_MAP_LIMIT {
        out.reverse();
    }
    out
}

/// The pairs of a map in map-key order (a flatmap's own order), as term order compares maps.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn sorted_pairs(atoms: &AtomTable, map: Term) -> Vec<(Term, Term)> {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) } {
        None => Vec::new(),
        Some(Repr::Flat(flat)) => flat.keys.iter().copied().zip(flat.values.iter().copied()).collect(),
        Some(Repr::Hamt(_)) => {
            // SAFETY: forwarded contract.
            let mut out = unsafe { pairs(map) };
            // SAFETY: the keys are valid terms.
            out.sort_by(|a, b| unsafe { crate::order::compare_map_keys(atoms, a.0, b.0) });
            out
        }
    }
}

/// Builds a flatmap from keys already sorted and unique, with their values.
fn flat_from_sorted(alloc: &mut impl Allocator, keys: &[Term], values: &[Term]) -> MapResult {
    let size = keys.len();
    let keys_tuple = if size == 0 { tuple::empty() } else { tuple::build(alloc, keys)? };
    // SAFETY: the keys tuple was just built.
    unsafe { flat_with_values(alloc, keys_tuple, values) }
}

/// Builds a flatmap over an existing keys tuple (as `#{K := V}` does, sharing it).
///
/// # Safety
/// `keys_tuple` must be a tuple of sorted, unique keys, as many as `values`.
unsafe fn flat_with_values(alloc: &mut impl Allocator, keys_tuple: Term, values: &[Term]) -> MapResult {
    let object = alloc.alloc_words(layout::FLATMAP_BASE_WORDS + values.len())?;
    // SAFETY: `3 + n` words were allocated.
    unsafe {
        object.write(layout::FLATMAP_HEADER);
        object.add(1).write(values.len());
        object.add(2).write(keys_tuple.raw());
        core::ptr::copy_nonoverlapping(values.as_ptr().cast::<usize>(), object.add(3), values.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// The keys tuple of a flatmap.
///
/// # Safety
/// `map` must be a flatmap.
unsafe fn keys_tuple(map: Term) -> Term {
    // SAFETY: a flatmap's third word is its keys tuple (contract).
    Term::from_raw(unsafe { map.boxed_ptr().map_or(0, |object| object.add(2).read()) })
}

/// A map of the pairs, a later pair winning over an earlier one with the same key
/// (`maps:from_list/1`): a flatmap if at most 32 keys remain, else a HAMT.
///
/// # Safety
/// Every key and value must satisfy the term contract.
pub unsafe fn from_pairs_in(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    pairs: &[(Term, Term)],
) -> MapResult {
    if pairs.len() <= SMALL_MAP_LIMIT {
        // SAFETY: forwarded contract.
        return unsafe { layout::build_flatmap(alloc, atoms, pairs) };
    }
    // SAFETY: forwarded contract.
    let mut entries = unsafe { hamt::unique_entries(atoms, pairs) };
    if entries.len() <= SMALL_MAP_LIMIT {
        let unique: Vec<(Term, Term)> = entries.iter().map(hamt::Entry::pair).collect();
        // SAFETY: forwarded contract.
        return unsafe { layout::build_flatmap(alloc, atoms, &unique) };
    }
    // SAFETY: forwarded contract.
    unsafe { hamt::build(alloc, &mut entries) }
}

/// `Map#{K1 => V1, ...}`: later pairs win. A flatmap that grows past 32 keys becomes a HAMT.
/// Returns `map` itself when nothing changes; a non-map is returned unchanged.
///
/// # Safety
/// `map` and the pairs must satisfy the term contract.
pub unsafe fn put_in(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    map: Term,
    pairs: &[(Term, Term)],
) -> MapResult {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) } {
        None => Ok(map),
        Some(Repr::Flat(flat)) => {
            let mut values = flat.values.to_vec();
            let mut added: Vec<(Term, Term)> = Vec::new();
            for &(key, value) in pairs {
                // SAFETY: forwarded contract.
                if let Some(i) = unsafe { flat_position(atoms, flat.keys, key) } {
                    values[i] = value;
                // SAFETY: forwarded contract.
                } else if let Some(j) = added.iter().position(|a| unsafe { key_eq(atoms, a.0, key) }) {
                    added[j].1 = value;
                } else {
                    added.push((key, value));
                }
            }
            if added.is_empty() {
                if values == flat.values {
                    return Ok(map);
                }
                // SAFETY: `map` is a flatmap with as many keys as `values`.
                return unsafe { flat_with_values(alloc, keys_tuple(map), &values) };
            }
            let mut all: Vec<(Term, Term)> = flat.keys.iter().copied().zip(values).collect();
            if all.len() + added.len() > SMALL_MAP_LIMIT {
                all.extend(added);
                // SAFETY: forwarded contract.
                return unsafe { from_pairs_in(alloc, atoms, &all) };
            }
            // Still a flatmap: each new key goes in at its place in map-key order.
            for (key, value) in added {
                // SAFETY: forwarded contract.
                let at = all.partition_point(|&(k, _)| unsafe {
                    crate::order::compare_map_keys(atoms, k, key) == Ordering::Less
                });
                all.insert(at, (key, value));
            }
            let (keys, values): (Vec<Term>, Vec<Term>) = all.into_iter().unzip();
            flat_from_sorted(alloc, &keys, &values)
        }
        Some(Repr::Hamt(_)) => {
            let mut out = map;
            for &(key, value) in pairs {
                // SAFETY: forwarded contract; `out` is a HAMT built here or `map`.
                out = unsafe { hamt::insert(alloc, atoms, out, key, value) }?;
            }
            Ok(out)
        }
    }
}

/// `Map#{K1 := V1, ...}`: every key must be present; `Ok(Err(Key))` names the first that is
/// not (in the order of `pairs`).
///
/// # Safety
/// `map` and the pairs must satisfy the term contract.
pub unsafe fn update_in(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    map: Term,
    pairs: &[(Term, Term)],
) -> Result<Result<Term, Term>, BuildError> {
    // SAFETY: forwarded contract.
    let Some(repr) = (unsafe { repr(map) }) else {
        return Ok(Err(pairs.first().map_or(map, |p| p.0)));
    };
    for &(key, _) in pairs {
        // SAFETY: forwarded contract.
        if unsafe { get(atoms, map, key) }.is_none() {
            return Ok(Err(key));
        }
    }
    match repr {
        Repr::Flat(flat) => {
            let mut values = flat.values.to_vec();
            for &(key, value) in pairs {
                // SAFETY: forwarded contract.
                if let Some(i) = unsafe { flat_position(atoms, flat.keys, key) } {
                    values[i] = value;
                }
            }
            if values == flat.values {
                return Ok(Ok(map));
            }
            // SAFETY: `map` is a flatmap with as many keys as `values`.
            unsafe { flat_with_values(alloc, keys_tuple(map), &values) }.map(Ok)
        }
        // SAFETY: forwarded contract; every key is present, so the size stays.
        Repr::Hamt(_) => unsafe { put_in(alloc, atoms, map, pairs) }.map(Ok),
    }
}

/// `maps:take/2`: the value of `key` and the map without it, or `None` if absent. A HAMT
/// left with 32 keys becomes a flatmap.
///
/// # Safety
/// `map` and `key` must satisfy the term contract.
pub unsafe fn take_in(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    map: Term,
    key: Term,
) -> Result<Option<(Term, Term)>, BuildError> {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) } {
        None => Ok(None),
        Some(Repr::Flat(flat)) => {
            // SAFETY: forwarded contract.
            let Some(i) = (unsafe { flat_position(atoms, flat.keys, key) }) else { return Ok(None) };
            let keys: Vec<Term> =
                flat.keys.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &k)| k).collect();
            let values: Vec<Term> =
                flat.values.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &v)| v).collect();
            Ok(Some((flat.values[i], flat_from_sorted(alloc, &keys, &values)?)))
        }
        Some(Repr::Hamt(view)) => {
            // SAFETY: forwarded contract.
            let hamt::Removed::Found(value, path) =
                (unsafe { hamt::find_for_removal(atoms, view.head, key) })
            else {
                return Ok(None);
            };
            if view.size - 1 <= SMALL_MAP_LIMIT {
                // SAFETY: forwarded contract.
                let rest: Vec<(Term, Term)> =
                    unsafe { iter(map) }.filter(|&(k, _)| unsafe { !key_eq(atoms, k, key) }).collect();
                // SAFETY: forwarded contract.
                let flat = unsafe { layout::build_flatmap(alloc, atoms, &rest) }?;
                return Ok(Some((value, flat)));
            }
            // SAFETY: the path was found in this map.
            Ok(Some((value, unsafe { hamt::remove_path(alloc, &path) }?)))
        }
    }
}

/// `maps:remove/2`: the map without `key` (`map` itself if absent).
///
/// # Safety
/// `map` and `key` must satisfy the term contract.
pub unsafe fn remove_in(alloc: &mut impl Allocator, atoms: &AtomTable, map: Term, key: Term) -> MapResult {
    // SAFETY: forwarded contract.
    Ok(unsafe { take_in(alloc, atoms, map, key) }?.map_or(map, |(_, rest)| rest))
}

/// `maps:merge/2`: the pairs of both maps, `b`'s value winning for keys in both.
///
/// # Safety
/// Both maps must satisfy the term contract.
pub unsafe fn merge_in(alloc: &mut impl Allocator, atoms: &AtomTable, a: Term, b: Term) -> MapResult {
    // SAFETY: forwarded contract.
    let (na, nb) = unsafe { (size(a), size(b)) };
    if na == 0 {
        return Ok(b);
    }
    if nb == 0 {
        return Ok(a);
    }
    // SAFETY: forwarded contract.
    let mut all = unsafe { pairs(a) };
    // SAFETY: forwarded contract.
    all.extend(unsafe { iter(b) });
    // SAFETY: forwarded contract.
    unsafe { from_pairs_in(alloc, atoms, &all) }
}

/// What [`list_of`] lists.
#[derive(Clone, Copy)]
enum Listed {
    Keys,
    Values,
    Pairs,
}

/// A list of the keys, values or `{K, V}` pairs of a map, in list order (see the module
/// documentation).
///
/// # Safety
/// `map` must satisfy the term contract.
unsafe fn list_of(alloc: &mut impl Allocator, map: Term, listed: Listed) -> Result<Term, BuildError> {
    // The list is consed from its end.
    // SAFETY: forwarded contract.
    let pairs = unsafe { list_pairs(map) };
    let mut out = Term::NIL;
    for (k, v) in pairs.into_iter().rev() {
        let element = match listed {
            Listed::Keys => k,
            Listed::Values => v,
            Listed::Pairs => tuple::build(alloc, &[k, v])?,
        };
        out = list::cons(alloc, element, out)?;
    }
    Ok(out)
}

/// `maps:keys/1`, in erl's list order.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn keys_in(alloc: &mut impl Allocator, map: Term) -> Result<Term, BuildError> {
    // SAFETY: forwarded contract.
    unsafe { list_of(alloc, map, Listed::Keys) }
}

/// `maps:values/1`, in erl's list order.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn values_in(alloc: &mut impl Allocator, map: Term) -> Result<Term, BuildError> {
    // SAFETY: forwarded contract.
    unsafe { list_of(alloc, map, Listed::Values) }
}

/// `maps:to_list/1`, `[{K, V}]` in erl's list order.
///
/// # Safety
/// `map` must satisfy the term contract.
pub unsafe fn to_list_in(alloc: &mut impl Allocator, map: Term) -> Result<Term, BuildError> {
    // SAFETY: forwarded contract.
    unsafe { list_of(alloc, map, Listed::Pairs) }
}

/// Compares two maps as term order does (size, then keys in map-key order, then values in
/// that order), returning the pairs to compare element by element when the sizes are equal.
///
/// # Safety
/// Both must be maps satisfying the term contract.
pub unsafe fn compare_prefix(atoms: &AtomTable, a: Term, b: Term) -> Result<(Pairs, Pairs), Ordering> {
    // SAFETY: forwarded contract.
    let order = unsafe { size(a).cmp(&size(b)) };
    if order != Ordering::Equal {
        return Err(order);
    }
    // SAFETY: forwarded contract.
    unsafe { Ok((sorted_pairs(atoms, a), sorted_pairs(atoms, b))) }
}

/// Never fails: a process allocates on its heap or in a fragment.
fn on_process<T>(result: Result<T, BuildError>) -> T {
    match result {
        Ok(value) => value,
        Err(error) => unreachable!("building a map on a process heap failed: {error}"),
    }
}

/// [`put_in`] on a process heap.
///
/// # Safety
/// As for [`put_in`].
pub unsafe fn put(p: &mut Process, atoms: &AtomTable, map: Term, pairs: &[(Term, Term)]) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { put_in(p, atoms, map, pairs) })
}

/// [`update_in`] on a process heap: `Err(Key)` for the first missing key.
///
/// # Safety
/// As for [`update_in`].
pub unsafe fn update(
    p: &mut Process,
    atoms: &AtomTable,
    map: Term,
    pairs: &[(Term, Term)],
) -> Result<Term, Term> {
    // SAFETY: forwarded contract.
    on_process(unsafe { update_in(p, atoms, map, pairs) })
}

/// [`remove_in`] on a process heap.
///
/// # Safety
/// As for [`remove_in`].
pub unsafe fn remove(p: &mut Process, atoms: &AtomTable, map: Term, key: Term) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { remove_in(p, atoms, map, key) })
}

/// [`take_in`] on a process heap.
///
/// # Safety
/// As for [`take_in`].
pub unsafe fn take(p: &mut Process, atoms: &AtomTable, map: Term, key: Term) -> Option<(Term, Term)> {
    // SAFETY: forwarded contract.
    on_process(unsafe { take_in(p, atoms, map, key) })
}

/// [`from_pairs_in`] on a process heap.
///
/// # Safety
/// As for [`from_pairs_in`].
pub unsafe fn from_pairs(p: &mut Process, atoms: &AtomTable, pairs: &[(Term, Term)]) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { from_pairs_in(p, atoms, pairs) })
}

/// [`merge_in`] on a process heap.
///
/// # Safety
/// As for [`merge_in`].
pub unsafe fn merge(p: &mut Process, atoms: &AtomTable, a: Term, b: Term) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { merge_in(p, atoms, a, b) })
}

/// [`keys_in`] on a process heap.
///
/// # Safety
/// As for [`keys_in`].
pub unsafe fn keys(p: &mut Process, map: Term) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { keys_in(p, map) })
}

/// [`values_in`] on a process heap.
///
/// # Safety
/// As for [`values_in`].
pub unsafe fn values(p: &mut Process, map: Term) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { values_in(p, map) })
}

/// [`to_list_in`] on a process heap.
///
/// # Safety
/// As for [`to_list_in`].
pub unsafe fn to_list(p: &mut Process, map: Term) -> Term {
    // SAFETY: forwarded contract.
    on_process(unsafe { to_list_in(p, map) })
}
