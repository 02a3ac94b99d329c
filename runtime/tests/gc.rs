//! The garbage collector: roots keep their values through minor and major collections,
//! garbage is reclaimed, survivors are promoted, fragments are merged, off-heap binaries are
//! released exactly when dead, and the heap grows and shrinks with the live data.

mod gc_support;

use gc_support::{Fixture, hamt, hamt_leaves, pid, process};
use rbeam_runtime::copy::copy_to_fragment;
use rbeam_runtime::gc::{self, FULLSWEEP_AFTER, MIN_HEAP_SIZE};
use rbeam_runtime::heap::binary::Binary;
use rbeam_runtime::process::Monitor;
use rbeam_runtime::term::{Term, TermBuilder, bits, list, tuple};
use rbeam_runtime::{Heap, LiteralArea, Process};

fn small(v: i64) -> Term {
    Term::small(v).expect("small")
}

fn collect(p: &mut Process, x: &mut [Term], need: usize) {
    // SAFETY: every test keeps its live terms in `x` or in the process's root fields.
    unsafe { gc::collect(p, x, need) };
    // SAFETY: as above.
    unsafe { gc::verify(p, x) };
    assert!(p.free_words() >= need);
    assert!(p.fragments.is_empty());
}

fn address(term: Term) -> usize {
    term.boxed_ptr().or_else(|| term.cons_ptr()).expect("a pointer term") as usize
}

fn in_young(p: &Process, term: Term) -> bool {
    (p.heap as usize..p.htop as usize).contains(&address(term))
}

fn in_old(p: &Process, term: Term) -> bool {
    p.old_heap.as_ref().is_some_and(|old| (old.start() as usize..old.top as usize).contains(&address(term)))
}

/// Size of the old heap in words (0 without one).
fn old_heap_words(p: &Process) -> usize {
    p.old_heap.as_ref().map_or(0, |o| (o.end() as usize - o.start() as usize) / size_of::<usize>())
}

/// A list of `n` small integers, built into the process.
fn int_list(p: &mut Process, n: i64) -> Term {
    let elements: Vec<Term> = (0..n).map(small).collect();
    list::build(p, &elements, Term::NIL).expect("fits")
}

/// Every root a test planted, in a fixed order.
fn planted_roots(p: &Process, x: &[Term]) -> Vec<Term> {
    let mut roots = x.to_vec();
    // SAFETY: `stop..hend` is the process's stack.
    roots.extend(unsafe { core::slice::from_raw_parts(p.stop.cast::<Term>(), p.stack_words_used()) });
    roots.extend(p.dictionary.iter().flat_map(|&(k, v)| [k, v]));
    roots.extend(p.monitors.iter().chain(p.monitored_by.iter()).flat_map(|m| [m.reference, m.pid]));
    roots.extend(&p.arg_regs[..p.arity]);
    roots.extend([p.fvalue, p.exit_reason, p.result]);
    roots.extend(p.reply_result_to.map(|(a, b)| [a, b]).into_iter().flatten());
    roots
}

