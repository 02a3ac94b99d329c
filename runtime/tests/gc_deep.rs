//! A million levels of nesting survive minor, promoting and major collections in a thread
//! with a small stack: the collector never recurses.

mod gc_support;

use gc_support::{Fixture, process};
use rbeam_runtime::copy::copy_term;
use rbeam_runtime::gc;
use rbeam_runtime::term::{Term, list, tuple};
use rbeam_runtime::{Heap, Process};

const DEPTH: usize = 1_000_000;

fn collect(p: &mut Process, x: &mut [Term]) {
    // SAFETY: the live terms are in `x`.
    unsafe { gc::collect(p, x, 0) };
}

#[test]
fn a_million_levels_collect_in_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let fixture = Fixture::new();
            let mut p = process(2 * 2 * DEPTH + 64);
            let mut nested_list = Term::small(1).expect("small");
            let mut nested_tuple = Term::NIL;
            for _ in 0..DEPTH {
                nested_list = list::cons(&mut p, nested_list, Term::NIL).expect("fits");
                nested_tuple = tuple::build(&mut p, &[nested_tuple]).expect("fits");
            }
            let garbage: Vec<Term> = (0..1000).map(|i| Term::small(i).expect("small")).collect();
            list::build(&mut p, &garbage, Term::NIL).expect("fits");
            let mut reference = Heap::with_capacity(4 * DEPTH + 16);
            // SAFETY: both terms live in the process.
            let (list_copy, tuple_copy) =
                unsafe { (copy_term(nested_list, &mut reference), copy_term(nested_tuple, &mut reference)) };
            let mut x = [nested_list, nested_tuple];
            collect(&mut p, &mut x);
            collect(&mut p, &mut x);
            assert!(p.old_heap.as_ref().is_some_and(|o| o.contains(x[0].cons_ptr().expect("list"))));
            p.gc.need_fullsweep = true;
            collect(&mut p, &mut x);
            assert_eq!(p.heap_words_used(), 4 * DEPTH, "garbage gone, nothing duplicated");
            assert!(fixture.exact_eq(x[0], list_copy));
            assert!(fixture.exact_eq(x[1], tuple_copy));
            fixture.print(x[0]).len()
        })
        .expect("thread starts");
    assert_eq!(handle.join().expect("no stack overflow"), 2 * DEPTH + 1);
}
