//! Deep copies of terms into another heap: messages, spawn arguments, ETS-like stores (erts'
//! `size_object` and `copy_struct` in `copy.c`).
//!
//! A copy shares nothing with the original: every object reachable from the term is copied
//! once per path to it, so a term with shared subterms can grow (as in erts; the sender pays
//! for the size once more). Terms in literal areas are copied too, since the receiver must not
//! depend on a module staying loaded; only immediates and the static empty tuple are not.
//!
//! Both the size computation and the copy are iterative: the size walk keeps an explicit
//! stack and follows list tails in a loop, the copy is Cheney-style (copy an object, then scan
//! the copies left to right and copy what they point to), so a term nested a million levels
//! deep costs no Rust stack.
//!
//! A copied bin ref takes a new reference on its off-heap binary and joins the destination's
//! off-heap list; a copied sub bits over a heap bits has its `base` moved to the copy's data.

use core::ptr::NonNull;

use crate::heap::binary::Binary;
use crate::heap::offheap::OffHeap;
use crate::heap::{AllocError, Allocator};
use crate::mailbox::Message;
use crate::process::Fragment;
use crate::term::layout::{self, Kind};
use crate::term::tags::{PRIMARY_HEADER, PRIMARY_MASK};
use crate::term::{Term, tuple};

/// Heap words a deep copy of `term` needs (0 for immediates and `{}`), sharing not preserved.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn size_of(term: Term) -> usize {
    let mut words = 0usize;
    let mut pending: Vec<Term> = Vec::new();
    let mut next = Some(term);
    while let Some(term) = next.take().or_else(|| pending.pop()) {
        if let Some(cell) = term.cons_ptr() {
            words += 2;
            // SAFETY: a list term points at a live cell (caller).
            let (head, tail) = unsafe { (Term::from_raw(cell.read()), Term::from_raw(cell.add(1).read())) };
            if !head.is_immediate() {
                pending.push(head);
            }
            next = Some(tail);
        } else if let Some(object) = term.boxed_ptr() {
            if term == tuple::empty() {
                continue;
            }
            // SAFETY: a boxed term points at a live object (caller).
            let shape = unsafe { object_layout(object) };
            words += shape.words;
            for index in shape.term_words() {
                // SAFETY: a term word of the live object.
                let inner = Term::from_raw(unsafe { object.add(index).read() });
                if !inner.is_immediate() {
                    pending.push(inner);
                }
            }
        }
    }
    words
}

/// Copies `term` into `alloc` and returns the copy (`term` itself for immediates and `{}`).
///
/// # Panics
/// If `alloc` cannot provide [`size_of`]`(term)` contiguous words; see [`try_copy_term`].
///
/// # Safety
/// `term` must satisfy the crate's term contract, and stays untouched.
pub unsafe fn copy_term(term: Term, alloc: &mut impl Allocator) -> Term {
    // SAFETY: forwarded contract.
    match unsafe { try_copy_term(term, alloc) } {
        Ok(copy) => copy,
        Err(error) => panic!("copy_term: {error}"),
    }
}

/// [`copy_term`], or the allocator's error if it cannot provide the words (one allocation of
/// exactly [`size_of`]`(term)` words).
///
/// # Safety
/// As [`copy_term`].
pub unsafe fn try_copy_term(term: Term, alloc: &mut impl Allocator) -> Result<Term, AllocError> {
    // SAFETY: forwarded contract.
    let words = unsafe { size_of(term) };
    if words == 0 {
        return Ok(term);
    }
    let start = alloc.alloc_words(words)?;
    let mut space = Space { top: start, end: start.wrapping_add(words) };
    // SAFETY: `start..end` are `words` fresh words; `term` is a valid term (caller).
    let root = unsafe { space.copy(term) };
    let mut scan = start;
    while scan < space.top {
        // SAFETY: `scan` is at a copied object or cons word below `top`.
        scan = unsafe { space.scan_at(scan, alloc.off_heap()) };
    }
    debug_assert_eq!(space.top, space.end, "size_of and the copy disagree");
    Ok(root)
}

/// Copies `term` into a new heap fragment and wraps it as a message for a mailbox. The
/// fragment keeps the message's bin refs on its own off-heap list until it joins the
/// receiver ([`crate::process::Process::attach_fragment`]) or dies.
///
/// # Safety
/// As [`copy_term`].
pub unsafe fn copy_to_fragment(term: Term) -> Message {
    // SAFETY: forwarded contract.
    let words = unsafe { size_of(term) };
    if words == 0 {
        return Message { term, fragment: None };
    }
    let mut fragment = Fragment::new(words);
    let start = fragment.start();
    let mut filler =
        FragmentFiller { next: start, end: start.wrapping_add(words), off_heap: &mut fragment.off_heap };
    // SAFETY: forwarded contract; the fragment has exactly the words the copy needs.
    let copy = unsafe { copy_term(term, &mut filler) };
    Message { term: copy, fragment: Some(fragment) }
}