#[test]
fn roots_everywhere_keep_their_values() {
    let mut f = Fixture::new();
    let mut p = process(100);
    // Reserve the stack words first: the terms fill the small heap on either word size.
    for _ in 0..8 {
        p.push_stack(Term::NIL).expect("stack room");
    }
    let terms = f.every_kind(&mut p);
    assert!(!p.fragments.is_empty(), "every_kind overflows a 100-word heap into fragments");
    while p.pop_stack().is_some() {}
    let n = terms.len();
    let mut x: Vec<Term> = terms[..8].to_vec();
    let cp = Term::cp(0x1000 as *const u8).expect("aligned");
    let catch = Term::catch(3).expect("catch");
    for (i, &term) in terms[8..14].iter().enumerate() {
        p.push_stack(term).expect("stack room");
        if i == 2 {
            p.push_stack(cp).expect("stack room");
            p.push_stack(catch).expect("stack room");
        }
    }
    p.dictionary.push((terms[14], terms[15]));
    p.dictionary.push((small(1), terms[16]));
    // Monitor lists key their entries by reference, so they hold the fixture's references.
    // SAFETY: fixture terms are valid terms of `p`.
    let references: Vec<Term> = terms
        .iter()
        .copied()
        .filter(|&t| unsafe { rbeam_runtime::term::reference::ordinary_numbers(t) }.is_some())
        .collect();
    assert!(!references.is_empty(), "every_kind builds a reference");
    // SAFETY: as above.
    unsafe {
        p.monitors.push(Monitor { reference: references[0], pid: pid(5), name: Term::NIL });
        p.monitored_by.push(Monitor {
            reference: references[references.len() - 1],
            pid: terms[18],
            name: Term::NIL,
        });
    }
    p.arg_regs = vec![terms[19], terms[20], terms[21], terms[22]];
    p.arity = 3;
    p.fvalue = terms[23];
    p.exit_reason = terms[24];
    p.result = terms[n - 1];
    p.reply_result_to = Some((pid(9), terms[n - 2]));
    let marker = TermBuilder::new(&mut p, &mut f.atoms).reference([4, 5, 6]).expect("ref");
    p.mailbox.reserve_marker();
    p.mailbox.bind_marker(marker);
    let show = |f: &Fixture, t: Term| if t.is_cp() || t.is_catch() { format!("{t:?}") } else { f.print(t) };
    let texts: Vec<String> = planted_roots(&p, &x).iter().map(|&t| show(&f, t)).collect();
    let stack_before: Vec<Term> = planted_roots(&p, &[]).into_iter().take(p.stack_words_used()).collect();

    let check = |p: &Process, x: &[Term], f: &Fixture, round: &str| {
        let now: Vec<String> = planted_roots(p, x).iter().map(|&t| show(f, t)).collect();
        assert_eq!(now, texts, "after {round}");
        let stack: Vec<Term> = planted_roots(p, &[]).into_iter().take(p.stack_words_used()).collect();
        assert_eq!(stack.len(), stack_before.len());
        assert!(stack.contains(&cp) && stack.contains(&catch), "CPs and catches stay as they are");
    };
    // Stress mode quarantines freed blocks, so verification also catches a root the
    // collector failed to update (the receive marker, for one, is checked only that way).
    p.gc_stress = true;
    for round in 0..2 * FULLSWEEP_AFTER + 8 {
        int_list(&mut p, 40);
        // Stress mode runs majors only on request (or when the old heap fills).
        if round % FULLSWEEP_AFTER == 5 {
            p.gc.need_fullsweep = true;
        }
        collect(&mut p, &mut x, 10);
        check(&p, &x, &f, &format!("collection {round}"));
    }
    assert!(p.gc.major_collections >= 3, "one forced every {FULLSWEEP_AFTER} collections");
    assert!(p.gc.minor_collections >= 2 * FULLSWEEP_AFTER as u64);
}

#[test]
fn garbage_is_reclaimed_and_the_heap_stays_bounded() {
    let mut p = process(233);
    let mut x = [Term::NIL; 2];
    let mut largest = 0;
    for i in 0..20_000 {
        let need = 2 * 20 + 3;
        if p.needs_gc(need) {
            collect(&mut p, &mut x, need);
        }
        let garbage = int_list(&mut p, 20);
        x[0] = tuple::build(&mut p, &[small(i), garbage]).expect("fits");
        assert!(p.fragments.is_empty(), "collected before it could overflow");
        let total = p.block_words() + old_heap_words(&p);
        largest = largest.max(total);
    }
    assert!(p.gc.minor_collections > 1000);
    assert!(p.gc.major_collections > 50);
    assert!(largest <= 233 + 610, "heap grew to {largest} words");
    let fixture = Fixture::new();
    assert!(fixture.print(x[0]).starts_with("{19999,[0,1,2,"));
}

#[test]
fn the_heap_grows_with_live_data_and_shrinks_after() {
    let mut p = process(233);
    let mut x = [Term::NIL];
    for i in 0..30_000 {
        if p.needs_gc(2) {
            collect(&mut p, &mut x, 2);
        }
        x[0] = list::cons(&mut p, small(i), x[0]).expect("fits");
    }
    let grown = p.block_words() + old_heap_words(&p);
    assert!(grown >= 60_000, "60000 live words fit in {grown}");
    let mut length = 0;
    let mut cell = x[0];
    // SAFETY: `x[0]` is a live list of the process.
    while let Some((head, tail)) = unsafe { list::head_tail(cell) } {
        assert_eq!(head, small(29_999 - length));
        length += 1;
        cell = tail;
    }
    assert_eq!(length, 30_000);
    x[0] = Term::NIL;
    p.gc.need_fullsweep = true;
    collect(&mut p, &mut x, 0);
    assert!(p.old_heap.is_none());
    assert!(p.block_words() <= 610, "shrunk to {}", p.block_words());
}

