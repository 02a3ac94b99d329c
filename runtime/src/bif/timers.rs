//! Message timers: `erlang:send_after/3,4`, `start_timer/3,4`, `cancel_timer/1,2` and
//! `read_timer/1,2` (the timers themselves are in [`crate::timers`]).

use std::time::{Duration, Instant};

use super::process::{list_elements, make_ref_term, monotonic_nanos};
use super::{Bif, BifCtx, BifResult};
use crate::exception::Exception;
use crate::term::{Term, TermBuilder, bignum, reference, tuple};
use crate::timers::MessageTimer;
use crate::{atoms, copy, schedule};

use BifResult::{Err as Fail, Ok as Done};

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

/// A timeout in milliseconds: a non-negative integer. Huge ones (beyond any run's length)
/// saturate.
fn millis(t: Term) -> Option<u64> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    if let Some(v) = unsafe { bignum::integer_value(t) } {
        return (v >= 0).then(|| u64::try_from(v).unwrap_or(u64::MAX));
    }
    // SAFETY: as above.
    let big = unsafe { bignum::view(t) }?;
    (!big.negative).then_some(u64::MAX)
}

/// The value of boolean option `name` in a `[{Name, Bool}]` list (default `false`), or
/// `None` for a malformed list or an unknown option.
fn options(ctx: &BifCtx<'_>, list: Term, known: &[&str]) -> Option<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for option in list_elements(list)? {
        // SAFETY: BIF arguments are valid terms of the calling process.
        let &[name, value] = unsafe { tuple::elements(option) }? else { return None };
        let name = ctx.vm.atoms.text(name).filter(|n| known.contains(n))?;
        let value = match value {
            v if v == atoms::TRUE => true,
            v if v == atoms::FALSE => false,
            _ => return None,
        };
        out.push((name.to_string(), value));
    }
    Some(out)
}

fn option(options: &[(String, bool)], name: &str, default: bool) -> bool {
    options.iter().rev().find(|(n, _)| n == name).map_or(default, |(_, v)| *v)
}

/// Starts a timer delivering `message(Ref)` to `dest` after `time` milliseconds (or at
/// monotonic time `time` with `{abs, true}`); returns the reference naming it.
fn start(
    ctx: &mut BifCtx<'_>,
    a: &[Term],
    message: impl FnOnce(&mut BifCtx<'_>, Term) -> Option<Term>,
) -> BifResult {
    let (time, dest) = (a[0], a[1]);
    if !dest.is_local_pid() && !dest.is_atom() {
        return badarg();
    }
    let absolute = match a.get(3) {
        Some(&list) => match options(ctx, list, &["abs"]) {
            Some(o) => option(&o, "abs", false),
            None => return badarg(),
        },
        None => false,
    };
    let delay = if absolute {
        // SAFETY: BIF arguments are valid terms of the calling process.
        let Some(at) = (unsafe { bignum::integer_value(time) }) else { return badarg() };
        let now = i128::from(monotonic_nanos(ctx.vm).div_euclid(1_000_000));
        // A time before the VM started is not a time erts accepts (`badarg`, cause `time`).
        let started = now - ctx.vm.started.elapsed().as_millis() as i128;
        if at < started {
            return badarg();
        }
        Some(u64::try_from(at - now).unwrap_or(if at < now { 0 } else { u64::MAX }))
    } else {
        millis(time)
    };
    let Some(delay) = delay else { return badarg() };
    let now = Instant::now();
    // A time past what `Instant` holds is never reached: a century will do.
    let at = now
        .checked_add(Duration::from_millis(delay))
        .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400));
    let reference = make_ref_term(ctx.vm, ctx.proc);
    let Some(id) = timer_id(reference) else { return badarg() };
    let Some(term) = message(ctx, reference) else { return Fail(Exception::system_limit()) };
    // SAFETY: `term` is a valid term of the calling process.
    let message = unsafe { copy::copy_to_fragment(term) };
    ctx.vm.message_timers.insert(id, MessageTimer { at, to: dest, message });
    Done(reference)
}

