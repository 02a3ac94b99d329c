//! Heap sizes, erts' series (`erts_init_gc` and `erts_next_heap_size` in `erl_gc.c`).
//!
//! The series starts at 12 and 38 words and grows like Fibonacci plus one (erts counts a word
//! of block header) for 23 steps: ..., 233, 376, 610, 987, 1598, 2586, ... up to 833026 words.
//! Fibonacci growth is too steep for large heaps, so from there each size is 20% larger than
//! the previous one, up to the largest heap a word size can address (a quarter of the address
//! space on 32-bit, 2^53 bytes on 64-bit). Every block a collection allocates has one of these
//! sizes, never less than [`MIN_HEAP_SIZE`].

use crate::term::tags::WORD_BYTES;

/// The smallest heap+stack block a collection leaves (erts' default `min_heap_size`, also
/// [`crate::vm::DEFAULT_PROCESS_WORDS`]).
pub const MIN_HEAP_SIZE: usize = 233;

/// Steps of Fibonacci growth before the 20% steps.
const FIBONACCI_STEPS: usize = 23;

/// Length of erts' table (`MAX_HEAP_SIZES`): 59 sizes on 32-bit, at most 154 on 64-bit.
const CAPACITY: usize = if WORD_BYTES < 8 { 59 } else { 154 };

/// The largest heap, in words.
const MAX_HEAP_WORDS: usize =
    if WORD_BYTES < 8 { usize::MAX / WORD_BYTES } else { ((1u64 << 53) / WORD_BYTES as u64) as usize };

/// The series and its length.
const SERIES: ([usize; CAPACITY], usize) = build_series();

const fn build_series() -> ([usize; CAPACITY], usize) {
    let mut sizes = [0usize; CAPACITY];
    sizes[0] = 12;
    sizes[1] = 38;
    let mut i = 2;
    while i < FIBONACCI_STEPS {
        sizes[i] = sizes[i - 1] + sizes[i - 2] + 1;
        i += 1;
    }
    while i < CAPACITY {
        let next = match sizes[i - 1].checked_add(sizes[i - 1] / 5) {
            Some(next) if next <= MAX_HEAP_WORDS => next,
            _ => break,
        };
        sizes[i] = next;
        i += 1;
    }
    (sizes, i)
}

/// The smallest size of the series that is at least `words`, or (`offset` 1) the size after
/// it; `words` itself when it lies beyond the series (such a heap cannot be allocated anyway).
pub fn next_heap_size(words: usize, offset: usize) -> usize {
    let (sizes, len) = SERIES;
    let sizes = &sizes[..len];
    let index = sizes.partition_point(|&size| size < words) + offset;
    sizes.get(index).copied().unwrap_or(words)
}

/// [`next_heap_size`], but never below [`MIN_HEAP_SIZE`] (erts' `next_heap_size`).
pub(super) fn heap_size_for(words: usize, offset: usize) -> usize {
    next_heap_size(words, offset).max(MIN_HEAP_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_is_erts() {
        let (sizes, len) = SERIES;
        assert_eq!(&sizes[..12], &[12, 38, 51, 90, 142, 233, 376, 610, 987, 1598, 2586, 4185]);
        assert_eq!(sizes[22], 833026);
        assert_eq!(sizes[23], 833026 + 833026 / 5);
        assert!(len > FIBONACCI_STEPS + 30 && len <= CAPACITY);
        assert!(sizes[len - 1] <= MAX_HEAP_WORDS);
    }

    #[test]
    fn next_size_rounds_up_and_steps() {
        assert_eq!(next_heap_size(0, 0), 12);
        assert_eq!(next_heap_size(233, 0), 233);
        assert_eq!(next_heap_size(234, 0), 376);
        assert_eq!(next_heap_size(233, 1), 376);
        assert_eq!(next_heap_size(234, 1), 610);
        assert_eq!(heap_size_for(5, 0), MIN_HEAP_SIZE);
        assert_eq!(MIN_HEAP_SIZE, crate::vm::DEFAULT_PROCESS_WORDS);
    }
}
