//! Minor and major collections and the heap-size policy around them (erts'
//! `garbage_collect`, `minor_collection`, `major_collection` and `adjust_after_fullsweep`).

use super::evacuate::{Evacuator, Region};
use super::poison::retire;
use super::sizes::{MIN_HEAP_SIZE, heap_size_for};
use super::space::{Area, FromSpace};
use super::{FULLSWEEP_AFTER, roots, sweep};
use crate::heap::block::WordBlock;
use crate::process::{OldHeap, Process};
use crate::term::Term;

/// Collects the garbage of `proc`, keeping what `xregs` (the live X registers), the stack and
/// the process's term fields reach; afterwards at least `need` words are free between `htop`
/// and `stop`. The heap, the stack and every term may move: callers re-read `heap`, `htop`,
/// `stop` and `hend`, and the X registers and stack slots hold the moved terms.
///
/// # Safety
/// The process's heap, stack, fragments and old heap must be well formed (every term word in
/// them and in the roots satisfies the crate's term contract) and no term into the process's
/// memory may be held anywhere but in the roots: everything else is stale afterwards.
pub unsafe fn collect(proc: &mut Process, xregs: &mut [Term], need: usize) {
    // A stale pointer the mutator kept since the last stress collection still leads into the
    // quarantine: check before releasing it, or it would dangle silently.
    #[cfg(debug_assertions)]
    if proc.gc_stress && !proc.gc.quarantine.is_empty() && stress_verifies(proc) {
        // SAFETY: the process is well formed (caller).
        unsafe { super::verify(proc, xregs) };
    }
    proc.gc.quarantine.clear();
    if !(proc.heap..=proc.htop).contains(&proc.high_water) {
        proc.high_water = proc.heap;
    }
    let young_usage = proc.heap_words_used() + proc.fragment_words();
    let mature = Area::of(proc.heap, proc.high_water).words();
    // Under GC stress a collection happens at every heap check, so majors come only when the
    // old heap is full (or on request): majors every few minors would copy every live word
    // at nearly every allocation, quadratic in the live data.
    let mut major = proc.gc.need_fullsweep || (!proc.gc_stress && proc.minor_gcs >= FULLSWEEP_AFTER);
    if !major && mature > 0 {
        if proc.old_heap.is_none() {
            let block = WordBlock::zeroed(heap_size_for(young_usage, 1));
            proc.old_heap = Some(OldHeap { top: block.start(), block });
        }
        let room = proc.old_heap.as_ref().map_or(0, |old| Area::of(old.top, old.end()).words());
        major = mature > room;
    }
    // SAFETY: forwarded contract.
    unsafe {
        if major {
            major_collection(proc, xregs, need, young_usage);
        } else {
            minor_collection(proc, xregs, need, young_usage);
        }
    }
    #[cfg(debug_assertions)]
    if proc.gc_stress && stress_verifies(proc) {
        // SAFETY: the collection left a well-formed process.
        unsafe { super::verify(proc, xregs) };
    }
}

/// Whether a stress collection also verifies the whole heap: always while it is small, then
/// at one collection in k, k proportional to the heap size, so that verification costs about
/// `PER_COLLECTION` words per collection on average (it walks every live word; at every
/// collection it would make large programs quadratic). Poisoning still catches stale
/// pointers in between.
#[cfg(debug_assertions)]
fn stress_verifies(proc: &Process) -> bool {
    const SMALL_HEAP: usize = 4 * 1024;
    const PER_COLLECTION: usize = 64;
    let collections = proc.gc.minor_collections + proc.gc.major_collections;
    let size =
        proc.heap_words_used() + proc.old_heap.as_ref().map_or(0, |o| Area::of(o.start(), o.top).words());
    size < SMALL_HEAP || collections % (size / PER_COLLECTION) as u64 == 0
}

/// Copies the live young terms: mature ones to the old heap, the rest to a new young block of
/// about the same size; then shrinks a large, mostly empty block or grows one that lacks room
/// for `need`.
///
/// # Safety
/// As [`collect`]; the old heap has room for every mature word.
unsafe fn minor_collection(proc: &mut Process, xregs: &mut [Term], need: usize, young_usage: usize) {
    let stack = proc.stack_words_used();
    let size = heap_size_for(young_usage + stack, 0);
    let fragments =
        proc.fragments.iter().map(|f| Area::of(f.start(), f.start().wrapping_add(f.used))).collect();
    let from =
        FromSpace::new(Area::of(proc.heap, proc.high_water), Area::of(proc.high_water, proc.htop), fragments);
    // SAFETY: forwarded contract; the new block holds every young word plus the stack.
    unsafe { evacuate_into(proc, xregs, &from, size, true) };
    proc.minor_gcs += 1;
    proc.gc.minor_collections += 1;

    let need_after = proc.heap_words_used().saturating_add(need).saturating_add(stack);
    let old_size = proc.old_heap.as_ref().map_or(0, |old| Area::of(old.start(), old.end()).words());
    // erts does not bother shrinking small heaps: after promotion a young heap is often
    // mostly empty, and it fills up again soon.
    if size > 3000 && need_after < size / 4 && (size > 8000 || size > old_size) {
        let mut wanted = 3 * need_after;
        if wanted.saturating_mul(9) < old_size {
            wanted = wanted.max(old_size / 8);
        }
        let wanted = heap_size_for(wanted, 0);
        if wanted < size {
            // SAFETY: forwarded contract.
            unsafe { resize(proc, xregs, wanted) };
        }
    } else if need_after > size {
        // SAFETY: forwarded contract.
        unsafe { resize(proc, xregs, heap_size_for(need_after, 0)) };
    }
}

