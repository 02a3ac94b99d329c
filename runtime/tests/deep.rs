//! Terms nested a million levels deep compare and print without recursion.

mod common;

use core::cmp::Ordering;

use common::{World, small};
use rbeam_runtime::term::{Term, list, tuple};

const DEPTH: usize = 1_000_000;

/// `[[[...[Innermost]...]]]`, `DEPTH` levels.
fn nested_list(world: &mut World, innermost: Term) -> Term {
    let mut term = innermost;
    for _ in 0..DEPTH {
        term = list::cons(&mut world.heap, term, Term::NIL).expect("fits");
    }
    term
}

/// `{{{...{Innermost}...}}}`, `DEPTH` levels.
fn nested_tuple(world: &mut World, innermost: Term) -> Term {
    let mut term = innermost;
    for _ in 0..DEPTH {
        term = tuple::build(&mut world.heap, &[term]).expect("fits");
    }
    term
}

#[test]
fn deep_lists_compare_and_print() {
    let mut world = World::new(3 * 2 * DEPTH + 16);
    let a = nested_list(&mut world, small(1));
    let b = nested_list(&mut world, small(1));
    let c = nested_list(&mut world, small(2));
    assert_eq!(world.compare(a, b), Ordering::Equal);
    assert!(world.exact_eq(a, b));
    assert_eq!(world.compare(a, c), Ordering::Less);
    assert_eq!(world.compare(c, a), Ordering::Greater);
    let text = world.print(a);
    assert_eq!(text.len(), 2 * DEPTH + 1);
    assert!(text.starts_with("[[[") && text.ends_with("]]]"));
    assert_eq!(&text[DEPTH - 1..DEPTH + 2], "[1]");
}

#[test]
fn deep_tuples_compare_and_print() {
    let mut world = World::new(3 * 2 * DEPTH + 16);
    let a = nested_tuple(&mut world, Term::NIL);
    let b = nested_tuple(&mut world, Term::NIL);
    let one_float = world.builder().float(1.0).expect("fits");
    let with_float = nested_tuple(&mut world, one_float);
    assert!(world.eq(a, b));
    assert_eq!(world.compare(with_float, a), Ordering::Less, "number < nil at the bottom");
    let text = world.print(a);
    assert_eq!(text.len(), 2 * DEPTH + 2);
    assert_eq!(&text[DEPTH - 1..DEPTH + 3], "{[]}");
}

#[test]
fn deep_list_in_a_tiny_thread_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(|| {
            let mut world = World::new(2 * 2 * DEPTH + 16);
            let a = nested_list(&mut world, small(7));
            let b = nested_list(&mut world, small(7));
            (world.compare(a, b), world.print(a).len())
        })
        .expect("thread starts");
    assert_eq!(handle.join().expect("no stack overflow"), (Ordering::Equal, 2 * DEPTH + 1));
}
