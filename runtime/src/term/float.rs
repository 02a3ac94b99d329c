//! Boxed floats: a header (`FLOAT_SUBTAG`, arity = data words) then the 8 IEEE-754 bytes in
//! native order, one word on 64-bit and two on 32-bit. On 32-bit heaps the data is only 4-byte
//! aligned, so it is always read and written unaligned.

use super::Term;
use super::error::BuildError;
use super::tags::{FLOAT_SUBTAG, WORD_BYTES, make_header};
use crate::heap::Allocator;

/// Words of the payload: 1 on 64-bit, 2 on 32-bit.
pub const DATA_WORDS: usize = 8 / WORD_BYTES;
/// Words of a boxed float (`FLOAT_SIZE_OBJECT`).
pub const HEAP_WORDS: usize = 1 + DATA_WORDS;
/// The one header every float has (`HEADER_FLONUM`).
pub const HEADER: usize = make_header(DATA_WORDS, FLOAT_SUBTAG);

/// Builds a boxed float.
pub fn build(alloc: &mut impl Allocator, value: f64) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(HEAP_WORDS)?;
    // SAFETY: `HEAP_WORDS` words were allocated at `object`; the data write is unaligned on
    // purpose.
    unsafe {
        object.write(HEADER);
        object.add(1).cast::<f64>().write_unaligned(value);
    }
    Ok(Term::from_boxed_ptr(object))
}

/// The value of a boxed float, or `None` if `term` is not one.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn value(term: Term) -> Option<f64> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header; a float header is followed by 8 bytes.
    unsafe {
        if object.read() != HEADER {
            return None;
        }
        Some(object.add(1).cast::<f64>().read_unaligned())
    }
}
