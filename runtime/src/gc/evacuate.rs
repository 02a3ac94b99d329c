//! Cheney's copying loop: evacuate the roots, then scan the copies left to right, evacuating
//! what they point to, until the scan catches up with the allocation.
//!
//! A moved object leaves a forwarding pointer behind, as in erts: a boxed object's header is
//! overwritten with the boxed term of its copy (a header never has the boxed tag), a cons
//! cell's head with the non-value and its tail with the list term of its copy. Sharing is thus
//! preserved and each object is copied once. Only headers and heads are overwritten, so the
//! off-heap sweep can still read a moved bin ref's `next` link afterwards.
//!
//! There are two to-spaces: the new young block and, in a minor collection, the free end of
//! the old heap (for mature objects). Both are scanned until neither has unscanned words.

use super::space::{Destination, FromSpace};
use crate::term::Term;
use crate::term::layout::{self, Kind};
use crate::term::tags::{PRIMARY_BOXED, PRIMARY_HEADER, PRIMARY_LIST, PRIMARY_MASK};

/// A to-space: words `start..top` are copies, `start..scan` of them scanned already.
#[derive(Debug, Clone, Copy)]
pub(super) struct Region {
    pub top: *mut usize,
    pub scan: *mut usize,
    pub limit: *mut usize,
}

impl Region {
    /// An empty region filling `start..limit`.
    pub fn new(start: *mut usize, limit: *mut usize) -> Region {
        Region { top: start, scan: start, limit }
    }
}

/// The state of one evacuation.
pub(super) struct Evacuator<'a> {
    from: &'a FromSpace,
    pub young: Region,
    pub old: Option<Region>,
}

impl<'a> Evacuator<'a> {
    pub fn new(from: &'a FromSpace, young: Region, old: Option<Region>) -> Evacuator<'a> {
        Evacuator { from, young, old }
    }

    /// Reserves `words` in the to-space for `destination`.
    fn allocate(&mut self, destination: Destination, words: usize) -> *mut usize {
        let region = match destination {
            Destination::Young => &mut self.young,
            Destination::Old => match &mut self.old {
                Some(old) => old,
                None => panic!("gc: a mature object but no old heap to promote it to"),
            },
        };
        let start = region.top;
        let available = (region.limit as usize - start as usize) / core::mem::size_of::<usize>();
        assert!(words <= available, "gc: to-space overflow ({words} words, {available} free)");
        region.top = start.wrapping_add(words);
        start
    }

    /// The term `term` becomes: its copy if it points into from-space (copying the object
    /// first unless it has moved already), else `term` itself.
    ///
    /// # Safety
    /// Every from-space object must be well formed or forwarded; `term` must be a word from a
    /// root or a scanned object.
    #[inline]
    pub unsafe fn forward(&mut self, term: Term) -> Term {
        match term.primary_tag() {
            PRIMARY_LIST => {
                let cell = (term.raw() - PRIMARY_LIST) as *mut usize;
                let Some(destination) = self.from.classify(cell as usize) else {
                    return term;
                };
                // SAFETY: from-space cells are readable and writable (caller and FromSpace).
                unsafe {
                    let head = cell.read();
                    if head == Term::NON_VALUE.raw() {
                        return Term::from_raw(cell.add(1).read());
                    }
                    let copy = self.allocate(destination, 2);
                    copy.write(head);
                    copy.add(1).write(cell.add(1).read());
                    let moved = Term::from_cons_ptr(copy);
                    cell.write(Term::NON_VALUE.raw());
                    cell.add(1).write(moved.raw());
                    moved
                }
            }
            PRIMARY_BOXED => {
                let object = (term.raw() - PRIMARY_BOXED) as *mut usize;
                let Some(destination) = self.from.classify(object as usize) else {
                    return term;
                };
                // SAFETY: from-space objects are readable and writable (caller); the layout
                // bounds the copy to the object's own words.
                unsafe {
                    let header = object.read();
                    if header & PRIMARY_MASK == PRIMARY_BOXED {
                        return Term::from_raw(header);
                    }
                    let Some(shape) = layout::of(object) else {
                        bad_object(object, header);
                    };
                    let copy = self.allocate(destination, shape.words);
                    core::ptr::copy_nonoverlapping(object, copy, shape.words);
                    let moved = Term::from_boxed_ptr(copy);
                    object.write(moved.raw());
                    moved
                }
            }
            _ => term,
        }
    }

    /// Scans both to-spaces until every copy's terms are forwarded.
    ///
    /// # Safety
    /// As [`Evacuator::forward`]; the to-spaces hold nothing but copies.
    pub unsafe fn scan(&mut self) {
        loop {
            let mut progressed = false;
            while self.young.scan < self.young.top {
                // SAFETY: forwarded contract; `scan` is inside the young copies.
                self.young.scan = unsafe { self.scan_at(self.young.scan) };
                progressed = true;
            }
            while let Some(old) = self.old.filter(|old| old.scan < old.top) {
                // SAFETY: as above, for the old heap's copies.
                let next = unsafe { self.scan_at(old.scan) };
                if let Some(old) = &mut self.old {
                    old.scan = next;
                }
                progressed = true;
            }
            if !progressed {
                return;
            }
        }
    }

    /// Forwards the terms of the word or object at `at`; returns where the next one starts.
    ///
    /// # Safety
    /// `at` is the start of a copied object or a cons word in a to-space.
    unsafe fn scan_at(&mut self, at: *mut usize) -> *mut usize {
        // SAFETY: `at` is inside a to-space (caller).
        let word = unsafe { at.read() };
        if word & PRIMARY_MASK != PRIMARY_HEADER {
            // SAFETY: a word of a copied cons cell: a term.
            unsafe { at.write(self.forward(Term::from_raw(word)).raw()) };
            return at.wrapping_add(1);
        }
        // SAFETY: a header of a copied object, all of whose words were copied.
        let Some(shape) = (unsafe { layout::of(at) }) else {
            bad_object(at, word);
        };
        for index in shape.term_words() {
            let slot = at.wrapping_add(index);
            // SAFETY: a term word of the copied object.
            unsafe {
                let old = Term::from_raw(slot.read());
                let new = self.forward(old);
                slot.write(new.raw());
                if shape.kind == Kind::SubBits && new != old {
                    layout::relocate_sub_bits_base(at, old, new);
                }
            }
        }
        at.wrapping_add(shape.words)
    }
}

/// A pointer led to a word that starts no object: a stale pointer into freed (poisoned)
/// memory or a corrupt heap. Continuing would spread the damage.
#[cold]
fn bad_object(object: *const usize, header: usize) -> ! {
    if header == super::POISON {
        panic!("gc: pointer {object:p} into freed memory (poisoned)");
    }
    panic!("gc: word {header:#x} at {object:p} is not an object header");
}
