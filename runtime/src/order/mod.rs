//! Erlang's term order and equality (erts' `erts_cmp` and `eq`).
//!
//! Classes order as number < atom < reference < fun < port < pid < tuple < map < nil < list <
//! bitstring ([`Class`]). Within a class: numbers by value (integers against floats exactly),
//! atoms by text, tuples by size then elements, maps by size then keys (in map-key order) then
//! values, lists element by element, bitstrings byte by byte then by length.
//!
//! Two modes exist. **Arithmetic** order is `<`, `==` and friends: `1 == 1.0`. **Exact** order
//! is `=:=` and the order of map keys: an integer never equals a float and every integer sorts
//! before every float. Map keys are always compared exactly, also inside an arithmetic
//! comparison, as in erts.
//!
//! The walk is iterative over an explicit stack, so terms nested millions of levels deep
//! compare without touching the Rust call stack. Atom order needs the texts, hence the
//! [`AtomTable`] argument.

mod number;

use core::cmp::Ordering;

use number::Number;

use crate::atom::AtomTable;
use crate::term::bits::BitsView;
use crate::term::fun::{FunTarget, FunView};
use crate::term::{Class, ExternalView, Term, View};

/// Which equality numbers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `==`, `<`: `1 == 1.0`.
    Arithmetic,
    /// `=:=`, map keys: integers and floats never equal, integers first.
    Exact,
}

/// Orders two terms in Erlang's term order (`<`, `==`, `>` of `erlang:'<'/2` and friends).
///
/// # Safety
/// Both terms must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn compare(atoms: &AtomTable, a: Term, b: Term) -> Ordering {
    // SAFETY: forwarded contract.
    unsafe { compare_in(atoms, a, b, Mode::Arithmetic) }
}

/// Orders two terms in map-key order: term order, except that integers sort before floats
/// and never equal them (erts' exact `erts_cmp`). Flatmap keys are sorted this way.
///
/// # Safety
/// Both terms must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn compare_map_keys(atoms: &AtomTable, a: Term, b: Term) -> Ordering {
    // SAFETY: forwarded contract.
    unsafe { compare_in(atoms, a, b, Mode::Exact) }
}

/// `a == b`: equal in term order (`1 == 1.0` is true).
///
/// # Safety
/// Both terms must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn eq(atoms: &AtomTable, a: Term, b: Term) -> bool {
    // SAFETY: forwarded contract.
    unsafe { compare_in(atoms, a, b, Mode::Arithmetic) == Ordering::Equal }
}

/// `a =:= b`: exactly equal (`1 =:= 1.0` is false; `0.0 =:= -0.0` is true, as in OTP 25).
///
/// # Safety
/// Both terms must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn exact_eq(atoms: &AtomTable, a: Term, b: Term) -> bool {
    // SAFETY: forwarded contract.
    unsafe { compare_in(atoms, a, b, Mode::Exact) == Ordering::Equal }
}

/// Pending comparisons; the top is done first.
enum Work<'a> {
    /// Compare two terms.
    Pair(Term, Term, Mode),
    /// Compare two equally long term arrays element by element.
    Elements(&'a [Term], &'a [Term], Mode),
    /// The same over arrays made for the comparison (a HAMT map's sorted keys or values),
    /// from index `next` on.
    Owned { xs: Vec<Term>, ys: Vec<Term>, next: usize, mode: Mode },
}

