//! Word allocation for building terms, and the memory behind it.
//!
//! Every builder in [`crate::term`] writes into an [`Allocator`]: a bump region that hands out
//! word-aligned runs of words and keeps the off-heap list of what it holds. Implementations are
//! the free-standing [`Heap`], the process heap ([`crate::process::Process`]) and the literal
//! area builder ([`crate::literal::LiteralArea`]). Nothing moves once allocated: there is no
//! garbage collector yet, so a term stays valid as long as its allocator lives.

pub mod binary;
pub(crate) mod block;
pub mod offheap;

use core::fmt;

use block::WordBlock;
use offheap::OffHeap;

/// A request for more words than the region has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError {
    /// Words asked for.
    pub requested: usize,
    /// Words that were free.
    pub available: usize,
}

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "heap full: {} words requested, {} free", self.requested, self.available)
    }
}

impl std::error::Error for AllocError {}

/// A bump region that term builders allocate from.
pub trait Allocator {
    /// Reserves `words` consecutive words and returns the first. The words are initialised
    /// (zero or old contents) and stay where they are for the allocator's lifetime.
    fn alloc_words(&mut self, words: usize) -> Result<*mut usize, AllocError>;

    /// The list that off-heap references built into this region are linked into.
    fn off_heap(&mut self) -> &mut OffHeap;
}

/// A fixed-capacity heap, for terms that belong to no process (tests, temporary terms, the
/// staging of literal areas).
pub struct Heap {
    block: WordBlock,
    top: usize,
    off_heap: OffHeap,
}

impl Heap {
    /// A heap of `words` words.
    pub fn with_capacity(words: usize) -> Heap {
        Heap { block: WordBlock::zeroed(words), top: 0, off_heap: OffHeap::new() }
    }

    /// Words allocated so far.
    pub fn used(&self) -> usize {
        self.top
    }

    /// Total words.
    pub fn capacity(&self) -> usize {
        self.block.len()
    }

    /// Whether `ptr` points into this heap.
    pub fn contains(&self, ptr: *const usize) -> bool {
        self.block.contains(ptr)
    }
}

impl Allocator for Heap {
    fn alloc_words(&mut self, words: usize) -> Result<*mut usize, AllocError> {
        let available = self.block.len() - self.top;
        if words > available {
            return Err(AllocError { requested: words, available });
        }
        let start = self.block.start().wrapping_add(self.top);
        self.top += words;
        Ok(start)
    }

    fn off_heap(&mut self) -> &mut OffHeap {
        &mut self.off_heap
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // SAFETY: the block is still alive (it is dropped after this body) and no term into
        // this heap may be used once the heap is gone.
        unsafe { self.off_heap.release_all() };
    }
}

impl fmt::Debug for Heap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Heap").field("used", &self.top).field("capacity", &self.capacity()).finish()
    }
}
