//! Lists: a cons cell is two words `[head, tail]`, pointed to by a list-tagged term; `[]` is
//! the immediate NIL.

use super::Term;
use super::error::BuildError;
use crate::heap::Allocator;

/// Words of one cons cell.
pub const CONS_WORDS: usize = 2;

/// Builds the cell `[head | tail]`.
pub fn cons(alloc: &mut impl Allocator, head: Term, tail: Term) -> Result<Term, BuildError> {
    let cell = alloc.alloc_words(CONS_WORDS)?;
    // SAFETY: the allocator handed out two words at `cell`.
    unsafe {
        cell.write(head.raw());
        cell.add(1).write(tail.raw());
    }
    Ok(Term::from_cons_ptr(cell))
}

/// Builds `[e1, ..., eN | tail]` (a proper list when `tail` is `[]`), in one allocation.
pub fn build(alloc: &mut impl Allocator, elements: &[Term], tail: Term) -> Result<Term, BuildError> {
    if elements.is_empty() {
        return Ok(tail);
    }
    let words = elements.len().checked_mul(CONS_WORDS).ok_or(BuildError::TooLarge)?;
    let cells = alloc.alloc_words(words)?;
    for (i, element) in elements.iter().enumerate() {
        let next = if i + 1 == elements.len() {
            tail
        } else {
            Term::from_cons_ptr(cells.wrapping_add(CONS_WORDS * (i + 1)))
        };
        // SAFETY: cell `i` lies within the `2 * len` words just allocated.
        unsafe {
            let cell = cells.add(CONS_WORDS * i);
            cell.write(element.raw());
            cell.add(1).write(next.raw());
        }
    }
    Ok(Term::from_cons_ptr(cells))
}

/// The head and tail of a cons cell, or `None` if `term` is not a list pointer.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn head_tail(term: Term) -> Option<(Term, Term)> {
    let cell = term.cons_ptr()?;
    // SAFETY: a list term points at two live words (caller).
    unsafe { Some((Term::from_raw(cell.read()), Term::from_raw(cell.add(1).read()))) }
}
