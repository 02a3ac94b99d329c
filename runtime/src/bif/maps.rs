//! Map BIFs: the ones OTP 25 implements in C (`erl_map.c`; `erlang:is_builtin/3` lists them).
//! The rest of `maps` (`to_list/1`, `iterator/1`, `next/1`, `fold/3`, `new/0`, `size/1`...)
//! is Erlang code in `maps.beam` built on these and on `erts_internal:map_next/3`.
//!
//! Errors are erl's: `{badmap, Map}` for a non-map, `{badkey, Key}` for a missing key,
//! `badarg` for a bad list (`from_list/1`, `from_keys/2`) and for any bad argument of the
//! internal `map_next/3`.

use super::{Bif, BifCtx, BifResult};
use crate::atoms;
use crate::exception::Exception;
use crate::map::{self, next};
use crate::term::{Term, list, tuple};

use BifResult::{Err as Fail, Ok as Done};

/// Every BIF argument (and all it reaches) is a live term of the calling process, unmoved
/// while the BIF runs ([`crate::process::Process::alloc`] never collects): the contract of
/// the `crate::map` calls below.
fn error2(ctx: &mut BifCtx<'_>, tag: Term, value: Term) -> BifResult {
    match tuple::build(ctx.proc, &[tag, value]) {
        Ok(reason) => Fail(Exception::error(reason)),
        Err(_) => Fail(Exception::system_limit()),
    }
}

fn badmap(ctx: &mut BifCtx<'_>, map: Term) -> BifResult {
    error2(ctx, atoms::BADMAP, map)
}

fn badkey(ctx: &mut BifCtx<'_>, key: Term) -> BifResult {
    error2(ctx, atoms::BADKEY, key)
}

fn is_map(term: Term) -> bool {
    // SAFETY: a BIF argument (module contract).
    unsafe { map::is_map(term) }
}

fn boolean(value: bool) -> Term {
    if value { atoms::TRUE } else { atoms::FALSE }
}

/// `erlang:map_size/1`.
fn map_size_1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !is_map(a[0]) {
        return badmap(ctx, a[0]);
    }
    // SAFETY: module contract.
    let size = unsafe { map::size(a[0]) };
    match Term::small(size as i64) {
        Some(n) => Done(n),
        None => Fail(Exception::system_limit()),
    }
}

/// `maps:get/2` and `erlang:map_get/2`.
fn get_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, m) = (a[0], a[1]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    match unsafe { map::get(&ctx.vm.atoms, m, key) } {
        Some(value) => Done(value),
        None => badkey(ctx, key),
    }
}

/// `maps:find/2`: `{ok, Value}` or `error`.
fn find_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, m) = (a[0], a[1]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    match unsafe { map::get(&ctx.vm.atoms, m, key) } {
        Some(value) => match tuple::build(ctx.proc, &[atoms::OK, value]) {
            Ok(found) => Done(found),
            Err(_) => Fail(Exception::system_limit()),
        },
        None => Done(atoms::ERROR),
    }
}

/// `maps:is_key/2` and `erlang:is_map_key/2`.
fn is_key_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, m) = (a[0], a[1]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    Done(boolean(unsafe { map::contains(&ctx.vm.atoms, m, key) }))
}

/// `maps:put/3`.
fn put_3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, value, m) = (a[0], a[1], a[2]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    Done(unsafe { map::put(ctx.proc, &ctx.vm.atoms, m, &[(key, value)]) })
}

/// `maps:update/3`.
fn update_3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, value, m) = (a[0], a[1], a[2]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    match unsafe { map::update(ctx.proc, &ctx.vm.atoms, m, &[(key, value)]) } {
        Ok(updated) => Done(updated),
        Err(missing) => badkey(ctx, missing),
    }
}

/// `maps:remove/2`.
fn remove_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, m) = (a[0], a[1]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    Done(unsafe { map::remove(ctx.proc, &ctx.vm.atoms, m, key) })
}

/// `maps:take/2`: `{Value, MapWithoutKey}` or `error`.
fn take_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (key, m) = (a[0], a[1]);
    if !is_map(m) {
        return badmap(ctx, m);
    }
    // SAFETY: module contract.
    match unsafe { map::take(ctx.proc, &ctx.vm.atoms, m, key) } {
        Some((value, rest)) => match tuple::build(ctx.proc, &[value, rest]) {
            Ok(taken) => Done(taken),
            Err(_) => Fail(Exception::system_limit()),
        },
        None => Done(atoms::ERROR),
    }
}

