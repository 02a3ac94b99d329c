//! A heap and an atom table that tests build terms into, with the unsafe reads wrapped once.
//!
//! Every test term is built into `World::heap` (or is an immediate or the static empty tuple),
//! and the heap is never dropped or reset while the `World` lives; that is the term contract
//! the wrappers below rely on.

#![allow(dead_code)]

use core::cmp::Ordering;

use rbeam_runtime::term::{Term, TermBuilder};
use rbeam_runtime::{AtomTable, Heap, order, print};

/// A heap of test terms and the atom table they use.
pub struct World {
    pub heap: Heap,
    pub atoms: AtomTable,
}

impl World {
    /// A world with a heap of `words` words.
    pub fn new(words: usize) -> World {
        World { heap: Heap::with_capacity(words), atoms: AtomTable::new() }
    }

    /// A builder over the world's heap.
    pub fn builder(&mut self) -> TermBuilder<'_, Heap> {
        TermBuilder::new(&mut self.heap, &mut self.atoms)
    }

    /// An atom.
    pub fn atom(&mut self, text: &str) -> Term {
        self.atoms.intern(text).expect("atom interns")
    }

    /// A map built from pairs of world terms.
    pub fn map(&mut self, pairs: &[(Term, Term)]) -> Term {
        // SAFETY: the keys are world terms (module contract).
        unsafe { self.builder().map(pairs) }.expect("map fits")
    }

    /// Term order.
    pub fn compare(&self, a: Term, b: Term) -> Ordering {
        // SAFETY: `a` and `b` are world terms (module contract).
        unsafe { order::compare(&self.atoms, a, b) }
    }

    /// Map-key order.
    pub fn compare_map_keys(&self, a: Term, b: Term) -> Ordering {
        // SAFETY: `a` and `b` are world terms (module contract).
        unsafe { order::compare_map_keys(&self.atoms, a, b) }
    }

    /// `==`.
    pub fn eq(&self, a: Term, b: Term) -> bool {
        // SAFETY: `a` and `b` are world terms (module contract).
        unsafe { order::eq(&self.atoms, a, b) }
    }

    /// `=:=`.
    pub fn exact_eq(&self, a: Term, b: Term) -> bool {
        // SAFETY: `a` and `b` are world terms (module contract).
        unsafe { order::exact_eq(&self.atoms, a, b) }
    }

    /// `~w` text.
    pub fn print(&self, term: Term) -> String {
        // SAFETY: `term` is a world term (module contract).
        unsafe { print::to_string(&self.atoms, term) }.expect("term prints")
    }
}

/// A small integer known to be in range.
pub fn small(value: i64) -> Term {
    Term::small(value).expect("value is a small")
}
