//! `monitor/3` and the alias BIFs (`alias/0,1`, `unalias/1`): the options OTP 25's `gen`
//! uses to call a server (`erlang:monitor(process, Pid, [{alias, demonitor}])`). The alias
//! table itself is [`crate::alias`].

use super::process::{list_elements, make_ref_term, monitor};
use super::{Bif, BifCtx, BifResult};
use crate::alias::Mode;
use crate::atoms;
use crate::exception::Exception;
use crate::term::reference;
use crate::term::{Term, TermBuilder, tuple};

use BifResult::{Err as Fail, Ok as Done};

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

/// The alias mode a monitor option list asks for (`None`: no alias), or `Err` for a bad
/// list.
pub(crate) fn monitor_alias_option(ctx: &BifCtx<'_>, options: Term) -> Result<Option<Mode>, ()> {
    let mut mode = None;
    for o in list_elements(options).ok_or(())? {
        // SAFETY: BIF arguments are valid terms of the calling process.
        let Some(&[key, value]) = (unsafe { tuple::elements(o) }) else { return Err(()) };
        if ctx.vm.atoms.text(key) != Some("alias") {
            return Err(());
        }
        mode = Some(match ctx.vm.atoms.text(value) {
            Some("explicit_unalias") => Mode::ExplicitUnalias,
            Some("demonitor") => Mode::Demonitor,
            Some("reply_demonitor") => Mode::ReplyDemonitor,
            _ => return Err(()),
        });
    }
    Ok(mode)
}

/// Monitors `target` as `monitor(process, Target)` and, with `mode`, makes the reference an
/// alias of the caller. A monitor that fired at once (no such process) gets no alias: it
/// would end with the `'DOWN'` message already sent.
fn monitor_with_alias(ctx: &mut BifCtx<'_>, kind: Term, target: Term, mode: Option<Mode>) -> BifResult {
    let r = match monitor(ctx, &[kind, target]) {
        Done(r) => r,
        other => return other,
    };
    if let Some(mode) = mode {
        // SAFETY: `r` is a reference just built on the caller's heap.
        let numbers = unsafe { reference::ordinary_numbers(r) };
        let live = numbers.is_some_and(|k| ctx.proc.monitors.contains(&k));
        if let (Some(numbers), true) = (numbers, live) {
            ctx.vm.aliases.create(numbers, ctx.proc.id, mode);
        }
    }
    Done(r)
}

/// Monitors `pid`, a process just spawned, as `spawn_monitor` and `spawn_opt` do: the answer
/// is `{Pid, MonitorRef}`.
pub(crate) fn monitor_new(ctx: &mut BifCtx<'_>, pid: Term, alias: Option<Mode>) -> BifResult {
    let process = ctx.vm.atoms.intern("process").unwrap_or(atoms::UNDEFINED);
    let reference = match monitor_with_alias(ctx, process, pid, alias) {
        Done(r) => r,
        other => return other,
    };
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms)
        .tuple(&[pid, reference])
        .map_err(|_| Exception::system_limit())
        .into()
}

fn monitor3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match monitor_alias_option(ctx, a[2]) {
        Ok(mode) => monitor_with_alias(ctx, a[0], a[1], mode),
        Err(()) => badarg(),
    }
}

fn new_alias(ctx: &mut BifCtx<'_>, mode: Mode) -> BifResult {
    let r = make_ref_term(ctx.vm, ctx.proc);
    // SAFETY: `r` is a reference just built on the caller's heap.
    match unsafe { reference::ordinary_numbers(r) } {
        Some(numbers) => {
            ctx.vm.aliases.create(numbers, ctx.proc.id, mode);
            Done(r)
        }
        None => Fail(Exception::system_limit()),
    }
}

fn alias0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    new_alias(ctx, Mode::ExplicitUnalias)
}

/// `alias(Options)`: `[explicit_unalias]` (the default) or `[reply]`.
fn alias1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(options) = list_elements(a[0]) else { return badarg() };
    let mut mode = Mode::ExplicitUnalias;
    for o in options {
        mode = match ctx.vm.atoms.text(o) {
            Some("explicit_unalias") => Mode::ExplicitUnalias,
            Some("reply") => Mode::Reply,
            _ => return badarg(),
        };
    }
    new_alias(ctx, mode)
}

fn unalias1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: BIF arguments are valid terms of the calling process.
    let Some(numbers) = (unsafe { reference::ordinary_numbers(a[0]) }) else { return badarg() };
    Done(if ctx.vm.aliases.unalias(numbers, ctx.proc.id) { atoms::TRUE } else { atoms::FALSE })
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "monitor", arity: 3, f: monitor3 },
    Bif { module: "erlang", name: "alias", arity: 0, f: alias0 },
    Bif { module: "erlang", name: "alias", arity: 1, f: alias1 },
    Bif { module: "erlang", name: "unalias", arity: 1, f: unalias1 },
];
