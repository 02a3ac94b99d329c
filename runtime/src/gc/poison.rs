//! Stress-mode support: poisoning freed memory and checking that nothing points into it.

use super::space::Area;
use crate::heap::block::WordBlock;
use crate::process::Process;
use crate::term::Term;
use crate::term::layout;
use crate::term::tags::{HEADER_SUBTAG_MASK, PRIMARY_HEADER, PRIMARY_MASK};

/// The word freed heap memory is filled with in stress mode.
///
/// It is a header word with subtag `0x04`, which no object uses (it was the match state's in
/// OTP ≤ 26), so it is neither a term (primary tag 00 in a term slot decodes as "not a term")
/// nor the header of any object ([`layout::from_words`] rejects it, and the collector, the
/// copier, the printer and term order all fail on it). As an address it is outside user space
/// on both targets (kernel half on ARM32, non-canonical on x86_64).
#[cfg(target_pointer_width = "64")]
pub const POISON: usize = 0xDEAD_BEEF_DEAD_BE84;
/// The word freed heap memory is filled with in stress mode (see the 64-bit definition).
#[cfg(target_pointer_width = "32")]
pub const POISON: usize = 0xDEAD_BE84;

const _: () = assert!(POISON & PRIMARY_MASK == PRIMARY_HEADER && POISON & HEADER_SUBTAG_MASK == 0x04);
const _: () = assert!(layout::from_words(POISON, 0).is_none());

/// Overwrites every word of `block` with [`POISON`].
pub(super) fn poison(block: &WordBlock) {
    let mut word = block.start();
    while word < block.end() {
        // SAFETY: `word` is inside the block, which this collection owns and no longer uses.
        unsafe { word.write(POISON) };
        word = word.wrapping_add(1);
    }
}

/// Disposes of memory a collection freed: dropped at once normally; in stress mode poisoned
/// and kept until the next collection so its addresses stay unused while stale pointers
/// could still lead there.
pub(super) fn retire(proc: &mut Process, block: WordBlock) {
    if proc.gc_stress {
        poison(&block);
        proc.gc.quarantine.push(block);
    }
}

/// Checks the heap invariants after a collection and panics on the first violation:
///
/// * every pointer in a root, the young heap or the old heap leads into the young heap
///   (`heap..htop`), the old heap (`start..top`), a heap fragment, or outside the process's
///   memory (literals, queued messages), never into the free space or the stack of the block,
///   never into memory the last stress collection freed (the quarantine);
/// * every object in the young and old heaps has a valid header, every pointer inside the
///   process's memory leads to one, and nothing is [`POISON`];
/// * the old heap does not point into the young heap or the fragments (the generational
///   invariant minor collections rely on);
/// * every off-heap object of the process lies in its memory.
///
/// The collector runs this after every stress collection in debug builds; tests call it too.
///
/// # Safety
/// `xregs` must be the live X registers and the process's memory well formed.
pub unsafe fn verify(proc: &mut Process, xregs: &mut [Term]) {
    let checker = Checker::new(proc);
    // SAFETY: the stack is `stop..hend` (caller).
    unsafe {
        super::roots::for_each_root(proc, xregs, |term| {
            checker.pointer(term, "a root", false);
            term
        })
    };
    // SAFETY: the heaps are well formed (caller).
    unsafe {
        checker.heap(checker.young, false);
        if let Some(old) = checker.old {
            checker.heap(old, true);
        }
        let mut object = proc.off_heap.first_object();
        while !object.is_null() {
            assert!(checker.owned(object as usize), "gc verify: off-heap object {object:p} outside the heap");
            object = crate::heap::offheap::OffHeap::next_of(object);
        }
    }
}

/// The areas [`verify`] checks against.
struct Checker {
    young: Area,
    block: Area,
    old: Option<Area>,
    old_block: Area,
    fragments: Vec<Area>,
    freed: Vec<Area>,
}

impl Checker {
    fn new(proc: &Process) -> Checker {
        let old = proc.old_heap.as_ref().map(|o| Area::of(o.start(), o.top));
        let old_block = proc.old_heap.as_ref().map_or(Area::EMPTY, |o| Area::of(o.start(), o.end()));
        Checker {
            young: Area::of(proc.heap, proc.htop),
            block: Area::of(proc.heap, proc.hend),
            old,
            old_block,
            fragments: proc
                .fragments
                .iter()
                .map(|f| Area::of(f.start(), f.start().wrapping_add(f.used)))
                .collect(),
            freed: proc.gc.quarantine.iter().map(|b| Area::of(b.start(), b.end())).collect(),
        }
    }

    /// Whether `address` is in live process memory.
    fn owned(&self, address: usize) -> bool {
        self.young.contains(address)
            || self.old.is_some_and(|o| o.contains(address))
            || self.fragments.iter().any(|f| f.contains(address))
    }

    /// Checks one word found `place`; `from_old` for words of the old heap.
    fn pointer(&self, term: Term, place: &str, from_old: bool) {
        let Some(target) = term.boxed_ptr().or_else(|| term.cons_ptr()) else {
            assert!(term.raw() != POISON, "gc verify: poison in {place}");
            return;
        };
        let address = target as usize;
        if self.owned(address) {
            assert!(
                !(from_old
                    && (self.young.contains(address) || self.fragments.iter().any(|f| f.contains(address)))),
                "gc verify: the old heap points into the young generation ({term:?})"
            );
            // SAFETY: the target is inside live process memory.
            let word = unsafe { target.read() };
            assert!(word != POISON, "gc verify: {place} points at poison ({term:?})");
            if term.is_boxed() {
                // SAFETY: as above; a flatmap's size word follows its header.
                let shape = unsafe { layout::of(target) };
                assert!(shape.is_some(), "gc verify: {place} points at {word:#x}, not an object ({term:?})");
            }
            return;
        }
        assert!(
            !self.block.contains(address),
            "gc verify: {place} points into free space or the stack ({term:?})"
        );
        assert!(
            !self.old_block.contains(address),
            "gc verify: {place} points past the old heap top ({term:?})"
        );
        assert!(
            !self.freed.iter().any(|f| f.contains(address)),
            "gc verify: {place} points into memory freed by the last collection ({term:?})"
        );
    }

    /// Walks the objects of `area` and checks every term word.
    ///
    /// # Safety
    /// `area` is a heap of well-formed objects and cons cells.
    unsafe fn heap(&self, area: Area, from_old: bool) {
        let place = if from_old { "the old heap" } else { "the young heap" };
        let mut at = area.lo as *const usize;
        let end = area.hi as *const usize;
        while at < end {
            // SAFETY: `at` is inside the heap (caller).
            let word = unsafe { at.read() };
            if word & PRIMARY_MASK != PRIMARY_HEADER {
                self.pointer(Term::from_raw(word), place, from_old);
                at = at.wrapping_add(1);
                continue;
            }
            // SAFETY: a header inside the heap; a flatmap's size word follows it.
            let Some(shape) = (unsafe { layout::of(at) }) else {
                panic!("gc verify: word {word:#x} at {at:p} in {place} is not an object header");
            };
            assert!(at.wrapping_add(shape.words) <= end, "gc verify: object at {at:p} overruns {place}");
            for index in shape.term_words() {
                // SAFETY: a term word of the object, inside the heap.
                self.pointer(Term::from_raw(unsafe { at.add(index).read() }), place, from_old);
            }
            at = at.wrapping_add(shape.words);
        }
    }
}
