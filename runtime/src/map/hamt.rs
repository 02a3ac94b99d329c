//! HAMT maps: lookup, building, insertion and removal, all in erts' canonical shape.
//!
//! A key's path through the trie is its hash read four bits at a time, least significant
//! first: levels 0–7 take the nibbles of [`map_hash`]`(Key, 0)`, levels 8–15 those of
//! `map_hash(Key, 1)`, and so on. Whatever operations built it, erts' trie has one shape for
//! a given set of keys (`erl_map.c` builds from sorted hashes, inserts by splitting a leaf only
//! as deep as the two keys agree, and deletes by moving a lone leaf up): a node exists for a
//! path prefix exactly when at least two keys share it, and a key's leaf sits where its prefix
//! becomes unique. This module builds that same shape by its own means, which is what makes
//! iteration order (slot order, depth first) and `maps:next/1` paths equal to erl's.
//!
//! Nothing here recurses on term depth; the only recursion is the build's, one frame per trie
//! level.

use super::hash::map_hash;
use super::node::{self, Children};
use super::{MapResult, key_eq};
use crate::atom::AtomTable;
use crate::heap::Allocator;
use crate::term::Term;

/// Deepest level a trie may reach: 32 rehashes. Distinct keys part long before (the hash
/// covers everything exact equality looks at), so reaching it means a broken hash.
const MAX_LEVEL: u32 = 8 * 32;

/// A key's hash, recomputed with the right salt as the levels go down.
pub(crate) struct KeyHash {
    key: Term,
    depth: u32,
    hash: u32,
}

impl KeyHash {
    /// The hash of `key`, starting at level 0.
    ///
    /// # Safety
    /// `key` must satisfy the crate's term contract.
    pub(crate) unsafe fn new(key: Term) -> KeyHash {
        // SAFETY: forwarded contract.
        KeyHash { key, depth: 0, hash: unsafe { map_hash(key, 0) } }
    }

    /// The slot of the key at `level`.
    pub(crate) fn slot(&mut self, level: u32) -> usize {
        let depth = level / 8;
        if depth != self.depth {
            // SAFETY: `key` is valid (contract of `new`).
            self.hash = unsafe { map_hash(self.key, depth) };
            self.depth = depth;
        }
        ((self.hash >> (4 * (level % 8))) & 0xF) as usize
    }
}

/// The hash with its nibbles reversed, so that ordering by it orders by slot at level 0, then
/// level 1, and so on (erts' `swizzle32`).
fn swizzle(hash: u32) -> u32 {
    let mut out = 0;
    for i in 0..8 {
        out = (out << 4) | ((hash >> (4 * i)) & 0xF);
    }
    out
}

fn check_level(level: u32) {
    assert!(level < MAX_LEVEL, "HAMT keys share {MAX_LEVEL} levels of hash");
}

/// The value of `key` in the HAMT whose head is `head`.
///
/// # Safety
/// `head` must point at a live HAMT head and `key` satisfy the term contract.
pub(crate) unsafe fn get(atoms: &AtomTable, head: *const usize, key: Term) -> Option<Term> {
    // SAFETY: forwarded contract.
    let mut hash = unsafe { KeyHash::new(key) };
    let mut node = head;
    let mut level = 0;
    loop {
        // SAFETY: `node` is a live node of the map (contract).
        let (slots, children) = unsafe { (node::slots(node), node::children(node)) };
        let child = children[node::index(slots, hash.slot(level))?];
        // SAFETY: children of a live node are live.
        if let Some((k, v)) = unsafe { node::leaf(child) } {
            // SAFETY: both are valid terms.
            return unsafe { key_eq(atoms, k, key) }.then_some(v);
        }
        node = node::object(child)?;
        level += 1;
        check_level(level);
    }
}

/// A key-value pair on its way into a new trie.
pub(crate) struct Entry {
    key: Term,
    value: Term,
    /// The key's hash at the depth being built.
    hash: u32,
}

impl Entry {
    pub(crate) fn pair(&self) -> (Term, Term) {
        (self.key, self.value)
    }
}

/// The pairs hashed and sorted by level-0 path, a later pair winning over an earlier one
/// with the same key.
///
/// # Safety
/// Every key must satisfy the term contract.
pub(crate) unsafe fn unique_entries(atoms: &AtomTable, pairs: &[(Term, Term)]) -> Vec<Entry> {
    let mut entries: Vec<(u32, usize)> = pairs
        .iter()
        .enumerate()
        // SAFETY: forwarded contract.
        .map(|(i, &(key, _))| (unsafe { map_hash(key, 0) }, i))
        .collect();
    // Stable: equal hashes keep their input order.
    entries.sort_by_key(|&(hash, _)| swizzle(hash));
    let mut out = Vec::with_capacity(entries.len());
    let mut start = 0;
    while start < entries.len() {
        let hash = entries[start].0;
        let end = start + entries[start..].iter().take_while(|e| e.0 == hash).count();
        for (n, &(_, i)) in entries[start..end].iter().enumerate() {
            let key = pairs[i].0;
            // SAFETY: forwarded contract.
            let overridden =
                entries[start + n + 1..end].iter().any(|&(_, j)| unsafe { key_eq(atoms, pairs[j].0, key) });
            if !overridden {
                out.push(Entry { key, value: pairs[i].1, hash });
            }
        }
        start = end;
    }
    out
}