/// The iterative walk: pops work until some pair differs.
///
/// # Safety
/// Both terms must satisfy the crate's term contract.
unsafe fn compare_in(atoms: &AtomTable, a: Term, b: Term, mode: Mode) -> Ordering {
    let mut stack = vec![Work::Pair(a, b, mode)];
    while let Some(work) = stack.pop() {
        let (a, b, mode) = match work {
            Work::Pair(a, b, mode) => (a, b, mode),
            Work::Elements(xs, ys, mode) => {
                let (Some((&x, xs)), Some((&y, ys))) = (xs.split_first(), ys.split_first()) else {
                    continue;
                };
                if !xs.is_empty() {
                    stack.push(Work::Elements(xs, ys, mode));
                }
                (x, y, mode)
            }
            Work::Owned { xs, ys, next, mode } => {
                let (Some(&x), Some(&y)) = (xs.get(next), ys.get(next)) else {
                    continue;
                };
                stack.push(Work::Owned { xs, ys, next: next + 1, mode });
                (x, y, mode)
            }
        };
        if a == b {
            continue;
        }
        // SAFETY: every term reached from valid terms is valid (contract).
        let order = unsafe { compare_step(atoms, a, b, mode, &mut stack) };
        if order != Ordering::Equal {
            return order;
        }
    }
    Ordering::Equal
}

/// Compares two terms one level deep, pushing their children as further work.
///
/// # Safety
/// Both terms must satisfy the crate's term contract; the pushed slices borrow their memory.
unsafe fn compare_step<'a>(
    atoms: &AtomTable,
    a: Term,
    b: Term,
    mode: Mode,
    stack: &mut Vec<Work<'a>>,
) -> Ordering {
    // SAFETY: forwarded contract.
    let (a_view, b_view) = match unsafe { (a.view::<'a>(), b.view::<'a>()) } {
        (Ok(a_view), Ok(b_view)) => (a_view, b_view),
        // SAFETY: forwarded contract.
        _ => return unsafe { compare_undecodable(a, b) },
    };
    let class = a_view.class();
    let by_class = class.cmp(&b_view.class());
    if by_class != Ordering::Equal {
        return by_class;
    }
    match (a_view, b_view) {
        (View::Atom(x), View::Atom(y)) => compare_atoms(atoms, x, y),
        (View::Reference(x), View::Reference(y)) => x.iter().rev().cmp(y.iter().rev()),
        (View::Fun(x), View::Fun(y)) => compare_funs(atoms, x, y, mode, stack),
        (View::Port(x), View::Port(y)) => x.cmp(&y),
        (View::Pid { number: xn, serial: xs }, View::Pid { number: yn, serial: ys }) => {
            (xs, xn).cmp(&(ys, yn))
        }
        (View::External(x), View::External(y)) => compare_externals(x, y),
        (View::External(_), _) => Ordering::Greater,
        (_, View::External(_)) => Ordering::Less,
        (View::Tuple(xs), View::Tuple(ys)) => {
            let order = xs.len().cmp(&ys.len());
            if order == Ordering::Equal {
                stack.push(Work::Elements(xs, ys, mode));
            }
            order
        }
        (View::Map(x), View::Map(y)) => {
            let order = x.len().cmp(&y.len());
            if order == Ordering::Equal {
                stack.push(Work::Elements(x.values, y.values, mode));
                stack.push(Work::Elements(x.keys, y.keys, Mode::Exact));
            }
            order
        }
        (View::Map(_) | View::HashMap(_), View::Map(_) | View::HashMap(_)) => {
            // A HAMT: size, then the keys in map-key order, then the values in that order.
            // SAFETY: both are maps (forwarded contract).
            match unsafe { crate::map::compare_prefix(atoms, a, b) } {
                Err(order) => order,
                Ok((xs, ys)) => {
                    let (xk, xv): (Vec<Term>, Vec<Term>) = xs.into_iter().unzip();
                    let (yk, yv): (Vec<Term>, Vec<Term>) = ys.into_iter().unzip();
                    stack.push(Work::Owned { xs: xv, ys: yv, next: 0, mode });
                    stack.push(Work::Owned { xs: xk, ys: yk, next: 0, mode: Mode::Exact });
                    Ordering::Equal
                }
            }
        }
        (View::Cons { head: xh, tail: xt }, View::Cons { head: yh, tail: yt }) => {
            stack.push(Work::Pair(xt, yt, mode));
            stack.push(Work::Pair(xh, yh, mode));
            Ordering::Equal
        }
        (View::Bits(x), View::Bits(y)) => compare_bits(&x, &y),
        (View::Nil, View::Nil) => Ordering::Equal,
        (x, y) => match (as_number(x), as_number(y)) {
            (Some(x), Some(y)) => number::compare(x, y, mode),
            _ => Ordering::Equal,
        },
    }
}

