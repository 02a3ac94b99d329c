//! The `os` BIFs: the environment and the OS process id.

use super::{Bif, BifCtx, BifResult};
use crate::atoms;
use crate::exception::Exception;
use crate::term::{Term, TermBuilder};

use BifResult::{Err as Fail, Ok as Done};

/// A string argument (a list of character codes) as Rust text.
fn text(t: Term) -> Option<String> {
    super::process::list_elements(t)?
        .iter()
        .map(|c| c.small_value().and_then(|v| char::from_u32(v as u32)))
        .collect()
}

fn string(ctx: &mut BifCtx<'_>, s: &str) -> Term {
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms).string(s).unwrap_or(Term::NIL)
}

fn getenv1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(name) = text(a[0]) else { return Fail(Exception::badarg()) };
    match std::env::var(&name) {
        Ok(v) => Done(string(ctx, &v)),
        Err(_) => Done(atoms::FALSE),
    }
}

fn getenv0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let vars: Vec<String> = std::env::vars().map(|(k, v)| format!("{k}={v}")).collect();
    let items: Vec<Term> = vars.iter().map(|v| string(ctx, v)).collect();
    Done(crate::term::list::build(ctx.proc, &items, Term::NIL).unwrap_or(Term::NIL))
}

fn putenv(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (Some(k), Some(v)) = (text(a[0]), text(a[1])) else { return Fail(Exception::badarg()) };
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Fail(Exception::badarg());
    }
    // SAFETY: the VM runs Erlang code on one thread, and nothing else in rbeam reads the
    // environment concurrently.
    unsafe { std::env::set_var(k, v) };
    Done(atoms::TRUE)
}

fn unsetenv(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(k) = text(a[0]) else { return Fail(Exception::badarg()) };
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Fail(Exception::badarg());
    }
    // SAFETY: as in `putenv`.
    unsafe { std::env::remove_var(k) };
    Done(atoms::TRUE)
}

fn getpid(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let pid = std::process::id().to_string();
    Done(string(ctx, &pid))
}

pub const BIFS: &[Bif] = &[
    Bif { module: "os", name: "getenv", arity: 1, f: getenv1 },
    Bif { module: "os", name: "getenv", arity: 0, f: getenv0 },
    Bif { module: "os", name: "putenv", arity: 2, f: putenv },
    Bif { module: "os", name: "unsetenv", arity: 1, f: unsetenv },
    Bif { module: "os", name: "getpid", arity: 0, f: getpid },
];
