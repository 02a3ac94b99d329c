//! List BIFs: the `lists` module's BIFs (`reverse/2`, `member/2`, `keyfind/3`, `keymember/3`,
//! `keysearch/3`) and `erlang`'s `length/1`, `hd/1`, `tl/1`, `'++'/2` (`append/2`) and
//! `'--'/2` (`subtract/2`), with erts' (`erl_bif_lists.c`) results and errors.
//!
//! `member/2` matches (`=:=`); the key functions compare keys with `==`, as erts does
//! (`lists:keyfind(1, 1, [{1.0}])` is `{1.0}`). A list that turns out improper before the
//! element is found is `badarg`; one that is improper only after it is not. `'--'` removes,
//! for each element of the right list, its first exact occurrence in the left one, in
//! O((n + m) log m) through a sorted multiset of the right list, like erts' tree-based
//! subtraction for long lists.

use super::data_util::{badarg, boolean, cons, exact_eq, make_list, make_tuple, proper_list, view};
use super::{Bif, BifCtx, BifResult};
use crate::atoms;
use crate::term::{Term, View};

/// The list BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "lists", name: "reverse", arity: 2, f: reverse_2 },
    Bif { module: "lists", name: "member", arity: 2, f: member_2 },
    Bif { module: "lists", name: "keyfind", arity: 3, f: keyfind_3 },
    Bif { module: "lists", name: "keymember", arity: 3, f: keymember_3 },
    Bif { module: "lists", name: "keysearch", arity: 3, f: keysearch_3 },
    Bif { module: "erlang", name: "length", arity: 1, f: length_1 },
    Bif { module: "erlang", name: "hd", arity: 1, f: hd_1 },
    Bif { module: "erlang", name: "tl", arity: 1, f: tl_1 },
    Bif { module: "erlang", name: "++", arity: 2, f: append_2 },
    Bif { module: "erlang", name: "append", arity: 2, f: append_2 },
    Bif { module: "erlang", name: "--", arity: 2, f: subtract_2 },
    Bif { module: "erlang", name: "subtract", arity: 2, f: subtract_2 },
];

fn reverse_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(mut elements) = proper_list(args[0]) else { return badarg() };
    elements.reverse();
    make_list(ctx.proc, &elements, args[1]).into()
}

fn member_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let (element, mut list) = (args[0], args[1]);
    loop {
        if list.is_nil() {
            return BifResult::Ok(atoms::FALSE);
        }
        let Some((head, tail)) = cons(list) else { return badarg() };
        if exact_eq(&ctx.vm.atoms, head, element) {
            return BifResult::Ok(atoms::TRUE);
        }
        list = tail;
    }
}

/// Whether a key and a tuple element are equal as the key BIFs compare: `==`.
fn key_eq(ctx: &BifCtx<'_>, key: Term, element: Term) -> bool {
    if key == element {
        return true;
    }
    // Immediates other than numbers are equal only when identical.
    if key.is_immediate() && !key.is_small() {
        return false;
    }
    super::data_util::eq(&ctx.vm.atoms, key, element)
}

/// The first tuple in `args[2]` whose `args[1]`th element equals `args[0]`: `Ok(None)` if
/// there is none, `Err` for bad arguments.
fn keyfind(ctx: &BifCtx<'_>, args: &[Term]) -> Result<Option<Term>, ()> {
    let key = args[0];
    let position = match args[1].small_value() {
        Some(n) if n >= 1 => n as usize,
        _ => return Err(()),
    };
    let mut list = args[2];
    loop {
        if list.is_nil() {
            return Ok(None);
        }
        let (head, tail) = cons(list).ok_or(())?;
        if let Some(View::Tuple(elements)) = view(head) {
            if let Some(&element) = elements.get(position - 1) {
                if key_eq(ctx, key, element) {
                    return Ok(Some(head));
                }
            }
        }
        list = tail;
    }
}

fn keyfind_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match keyfind(ctx, args) {
        Ok(found) => BifResult::Ok(found.unwrap_or(atoms::FALSE)),
        Err(()) => badarg(),
    }
}

fn keymember_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match keyfind(ctx, args) {
        Ok(found) => BifResult::Ok(boolean(found.is_some())),
        Err(()) => badarg(),
    }
}

fn keysearch_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match keyfind(ctx, args) {
        Ok(Some(tuple)) => {
            let Ok(value) = ctx.vm.atoms.intern("value") else { return badarg() };
            make_tuple(ctx.proc, &[value, tuple]).into()
        }
        Ok(None) => BifResult::Ok(atoms::FALSE),
        Err(()) => badarg(),
    }
}

fn length_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let mut list = args[0];
    let mut length: i64 = 0;
    loop {
        if list.is_nil() {
            return BifResult::Ok(Term::small(length).unwrap_or(Term::NIL));
        }
        let Some((_, tail)) = cons(list) else { return badarg() };
        length += 1;
        list = tail;
    }
}

fn hd_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match cons(args[0]) {
        Some((head, _)) => BifResult::Ok(head),
        None => badarg(),
    }
}

fn tl_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match cons(args[0]) {
        Some((_, tail)) => BifResult::Ok(tail),
        None => badarg(),
    }
}

fn append_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if args[0].is_nil() {
        return BifResult::Ok(args[1]);
    }
    let Some(elements) = proper_list(args[0]) else { return badarg() };
    make_list(ctx.proc, &elements, args[1]).into()
}

fn subtract_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let (Some(left), Some(right)) = (proper_list(args[0]), proper_list(args[1])) else {
        return badarg();
    };
    if left.is_empty() || right.is_empty() {
        return BifResult::Ok(args[0]);
    }
    let atoms = &ctx.vm.atoms;
    let kept: Vec<Term> = if right.len() <= 16 {
        // Short right lists: erts' plain quadratic scan.
        let mut pending: Vec<Option<Term>> = right.iter().copied().map(Some).collect();
        let mut kept = Vec::with_capacity(left.len());
        for &element in &left {
            let hit = pending.iter_mut().find(|p| p.is_some_and(|r| exact_eq(atoms, r, element)));
            match hit {
                Some(slot) => *slot = None,
                None => kept.push(element),
            }
        }
        kept
    } else {
        let mut sorted = right;
        sorted.sort_by(|&a, &b| super::data_util::compare_exact(atoms, a, b));
        // Runs of equal terms: (representative, count left to remove).
        let mut multiset: Vec<(Term, usize)> = Vec::new();
        for term in sorted {
            match multiset.last_mut() {
                Some((last, count)) if exact_eq(atoms, *last, term) => *count += 1,
                _ => multiset.push((term, 1)),
            }
        }
        let mut kept = Vec::with_capacity(left.len());
        for &element in &left {
            let found = multiset
                .binary_search_by(|(r, _)| super::data_util::compare_exact(atoms, *r, element))
                .ok()
                .filter(|&i| multiset[i].1 > 0);
            match found {
                Some(i) => multiset[i].1 -= 1,
                None => kept.push(element),
            }
        }
        kept
    };
    if kept.len() == left.len() {
        return BifResult::Ok(args[0]);
    }
    make_list(ctx.proc, &kept, Term::NIL).into()
}