fn as_number(view: View<'_>) -> Option<Number<'_>> {
    match view {
        View::Small(v) => Some(Number::Small(v)),
        View::Bignum(big) => Some(Number::Big(big)),
        View::Float(f) => Some(Number::Float(f)),
        _ => None,
    }
}

/// Atoms order by text. An atom missing from the table (a term from another VM) sorts after
/// every known atom, by index.
fn compare_atoms(atoms: &AtomTable, x: u32, y: u32) -> Ordering {
    match (atoms.name(x), atoms.name(y)) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => x.cmp(&y),
    }
}

/// Local funs order by module, old index, old unique, free variables and then the
/// environment; external funs by module, function and arity; local funs come first.
fn compare_funs<'a>(
    atoms: &AtomTable,
    x: FunView<'a>,
    y: FunView<'a>,
    mode: Mode,
    stack: &mut Vec<Work<'a>>,
) -> Ordering {
    match (x.target, y.target) {
        (FunTarget::Local(a), FunTarget::Local(b)) => {
            let order = compare_atom_terms(atoms, a.module, b.module)
                .then(a.old_index.cmp(&b.old_index))
                .then(a.old_uniq.cmp(&b.old_uniq))
                .then(x.env.len().cmp(&y.env.len()));
            if order == Ordering::Equal {
                stack.push(Work::Elements(x.env, y.env, mode));
            }
            order
        }
        (FunTarget::External(a), FunTarget::External(b)) => {
            compare_atom_terms(atoms, a.mfa.module, b.mfa.module)
                .then_with(|| compare_atom_terms(atoms, a.mfa.function, b.mfa.function))
                .then(a.mfa.arity.cmp(&b.mfa.arity))
        }
        (FunTarget::Local(_), FunTarget::External(_)) => Ordering::Less,
        (FunTarget::External(_), FunTarget::Local(_)) => Ordering::Greater,
    }
}

fn compare_atom_terms(atoms: &AtomTable, x: Term, y: Term) -> Ordering {
    match (x.atom_index(), y.atom_index()) {
        (Some(x), Some(y)) => compare_atoms(atoms, x, y),
        _ => x.raw().cmp(&y.raw()),
    }
}

/// Without a node table, external identifiers order after local ones and among themselves by
/// node pointer and data, which is stable but not yet erts' order (node name, creation).
fn compare_externals(x: ExternalView<'_>, y: ExternalView<'_>) -> Ordering {
    x.node.cmp(&y.node).then_with(|| x.data.cmp(y.data))
}

/// Bitstrings order by their bits, then the shorter first.
fn compare_bits(x: &BitsView<'_>, y: &BitsView<'_>) -> Ordering {
    let common = x.bit_size().min(y.bit_size());
    let whole = common / 8;
    for i in 0..whole {
        let order = x.byte(i).cmp(&y.byte(i));
        if order != Ordering::Equal {
            return order;
        }
    }
    let rest = common % 8;
    if rest != 0 {
        let shift = 8 - rest;
        let order = (x.byte(whole) >> shift).cmp(&(y.byte(whole) >> shift));
        if order != Ordering::Equal {
            return order;
        }
    }
    x.bit_size().cmp(&y.bit_size())
}

/// A deterministic order for words that do not decode: by class when known, else by word.
///
/// # Safety
/// Both terms must satisfy the crate's term contract.
unsafe fn compare_undecodable(a: Term, b: Term) -> Ordering {
    // SAFETY: forwarded contract.
    let classes: (Option<Class>, Option<Class>) = unsafe { (a.class().ok(), b.class().ok()) };
    match classes {
        (Some(x), Some(y)) if x != y => x.cmp(&y),
        _ => a.raw().cmp(&b.raw()),
    }
}
