//! Stress mode: freed memory is poisoned and quarantined until the next collection, so stale
//! pointers fail loudly, and the verification pass rejects any pointer into it.

mod gc_support;

use gc_support::{Fixture, process};
use rbeam_runtime::gc::{self, POISON};
use rbeam_runtime::term::{Term, TermBuilder, list, tuple};
use rbeam_runtime::{Process, print};

fn small(v: i64) -> Term {
    Term::small(v).expect("small")
}

fn collect(p: &mut Process, x: &mut [Term], need: usize) {
    // SAFETY: the tests keep their live terms in `x`.
    unsafe { gc::collect(p, x, need) };
}

/// The first word of the object or cell a (possibly stale) term points to. Reading it is
/// sound here because stress mode keeps freed blocks allocated until the next collection.
fn first_word(term: Term) -> usize {
    let ptr = term.boxed_ptr().or_else(|| term.cons_ptr()).expect("pointer");
    // SAFETY: the block is quarantined (allocated, poisoned) or live.
    unsafe { ptr.read() }
}

#[test]
fn stress_mode_always_wants_a_collection() {
    let mut p = process(233);
    assert!(!p.needs_gc(0));
    p.gc_stress = true;
    assert!(p.needs_gc(0));
}

#[test]
fn freed_young_blocks_fragments_and_old_heaps_are_poisoned() {
    let mut f = Fixture::new();
    let mut p = process(233);
    p.gc_stress = true;
    let mut b = TermBuilder::new(&mut p, &mut f.atoms);
    let numbers = b.list(&[small(1), small(2)]).expect("fits");
    let float = b.float(2.5).expect("fits");
    let pair = b.tuple(&[numbers, float]).expect("fits");
    let mut x = [pair];
    let stale = pair;
    collect(&mut p, &mut x, 0);
    assert_ne!(x[0], stale);
    assert_eq!(first_word(stale), POISON);
    assert_eq!(first_word(numbers), POISON);
    // SAFETY: the stale term's memory is quarantined, so reading it is defined; it must not
    // decode.
    assert!(unsafe { print::to_string(&f.atoms, stale) }.is_err());
    assert_eq!(f.print(x[0]), "{[1,2],2.5}");

    // A fragment: a list too large for the heap.
    let elements: Vec<Term> = (0..300).map(small).collect();
    let big = list::build(&mut p, &elements, Term::NIL).expect("fits");
    assert_eq!(p.fragments.len(), 1);
    let mut x = [x[0], big];
    collect(&mut p, &mut x, 0);
    assert_eq!(first_word(big), POISON);

    // The old heap, after a major collection.
    collect(&mut p, &mut x, 0);
    let promoted = x[0];
    let old = p.old_heap.as_ref().expect("old heap");
    assert!(old.contains(promoted.boxed_ptr().expect("boxed")));
    p.gc.need_fullsweep = true;
    collect(&mut p, &mut x, 0);
    assert!(p.old_heap.is_none());
    assert_eq!(first_word(promoted), POISON);
    assert_eq!(f.print(x[0]), "{[1,2],2.5}");
    // SAFETY: the live terms are in `x`.
    unsafe { gc::verify(&mut p, &mut x) };
}

#[test]
#[should_panic(expected = "freed by the last collection")]
fn verification_rejects_a_pointer_into_freed_memory() {
    let mut p = process(233);
    p.gc_stress = true;
    let term = tuple::build(&mut p, &[small(1)]).expect("fits");
    let mut x = [term];
    collect(&mut p, &mut x, 0);
    let mut stale = [term];
    // SAFETY: reads only; the stale term's block is quarantined.
    unsafe { gc::verify(&mut p, &mut stale) };
}

#[test]
#[should_panic(expected = "points into free space or the stack")]
fn verification_rejects_a_pointer_past_the_heap_top() {
    let mut p = process(233);
    let term = tuple::build(&mut p, &[small(1)]).expect("fits");
    p.htop = p.heap;
    let mut x = [term];
    // SAFETY: reads only.
    unsafe { gc::verify(&mut p, &mut x) };
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "gc verify")]
fn a_stress_collection_with_a_stale_root_fails_loudly() {
    let mut p = process(233);
    p.gc_stress = true;
    let term = tuple::build(&mut p, &[small(1)]).expect("fits");
    let mut x = [term];
    collect(&mut p, &mut x, 0);
    // The interpreter forgot to update a root: the next collection's check catches it.
    let mut stale = [term, x[0]];
    collect(&mut p, &mut stale, 0);
}

#[test]
fn a_churning_loop_under_stress_keeps_its_values() {
    let f = Fixture::new();
    let mut p = process(233);
    p.gc_stress = true;
    let mut x = [Term::NIL, Term::NIL];
    for i in 0..500 {
        if p.needs_gc(8) {
            collect(&mut p, &mut x, 8);
        }
        x[0] = list::cons(&mut p, small(i), x[0]).expect("fits");
        let garbage = tuple::build(&mut p, &[x[0], x[0]]).expect("fits");
        if i % 7 == 0 {
            x[1] = garbage;
        }
        if i % 100 == 99 {
            p.gc.need_fullsweep = true;
        }
    }
    assert_eq!(p.gc.minor_collections + p.gc.major_collections, 500);
    let text = f.print(x[0]);
    assert!(text.starts_with("[499,498,497,") && text.ends_with(",2,1,0]"));
    // SAFETY: `x[1]` is live.
    let pair = unsafe { tuple::elements(x[1]) }.expect("tuple");
    assert_eq!(pair[0], pair[1]);
    assert!(f.print(pair[0]).starts_with("[497,"));
}
