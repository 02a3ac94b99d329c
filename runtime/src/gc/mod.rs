//! The per-process garbage collector: a generational copying collector as in erts
//! (`erl_gc.c`), Cheney-style and iterative, so terms nested a million levels deep are
//! collected without touching the Rust call stack.
//!
//! # Generations
//!
//! The young heap is the bottom of the process's heap+stack block (`heap..htop`) plus its heap
//! fragments; the stack is the top of the block (`stop..hend`). `high_water` marks the heap top
//! at the end of the previous collection: everything below it has survived one collection
//! already (it is *mature*).
//!
//! * A **minor** collection copies the live young terms: mature ones are promoted into the
//!   old heap (`proc.old_heap`, created on the first minor that has something to promote,
//!   sized one step of the heap-size series above the young usage, as erts does), the others
//!   into a new young block. The old heap is neither scanned nor moved: terms are immutable
//!   and a mature term was built before every younger one, so nothing old points to
//!   something young (see [`is_fresh`] for the one place this needs care).
//! * A **major** (fullsweep) collection copies everything live (young heap, fragments and old
//!   heap) into a new young block and drops the old heap. It happens when the old heap has no
//!   room for the mature terms, when [`GcState::need_fullsweep`] is set, and after
//!   [`FULLSWEEP_AFTER`] minors in a row (erts' `fullsweep_after`, 65535 by default, which in
//!   practice leaves dead promoted data in the old heap until it fills up; a small count keeps
//!   the old heap honest at the price of copying long-lived data more often).
//!
//! Terms outside the process's memory (literal areas, messages still queued in the mailbox,
//! other heaps, the static empty tuple) are never moved or followed.
//!
//! # Roots
//!
//! The X registers the caller passes, every stack word that is a term (CPs have the low two
//! bits clear and are skipped; catch labels are immediates), and the term fields of the
//! process (see `roots.rs`).
//!
//! # Sizes
//!
//! Block sizes come from erts' heap-size series ([`next_heap_size`]); the policy (grow when
//! the live data plus `need` do not fit, shrink when they use less than a quarter) is erts'
//! `minor_collection` / `adjust_after_fullsweep`, so a loop that churns garbage keeps a
//! bounded heap. After every collection at least `need` words are free between `htop` and
//! `stop`.
//!
//! # Stress mode
//!
//! With `proc.gc_stress` the interpreter collects at every opportunity
//! ([`Process::needs_gc`] is always true). Every block freed by a collection is overwritten
//! with [`POISON`] and kept (quarantined) until the next collection, so a stale pointer into
//! it reads a word that is neither a term nor a valid header and fails loudly. In debug
//! builds each stress collection starts and ends with [`verify`], which walks the roots and
//! the heaps and asserts that no pointer leads into freed memory: at the start it catches
//! pointers the mutator kept across the previous collection, at the end the collector's own
//! mistakes.

mod collect;
mod evacuate;
mod poison;
mod roots;
mod sizes;
mod space;
mod sweep;

pub use collect::collect;
pub use poison::{POISON, verify};
pub use sizes::{MIN_HEAP_SIZE, next_heap_size};

use crate::heap::block::WordBlock;
use crate::process::Process;
use crate::term::Term;

/// Minor collections after which the next one is a major collection (see the module docs).
pub const FULLSWEEP_AFTER: u32 = 16;

/// The collector's per-process bookkeeping.
#[derive(Debug, Default)]
pub struct GcState {
    /// Make the next collection a major one (`erlang:garbage_collect/0` sets it; erts'
    /// `F_NEED_FULLSWEEP`).
    pub need_fullsweep: bool,
    /// Minor collections so far.
    pub minor_collections: u64,
    /// Major collections so far.
    pub major_collections: u64,
    /// The last major collection left the heap more than 75% full: grow at the next one
    /// even if the data would fit (erts' `F_HEAP_GROW`).
    pub(crate) heap_grow: bool,
    /// Poisoned blocks freed by the last collection in stress mode, kept until the next one so
    /// that their addresses are not reused while stale pointers could still reach them.
    pub(crate) quarantine: Vec<WordBlock>,
    /// Collection opportunities seen under GC stress (see [`stress_due`]).
    pub stress_ticks: u64,
}

/// Whether a collection opportunity under GC stress should collect. Every one does while the
/// process is small; a large one collects at every k-th, k proportional to its size, because
/// a collection scans the whole stack (and copies the young data): collecting at every
/// allocation of a process with a 100,000-frame stack would be quadratic, and stress runs
/// must finish. The cost per opportunity stays bounded (about `PER_OPPORTUNITY` words).
pub fn stress_due(proc: &mut Process) -> bool {
    const SMALL: usize = 16 * 1024;
    const PER_OPPORTUNITY: usize = 1024;
    let size = proc.heap_words_used() + proc.stack_words_used();
    if size < SMALL {
        return true;
    }
    proc.gc.stress_ticks += 1;
    proc.gc.stress_ticks % (size / PER_OPPORTUNITY) as u64 == 0
}

/// Whether `term` points to a young object that no older object can reference yet: above the
/// high-water mark of the heap, or in a heap fragment. Only such an object may be updated in
/// place (a `setelement` on a tuple just built, erts' `update_record ... inplace`): writing a
/// young pointer into a mature or old object would hide it from the next minor collection.
pub fn is_fresh(proc: &Process, term: Term) -> bool {
    let Some(ptr) = term.boxed_ptr().or_else(|| term.cons_ptr()) else {
        return false;
    };
    let address = ptr as usize;
    (address >= proc.high_water as usize && address < proc.htop as usize)
        || proc.fragments.iter().any(|f| f.contains(ptr))
}
