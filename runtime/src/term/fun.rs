//! Funs, OTP 27 layout (`ErlFunThing` in `erl_fun.h`, header in `erl_term.h`).
//!
//! `[header, entry, env...]`: the header packs the subtag, the apparent arity (bits 8..15),
//! the number of free variables (bits 16..23) and an external flag (bit 24), so that one
//! byte-sized load or compare checks type and arity at once:
//!
//! ```text
//!   0000000e ffffffff aaaaaaaa 00010100      e = external, f = free variables, a = arity
//! ```
//!
//! `entry` points to a [`FunEntry`] (local fun) or an [`Export`] (`fun M:F/A`, no
//! environment); both start with the dispatch addresses. The environment words are terms.

use core::ptr::NonNull;

use super::Term;
use super::error::BuildError;
use super::tags::{FUN_SUBTAG, HEADER_SUBTAG_MASK};
use crate::dispatch::{Export, FunEntry};
use crate::heap::Allocator;

/// Bit offset of the arity in a fun header (`FUN_HEADER_ARITY_OFFS`).
pub const ARITY_OFFSET: u32 = 8;
/// Bit offset of the free-variable count (`FUN_HEADER_ENV_SIZE_OFFS`).
pub const NUM_FREE_OFFSET: u32 = 16;
/// Bit offset of the external flag (`FUN_HEADER_KIND_OFFS`).
pub const EXTERNAL_OFFSET: u32 = 24;
/// Largest arity and largest number of free variables.
pub const MAX_FIELD: usize = 255;
/// Words before the environment: header and entry pointer (`ERL_FUN_SIZE`).
pub const BASE_WORDS: usize = 2;

/// The header of a fun.
pub const fn header(arity: u8, num_free: u8, external: bool) -> usize {
    FUN_SUBTAG
        | (arity as usize) << ARITY_OFFSET
        | (num_free as usize) << NUM_FREE_OFFSET
        | (external as usize) << EXTERNAL_OFFSET
}

/// Words of a fun with `num_free` free variables.
pub const fn heap_words(num_free: usize) -> usize {
    BASE_WORDS + num_free
}

fn write(
    alloc: &mut impl Allocator,
    header_word: usize,
    entry: usize,
    env: &[Term],
) -> Result<Term, BuildError> {
    let object = alloc.alloc_words(heap_words(env.len()))?;
    // SAFETY: `2 + env.len()` words were allocated at `object`.
    unsafe {
        object.write(header_word);
        object.add(1).write(entry);
        core::ptr::copy_nonoverlapping(env.as_ptr().cast::<usize>(), object.add(2), env.len());
    }
    Ok(Term::from_boxed_ptr(object))
}

/// Builds a local fun over `entry` capturing `env`. Its apparent arity is the entry's arity
/// minus the free variables.
///
/// The entry must outlive the term (it is owned by the module's code).
pub fn build_local(alloc: &mut impl Allocator, entry: &FunEntry, env: &[Term]) -> Result<Term, BuildError> {
    let arity = (entry.arity as usize).checked_sub(env.len()).ok_or(BuildError::TooLarge)?;
    let arity = u8::try_from(arity).map_err(|_| BuildError::TooLarge)?;
    let num_free = u8::try_from(env.len()).map_err(|_| BuildError::TooLarge)?;
    write(alloc, header(arity, num_free, false), entry as *const FunEntry as usize, env)
}

/// Builds the external fun `fun M:F/A` over an export entry, which must outlive the term.
pub fn build_external(alloc: &mut impl Allocator, export: &Export) -> Result<Term, BuildError> {
    let arity = u8::try_from(export.mfa.arity).map_err(|_| BuildError::TooLarge)?;
    write(alloc, header(arity, 0, true), export as *const Export as usize, &[])
}

/// What a fun calls.
#[derive(Debug, Clone, Copy)]
pub enum FunTarget<'a> {
    /// A closure of a module's local function.
    Local(&'a FunEntry),
    /// `fun M:F/A`.
    External(&'a Export),
}

/// A decoded fun.
#[derive(Debug, Clone, Copy)]
pub struct FunView<'a> {
    /// The apparent arity.
    pub arity: u8,
    /// The captured free variables (empty for external funs).
    pub env: &'a [Term],
    /// The fun entry or export entry.
    pub target: FunTarget<'a>,
}

/// Whether a header word is a fun header.
pub const fn is_header(header: usize) -> bool {
    header & HEADER_SUBTAG_MASK == FUN_SUBTAG
}

/// Decodes a fun, or `None` if `term` is not one (or has a null entry).
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]) for `'a`, which for a
/// fun includes its entry being alive.
pub unsafe fn view<'a>(term: Term) -> Option<FunView<'a>> {
    let object = term.boxed_ptr()?;
    // SAFETY: a boxed term points at a live header (caller).
    let header_word = unsafe { object.read() };
    if !is_header(header_word) {
        return None;
    }
    let arity = (header_word >> ARITY_OFFSET) as u8;
    let num_free = usize::from((header_word >> NUM_FREE_OFFSET) as u8);
    let external = (header_word >> EXTERNAL_OFFSET) & 1 == 1;
    // SAFETY: a fun header is followed by the entry word and `num_free` env words.
    let (entry, env) = unsafe {
        (object.add(1).read(), core::slice::from_raw_parts(object.add(2).cast::<Term>(), num_free))
    };
    let target = if external {
        // SAFETY: an external fun's entry is a live `Export` (caller).
        FunTarget::External(unsafe { NonNull::new(entry as *mut Export)?.as_ref() })
    } else {
        // SAFETY: a local fun's entry is a live `FunEntry` (caller).
        FunTarget::Local(unsafe { NonNull::new(entry as *mut FunEntry)?.as_ref() })
    };
    Some(FunView { arity, env, target })
}
