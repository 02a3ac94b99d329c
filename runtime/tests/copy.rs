//! Deep copies: every term kind, sizes, independence from the source, off-heap binaries,
//! literal areas, message fragments, a million levels of nesting.

mod gc_support;

use gc_support::{Fixture, hamt, hamt_leaves, process};
use rbeam_runtime::copy::{copy_term, copy_to_fragment, size_of, try_copy_term};
use rbeam_runtime::heap::binary::Binary;
use rbeam_runtime::term::{Term, TermBuilder, bits, list, tuple};
use rbeam_runtime::{Heap, LiteralArea};

fn small(v: i64) -> Term {
    Term::small(v).expect("small")
}

#[test]
fn every_kind_copies_exactly_and_outlives_its_source() {
    let mut fixture = Fixture::new();
    let mut source = Heap::with_capacity(4096);
    let terms = fixture.every_kind(&mut source);
    let printed: Vec<String> = terms.iter().map(|&t| fixture.print(t)).collect();
    let mut destination = Heap::with_capacity(8192);
    let mut copies = Vec::new();
    for &term in &terms {
        let before = destination.used();
        // SAFETY: `term` lives in `source`, which is alive.
        let (words, copy) = unsafe { (size_of(term), copy_term(term, &mut destination)) };
        assert_eq!(destination.used() - before, words, "size_of({})", fixture.print(term));
        assert!(fixture.exact_eq(term, copy), "copy of {}", fixture.print(term));
        if words == 0 {
            assert_eq!(copy, term, "immediates and {{}} are not copied");
        } else {
            let address = copy.boxed_ptr().or_else(|| copy.cons_ptr()).expect("pointer");
            assert!(destination.contains(address));
        }
        copies.push(copy);
    }
    drop(source);
    for (copy, text) in copies.iter().zip(&printed) {
        assert_eq!(&fixture.print(*copy), text);
    }
}

#[test]
fn sizes_count_every_path_and_skip_immediates() {
    let mut fixture = Fixture::new();
    let mut heap = Heap::with_capacity(1024);
    let mut b = TermBuilder::new(&mut heap, &mut fixture.atoms);
    let shared = b.list(&[small(1), small(2)]).expect("list");
    let pair = b.tuple(&[shared, shared]).expect("tuple");
    let float = b.float(1.5).expect("float");
    let refc = b.binary(&[7u8; 100]).expect("binary");
    // SAFETY: all terms live in `heap`.
    unsafe {
        assert_eq!(size_of(small(3)), 0);
        assert_eq!(size_of(Term::NIL), 0);
        assert_eq!(size_of(tuple::empty()), 0);
        assert_eq!(size_of(shared), 4);
        assert_eq!(size_of(pair), 3 + 2 * 4, "sharing is not preserved");
        assert_eq!(size_of(float), rbeam_runtime::term::float::HEAP_WORDS);
        assert_eq!(size_of(refc), bits::REFC_BITS_WORDS);
    }
}

#[test]
fn a_copied_binary_holds_its_own_reference() {
    let mut fixture = Fixture::new();
    let mut source = Heap::with_capacity(64);
    let refc = TermBuilder::new(&mut source, &mut fixture.atoms).binary(&[3u8; 300]).expect("binary");
    // SAFETY: `refc` is a live off-heap bitstring.
    let binary = unsafe { bits::off_heap_binary(refc) }.expect("off heap");
    // SAFETY: the test holds a reference of its own for the whole test.
    unsafe { Binary::retain(binary) };
    let count = || {
        // SAFETY: the test's own reference keeps the binary alive.
        unsafe { Binary::ref_count(binary) }
    };
    assert_eq!(count(), 2);
    let mut destination = Heap::with_capacity(64);
    // SAFETY: `refc` lives in `source`.
    let copy = unsafe { copy_term(refc, &mut destination) };
    assert_eq!(count(), 3);
    let text = fixture.print(refc);
    drop(source);
    assert_eq!(count(), 2);
    assert_eq!(fixture.print(copy), text);
    // SAFETY: the copy's bin ref points at the same binary.
    assert_eq!(unsafe { bits::off_heap_binary(copy) }, Some(binary));
    drop(destination);
    assert_eq!(count(), 1);
    // SAFETY: the test's own reference, given back.
    unsafe { Binary::release(binary) };
}

#[test]
fn literals_are_copied_out_of_their_area() {
    let mut fixture = Fixture::new();
    let atoms = &mut fixture.atoms;
    let area = LiteralArea::build(64, |heap| {
        let mut b = TermBuilder::new(heap, atoms);
        let text = b.string("lit")?;
        let pi = b.float(3.5)?;
        Ok(vec![b.tuple(&[text, pi])?])
    })
    .expect("area");
    let literal = area.root(0).expect("root");
    let mut heap = Heap::with_capacity(64);
    // SAFETY: the area is alive.
    let copy = unsafe { copy_term(literal, &mut heap) };
    assert!(!area.contains(copy));
    assert_eq!(fixture.print(copy), "{[108,105,116],3.5}");
    drop(area);
    assert_eq!(fixture.print(copy), "{[108,105,116],3.5}");
}

