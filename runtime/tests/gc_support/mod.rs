//! Terms of every kind, built into any allocator, for the copy and garbage-collector tests.

#![allow(dead_code)]

use rbeam_runtime::dispatch::{Export, FunEntry, Mfa};
use rbeam_runtime::heap::Allocator;
use rbeam_runtime::term::bits::{self, SUB_BITS_FLAGS_MATCH_CONTEXT};
use rbeam_runtime::term::{Term, TermBuilder, fun, list, map};
use rbeam_runtime::{AtomTable, Process, order, print};

/// The atom table and the code descriptors fun terms point to (they must outlive the terms).
pub struct Fixture {
    pub atoms: AtomTable,
    pub entry: Box<FunEntry>,
    pub export: Box<Export>,
}

impl Fixture {
    pub fn new() -> Fixture {
        let mut atoms = AtomTable::new();
        let module = atoms.intern("gc_test").expect("atom");
        let function = atoms.intern("run").expect("atom");
        let entry = Box::new(FunEntry::new(module, 3, 0xBEEF, 7, 3));
        let export = Box::new(Export::new(Mfa { module, function, arity: 2 }));
        Fixture { atoms, entry, export }
    }

    /// `~w` text of a live term.
    pub fn print(&self, term: Term) -> String {
        // SAFETY: tests only print terms whose memory is alive.
        unsafe { print::to_string(&self.atoms, term) }.expect("term prints")
    }

    /// `=:=` of two live terms.
    pub fn exact_eq(&self, a: Term, b: Term) -> bool {
        // SAFETY: tests only compare terms whose memory is alive.
        unsafe { order::exact_eq(&self.atoms, a, b) }
    }

    /// One term of every kind (and some mixtures), built into `alloc`.
    pub fn every_kind(&mut self, alloc: &mut impl Allocator) -> Vec<Term> {
        let small = |v: i64| Term::small(v).expect("small");
        let mut b = TermBuilder::new(alloc, &mut self.atoms);
        let atom = b.atom("hello").expect("atom");
        let big = b.integer(1 << 100).expect("big");
        let negative_big = b.integer(-(1 << 80) - 12345).expect("big");
        let float = b.float(3.25).expect("float");
        let negative_zero = b.float(-0.0).expect("float");
        let reference = b.reference([1, 2, 3]).expect("ref");
        let tuple = b.tuple(&[atom, small(1), big]).expect("tuple");
        let proper = b.list(&[small(1), small(2), float]).expect("list");
        let improper = b.improper_list(&[small(1)], small(2)).expect("list");
        let string = b.string("héllo").expect("string");
        let heap_binary = b.binary(&[1, 2, 3, 250]).expect("binary");
        let bitstring = b.bitstring(&[1, 0b0100_0000], 11).expect("bits");
        let large: Vec<u8> = (0..200u16).map(|i| (i * 7) as u8).collect();
        let refc_binary = b.binary(&large).expect("refc");
        let empty_tuple = b.tuple(&[]).expect("{}");
        // SAFETY: every key is a live term of this allocator or an immediate.
        let empty_map = unsafe { b.map(&[]) }.expect("map");
        let key_tuple = b.tuple(&[atom]).expect("tuple");
        // SAFETY: as above.
        let flatmap = unsafe {
            b.map(&[(atom, small(1)), (key_tuple, proper), (float, heap_binary), (small(5), refc_binary)])
        }
        .expect("map");
        // SAFETY: the originals are live bitstrings of this allocator.
        let sub_of_refc = unsafe { bits::build_sub(alloc, refc_binary, 12, 8 * 150 + 3, 0) }
            .expect("fits")
            .expect("in range");
        // SAFETY: as above.
        let sub_of_heap =
            unsafe { bits::build_sub(alloc, heap_binary, 4, 28, 0) }.expect("fits").expect("in range");
        // SAFETY: as above.
        let match_context =
            unsafe { bits::build_sub(alloc, heap_binary, 8, 24, SUB_BITS_FLAGS_MATCH_CONTEXT) }
                .expect("fits")
                .expect("in range");
        let local_fun = fun::build_local(alloc, &self.entry, &[proper, tuple]).expect("fun");
        let external_fun = fun::build_external(alloc, &self.export).expect("fun");
        let pid = Term::local_pid(77, 0).expect("pid");
        let port = Term::local_port(9).expect("port");
        let mixture = list::build(
            alloc,
            &[flatmap, sub_of_refc, local_fun, negative_big, string, sub_of_heap, empty_map, empty_tuple],
            improper,
        )
        .expect("list");
        let nested =
            TermBuilder::new(alloc, &mut self.atoms).tuple(&[mixture, mixture, reference]).expect("tuple");
        vec![
            small(-7),
            atom,
            Term::NIL,
            pid,
            port,
            big,
            negative_big,
            float,
            negative_zero,
            reference,
            tuple,
            proper,
            improper,
            string,
            heap_binary,
            bitstring,
            refc_binary,
            empty_tuple,
            empty_map,
            flatmap,
            sub_of_refc,
            sub_of_heap,
            match_context,
            local_fun,
            external_fun,
            mixture,
            nested,
        ]
    }
}

/// A local pid for test processes.
pub fn pid(number: u32) -> Term {
    Term::local_pid(number, 0).expect("pid")
}

/// A process with a block of `words` words.
pub fn process(words: usize) -> Process {
    Process::new(pid(1), words)
}

/// Builds a two-level HAMT by hand (rbeam's builders make flatmaps only): a head bitmap with
/// an interior bitmap node and a leaf, the leaves being `[Key | Value]` cells as in erts.
pub fn hamt(alloc: &mut impl Allocator, leaves: [(Term, Term); 3]) -> Term {
    let cells: Vec<Term> = leaves.iter().map(|&(k, v)| list::cons(alloc, k, v).expect("cell")).collect();
    let node = alloc.alloc_words(3).expect("node");
    let head = alloc.alloc_words(4).expect("head");
    // SAFETY: 3 and 4 words were just allocated.
    unsafe {
        node.write(map::hamt_node_bitmap_header(0b1000_0001));
        node.add(1).write(cells[0].raw());
        node.add(2).write(cells[1].raw());
        head.write(map::hamt_head_bitmap_header(0b110));
        head.add(1).write(3);
        head.add(2).write(Term::from_boxed_ptr(node).raw());
        head.add(3).write(cells[2].raw());
    }
    Term::from_boxed_ptr(head)
}

/// The leaves of a map made by [`hamt`], and its size word.
///
/// # Safety
/// `term` must be a live term made by [`hamt`] (or a copy of one).
pub unsafe fn hamt_leaves(term: Term) -> (usize, Vec<(Term, Term)>) {
    let head = term.boxed_ptr().expect("boxed");
    // SAFETY: the layout written by `hamt` (caller).
    unsafe {
        assert_eq!(head.read(), map::hamt_head_bitmap_header(0b110));
        let node = Term::from_raw(head.add(2).read()).boxed_ptr().expect("node");
        assert_eq!(node.read(), map::hamt_node_bitmap_header(0b1000_0001));
        let cells = [node.add(1).read(), node.add(2).read(), head.add(3).read()];
        let leaves = cells.iter().map(|&c| list::head_tail(Term::from_raw(c)).expect("cell")).collect();
        (head.add(1).read(), leaves)
    }
}
