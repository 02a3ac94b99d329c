//! [`TermBuilder`]: builds terms from Rust values into one allocator, interning atoms on the
//! way. A convenience over the per-type builders for runtime code and tests.

use super::error::BuildError;
use super::{Term, bignum, bits, float, list, reference, tuple};
use crate::atom::AtomTable;
use crate::heap::Allocator;

/// Builds terms into `alloc`, with atoms from `atoms`.
pub struct TermBuilder<'a, A: Allocator> {
    alloc: &'a mut A,
    atoms: &'a mut AtomTable,
}

impl<'a, A: Allocator> TermBuilder<'a, A> {
    /// The allocator the builder writes into (to copy terms in next to built ones).
    pub fn alloc(&mut self) -> &mut A {
        self.alloc
    }

    /// A builder writing into `alloc`.
    pub fn new(alloc: &'a mut A, atoms: &'a mut AtomTable) -> TermBuilder<'a, A> {
        TermBuilder { alloc, atoms }
    }

    /// The allocator and the atom table at once (for builders that need both, such as maps).
    pub fn parts(&mut self) -> (&mut A, &AtomTable) {
        (self.alloc, self.atoms)
    }

    /// The atom table (to look texts up while building).
    pub fn atoms(&self) -> &AtomTable {
        self.atoms
    }

    /// An atom, interned if new.
    pub fn atom(&mut self, text: &str) -> Result<Term, BuildError> {
        Ok(self.atoms.intern(text)?)
    }

    /// An integer: a small when it fits, else a bignum.
    pub fn integer(&mut self, value: i128) -> Result<Term, BuildError> {
        bignum::build_i128(self.alloc, value)
    }

    /// The integer `±magnitude`, digits least significant first.
    pub fn big_integer(&mut self, negative: bool, magnitude: &[usize]) -> Result<Term, BuildError> {
        bignum::build(self.alloc, negative, magnitude)
    }

    /// A float.
    pub fn float(&mut self, value: f64) -> Result<Term, BuildError> {
        float::build(self.alloc, value)
    }

    /// A tuple.
    pub fn tuple(&mut self, elements: &[Term]) -> Result<Term, BuildError> {
        tuple::build(self.alloc, elements)
    }

    /// A proper list.
    pub fn list(&mut self, elements: &[Term]) -> Result<Term, BuildError> {
        list::build(self.alloc, elements, Term::NIL)
    }

    /// `[elements... | tail]`.
    pub fn improper_list(&mut self, elements: &[Term], tail: Term) -> Result<Term, BuildError> {
        list::build(self.alloc, elements, tail)
    }

    /// A string as Erlang writes `"..."`: a list of code points.
    pub fn string(&mut self, text: &str) -> Result<Term, BuildError> {
        let chars: Vec<Term> = text.chars().filter_map(|c| Term::small(i64::from(u32::from(c)))).collect();
        self.list(&chars)
    }

    /// A binary.
    pub fn binary(&mut self, bytes: &[u8]) -> Result<Term, BuildError> {
        bits::build_binary(self.alloc, bytes)
    }

    /// A bitstring of the first `bits` bits of `bytes`.
    pub fn bitstring(&mut self, bytes: &[u8], bits: usize) -> Result<Term, BuildError> {
        bits::build(self.alloc, bytes, bits)
    }

    /// An ordinary reference.
    pub fn reference(&mut self, numbers: [u32; reference::REF_NUMBERS]) -> Result<Term, BuildError> {
        reference::build(self.alloc, numbers)
    }

    /// A map (a flatmap up to 32 keys, a HAMT above); a later pair wins over an earlier one
    /// with the same key.
    ///
    /// # Safety
    /// Every key must satisfy the crate's term contract (see [`crate::term`]).
    pub unsafe fn map(&mut self, pairs: &[(Term, Term)]) -> Result<Term, BuildError> {
        // SAFETY: forwarded contract.
        unsafe { crate::map::from_pairs_in(self.alloc, self.atoms, pairs) }
    }
}