/// The timer number of a reference made by [`make_ref_term`] (others name no timer).
fn timer_id(reference: Term) -> Option<u64> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    let numbers = unsafe { reference::ordinary_numbers(reference) }?;
    Some(u64::from(numbers[0]) | u64::from(numbers[1]) << 32)
}

fn send_after(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let message = a[2];
    start(ctx, a, |_, _| Some(message))
}

/// `start_timer`: the message is `{timeout, Ref, Msg}`.
fn start_timer(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let message = a[2];
    start(ctx, a, |ctx, reference| {
        TermBuilder::new(ctx.proc, &mut ctx.vm.atoms).tuple(&[atoms::TIMEOUT, reference, message]).ok()
    })
}

/// Milliseconds left, rounded up, as erts reports them: a bignum where a small integer is
/// too narrow (past 2^27 ms on 32-bit words, about 37 hours).
fn left(ctx: &mut BifCtx<'_>, d: Duration) -> Option<Term> {
    let ms = d.as_nanos().div_ceil(1_000_000);
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms).integer(ms.min(i64::MAX as u128) as i128).ok()
}

/// `cancel_timer` and `read_timer`, with their `async` and `info` options: the result (time
/// left or `false`) is returned, or sent as `{Tag, Ref, Result}` when `async`.
fn timer_op(ctx: &mut BifCtx<'_>, a: &[Term], cancel: bool) -> BifResult {
    let reference = a[0];
    let Some(id) = timer_id(reference) else { return badarg() };
    // `read_timer/2` takes only `async`; `info` is `cancel_timer/2`'s.
    let known: &[&str] = if cancel { &["async", "info"] } else { &["async"] };
    let (asynchronous, info) = match a.get(1) {
        Some(&list) => match options(ctx, list, known) {
            Some(o) => (option(&o, "async", false), option(&o, "info", true)),
            None => return badarg(),
        },
        None => (false, true),
    };
    // erts cancels a timer when the process it is for ends; here the timer of a process
    // that has ended is dropped when it is next looked at (or when it comes due).
    let receiver = ctx.vm.message_timers.receiver(id);
    if receiver
        .is_some_and(|to| to.is_local_pid() && to != ctx.proc.id && !ctx.vm.processes.contains_key(&to))
    {
        ctx.vm.message_timers.cancel(id);
    }
    let now = Instant::now();
    let remaining = if cancel {
        ctx.vm.message_timers.cancel(id).map(|t| t.at.saturating_duration_since(now))
    } else {
        ctx.vm.message_timers.remaining(id, now)
    };
    let result = match remaining {
        Some(d) => match left(ctx, d) {
            Some(ms) => ms,
            None => return Fail(Exception::system_limit()),
        },
        None => atoms::FALSE,
    };
    if !asynchronous {
        return Done(if info { result } else { atoms::OK });
    }
    if info {
        let name = if cancel { "cancel_timer" } else { "read_timer" };
        let mut b = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms);
        let Ok(tag) = b.atom(name) else { return Fail(Exception::system_limit()) };
        let Ok(message) = b.tuple(&[tag, reference, result]) else { return Fail(Exception::system_limit()) };
        let me = ctx.proc.id;
        schedule::send(ctx.vm, ctx.proc, me, message);
    }
    Done(atoms::OK)
}

fn cancel_timer(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    timer_op(ctx, a, true)
}

fn read_timer(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    timer_op(ctx, a, false)
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "send_after", arity: 3, f: send_after },
    Bif { module: "erlang", name: "send_after", arity: 4, f: send_after },
    Bif { module: "erlang", name: "start_timer", arity: 3, f: start_timer },
    Bif { module: "erlang", name: "start_timer", arity: 4, f: start_timer },
    Bif { module: "erlang", name: "cancel_timer", arity: 1, f: cancel_timer },
    Bif { module: "erlang", name: "cancel_timer", arity: 2, f: cancel_timer },
    Bif { module: "erlang", name: "read_timer", arity: 1, f: read_timer },
    Bif { module: "erlang", name: "read_timer", arity: 2, f: read_timer },
];