#[test]
fn a_large_need_is_met_and_given_back_later() {
    let mut p = process(233);
    let mut x = [Term::NIL];
    x[0] = int_list(&mut p, 10);
    collect(&mut p, &mut x, 100_000);
    assert!(p.free_words() >= 100_000);
    collect(&mut p, &mut x, 0);
    assert!(p.block_words() <= 610, "a minor collection shrinks a mostly empty heap: {}", p.block_words());
    assert_eq!(Fixture::new().print(x[0]), "[0,1,2,3,4,5,6,7,8,9]");
}

#[test]
fn survivors_are_promoted_then_swept_back_by_a_major() {
    let mut p = process(233);
    let mut x = [Term::NIL];
    x[0] = int_list(&mut p, 10);
    collect(&mut p, &mut x, 0);
    assert!(in_young(&p, x[0]) && p.old_heap.is_none(), "nothing was mature yet");
    collect(&mut p, &mut x, 0);
    assert!(in_old(&p, x[0]), "survived twice: promoted");
    let promoted = x[0];
    collect(&mut p, &mut x, 0);
    assert_eq!(x[0], promoted, "minor collections leave the old heap alone");
    p.gc.need_fullsweep = true;
    collect(&mut p, &mut x, 0);
    assert!(in_young(&p, x[0]) && p.old_heap.is_none());
    assert_eq!(p.minor_gcs, 0);
    assert_eq!(Fixture::new().print(x[0]), "[0,1,2,3,4,5,6,7,8,9]");
    let majors = p.gc.major_collections;
    for _ in 0..=FULLSWEEP_AFTER {
        collect(&mut p, &mut x, 0);
    }
    assert_eq!(p.gc.major_collections, majors + 1, "a major after {FULLSWEEP_AFTER} minors");
}

#[test]
fn fragments_and_messages_join_the_heap() {
    let mut f = Fixture::new();
    let mut p = process(233);
    let mut x = [Term::NIL; 2];
    x[0] = int_list(&mut p, 200);
    assert_eq!(p.fragments.len(), 1, "400 words do not fit a 233-word block");
    assert!(p.needs_gc(0));
    let mut other = Heap::with_capacity(256);
    let sent = TermBuilder::new(&mut other, &mut f.atoms).string("a message").expect("fits");
    // SAFETY: `sent` lives in `other`.
    let message = unsafe { copy_to_fragment(sent) };
    x[1] = message.term;
    p.attach_fragment(message.fragment.expect("fragment"));
    let before = [f.print(x[0]), f.print(x[1])];
    collect(&mut p, &mut x, 0);
    assert!(in_young(&p, x[0]) && in_young(&p, x[1]));
    assert_eq!([f.print(x[0]), f.print(x[1])], before);
}

#[test]
fn binaries_are_released_exactly_when_dead() {
    let mut f = Fixture::new();
    let mut p = process(233);
    let mut b = TermBuilder::new(&mut p, &mut f.atoms);
    let live = b.binary(&[1u8; 100]).expect("fits");
    let dead = b.binary(&[2u8; 100]).expect("fits");
    let later = b.binary(&[3u8; 100]).expect("fits");
    let binaries = [live, dead, later].map(|t| {
        // SAFETY: live off-heap bitstrings of the process; the test holds an extra reference.
        unsafe {
            let binary = bits::off_heap_binary(t).expect("off heap");
            Binary::retain(binary);
            binary
        }
    });
    // SAFETY: the test's references keep the binaries alive.
    let counts = || binaries.map(|b| unsafe { Binary::ref_count(b) });
    let mut x = [live, later];
    let text = f.print(live);
    assert_eq!(counts(), [2, 2, 2]);
    collect(&mut p, &mut x, 0);
    assert_eq!(counts(), [2, 1, 2], "the dead binary was released");
    collect(&mut p, &mut x, 0);
    assert!(in_old(&p, x[0]) && in_old(&p, x[1]));
    x[1] = Term::NIL;
    collect(&mut p, &mut x, 0);
    assert_eq!(counts(), [2, 1, 2], "a minor collection does not look at the old heap");
    p.gc.need_fullsweep = true;
    collect(&mut p, &mut x, 0);
    assert_eq!(counts(), [2, 1, 1], "the major collection found it dead");
    // SAFETY: the process's off-heap objects are alive.
    assert_eq!(unsafe { p.off_heap_mut().len() }, 1);
    assert_eq!(f.print(x[0]), text);
    drop(p);
    assert_eq!(counts(), [1, 1, 1]);
    for binary in binaries {
        // SAFETY: the test's own references.
        unsafe { Binary::release(binary) };
    }
}