/// The layout of a live object, or a panic naming what was found instead.
///
/// # Safety
/// `object` must point at a readable header (and a flatmap's size word).
unsafe fn object_layout(object: *const usize) -> layout::Layout {
    // SAFETY: forwarded contract.
    match unsafe { layout::of(object) } {
        Some(shape) => shape,
        // SAFETY: as above.
        None => panic!("copy: word {:#x} at {object:p} is not an object header", unsafe { object.read() }),
    }
}

/// The destination words: `top..end` are still free.
struct Space {
    top: *mut usize,
    end: *mut usize,
}

impl Space {
    /// Copies the cell or object `term` points to (not what it points to in turn) and returns
    /// the term for the copy; immediates and `{}` are returned as they are.
    ///
    /// # Safety
    /// `term` must be a valid term; `top..end` must be writable.
    unsafe fn copy(&mut self, term: Term) -> Term {
        if let Some(cell) = term.cons_ptr() {
            let copy = self.take(2);
            // SAFETY: two readable source words, two reserved destination words.
            unsafe { core::ptr::copy_nonoverlapping(cell, copy, 2) };
            return Term::from_cons_ptr(copy);
        }
        match term.boxed_ptr() {
            Some(object) if term != tuple::empty() => {
                // SAFETY: a boxed term points at a live object (caller).
                let shape = unsafe { object_layout(object) };
                let copy = self.take(shape.words);
                // SAFETY: the object's words are readable, as many are reserved.
                unsafe { core::ptr::copy_nonoverlapping(object, copy, shape.words) };
                Term::from_boxed_ptr(copy)
            }
            _ => term,
        }
    }

    fn take(&mut self, words: usize) -> *mut usize {
        let start = self.top;
        let free = (self.end as usize - start as usize) / core::mem::size_of::<usize>();
        assert!(words <= free, "copy: the term outgrew its size");
        self.top = start.wrapping_add(words);
        start
    }

    /// Copies what the copied word or object at `at` points to and links an off-heap object
    /// into `off_heap`; returns where the next one starts.
    ///
    /// # Safety
    /// `at` starts a copied cons word or object below `top`, whose words are valid.
    unsafe fn scan_at(&mut self, at: *mut usize, off_heap: &mut OffHeap) -> *mut usize {
        // SAFETY: `at` is below `top` (caller).
        let word = unsafe { at.read() };
        if word & PRIMARY_MASK != PRIMARY_HEADER {
            // SAFETY: a word of a copied cons cell: a valid term.
            unsafe { at.write(self.copy(Term::from_raw(word)).raw()) };
            return at.wrapping_add(1);
        }
        // SAFETY: a copied object's header.
        let shape = unsafe { object_layout(at) };
        for index in shape.term_words() {
            let slot = at.wrapping_add(index);
            // SAFETY: a term word of the copied object.
            unsafe {
                let old = Term::from_raw(slot.read());
                let new = self.copy(old);
                slot.write(new.raw());
                if shape.kind == Kind::SubBits {
                    layout::relocate_sub_bits_base(at, old, new);
                }
            }
        }
        if shape.kind == Kind::BinRef {
            // SAFETY: word 1 of a bin ref is its live binary, on which the original holds a
            // reference; the copy takes its own and joins the destination's list.
            unsafe {
                if let Some(binary) = NonNull::new(at.add(1).read() as *mut Binary) {
                    Binary::retain(binary);
                }
                off_heap.push(at);
            }
        } else if shape.kind == Kind::External {
            // SAFETY: an external identifier has its `next` word at index 2.
            unsafe { off_heap.push(at) };
        }
        at.wrapping_add(shape.words)
    }
}

/// Bump allocation in a fresh fragment.
struct FragmentFiller<'a> {
    next: *mut usize,
    end: *mut usize,
    off_heap: &'a mut OffHeap,
}

impl Allocator for FragmentFiller<'_> {
    fn alloc_words(&mut self, words: usize) -> Result<*mut usize, AllocError> {
        let available = (self.end as usize - self.next as usize) / core::mem::size_of::<usize>();
        if words > available {
            return Err(AllocError { requested: words, available });
        }
        let start = self.next;
        self.next = start.wrapping_add(words);
        Ok(start)
    }

    fn off_heap(&mut self) -> &mut OffHeap {
        self.off_heap
    }
}
