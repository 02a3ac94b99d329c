//! Bit syntax objects and the garbage collector: match contexts over heap bitstrings follow
//! their data when it moves, parts of large binaries keep the binary alive exactly as long
//! as they live, writable binaries survive collections and stay appendable, and a loop
//! that churns large binaries keeps a bounded number of them alive.

use rbeam_runtime::Process;
use rbeam_runtime::bits::matching::{MatchCtx, start_match};
use rbeam_runtime::bits::object::bits;
use rbeam_runtime::bits::{BitWriter, writable};
use rbeam_runtime::gc;
use rbeam_runtime::heap::binary::Binary;
use rbeam_runtime::term::{Term, bits as term_bits};

fn process() -> Process {
    Process::new(Term::local_pid(1, 0).expect("pid"), 256)
}

fn collect(p: &mut Process, x: &mut [Term]) {
    // SAFETY: every test keeps its live terms in `x`.
    unsafe { gc::collect(p, x, 0) };
    // SAFETY: as above.
    unsafe { gc::verify(p, x) };
}

fn contents(t: Term) -> (Vec<u8>, usize) {
    // SAFETY: `t` was just read from the roots of a collected process.
    let v = unsafe { term_bits::view(t) }.expect("bitstring");
    (v.to_bytes(), v.bit_size())
}

#[test]
fn match_contexts_follow_moved_heap_bits() {
    let mut p = process();
    let data: Vec<u8> = (1..=40).collect();
    let bin = term_bits::build_binary(&mut p, &data).expect("heap bits");
    // SAFETY: `bin` lives on `p`'s heap.
    let ctx = unsafe { start_match(&mut p, bin) }.expect("alloc").expect("bitstring");
    // SAFETY: as above.
    let c = unsafe { MatchCtx::from_term(ctx) }.expect("context");
    assert!(c.skip(8 * 3));
    let mut x = [ctx];
    for _ in 0..3 {
        collect(&mut p, &mut x);
    }
    // SAFETY: the moved context, read from the roots.
    let c = unsafe { MatchCtx::from_term(x[0]) }.expect("context");
    assert_eq!(c.remaining(), 8 * 37);
    let rest = c.take_bits(&mut p, 8 * 5).expect("alloc").expect("enough");
    assert_eq!(contents(rest), (data[3..8].to_vec(), 40));
}

#[test]
fn parts_keep_large_binaries_alive_exactly_while_they_live() {
    let mut p = process();
    let data: Vec<u8> = (0..=255).cycle().take(10_000).collect();
    let bin = term_bits::build_binary(&mut p, &data).expect("off heap");
    // SAFETY: `bin` lives on `p`'s heap.
    let binary = unsafe { term_bits::off_heap_binary(bin) }.expect("off-heap binary");
    // An extra reference of the test's own, to watch the count.
    // SAFETY: the binary is alive; the test gives the reference back below.
    unsafe { Binary::retain(binary) };
    // SAFETY: as above.
    let ctx = unsafe { start_match(&mut p, bin) }.expect("alloc").expect("bitstring");
    // SAFETY: as above.
    let c = unsafe { MatchCtx::from_term(ctx) }.expect("context");
    c.skip(8);
    let part = c.take_bits(&mut p, 8 * 5000).expect("alloc").expect("enough");
    // Only the part survives: the binary stays, through the part's bin ref.
    let mut x = [part];
    collect(&mut p, &mut x);
    // SAFETY: the test holds a reference.
    assert_eq!(unsafe { Binary::ref_count(binary) }, 2);
    assert_eq!(contents(x[0]).0, data[1..5001].to_vec());
    // SAFETY: the moved part, read from the roots.
    assert_eq!(unsafe { term_bits::off_heap_binary(x[0]) }, Some(binary));
    // Nothing survives: the process gives its reference back.
    let mut none: [Term; 0] = [];
    collect(&mut p, &mut none);
    // SAFETY: the test's own reference keeps the binary alive.
    unsafe {
        assert_eq!(Binary::ref_count(binary), 1);
        Binary::release(binary);
    }
}

#[test]
fn writable_binaries_survive_collections() {
    let mut p = process();
    let empty = term_bits::build_binary(&mut p, &[]).expect("empty");
    let mut x = [empty];
    let mut expect = Vec::new();
    for i in 0..2000u32 {
        let mut tail = BitWriter::new();
        tail.put_bytes(&i.to_be_bytes());
        expect.extend_from_slice(&i.to_be_bytes());
        // SAFETY: `x[0]` is a live term of `p`.
        x[0] = unsafe { writable::append(&mut p, x[0], 8, &tail) }.expect("append");
        if i % 100 == 0 {
            collect(&mut p, &mut x);
        }
    }
    collect(&mut p, &mut x);
    assert_eq!(contents(x[0]), (expect.clone(), 8 * expect.len()));
    // Still the newest version: the next append writes in place.
    // SAFETY: as above.
    let before = unsafe { bits(x[0]).and_then(|b| b.binary()) };
    let mut tail = BitWriter::new();
    tail.put_bytes(b"!");
    // SAFETY: as above.
    let after = unsafe { writable::append(&mut p, x[0], 8, &tail) }.expect("append");
    // SAFETY: as above.
    assert_eq!(unsafe { bits(after).and_then(|b| b.binary()) }, before);
}

#[test]
fn churning_large_binaries_keeps_few_alive() {
    let mut p = process();
    let mut x = [Term::NIL];
    let mut watched = Vec::new();
    for round in 0..200u32 {
        let data = vec![round as u8; 100_000];
        let bin = term_bits::build_binary(&mut p, &data).expect("off heap");
        // SAFETY: `bin` lives on `p`'s heap.
        let ctx = unsafe { start_match(&mut p, bin) }.expect("alloc").expect("bitstring");
        // SAFETY: as above.
        let c = unsafe { MatchCtx::from_term(ctx) }.expect("context");
        c.skip(8 * 1000);
        x[0] = c.take_bits(&mut p, 8 * 50_000).expect("alloc").expect("enough");
        if round % 20 == 0 {
            // SAFETY: as above; the test's extra reference is given back below.
            let binary = unsafe { term_bits::off_heap_binary(bin) }.expect("off heap");
            // SAFETY: the binary is alive.
            unsafe { Binary::retain(binary) };
            watched.push(binary);
        }
        if p.needs_gc(0) || round % 7 == 0 {
            collect(&mut p, &mut x);
        }
    }
    collect(&mut p, &mut x);
    // Every watched binary but the newest part's is released by the process.
    // SAFETY: the test holds a reference to each.
    let counts: Vec<usize> = watched.iter().map(|&b| unsafe { Binary::ref_count(b) }).collect();
    assert!(counts.iter().all(|&n| n == 1), "{counts:?}");
    assert_eq!(contents(x[0]).0, vec![199u8; 50_000]);
    // SAFETY: the off-heap list holds one bin ref: the last part's.
    assert_eq!(unsafe { p.off_heap_mut().len() }, 1);
    for b in watched {
        // SAFETY: the test's own references.
        unsafe { Binary::release(b) };
    }
}