/// Unique pairs in the order a HAMT of them iterates: by their paths, level 0 first. The
/// order of a flatmap of more than 32 keys (literal areas build them) as erts' HAMT would have
/// it.
///
/// # Safety
/// Every key must satisfy the term contract.
pub(crate) unsafe fn forward_order(pairs: &[(Term, Term)]) -> Vec<(Term, Term)> {
    let mut keyed: Vec<(u32, (Term, Term))> =
        // SAFETY: forwarded contract.
        pairs.iter().map(|&pair| (swizzle(unsafe { map_hash(pair.0, 0) }), pair)).collect();
    keyed.sort_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| {
            // Same level-0 hash: the deeper hashes decide, as the trie's deeper levels do.
            for depth in 1..MAX_LEVEL / 8 {
                // SAFETY: forwarded contract.
                let (x, y) = unsafe { (map_hash(a.1.0, depth), map_hash(b.1.0, depth)) };
                if x != y {
                    return swizzle(x).cmp(&swizzle(y));
                }
            }
            core::cmp::Ordering::Equal
        })
    });
    keyed.into_iter().map(|(_, pair)| pair).collect()
}

/// Builds a HAMT from unique entries sorted by [`unique_entries`].
///
/// # Safety
/// Every key must satisfy the term contract.
pub(crate) unsafe fn build(alloc: &mut impl Allocator, entries: &mut [Entry]) -> MapResult {
    // SAFETY: forwarded contract.
    let children = unsafe { build_children(alloc, entries, 0) }?;
    Ok(node::alloc_head(alloc, children.slots, entries.len(), children.as_slice())?)
}

/// The children of the node at `level` over `entries`, which share their path above
/// `level` and are sorted by path.
///
/// # Safety
/// Every key must satisfy the term contract.
unsafe fn build_children(
    alloc: &mut impl Allocator,
    entries: &mut [Entry],
    level: u32,
) -> Result<Children, crate::term::BuildError> {
    check_level(level);
    let shift = 4 * (level % 8);
    let slot_of = |e: &Entry| ((e.hash >> shift) & 0xF) as usize;
    let mut children = Children::new();
    let mut start = 0;
    while start < entries.len() {
        let slot = slot_of(&entries[start]);
        let end = start + entries[start..].iter().take_while(|e| slot_of(e) == slot).count();
        let group = &mut entries[start..end];
        let child = if let [single] = group {
            node::alloc_leaf(alloc, single.key, single.value)?
        } else {
            let next = level + 1;
            if next % 8 == 0 {
                for e in group.iter_mut() {
                    // SAFETY: forwarded contract.
                    e.hash = unsafe { map_hash(e.key, next / 8) };
                }
                group.sort_by_key(|e| swizzle(e.hash));
            }
            // SAFETY: forwarded contract.
            let grandchildren = unsafe { build_children(alloc, group, next) }?;
            node::alloc_node(alloc, grandchildren.slots, grandchildren.as_slice())?
        };
        children.push(slot, child);
        start = end;
    }
    Ok(children)
}

/// One step of a path from the head down: a node and the slot taken in it.
type Path = Vec<(*const usize, usize)>;

/// `map#{key => value}` on a HAMT: the new head, or `head_term` itself when the key already
/// has this very value.
///
/// # Safety
/// `head_term` must be a live HAMT and `key`, `value` satisfy the term contract.
pub(crate) unsafe fn insert(
    alloc: &mut impl Allocator,
    atoms: &AtomTable,
    head_term: Term,
    key: Term,
    value: Term,
) -> MapResult {
    let Some(head) = head_term.boxed_ptr() else { return Ok(head_term) };
    // SAFETY: forwarded contract.
    let mut hash = unsafe { KeyHash::new(key) };
    let mut path: Path = Vec::new();
    let mut node = head;
    let mut level = 0;
    let (new_child, grown) = loop {
        let slot = hash.slot(level);
        path.push((node, slot));
        // SAFETY: `node` is a live node of the map.
        let (slots, children) = unsafe { (node::slots(node), node::children(node)) };
        let Some(i) = node::index(slots, slot) else {
            break (node::alloc_leaf(alloc, key, value)?, true);
        };
        let child = children[i];
        // SAFETY: children of a live node are live.
        if let Some((k, v)) = unsafe { node::leaf(child) } {
            // SAFETY: valid terms.
            if unsafe { key_eq(atoms, k, key) } {
                if v == value {
                    return Ok(head_term);
                }
                break (node::alloc_leaf(alloc, key, value)?, false);
            }
            // SAFETY: `k` is a valid key.
            let other = unsafe { KeyHash::new(k) };
            let leaf = node::alloc_leaf(alloc, key, value)?;
            break (split(alloc, other, child, hash, leaf, level + 1)?, true);
        }
        let Some(next) = node::object(child) else { return Ok(head_term) };
        node = next;
        level += 1;
        check_level(level);
    };
    // SAFETY: the path's nodes are live nodes of the map.
    unsafe { rebuild(alloc, &path, Some(new_child), if grown { 1 } else { 0 }) }
}

