//! `erts_internal:map_next/3`, the walk behind `maps:iterator/1`, `maps:next/1` and
//! `maps:to_list/1` (erts' `erts_internal_map_next_3`).
//!
//! An iterator is `[Path | Map]`. For a flatmap the path is 0 and one call returns every pair.
//! For a HAMT the path is an integer naming the next leaf: four bits per level, the root's
//! child **index** (position among the children, not slot) in the lowest bits; after the
//! named levels the walk continues at index 0. A call returns at most a number of pairs
//! that depends on the process's reductions left (`fcalls / 4`, at most 32 for the first
//! call), and charges 4 reductions per pair:
//!
//! * iterator mode: `{K1, V1, {K2, V2, ... Tail}}`, `Tail` being `none` or `[Path | Map]`;
//! * list mode (`Acc` a list): `[{Kn, Vn}, ..., {K1, V1} | Acc]`, preceded by `Path, Map` when
//!   pairs remain: `[Path, Map, {Kn, Vn}, ... | Acc]`.
//!
//! erts writes a path of more levels than a word has nibbles as a bignum whose digits may
//! carry a zero top digit; rbeam writes the same value as a canonical integer, and reads both.

use super::node;
use super::{Repr, SMALL_MAP_LIMIT, repr};
use crate::heap::Allocator;
use crate::term::{BuildError, Term, bignum, list, tuple};

/// How the pairs come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Nested `{K, V, Next}` tuples (`maps:next/1`).
    Iterator,
    /// `{K, V}` tuples consed onto this list (`maps:to_list/1`).
    List(Term),
}

/// What a call produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The result term.
    Done(Term),
    /// The arguments are wrong (`error:badarg`).
    Badarg,
}

/// Nibbles of a path per word.
const PATH_ELEMS_PER_DIGIT: usize = usize::BITS as usize / 4;

/// One `erts_internal:map_next(Path, Map, Mode)` step; `none` is the atom `none` and
/// `fcalls` the process's reductions left, charged as erts does.
///
/// # Safety
/// `path` and `map` must satisfy the crate's term contract.
pub unsafe fn map_next(
    alloc: &mut impl Allocator,
    fcalls: &mut isize,
    none: Term,
    path: Term,
    map: Term,
    mode: Mode,
) -> Result<Next, BuildError> {
    // SAFETY: forwarded contract.
    match unsafe { repr(map) } {
        None => Ok(Next::Badarg),
        Some(Repr::Flat(flat)) => {
            // erts' `unsigned_val`: a negative small reads as a huge index.
            if !path.is_small() || path.raw() >> 4 > flat.len() {
                return Ok(Next::Badarg);
            }
            // A flatmap of more than 32 keys (from a literal area) in its HAMT order.
            // SAFETY: forwarded contract.
            let mut pairs = unsafe { super::pairs(map) };
            // Both forms list a flatmap in key order; the list is consed from its end.
            if let Mode::List(_) = mode {
                pairs.reverse();
            }
            emit(alloc, &pairs, none, mode, None).map(Next::Done)
        }
        Some(Repr::Hamt(hamt)) => {
            let budget = (*fcalls / 4).max(1) as usize;
            let mut elems = if budget < hamt.size { budget } else { hamt.size };
            let (mut current, rest): (usize, Vec<usize>) = if path.is_small() {
                let current = path.raw() >> 4;
                if current == 0 && elems > SMALL_MAP_LIMIT {
                    elems = SMALL_MAP_LIMIT;
                }
                (current, Vec::new())
            // SAFETY: forwarded contract.
            } else if let Some(big) = unsafe { bignum::view(path) } {
                if big.negative {
                    return Ok(Next::Badarg);
                }
                (big.digits.first().copied().unwrap_or(0), big.digits.iter().skip(1).copied().collect())
            } else {
                return Ok(Next::Badarg);
            };
            let mut rest = rest.into_iter();
            let mut emitted: Vec<(Term, Term)> = Vec::new();
            // Each node on the way down with the index of its next unexplored child.
            let mut stack: Vec<(usize, &[Term])> = Vec::new();
            let mut node = hamt.head;
            let mut in_digit = 1;
            loop {
                // SAFETY: `node` is a live node of the map.
                let children = unsafe { node::children(node) };
                let index = current & 0xF;
                let Some(&child) = children.get(index) else { return Ok(Next::Badarg) };
                stack.push((index + 1, children));
                // SAFETY: children of a live node are live.
                if let Some(pair) = unsafe { node::leaf(child) } {
                    emitted.push(pair);
                    elems -= 1;
                    break;
                }
                let Some(next) = node::object(child) else { return Ok(Next::Badarg) };
                node = next;
                current >>= 4;
                if in_digit == PATH_ELEMS_PER_DIGIT {
                    in_digit = 0;
                    current = rest.next().unwrap_or(0);
                }
                in_digit += 1;
            }
            while let Some((mut index, children)) = stack.pop() {
                while index < children.len() && elems != 0 {
                    // SAFETY: children of live nodes are live.
                    let Some(pair) = (unsafe { node::leaf(children[index]) }) else { break };
                    emitted.push(pair);
                    elems -= 1;
                    index += 1;
                }
                if elems == 0 {
                    if index < children.len() {
                        stack.push((index + 1, children));
                    } else {
                        while let Some((index, children)) = stack.pop() {
                            if index < children.len() {
                                stack.push((index + 1, children));
                                break;
                            }
                        }
                    }
                    break;
                }
                if index < children.len() {
                    stack.push((index + 1, children));
                    let Some(object) = node::object(children[index]) else { return Ok(Next::Badarg) };
                    // SAFETY: a child node of the map.
                    stack.push((0, unsafe { node::children(object) }));
                }
            }
            *fcalls -= 4 * emitted.len() as isize;
            let resume = if stack.is_empty() {
                None
            } else {
                let mut digits = vec![0usize; stack.len().div_ceil(PATH_ELEMS_PER_DIGIT)];
                for (level, &(index, _)) in stack.iter().enumerate() {
                    digits[level / PATH_ELEMS_PER_DIGIT] |=
                        (index - 1) << (4 * (level % PATH_ELEMS_PER_DIGIT));
                }
                Some(bignum::build(alloc, false, &digits)?)
            };
            emit(alloc, &emitted, none, mode, resume.map(|path| (path, map))).map(Next::Done)
        }
    }
}

/// Builds the result of a call from the pairs it walked and where the walk stopped.
fn emit(
    alloc: &mut impl Allocator,
    pairs: &[(Term, Term)],
    none: Term,
    mode: Mode,
    resume: Option<(Term, Term)>,
) -> Result<Term, BuildError> {
    match mode {
        Mode::Iterator => {
            let mut out = match resume {
                Some((path, map)) => list::cons(alloc, path, map)?,
                None => none,
            };
            for &(key, value) in pairs.iter().rev() {
                out = tuple::build(alloc, &[key, value, out])?;
            }
            Ok(out)
        }
        Mode::List(acc) => {
            let mut out = acc;
            for &(key, value) in pairs {
                let pair = tuple::build(alloc, &[key, value])?;
                out = list::cons(alloc, pair, out)?;
            }
            if let Some((path, map)) = resume {
                out = list::cons(alloc, map, out)?;
                out = list::cons(alloc, path, out)?;
            }
            Ok(out)
        }
    }
}
