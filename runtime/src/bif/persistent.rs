//! `persistent_term`: terms stored VM-wide, read without copying by any process (erts keeps
//! them in literal areas; here each entry owns a heap of its own that lives until the entry
//! is replaced or erased), and the `init` functions about command-line arguments that
//! library code consults (rbeam passes none through).

use super::{Bif, BifCtx, BifResult};
use crate::exception::Exception;
use crate::heap::Heap;
use crate::term::{Term, list, tuple};
use crate::{atoms, copy, order};

use BifResult::{Err as Fail, Ok as Done};

/// One stored term.
pub struct Entry {
    /// Owns the memory `key` and `value` live in.
    _heap: Heap,
    key: Term,
    value: Term,
}

impl core::fmt::Debug for Entry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("persistent_term::Entry")
    }
}

fn find(ctx: &BifCtx<'_>, key: Term) -> Option<usize> {
    // SAFETY: stored keys live in their entries' heaps; the argument is a term of the caller.
    ctx.vm.persistent_terms.iter().position(|e| unsafe { order::exact_eq(&ctx.vm.atoms, e.key, key) })
}

fn get1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match find(ctx, a[0]) {
        Some(i) => Done(ctx.vm.persistent_terms[i].value),
        None => Fail(Exception::badarg()),
    }
}

fn get2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Done(find(ctx, a[0]).map_or(a[1], |i| ctx.vm.persistent_terms[i].value))
}

fn put(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: the arguments are valid terms of the caller.
    let words = unsafe { copy::size_of(a[0]) + copy::size_of(a[1]) };
    let mut heap = Heap::with_capacity(words);
    // SAFETY: as above; the heap was sized for both copies.
    let (key, value) = unsafe { (copy::copy_term(a[0], &mut heap), copy::copy_term(a[1], &mut heap)) };
    let entry = Entry { _heap: heap, key, value };
    match find(ctx, a[0]) {
        // Terms read from the old entry stay valid only while it lives: keep it (erts frees
        // it after a global garbage collection; rbeam keeps it for the VM's lifetime).
        Some(i) => {
            let old = core::mem::replace(&mut ctx.vm.persistent_terms[i], entry);
            ctx.vm.persistent_garbage.push(old);
        }
        None => ctx.vm.persistent_terms.push(entry),
    }
    Done(atoms::OK)
}

fn erase(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match find(ctx, a[0]) {
        Some(i) => {
            let old = ctx.vm.persistent_terms.remove(i);
            ctx.vm.persistent_garbage.push(old);
            Done(atoms::TRUE)
        }
        None => Done(atoms::FALSE),
    }
}

/// `persistent_term:get/0`: every `{Key, Value}`.
fn get0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let pairs: Vec<(Term, Term)> = ctx.vm.persistent_terms.iter().map(|e| (e.key, e.value)).collect();
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        // SAFETY: the stored terms live in the VM's entries; copied into the caller's heap.
        let (k, v) = unsafe { (copy::copy_term(k, ctx.proc), copy::copy_term(v, ctx.proc)) };
        items.push(tuple::build(ctx.proc, &[k, v]).unwrap_or(Term::NIL));
    }
    Done(list::build(ctx.proc, &items, Term::NIL).unwrap_or(Term::NIL))
}

/// `init:get_arguments/0`, `init:get_plain_arguments/0`: rbeam passes no emulator flags to
/// Erlang code.
fn no_arguments(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(Term::NIL)
}

/// `init:get_argument/1`: no flag is set.
fn get_argument(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::ERROR)
}

pub const BIFS: &[Bif] = &[
    Bif { module: "persistent_term", name: "get", arity: 1, f: get1 },
    Bif { module: "persistent_term", name: "get", arity: 2, f: get2 },
    Bif { module: "persistent_term", name: "get", arity: 0, f: get0 },
    Bif { module: "persistent_term", name: "put", arity: 2, f: put },
    Bif { module: "persistent_term", name: "erase", arity: 1, f: erase },
    Bif { module: "init", name: "get_arguments", arity: 0, f: no_arguments },
    Bif { module: "init", name: "get_plain_arguments", arity: 0, f: no_arguments },
    Bif { module: "init", name: "get_argument", arity: 1, f: get_argument },
];