#[test]
fn hamt_nodes_copy_with_their_children() {
    let mut fixture = Fixture::new();
    let mut heap = Heap::with_capacity(256);
    let k = fixture.atoms.intern("k").expect("atom");
    let value = list::build(&mut heap, &[small(1), small(2)], Term::NIL).expect("list");
    let map = hamt(&mut heap, [(k, small(1)), (small(2), value), (small(3), Term::NIL)]);
    let mut destination = Heap::with_capacity(256);
    // SAFETY: `map` lives in `heap`.
    let copy = unsafe { copy_term(map, &mut destination) };
    assert_eq!(destination.used(), 4 + 3 + 3 * 2 + 4);
    // SAFETY: both maps are alive and made by `hamt`.
    let ((size, original), (copied_size, copied)) = unsafe { (hamt_leaves(map), hamt_leaves(copy)) };
    assert_eq!((size, copied_size), (3, 3));
    for ((k1, v1), (k2, v2)) in original.iter().zip(&copied) {
        assert!(fixture.exact_eq(*k1, *k2) && fixture.exact_eq(*v1, *v2));
    }
    assert_ne!(copied[1].1, original[1].1, "the list value was copied");
}

#[test]
fn an_allocator_too_small_is_an_error() {
    let mut fixture = Fixture::new();
    let mut heap = Heap::with_capacity(64);
    let term = TermBuilder::new(&mut heap, &mut fixture.atoms).list(&[small(1), small(2)]).expect("list");
    let mut tiny = Heap::with_capacity(3);
    // SAFETY: `term` lives in `heap`.
    let error = unsafe { try_copy_term(term, &mut tiny) }.expect_err("4 words do not fit 3");
    assert_eq!((error.requested, error.available), (4, 3));
}

#[test]
fn messages_live_in_their_own_fragment() {
    let mut fixture = Fixture::new();
    let mut heap = Heap::with_capacity(256);
    let mut b = TermBuilder::new(&mut heap, &mut fixture.atoms);
    let refc = b.binary(&[9u8; 80]).expect("binary");
    let term = b.tuple(&[refc, small(5)]).expect("tuple");
    // SAFETY: `refc` is a live off-heap bitstring; the test holds its own reference.
    let binary = unsafe { bits::off_heap_binary(refc) }.expect("off heap");
    // SAFETY: as above.
    unsafe { Binary::retain(binary) };
    // SAFETY: the test's reference keeps the binary alive.
    let count = || unsafe { Binary::ref_count(binary) };

    // SAFETY: immediates need no memory.
    let immediate = unsafe { copy_to_fragment(small(3)) };
    assert!(immediate.fragment.is_none() && immediate.term == small(3));

    // SAFETY: `term` lives in `heap`.
    let message = unsafe { copy_to_fragment(term) };
    let fragment = message.fragment.as_ref().expect("fragment");
    // SAFETY: as above.
    assert_eq!(fragment.used, unsafe { size_of(term) });
    assert!(fragment.contains(message.term.boxed_ptr().expect("boxed")));
    assert_eq!(count(), 3);
    let text = fixture.print(message.term);
    drop(message);
    assert_eq!(count(), 2, "an unreceived message gives its binaries back");

    // SAFETY: as above.
    let message = unsafe { copy_to_fragment(term) };
    let mut receiver = process(233);
    receiver.attach_fragment(message.fragment.expect("fragment"));
    assert_eq!(count(), 3);
    assert_eq!(fixture.print(message.term), text);
    // SAFETY: the fragment's objects now belong to the receiver and are alive.
    assert_eq!(unsafe { receiver.off_heap_mut().len() }, 1);
    drop(receiver);
    assert_eq!(count(), 2);
    drop(heap);
    assert_eq!(count(), 1);
    // SAFETY: the test's own reference.
    unsafe { Binary::release(binary) };
}

const DEPTH: usize = 1_000_000;

#[test]
fn a_million_levels_copy_in_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let fixture = Fixture::new();
            let mut heap = Heap::with_capacity(2 * 2 * DEPTH + 16);
            let mut list_term = small(1);
            let mut tuple_term = Term::NIL;
            for _ in 0..DEPTH {
                list_term = list::cons(&mut heap, list_term, Term::NIL).expect("fits");
            }
            for _ in 0..DEPTH {
                tuple_term = tuple::build(&mut heap, &[tuple_term]).expect("fits");
            }
            let mut destination = Heap::with_capacity(2 * 2 * DEPTH + 16);
            // SAFETY: both terms live in `heap`.
            let (list_copy, tuple_copy, words) = unsafe {
                let words = size_of(list_term) + size_of(tuple_term);
                (copy_term(list_term, &mut destination), copy_term(tuple_term, &mut destination), words)
            };
            assert_eq!(words, 4 * DEPTH);
            assert_eq!(destination.used(), 4 * DEPTH);
            assert!(fixture.exact_eq(list_term, list_copy));
            assert!(fixture.exact_eq(tuple_term, tuple_copy));
            drop(heap);
            fixture.print(list_copy).len() + fixture.print(tuple_copy).len()
        })
        .expect("thread starts");
    assert_eq!(handle.join().expect("no stack overflow"), (2 * DEPTH + 1) + (2 * DEPTH + 2));
}
