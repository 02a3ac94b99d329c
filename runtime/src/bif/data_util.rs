//! Helpers the data BIFs share: decoding arguments, comparing, and building results.
//!
//! Every BIF argument, and everything reachable from it, is a live term of the calling
//! process (its heap, heap fragments, literals or attached messages), and stays where it is
//! while the BIF runs: [`Process::alloc`] never collects garbage. That is the term contract
//! the one `unsafe` read here relies on.

use core::cmp::Ordering;

use crate::atom::AtomTable;
use crate::atoms;
use crate::bif::BifResult;
use crate::exception::Exception;
use crate::process::Process;
use crate::term::{BuildError, Term, View, bignum, list, tuple};

/// Decodes a term reachable from a BIF's arguments; `None` for a word that is no term.
pub(crate) fn view<'a>(term: Term) -> Option<View<'a>> {
    // SAFETY: BIF arguments and all terms reachable from them are live and unmoved for the
    // duration of the BIF (module documentation); callers drop the view before returning.
    unsafe { term.view() }.ok()
}

/// `error:badarg` as a BIF result.
pub(crate) fn badarg() -> BifResult {
    BifResult::Err(Exception::badarg())
}

/// The atom `true` or `false`.
pub(crate) fn boolean(value: bool) -> Term {
    if value { atoms::TRUE } else { atoms::FALSE }
}

/// Head and tail of a cons cell.
pub(crate) fn cons(term: Term) -> Option<(Term, Term)> {
    match view(term)? {
        View::Cons { head, tail } => Some((head, tail)),
        _ => None,
    }
}

/// The elements of a proper list, or `None` for anything else.
pub(crate) fn proper_list(mut term: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    loop {
        if term.is_nil() {
            return Some(out);
        }
        let (head, tail) = cons(term)?;
        out.push(head);
        term = tail;
    }
}

/// The elements of a tuple.
pub(crate) fn tuple_elements<'a>(term: Term) -> Option<&'a [Term]> {
    match view(term)? {
        View::Tuple(elements) => Some(elements),
        _ => None,
    }
}

/// Maps a build failure to the exception erts raises for it.
pub(crate) fn build_error(error: BuildError) -> Exception {
    match error {
        BuildError::TooLarge | BuildError::Atom(_) => Exception::system_limit(),
        _ => Exception::badarg(),
    }
}

/// `[elements... | tail]` on the process heap.
pub(crate) fn make_list(proc: &mut Process, elements: &[Term], tail: Term) -> Result<Term, Exception> {
    list::build(proc, elements, tail).map_err(build_error)
}

/// A tuple on the process heap.
pub(crate) fn make_tuple(proc: &mut Process, elements: &[Term]) -> Result<Term, Exception> {
    tuple::build(proc, elements).map_err(build_error)
}

/// An integer (small or bignum) on the process heap.
pub(crate) fn make_integer(proc: &mut Process, value: i128) -> Result<Term, Exception> {
    bignum::build_i128(proc, value).map_err(build_error)
}

/// A string (list of code points) on the process heap.
pub(crate) fn make_string(proc: &mut Process, text: &str) -> Result<Term, Exception> {
    let chars: Vec<Term> = text.chars().filter_map(|c| Term::small(i64::from(u32::from(c)))).collect();
    make_list(proc, &chars, Term::NIL)
}

/// Erlang term order (`<`, `==` and friends).
pub(crate) fn compare(atoms: &AtomTable, a: Term, b: Term) -> Ordering {
    // SAFETY: as for `view`: both are live terms reachable from BIF arguments.
    unsafe { crate::order::compare(atoms, a, b) }
}

/// `a == b`.
pub(crate) fn eq(atoms: &AtomTable, a: Term, b: Term) -> bool {
    a == b || compare(atoms, a, b) == Ordering::Equal
}

/// `a =:= b`.
pub(crate) fn exact_eq(atoms: &AtomTable, a: Term, b: Term) -> bool {
    // SAFETY: as for `view`.
    a == b || unsafe { crate::order::exact_eq(atoms, a, b) }
}

/// Exact term order (map-key order: integers before floats, never equal to them).
pub(crate) fn compare_exact(atoms: &AtomTable, a: Term, b: Term) -> Ordering {
    // SAFETY: as for `view`.
    unsafe { crate::order::compare_map_keys(atoms, a, b) }
}

/// A list of code points as a `String`: `None` if it is not a proper list of valid Unicode
/// scalar values.
pub(crate) fn char_list(term: Term) -> Option<String> {
    let mut out = String::new();
    let mut term = term;
    loop {
        if term.is_nil() {
            return Some(out);
        }
        let (head, tail) = cons(term)?;
        let code = u32::try_from(head.small_value()?).ok()?;
        out.push(char::from_u32(code)?);
        term = tail;
    }
}

/// The key-value pairs of a map, flatmap or HAMT, in the map's iteration order (a flatmap's
/// key order); `None` if `term` is not a map this runtime can walk.
pub(crate) fn map_pairs(term: Term) -> Option<Vec<(Term, Term)>> {
    match view(term)? {
        View::Map(map) => Some(map.keys.iter().copied().zip(map.values.iter().copied()).collect()),
        // SAFETY: as for `view`: a live map reachable from BIF arguments.
        View::HashMap(_) => Some(unsafe { crate::map::pairs(term) }),
        _ => None,
    }
}
