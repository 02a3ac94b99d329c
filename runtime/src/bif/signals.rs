//! Links and exit signals: `link/1`, `unlink/1`, `exit/2`, `spawn_link/1,3` and
//! `spawn_monitor/1,3` (the delivery rules are in [`crate::signals`]).

use super::aliases::monitor_new;
use super::process::{fun_call, spawn};
use super::{Bif, BifCtx, BifResult, Trap};
use crate::atoms;
use crate::exception::Exception;
use crate::signals::send_exit;
use crate::term::{Term, TermBuilder};

use BifResult::{Err as Fail, Ok as Done};

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

/// Links the caller and `pid`, both alive.
pub(crate) fn add_link(ctx: &mut BifCtx<'_>, pid: Term) {
    let me = ctx.proc.id;
    if let Some(other) = ctx.vm.process_mut(pid) {
        other.links.insert(me);
        ctx.proc.links.insert(pid);
    }
}

/// `link(Pid)`. Linking to a process that no longer exists is an `{'EXIT', Pid, noproc}`
/// message for a caller trapping exits and a `noproc` error for any other, as in erl.
fn link(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let pid = a[0];
    if !pid.is_local_pid() {
        return badarg();
    }
    if pid == ctx.proc.id {
        return Done(atoms::TRUE);
    }
    if ctx.vm.processes.contains_key(&pid) {
        add_link(ctx, pid);
        return Done(atoms::TRUE);
    }
    if !ctx.proc.trap_exit {
        return Fail(Exception::error(atoms::NOPROC));
    }
    let message = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms)
        .tuple(&[atoms::EXIT_SIGNAL, pid, atoms::NOPROC])
        .unwrap_or(Term::NIL);
    let me = ctx.proc.id;
    crate::schedule::send(ctx.vm, ctx.proc, me, message);
    Done(atoms::TRUE)
}

/// `unlink(Pid)`: removes the link both ways at once, so an exit signal already on its way
/// from `Pid` finds no link and is dropped.
fn unlink(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let pid = a[0];
    if !pid.is_local_pid() {
        return badarg();
    }
    let me = ctx.proc.id;
    ctx.proc.links.remove(pid);
    if let Some(other) = ctx.vm.process_mut(pid) {
        other.links.remove(me);
    }
    Done(atoms::TRUE)
}

/// `exit(Pid, Reason)`. To the caller itself the signal takes effect at once: the call does
/// not return (and no `catch` stops it) unless the caller traps exits or ignores `normal`.
/// To another process it is queued, and the caller yields so that the signal is delivered
/// before the caller can send anything else.
fn exit2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (pid, reason) = (a[0], a[1]);
    if !pid.is_local_pid() {
        return badarg();
    }
    let me = ctx.proc.id;
    if pid != me {
        send_exit(ctx.vm, me, pid, reason, false);
        return BifResult::Trap(Trap::Yield(atoms::TRUE));
    }
    if reason == atoms::KILL {
        return BifResult::Trap(Trap::Exit(atoms::KILLED));
    }
    if !ctx.proc.trap_exit {
        return BifResult::Trap(Trap::Exit(reason));
    }
    let message = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms)
        .tuple(&[atoms::EXIT_SIGNAL, me, reason])
        .unwrap_or(Term::NIL);
    crate::schedule::send(ctx.vm, ctx.proc, me, message);
    Done(atoms::TRUE)
}

fn spawn_linked(ctx: &mut BifCtx<'_>, (module, function, args): (Term, Term, Term)) -> BifResult {
    match spawn(ctx.vm, ctx.proc, module, function, args) {
        Ok(pid) => {
            add_link(ctx, pid);
            Done(pid)
        }
        Err(e) => Fail(e),
    }
}

fn spawn_link1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match fun_call(ctx, a[0]) {
        Ok(call) => spawn_linked(ctx, call),
        Err(e) => Fail(e),
    }
}

fn spawn_link3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    spawn_linked(ctx, (a[0], a[1], a[2]))
}

fn spawn_monitored(ctx: &mut BifCtx<'_>, (module, function, args): (Term, Term, Term)) -> BifResult {
    match spawn(ctx.vm, ctx.proc, module, function, args) {
        Ok(pid) => monitor_new(ctx, pid, None),
        Err(e) => Fail(e),
    }
}

fn spawn_monitor1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match fun_call(ctx, a[0]) {
        Ok(call) => spawn_monitored(ctx, call),
        Err(e) => Fail(e),
    }
}

fn spawn_monitor3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    spawn_monitored(ctx, (a[0], a[1], a[2]))
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "link", arity: 1, f: link },
    Bif { module: "erlang", name: "unlink", arity: 1, f: unlink },
    Bif { module: "erlang", name: "exit", arity: 2, f: exit2 },
    Bif { module: "erlang", name: "spawn_link", arity: 1, f: spawn_link1 },
    Bif { module: "erlang", name: "spawn_link", arity: 3, f: spawn_link3 },
    Bif { module: "erlang", name: "spawn_monitor", arity: 1, f: spawn_monitor1 },
    Bif { module: "erlang", name: "spawn_monitor", arity: 3, f: spawn_monitor3 },
];