/// `maps:keys/1`.
fn keys_1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !is_map(a[0]) {
        return badmap(ctx, a[0]);
    }
    // SAFETY: module contract.
    Done(unsafe { map::keys(ctx.proc, a[0]) })
}

/// `maps:values/1`.
fn values_1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !is_map(a[0]) {
        return badmap(ctx, a[0]);
    }
    // SAFETY: module contract.
    Done(unsafe { map::values(ctx.proc, a[0]) })
}

/// `maps:merge/2`: the second map's values win.
fn merge_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    for &m in a {
        if !is_map(m) {
            return badmap(ctx, m);
        }
    }
    // SAFETY: module contract.
    Done(unsafe { map::merge(ctx.proc, &ctx.vm.atoms, a[0], a[1]) })
}

/// The elements of a proper list.
fn proper_list(mut term: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    // SAFETY: module contract.
    while let Some((head, tail)) = unsafe { list::head_tail(term) } {
        out.push(head);
        term = tail;
    }
    term.is_nil().then_some(out)
}

/// `maps:from_list/1`: a proper list of 2-tuples, later pairs winning.
fn from_list_1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(elements) = proper_list(a[0]) else { return Fail(Exception::badarg()) };
    let mut pairs = Vec::with_capacity(elements.len());
    for element in elements {
        // SAFETY: module contract.
        match unsafe { tuple::elements(element) } {
            Some(&[key, value]) => pairs.push((key, value)),
            _ => return Fail(Exception::badarg()),
        }
    }
    // SAFETY: module contract.
    Done(unsafe { map::from_pairs(ctx.proc, &ctx.vm.atoms, &pairs) })
}

/// `maps:from_keys/2`: every key of a proper list mapped to one value.
fn from_keys_2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(keys) = proper_list(a[0]) else { return Fail(Exception::badarg()) };
    let pairs: Vec<(Term, Term)> = keys.into_iter().map(|key| (key, a[1])).collect();
    // SAFETY: module contract.
    Done(unsafe { map::from_pairs(ctx.proc, &ctx.vm.atoms, &pairs) })
}

/// `erts_internal:map_next/3` (see [`crate::map::next`]).
fn map_next_3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (path, m, third) = (a[0], a[1], a[2]);
    let mode = if third.is_nil() || third.is_list() {
        next::Mode::List(third)
    } else if ctx.vm.atoms.lookup("iterator") == Some(third) {
        next::Mode::Iterator
    } else {
        return Fail(Exception::badarg());
    };
    let Ok(none) = ctx.vm.atoms.intern("none") else { return Fail(Exception::system_limit()) };
    let mut fcalls = ctx.proc.fcalls;
    // SAFETY: module contract.
    let result = unsafe { next::map_next(ctx.proc, &mut fcalls, none, path, m, mode) };
    ctx.proc.fcalls = fcalls;
    match result {
        Ok(next::Next::Done(out)) => Done(out),
        Ok(next::Next::Badarg) => Fail(Exception::badarg()),
        Err(_) => Fail(Exception::system_limit()),
    }
}

const fn bif(module: &'static str, name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif { module, name, arity, f }
}

/// The map BIFs.
pub const BIFS: &[Bif] = &[
    bif("erlang", "map_size", 1, map_size_1),
    bif("erlang", "map_get", 2, get_2),
    bif("erlang", "is_map_key", 2, is_key_2),
    bif("maps", "get", 2, get_2),
    bif("maps", "find", 2, find_2),
    bif("maps", "is_key", 2, is_key_2),
    bif("maps", "put", 3, put_3),
    bif("maps", "update", 3, update_3),
    bif("maps", "remove", 2, remove_2),
    bif("maps", "take", 2, take_2),
    bif("maps", "keys", 1, keys_1),
    bif("maps", "values", 1, values_1),
    bif("maps", "merge", 2, merge_2),
    bif("maps", "from_list", 1, from_list_1),
    bif("maps", "from_keys", 2, from_keys_2),
    bif("erts_internal", "map_next", 3, map_next_3),
];