/// Copies everything live (young heap, fragments, old heap) into one new young block and
/// drops the old heap; then sizes the block for the live data plus `need`.
///
/// # Safety
/// As [`collect`].
unsafe fn major_collection(proc: &mut Process, xregs: &mut [Term], need: usize, young_usage: usize) {
    let stack = proc.stack_words_used();
    let old_used = proc.old_heap.as_ref().map_or(0, |old| Area::of(old.start(), old.top).words());
    let mut size = heap_size_for(stack + young_usage + old_used, 0);
    if size == proc.block_words() && proc.gc.heap_grow {
        size = heap_size_for(size, 1);
    }
    let mut others: Vec<Area> =
        proc.fragments.iter().map(|f| Area::of(f.start(), f.start().wrapping_add(f.used))).collect();
    if let Some(old) = &proc.old_heap {
        others.push(Area::of(old.start(), old.top));
    }
    let from = FromSpace::new(Area::EMPTY, Area::of(proc.heap, proc.htop), others);
    // SAFETY: forwarded contract; the new block holds every word of the old generations plus
    // the stack.
    unsafe { evacuate_into(proc, xregs, &from, size, false) };
    if let Some(old) = proc.old_heap.take() {
        retire(proc, old.block);
    }
    proc.minor_gcs = 0;
    proc.gc.need_fullsweep = false;
    proc.gc.heap_grow = false;
    proc.gc.major_collections += 1;

    let size = proc.block_words();
    let need_after = proc.heap_words_used().saturating_add(need).saturating_add(stack);
    if size < need_after {
        // SAFETY: forwarded contract.
        unsafe { resize(proc, xregs, heap_size_for(need_after, 0)) };
    } else if 3 * size < need_after.saturating_mul(4) {
        // More than 75% in use: grow at the next major collection rather than now.
        proc.gc.heap_grow = true;
    } else if need_after < size / 4 && size > MIN_HEAP_SIZE {
        let wanted = heap_size_for(2 * need_after, 0);
        if wanted < size {
            // SAFETY: forwarded contract.
            unsafe { resize(proc, xregs, wanted) };
        }
    }
}

/// Moves the young heap into a block of `size` words: one more evacuation, with nothing but
/// the (all live) young heap as from-space. erts reallocates and offsets pointers instead;
/// copying again reuses the collector and costs the same order of work.
///
/// # Safety
/// As [`collect`], right after a collection (no fragments); `size` holds the young heap and
/// the stack.
unsafe fn resize(proc: &mut Process, xregs: &mut [Term], size: usize) {
    let from = FromSpace::new(Area::EMPTY, Area::of(proc.heap, proc.htop), Vec::new());
    // SAFETY: forwarded contract.
    unsafe { evacuate_into(proc, xregs, &from, size, false) };
}

/// Evacuates `from` into a new young block of `size` words (mature objects into the old heap
/// when `promote`), sweeps the off-heap lists, moves the stack to the top of the new block,
/// installs it and frees the from-space blocks and fragments (the old heap is the caller's).
///
/// # Safety
/// As [`collect`]; `size` is at least the young words of `from` plus the stack, and the old
/// heap has room for the mature words.
unsafe fn evacuate_into(
    proc: &mut Process,
    xregs: &mut [Term],
    from: &FromSpace,
    size: usize,
    promote: bool,
) {
    let stack = proc.stack_words_used();
    assert!(size >= stack, "gc: a block of {size} words cannot hold a stack of {stack}");
    let block = WordBlock::zeroed(size);
    let stop = block.end().wrapping_sub(stack);
    let young = Region::new(block.start(), stop);
    let old = if promote { proc.old_heap.as_ref().map(|old| Region::new(old.top, old.end())) } else { None };
    debug_assert!(from.mature_words() == 0 || old.is_some(), "gc: nowhere to promote to");
    let mut evacuator = Evacuator::new(from, young, old);
    // SAFETY: the stack is `stop..hend`; every root and from-space object is well formed
    // (caller), and the to-spaces were sized for all of from-space.
    unsafe {
        roots::for_each_root(proc, xregs, |term| evacuator.forward(term));
        evacuator.scan();
    }

    let mut detached = core::mem::take(&mut proc.off_heap);
    // SAFETY: evacuation just finished.
    unsafe { sweep::sweep(&mut detached, &mut proc.off_heap, from) };
    for fragment in &mut proc.fragments {
        // SAFETY: as above.
        unsafe { sweep::sweep(&mut fragment.off_heap, &mut proc.off_heap, from) };
    }

    if let (Some(old_heap), Some(region)) = (&mut proc.old_heap, evacuator.old) {
        old_heap.top = region.top;
    }
    // SAFETY: the old stack `stop..hend` and the top `stack` words of the new block are
    // distinct allocations of `stack` words each.
    unsafe { core::ptr::copy_nonoverlapping(proc.stop, stop, stack) };
    proc.heap = block.start();
    proc.htop = evacuator.young.top;
    proc.hend = block.end();
    proc.stop = stop;
    proc.high_water = proc.htop;
    let from_block = core::mem::replace(&mut proc.block, block);
    retire(proc, from_block);
    for mut fragment in core::mem::take(&mut proc.fragments) {
        let fragment_block = core::mem::replace(&mut fragment.block, WordBlock::zeroed(0));
        retire(proc, fragment_block);
    }
}
