//! HAMT objects (`erl_map.h`): reading a node's children and writing nodes, heads and leaves.
//!
//! * A **head** is the root: `[header, size, children...]`, with a bitmap header
//!   ([`map::hamt_head_bitmap_header`]) or, when all 16 slots are taken, the array header
//!   ([`map::HAMT_HEAD_ARRAY_HEADER`]).
//! * An interior **node** is `[header, children...]` with a bitmap header
//!   ([`map::hamt_node_bitmap_header`]), also when all 16 slots are taken (erts never builds
//!   the 16-tuple array node, though readers accept it).
//! * A **leaf** is a cons cell `[Key | Value]`.
//!
//! Children are stored in slot order; a bitmap node holds as many as its bitmap has bits.

use crate::heap::{AllocError, Allocator};
use crate::term::map::{self, KIND_HAMT_HEAD_ARRAY, KIND_HAMT_HEAD_BITMAP, KIND_HAMT_NODE_BITMAP};
use crate::term::{Term, list, tuple};

/// Words of a head before its children: header and size.
pub(crate) const HEAD_WORDS: usize = 2;

/// The children of a HAMT head or interior node at `object`.
///
/// # Safety
/// `object` must point at a live HAMT head or node (or 16-tuple array node) that outlives
/// `'a`.
pub(crate) unsafe fn children<'a>(object: *const usize) -> &'a [Term] {
    // SAFETY: the object is live (caller).
    let header = unsafe { object.read() };
    let (offset, count) = if tuple::is_header(header) {
        (1, 16)
    } else {
        match map::kind(header) {
            KIND_HAMT_HEAD_ARRAY => (HEAD_WORDS, 16),
            KIND_HAMT_HEAD_BITMAP => (HEAD_WORDS, map::header_value(header).count_ones() as usize),
            KIND_HAMT_NODE_BITMAP => (1, map::header_value(header).count_ones() as usize),
            _ => (1, 0),
        }
    };
    // SAFETY: a node's children follow its header (and size) words.
    unsafe { core::slice::from_raw_parts(object.add(offset).cast::<Term>(), count) }
}

/// The occupied slots of a HAMT head or node.
///
/// # Safety
/// As for [`children`].
pub(crate) unsafe fn slots(object: *const usize) -> u16 {
    // SAFETY: the object is live (caller).
    let header = unsafe { object.read() };
    if tuple::is_header(header) || map::kind(header) == KIND_HAMT_HEAD_ARRAY {
        0xFFFF
    } else {
        map::header_value(header)
    }
}

/// Where the child in `slot` is among the children of a node with `slots` occupied.
pub(crate) fn index(slots: u16, slot: usize) -> Option<usize> {
    let bit = 1u16 << slot;
    (slots & bit != 0).then(|| (slots & (bit - 1)).count_ones() as usize)
}

/// The key and value of a leaf, or `None` for a node.
///
/// # Safety
/// `child` must be a live child of a HAMT node.
pub(crate) unsafe fn leaf(child: Term) -> Option<(Term, Term)> {
    // SAFETY: forwarded contract.
    unsafe { list::head_tail(child) }
}

/// The object of a child that is a node.
pub(crate) fn object(child: Term) -> Option<*const usize> {
    child.boxed_ptr()
}

/// Allocates a leaf `[key | value]`.
pub(crate) fn alloc_leaf(alloc: &mut impl Allocator, key: Term, value: Term) -> Result<Term, AllocError> {
    let cell = alloc.alloc_words(list::CONS_WORDS)?;
    // SAFETY: two words were allocated.
    unsafe {
        cell.write(key.raw());
        cell.add(1).write(value.raw());
    }
    Ok(Term::from_cons_ptr(cell))
}

/// Allocates an interior node with the children of the slots set in `slots`, in slot order.
pub(crate) fn alloc_node(
    alloc: &mut impl Allocator,
    slots: u16,
    children: &[Term],
) -> Result<Term, AllocError> {
    debug_assert_eq!(slots.count_ones() as usize, children.len());
    let object = alloc.alloc_words(1 + children.len())?;
    // SAFETY: `1 + len` words were allocated.
    unsafe {
        object.write(map::hamt_node_bitmap_header(slots));
        core::ptr::copy_nonoverlapping(children.as_ptr().cast::<usize>(), object.add(1), children.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Allocates a head of a map of `size` keys with the children of the slots set in `slots`.
pub(crate) fn alloc_head(
    alloc: &mut impl Allocator,
    slots: u16,
    size: usize,
    children: &[Term],
) -> Result<Term, AllocError> {
    debug_assert_eq!(slots.count_ones() as usize, children.len());
    let object = alloc.alloc_words(HEAD_WORDS + children.len())?;
    let header =
        if slots == 0xFFFF { map::HAMT_HEAD_ARRAY_HEADER } else { map::hamt_head_bitmap_header(slots) };
    // SAFETY: `2 + len` words were allocated.
    unsafe {
        object.write(header);
        object.add(1).write(size);
        core::ptr::copy_nonoverlapping(
            children.as_ptr().cast::<usize>(),
            object.add(HEAD_WORDS),
            children.len(),
        );
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Up to 16 children being gathered for a new node, in slot order.
#[derive(Clone, Copy)]
pub(crate) struct Children {
    pub slots: u16,
    terms: [Term; 16],
    len: usize,
}

impl Children {
    pub(crate) fn new() -> Children {
        Children { slots: 0, terms: [Term::NIL; 16], len: 0 }
    }

    /// The children of an existing node.
    ///
    /// # Safety
    /// As for [`children`].
    pub(crate) unsafe fn of(object: *const usize) -> Children {
        let mut out = Children::new();
        // SAFETY: forwarded contract.
        let (slots, existing) = unsafe { (slots(object), children(object)) };
        out.slots = slots;
        out.terms[..existing.len()].copy_from_slice(existing);
        out.len = existing.len();
        out
    }

    /// Appends the child of `slot`, which must be above every slot present.
    pub(crate) fn push(&mut self, slot: usize, child: Term) {
        debug_assert!(self.slots >> slot == 0);
        self.slots |= 1 << slot;
        self.terms[self.len] = child;
        self.len += 1;
    }

    /// Puts `child` in `slot`, replacing what was there.
    pub(crate) fn set(&mut self, slot: usize, child: Term) {
        match index(self.slots, slot) {
            Some(i) => self.terms[i] = child,
            None => {
                let i = (self.slots & ((1u16 << slot) - 1)).count_ones() as usize;
                self.terms.copy_within(i..self.len, i + 1);
                self.terms[i] = child;
                self.slots |= 1 << slot;
                self.len += 1;
            }
        }
    }

    /// Empties `slot`.
    pub(crate) fn clear(&mut self, slot: usize) {
        if let Some(i) = index(self.slots, slot) {
            self.terms.copy_within(i + 1..self.len, i);
            self.slots &= !(1u16 << slot);
            self.len -= 1;
        }
    }

    pub(crate) fn as_slice(&self) -> &[Term] {
        &self.terms[..self.len]
    }
}
