//! Tuples: `[arity << 6 | ARITYVAL, e1, ..., eN]`.
//!
//! The empty tuple is never built on a heap: erts relies on the word after a tuple header
//! being allocated, so `{}` is one immutable object shared by every VM ([`empty`]).

use super::Term;
use super::error::BuildError;
use super::tags::{ARITYVAL_SUBTAG, HEADER_TAG_MASK, MAX_TUPLE_ARITY, header_arity, make_header};
use crate::heap::Allocator;

/// The shared `{}`: a zero-arity header plus the padding word erts guarantees after it.
static EMPTY_TUPLE: [usize; 2] = [make_header(0, ARITYVAL_SUBTAG), 0];

/// The empty tuple `{}`.
pub fn empty() -> Term {
    Term::from_boxed_ptr(EMPTY_TUPLE.as_ptr())
}

/// The header of a tuple of `arity` elements.
pub const fn header(arity: usize) -> usize {
    make_header(arity, ARITYVAL_SUBTAG)
}

/// Words a tuple of `arity` elements takes on a heap (0 for `{}`).
pub const fn heap_words(arity: usize) -> usize {
    if arity == 0 { 0 } else { 1 + arity }
}

/// Builds the tuple `{elements...}`.
pub fn build(alloc: &mut impl Allocator, elements: &[Term]) -> Result<Term, BuildError> {
    if elements.is_empty() {
        return Ok(empty());
    }
    if elements.len() > MAX_TUPLE_ARITY {
        return Err(BuildError::TooLarge);
    }
    let object = alloc.alloc_words(heap_words(elements.len()))?;
    // SAFETY: the allocator handed out `1 + len` words starting at `object`.
    unsafe {
        object.write(header(elements.len()));
        core::ptr::copy_nonoverlapping(elements.as_ptr().cast::<usize>(), object.add(1), elements.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Whether a header word is a tuple header.
pub const fn is_header(header: usize) -> bool {
    header & HEADER_TAG_MASK == ARITYVAL_SUBTAG
}

/// The elements of a tuple, or `None` if `term` is not a tuple.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
pub unsafe fn elements<'a>(term: Term) -> Option<&'a [Term]> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header_word = unsafe { object.read() };
    if !is_header(header_word) {
        return None;
    }
    // SAFETY: a tuple header is followed by `arity` element words, alive for 'a (caller).
    Some(unsafe { core::slice::from_raw_parts(object.add(1).cast::<Term>(), header_arity(header_word)) })
}
