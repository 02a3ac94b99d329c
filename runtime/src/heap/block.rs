//! An owned, zero-initialised block of words that never moves.
//!
//! Heaps, process heap+stack blocks and literal areas all hand out raw pointers into their
//! memory (terms *are* pointers), so the memory must stay put for as long as the owner lives
//! and must not be reached through a `&mut [usize]` while such pointers exist. The block is
//! therefore kept as a raw pointer from the start and only ever accessed through it.

use core::ptr::NonNull;

/// A fixed-size block of words, freed on drop.
#[derive(Debug)]
pub(crate) struct WordBlock {
    start: NonNull<usize>,
    words: usize,
}

impl WordBlock {
    /// Allocates `words` zeroed words.
    pub(crate) fn zeroed(words: usize) -> WordBlock {
        let boxed: Box<[usize]> = vec![0usize; words].into_boxed_slice();
        let start = NonNull::new(Box::into_raw(boxed).cast::<usize>()).unwrap_or(NonNull::dangling());
        WordBlock { start, words }
    }

    /// The first word.
    pub(crate) fn start(&self) -> *mut usize {
        self.start.as_ptr()
    }

    /// One past the last word.
    pub(crate) fn end(&self) -> *mut usize {
        self.start.as_ptr().wrapping_add(self.words)
    }

    /// The size in words.
    pub(crate) fn len(&self) -> usize {
        self.words
    }

    /// Whether `ptr` points at a word inside the block.
    pub(crate) fn contains(&self, ptr: *const usize) -> bool {
        let address = ptr as usize;
        address >= self.start() as usize && address < self.end() as usize
    }
}

impl Drop for WordBlock {
    fn drop(&mut self) {
        let slice = core::ptr::slice_from_raw_parts_mut(self.start.as_ptr(), self.words);
        // SAFETY: `start`/`words` came from `Box::into_raw` of a boxed slice of exactly this
        // length in `zeroed` and the block is freed only here, once.
        drop(unsafe { Box::from_raw(slice) });
    }
}
