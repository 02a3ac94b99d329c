//! Internal references, OTP 27 layout (`ErtsORefThing` in `erl_term.h`).
//!
//! An ordinary reference holds three 32-bit reference numbers:
//!
//! * 32-bit words: `[header(REF, 3), num0, num1, num2]` (4 words);
//! * 64-bit words: `[header(REF, 2), marker | num0 << 32, num1 | num2 << 32]` (3 words), where
//!   the marker `0xFFFF_FFFF` sits in the low half of word 1. A magic reference of the same
//!   size has a pointer there instead, whose low bits are zero, which is how erts tells the two
//!   apart.
//!
//! Pid references (one or two more number words carrying a pid) and magic references
//! (`[header, Binary*, next]`) share the subtag; they are documented in `LAYOUT.md` and not
//! built yet.

use super::Term;
use super::error::BuildError;
use super::tags::{REF_SUBTAG, header_subtag, make_header};
use crate::heap::Allocator;

/// Reference numbers of an ordinary reference (`ERTS_REF_NUMBERS`).
pub const REF_NUMBERS: usize = 3;

/// Words of an ordinary reference (`ERTS_REF_THING_SIZE`).
#[cfg(target_pointer_width = "64")]
pub const ORDINARY_WORDS: usize = 3;
/// Words of an ordinary reference (`ERTS_REF_THING_SIZE`).
#[cfg(target_pointer_width = "32")]
pub const ORDINARY_WORDS: usize = 4;

/// The header of an ordinary reference (`ERTS_REF_THING_HEADER`).
pub const ORDINARY_HEADER: usize = make_header(ORDINARY_WORDS - 1, REF_SUBTAG);

/// The marker in the low half of word 1 of a 64-bit ordinary reference.
#[cfg(target_pointer_width = "64")]
pub const ORDINARY_MARKER: u32 = u32::MAX;

/// The words after the header for these reference numbers.
#[cfg(target_pointer_width = "64")]
fn body(numbers: [u32; REF_NUMBERS]) -> [usize; ORDINARY_WORDS - 1] {
    [
        ORDINARY_MARKER as usize | (numbers[0] as usize) << 32,
        numbers[1] as usize | (numbers[2] as usize) << 32,
    ]
}

/// The words after the header for these reference numbers.
#[cfg(target_pointer_width = "32")]
fn body(numbers: [u32; REF_NUMBERS]) -> [usize; ORDINARY_WORDS - 1] {
    numbers.map(|n| n as usize)
}

/// The reference numbers stored in the words after the header, if they are an ordinary
/// reference's.
#[cfg(target_pointer_width = "64")]
fn numbers(body: [usize; ORDINARY_WORDS - 1]) -> Option<[u32; REF_NUMBERS]> {
    if body[0] as u32 != ORDINARY_MARKER {
        return None;
    }
    Some([(body[0] >> 32) as u32, body[1] as u32, (body[1] >> 32) as u32])
}

/// The reference numbers stored in the words after the header.
#[cfg(target_pointer_width = "32")]
fn numbers(body: [usize; ORDINARY_WORDS - 1]) -> Option<[u32; REF_NUMBERS]> {
    Some(body.map(|w| w as u32))
}

/// Builds an ordinary internal reference; `numbers[0]` is the least significant, printed
/// last (`#Ref<0.n2.n1.n0>`).
pub fn build(alloc: &mut impl Allocator, numbers: [u32; REF_NUMBERS]) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(ORDINARY_WORDS)?;
    let words = body(numbers);
    // SAFETY: `ORDINARY_WORDS` words were allocated at `object`.
    unsafe {
        object.write(ORDINARY_HEADER);
        core::ptr::copy_nonoverlapping(words.as_ptr(), object.add(1), words.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Whether a header word is any internal reference header.
pub const fn is_header(header: usize) -> bool {
    header_subtag(header) == REF_SUBTAG
}

/// The numbers of an ordinary reference, or `None` if `term` is not one.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn ordinary_numbers(term: Term) -> Option<[u32; REF_NUMBERS]> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    if unsafe { object.read() } != ORDINARY_HEADER {
        return None;
    }
    let mut words = [0usize; ORDINARY_WORDS - 1];
    // SAFETY: an ordinary reference header is followed by its body words.
    unsafe { core::ptr::copy_nonoverlapping(object.add(1), words.as_mut_ptr(), words.len()) };
    numbers(words)
}