#[test]
fn sub_binaries_follow_their_heap_data() {
    let mut f = Fixture::new();
    let mut p = process(233);
    let heap_bits = TermBuilder::new(&mut p, &mut f.atoms).binary(b"hello world").expect("fits");
    // SAFETY: `heap_bits` is a live bitstring of the process.
    let sub = unsafe { bits::build_sub(&mut p, heap_bits, 8, 40, 0) }.expect("fits").expect("in range");
    let mut x = [sub];
    let base_in_young = |p: &Process, sub: Term| {
        // SAFETY: `sub` is a live sub bits object of the process.
        let base = unsafe { sub.boxed_ptr().expect("boxed").add(1).read() } & !bits::SUB_BITS_FLAG_MASK;
        (p.heap as usize..p.htop as usize).contains(&base)
    };
    assert_eq!(f.print(sub), "<<101,108,108,111>>");
    collect(&mut p, &mut x, 0);
    assert!(base_in_young(&p, x[0]));
    assert_eq!(f.print(x[0]), "<<101,108,108,111>>");
    collect(&mut p, &mut x, 0);
    assert!(in_old(&p, x[0]));
    p.gc.need_fullsweep = true;
    collect(&mut p, &mut x, 0);
    assert!(base_in_young(&p, x[0]));
    assert_eq!(f.print(x[0]), "<<101,108,108,111>>");
}

#[test]
fn sharing_is_kept_and_literals_stay_put() {
    let mut f = Fixture::new();
    let atoms = &mut f.atoms;
    let area = LiteralArea::build(16, |heap| {
        let mut b = TermBuilder::new(heap, atoms);
        let text = b.string("lit")?;
        Ok(vec![text])
    })
    .expect("area");
    let literal = area.root(0).expect("root");
    let mut p = process(233);
    let shared = int_list(&mut p, 50);
    let pair = tuple::build(&mut p, &[shared, shared, literal, tuple::empty()]).expect("fits");
    let mut x = [pair];
    collect(&mut p, &mut x, 0);
    // SAFETY: `x[0]` is a live tuple of the process.
    let elements = unsafe { tuple::elements(x[0]) }.expect("tuple");
    assert_eq!(elements[0], elements[1], "one copy of the shared list");
    assert_eq!(elements[2], literal, "literals are not moved");
    assert_eq!(elements[3], tuple::empty());
    assert_eq!(p.heap_words_used(), 100 + 5);
    let numbers: Vec<String> = (0..50).map(|i| i.to_string()).collect();
    let text = format!("[{}]", numbers.join(","));
    assert_eq!(f.print(x[0]), format!("{{{text},{text},[108,105,116],{{}}}}"));
}

#[test]
fn hamt_maps_survive_collections() {
    let mut f = Fixture::new();
    let mut p = process(233);
    let k = f.atoms.intern("k").expect("atom");
    let value = int_list(&mut p, 3);
    let map = hamt(&mut p, [(k, small(1)), (small(2), value), (small(3), Term::NIL)]);
    let mut x = [map];
    for round in 0..4 {
        if round == 3 {
            p.gc.need_fullsweep = true;
        }
        collect(&mut p, &mut x, 0);
        // SAFETY: `x[0]` is the live map, made by `hamt`.
        let (size, leaves) = unsafe { hamt_leaves(x[0]) };
        assert_eq!(size, 3);
        assert_eq!(leaves[0], (k, small(1)));
        assert_eq!(f.print(leaves[1].1), "[0,1,2]");
    }
}

#[test]
fn fresh_objects_are_those_above_the_high_water_mark() {
    let mut p = process(233);
    let mut x = [Term::NIL];
    x[0] = tuple::build(&mut p, &[small(1)]).expect("fits");
    assert!(gc::is_fresh(&p, x[0]));
    collect(&mut p, &mut x, 0);
    assert!(!gc::is_fresh(&p, x[0]), "survived a collection: older terms may point to it");
    let newer = tuple::build(&mut p, &[x[0]]).expect("fits");
    assert!(gc::is_fresh(&p, newer));
    assert!(!gc::is_fresh(&p, small(1)));
}

#[test]
fn the_minimum_heap_size_is_erts_default() {
    let mut p = process(8);
    let mut x = [Term::NIL];
    x[0] = int_list(&mut p, 3);
    collect(&mut p, &mut x, 0);
    assert_eq!(p.block_words(), MIN_HEAP_SIZE);
}
