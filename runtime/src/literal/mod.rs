//! Literal areas: immutable, immovable word areas holding a module's constant terms.
//!
//! Literals are built once (from the `LitT` chunk) and then only read, by every process
//! running the module, possibly on several schedulers at once. An area owns its words and
//! the off-heap binaries its large binaries refer to, never moves them, and hands out root
//! terms that stay valid for as long as the area lives.

mod etf;
mod tree;

pub use tree::{ExportResolver, LiteralError, LiteralNode, LiteralTree, NoExports};
pub(crate) use tree::{build_tree, tree_words};

use crate::heap::Heap;
use crate::term::{BuildError, Term};

/// An owned area of literal terms.
pub struct LiteralArea {
    heap: Heap,
    roots: Vec<Term>,
}

// SAFETY: after `build` returns, the area is never written again: its words are only read,
// and the off-heap binaries it references are released with atomic reference counts.
// Sharing or sending it between threads therefore cannot race.
unsafe impl Send for LiteralArea {}
// SAFETY: as above: shared access is read-only.
unsafe impl Sync for LiteralArea {}

impl LiteralArea {
    /// Builds an area of exactly `words` words with `build`, which returns the roots. The
    /// builder must build every root into the given heap (sizes are computed up front, so a
    /// heap that turns out too small is an error, not a reallocation).
    pub fn build<F>(words: usize, build: F) -> Result<LiteralArea, BuildError>
    where
        F: FnOnce(&mut Heap) -> Result<Vec<Term>, BuildError>,
    {
        let mut heap = Heap::with_capacity(words);
        let roots = build(&mut heap)?;
        Ok(LiteralArea { heap, roots })
    }

    /// The root terms, in the order the builder returned them.
    pub fn roots(&self) -> &[Term] {
        &self.roots
    }

    /// One root term.
    pub fn root(&self, index: usize) -> Option<Term> {
        self.roots.get(index).copied()
    }

    /// Words in use.
    pub fn words(&self) -> usize {
        self.heap.used()
    }

    /// Whether a pointer term points into this area (erts' `ErtsInArea` literal check).
    pub fn contains(&self, term: Term) -> bool {
        match term.boxed_ptr().or_else(|| term.cons_ptr()) {
            Some(ptr) => self.heap.contains(ptr),
            None => false,
        }
    }
}

impl core::fmt::Debug for LiteralArea {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LiteralArea").field("words", &self.words()).field("roots", &self.roots.len()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom::AtomTable;
    use crate::term::{TermBuilder, float, tuple};

    #[test]
    fn roots_point_into_the_area_and_outlive_moves() {
        let mut atoms = AtomTable::new();
        let area = LiteralArea::build(tuple::heap_words(2) + float::HEAP_WORDS, |heap| {
            let mut builder = TermBuilder::new(heap, &mut atoms);
            let pi = builder.float(3.25)?;
            let ok = builder.atom("ok")?;
            Ok(vec![builder.tuple(&[ok, pi])?])
        })
        .expect("fits exactly");
        assert_eq!(area.words(), tuple::heap_words(2) + float::HEAP_WORDS);
        let moved = std::thread::spawn(move || area).join().expect("thread ran");
        let root = moved.root(0).expect("one root");
        assert!(moved.contains(root));
        // SAFETY: `moved` owns the words `root` points to and is alive.
        let printed = unsafe { crate::print::to_string(&atoms, root) };
        assert_eq!(printed.as_deref(), Ok("{ok,3.25}"));
    }

    #[test]
    fn too_small_an_area_is_an_error() {
        let mut atoms = AtomTable::new();
        let result = LiteralArea::build(1, |heap| {
            let mut builder = TermBuilder::new(heap, &mut atoms);
            Ok(vec![builder.float(1.0)?])
        });
        assert!(matches!(result, Err(BuildError::Alloc(_))));
    }
}