/// The subtree holding two leaves whose keys share their path above `level`: as many
/// single-child nodes as the paths keep agreeing, then a node with both.
fn split(
    alloc: &mut impl Allocator,
    mut a: KeyHash,
    a_leaf: Term,
    mut b: KeyHash,
    b_leaf: Term,
    mut level: u32,
) -> MapResult {
    let mut shared = Vec::new();
    let node = loop {
        check_level(level);
        let (sa, sb) = (a.slot(level), b.slot(level));
        if sa != sb {
            let mut children = Children::new();
            let (first, second) =
                if sa < sb { ((sa, a_leaf), (sb, b_leaf)) } else { ((sb, b_leaf), (sa, a_leaf)) };
            children.push(first.0, first.1);
            children.push(second.0, second.1);
            break node::alloc_node(alloc, children.slots, children.as_slice())?;
        }
        shared.push(sa);
        level += 1;
    };
    let mut node = node;
    for &slot in shared.iter().rev() {
        node = node::alloc_node(alloc, 1 << slot, &[node])?;
    }
    Ok(node)
}

/// Copies the path bottom-up with the last slot holding `replacement` (or emptied), keeping
/// the trie canonical: a node left without children disappears, and one left with a single
/// leaf gives the leaf to its parent. The head's size changes by `size_change`.
///
/// # Safety
/// The path's nodes must be live nodes of one map, the first its head.
unsafe fn rebuild(
    alloc: &mut impl Allocator,
    path: &Path,
    replacement: Option<Term>,
    size_change: isize,
) -> MapResult {
    let mut result = replacement;
    for (depth, &(node, slot)) in path.iter().enumerate().rev() {
        // SAFETY: a live node (contract).
        let mut children = unsafe { Children::of(node) };
        match result {
            Some(child) => children.set(slot, child),
            None => children.clear(slot),
        }
        if depth == 0 {
            // SAFETY: the head is followed by its size word.
            let size = unsafe { node.add(1).read() }.wrapping_add_signed(size_change);
            return Ok(node::alloc_head(alloc, children.slots, size, children.as_slice())?);
        }
        result = match children.as_slice() {
            [] => None,
            // SAFETY: children of live nodes are live.
            [only] if unsafe { node::leaf(*only) }.is_some() => Some(*only),
            many => Some(node::alloc_node(alloc, children.slots, many)?),
        };
    }
    unreachable!("a HAMT path starts at the head")
}

/// What removing a key found.
pub(crate) enum Removed {
    /// The key is not in the map.
    Absent,
    /// The value it had, and the path to its leaf.
    Found(Term, Path),
}

/// Looks `key` up for removal.
///
/// # Safety
/// `head` must point at a live HAMT head and `key` satisfy the term contract.
pub(crate) unsafe fn find_for_removal(atoms: &AtomTable, head: *const usize, key: Term) -> Removed {
    // SAFETY: forwarded contract.
    let mut hash = unsafe { KeyHash::new(key) };
    let mut path: Path = Vec::new();
    let mut node = head;
    let mut level = 0;
    loop {
        let slot = hash.slot(level);
        path.push((node, slot));
        // SAFETY: a live node of the map.
        let (slots, children) = unsafe { (node::slots(node), node::children(node)) };
        let Some(i) = node::index(slots, slot) else { return Removed::Absent };
        let child = children[i];
        // SAFETY: children of a live node are live.
        if let Some((k, v)) = unsafe { node::leaf(child) } {
            // SAFETY: valid terms.
            return if unsafe { key_eq(atoms, k, key) } { Removed::Found(v, path) } else { Removed::Absent };
        }
        let Some(next) = node::object(child) else { return Removed::Absent };
        node = next;
        level += 1;
        check_level(level);
    }
}

/// The HAMT without the leaf at the end of `path` (from [`find_for_removal`]).
///
/// # Safety
/// As for [`find_for_removal`], on the same map.
pub(crate) unsafe fn remove_path(alloc: &mut impl Allocator, path: &Path) -> MapResult {
    // SAFETY: forwarded contract.
    unsafe { rebuild(alloc, path, None, -1) }
}
