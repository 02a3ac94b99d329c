//! Process and control BIFs: spawning, identity, sending, monitors, registration, the process
//! dictionary, raising exceptions, `apply`, halting, time and unique values.

use std::time::{SystemTime, UNIX_EPOCH};

use super::{Bif, BifCtx, BifResult, Trap};
use crate::copy;
use crate::dispatch::Mfa;
use crate::exception::{Class, Exception, Frame};
use crate::process::{Monitor, Process};
use crate::schedule;
use crate::term::{Term, TermBuilder, bignum, list, reference, tuple};
use crate::vm::{DEFAULT_PROCESS_WORDS, Vm};
use crate::{atoms, order};

use BifResult::{Err as Fail, Ok as Done};

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

/// The elements of a proper list, or `None`.
pub(crate) fn list_elements(mut l: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    // SAFETY: BIF arguments are valid terms of the calling process.
    while let Some((h, t)) = unsafe { list::head_tail(l) } {
        out.push(h);
        l = t;
    }
    l.is_nil().then_some(out)
}

/// Starts a process running `module:function(Args...)`, with `args` (a list) copied into its
/// heap. Its group leader is the parent's. Beyond the process limit (`+P`) it raises
/// `system_limit`, as erts' spawn does.
pub fn spawn(
    vm: &mut Vm,
    parent: &Process,
    module: Term,
    function: Term,
    args: Term,
) -> Result<Term, Exception> {
    vm.may_spawn().map_err(|_| Exception::system_limit())?;
    spawn_unlimited(vm, parent, module, function, args)
}

/// [`spawn`] for the runtime's own helper processes (the group leader's evaluators), which
/// the process limit does not hold: erl's io server evaluates in itself, and must keep
/// working when Erlang code has spawned all it may.
pub(crate) fn spawn_unlimited(
    vm: &mut Vm,
    parent: &Process,
    module: Term,
    function: Term,
    args: Term,
) -> Result<Term, Exception> {
    let Some(elements) = list_elements(args) else { return Err(Exception::badarg()) };
    if !module.is_atom() || !function.is_atom() {
        return Err(Exception::badarg());
    }
    let mut p = vm.new_process(DEFAULT_PROCESS_WORDS).map_err(|_| Exception::system_limit())?;
    // SAFETY: `args` is a valid term of the parent.
    let args = unsafe { copy::copy_term(args, &mut p) };
    p.arg_regs = vec![module, function, args];
    p.arity = 3;
    p.initial_call = Mfa { module, function, arity: elements.len() };
    p.group_leader = parent.group_leader;
    let normal_exit = vm.normal_exit;
    // The CP a process's initial function returns to.
    p.push_stack(Term::from_raw(normal_exit)).map_err(|_| Exception::system_limit())?;
    p.i = vm.apply_stub as *const u8;
    let pid = p.id;
    vm.start_process(p);
    Ok(pid)
}

fn spawn3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    spawn(ctx.vm, ctx.proc, a[0], a[1], a[2]).into()
}

/// What `spawn*(Fun)` runs: `erlang:apply(Fun, [])`, as `{Module, Function, Args}`.
pub(crate) fn fun_call(ctx: &mut BifCtx<'_>, fun: Term) -> Result<(Term, Term, Term), Exception> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    if unsafe { crate::term::fun::view(fun) }.is_none() {
        return Err(Exception::badarg());
    }
    let args = list::build(ctx.proc, &[fun, Term::NIL], Term::NIL).map_err(|_| Exception::system_limit())?;
    let apply = ctx.vm.atoms.intern("apply").map_err(|_| Exception::system_limit())?;
    Ok((atoms::ERLANG, apply, args))
}

fn spawn1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (module, function, args) = match fun_call(ctx, a[0]) {
        Ok(call) => call,
        Err(e) => return Fail(e),
    };
    spawn(ctx.vm, ctx.proc, module, function, args).into()
}

fn self_(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(ctx.proc.id)
}

fn node(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::NONODE_AT_NOHOST)
}

fn node1(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if a[0].is_local_pid() || a[0].is_local_port() || a[0].is_boxed() {
        Done(atoms::NONODE_AT_NOHOST)
    } else {
        badarg()
    }
}

fn nodes(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(Term::NIL)
}

fn is_alive(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::FALSE)
}

/// `erlang:get_cookie/0`: a node that is not distributed has none.
fn get_cookie(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(ctx.vm.atoms.intern("nocookie").unwrap_or(atoms::UNDEFINED))
}

/// A new reference, unique within the VM.
pub fn make_ref_term(vm: &mut Vm, p: &mut Process) -> Term {
    let n = vm.next_ref();
    let numbers = [(n & 0xFFFF_FFFF) as u32, ((n >> 32) & 0x3_FFFF) as u32, 0];
    reference::build(p, numbers).unwrap_or(Term::NIL)
}

fn make_ref(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(make_ref_term(ctx.vm, ctx.proc))
}

/// `Dest ! Msg` as a BIF (`erlang:send/2`, `erlang:'!'/2`); the destination is a pid, a
/// registered name or an alias.
fn send(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match schedule::destination(ctx.vm, ctx.proc, a[0]) {
        schedule::Route::To(to) => schedule::send(ctx.vm, ctx.proc, to, a[1]),
        schedule::Route::Dropped => {}
        schedule::Route::Invalid => return badarg(),
    }
    Done(a[1])
}

fn send3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match send(ctx, &a[..2]) {
        Done(_) => Done(atoms::OK),
        other => other,
    }
}

fn is_process_alive(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_local_pid() {
        return badarg();
    }
    let alive = a[0] == ctx.proc.id || ctx.vm.processes.contains_key(&a[0]);
    Done(if alive { atoms::TRUE } else { atoms::FALSE })
}

/// `monitor(process, Target)`: a reference now, a `'DOWN'` message when the target ends (at
/// once, with `noproc`, if it does not exist).
pub(crate) fn monitor(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let process = ctx.vm.atoms.intern("process").unwrap_or(atoms::UNDEFINED);
    if a[0] != process {
        return badarg();
    }
    let name = if a[1].is_local_pid() {
        Term::NIL
    } else if a[1].is_atom() {
        a[1]
    } else if let Some(&[name, node]) = tuple_elems(a[1]).as_deref() {
        if !name.is_atom() || node != atoms::NONODE_AT_NOHOST {
            return badarg();
        }
        name
    } else {
        return badarg();
    };
    let target = if name.is_nil() { Some(a[1]) } else { ctx.vm.registered.get(&name).copied() };
    let r = make_ref_term(ctx.vm, ctx.proc);
    let me = ctx.proc.id;
    match target {
        Some(t) if t != me && ctx.vm.processes.contains_key(&t) => {
            let Some(target_proc) = ctx.vm.process_mut(t) else { return badarg() };
            // SAFETY: `r` is a reference just built on the caller's heap.
            let r_there = unsafe { copy::copy_term(r, target_proc) };
            // SAFETY: both references are valid terms of the process recording them.
            unsafe {
                target_proc.monitored_by.push(Monitor { reference: r_there, pid: me, name });
                ctx.proc.monitors.push(Monitor { reference: r, pid: t, name });
            }
        }
        Some(t) if t == me => {
            // Monitoring oneself creates no monitor at all in erts (it could never fire):
            // only the reference comes back, and `demonitor(R, [info])` answers false.
        }
        _ => {
            let noproc = atoms::NOPROC;
            let mut b = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms);
            let item = if name.is_nil() { Ok(a[1]) } else { b.tuple(&[name, atoms::NONODE_AT_NOHOST]) };
            let down =
                item.and_then(|item| b.tuple(&[atoms::DOWN, r, process, item, noproc])).unwrap_or(Term::NIL);
            schedule::send(ctx.vm, ctx.proc, me, down);
        }
    }
    Done(r)
}

fn tuple_elems(t: Term) -> Option<Vec<Term>> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    unsafe { tuple::elements(t) }.map(|e| e.to_vec())
}

fn demonitor_ref(ctx: &mut BifCtx<'_>, r: Term) {
    // SAFETY: `r` is a valid term of the caller.
    let Some(numbers) = (unsafe { reference::ordinary_numbers(r) }) else { return };
    ctx.vm.aliases.monitor_ended(numbers);
    if let Some(monitor) = ctx.proc.monitors.remove(&numbers) {
        if let Some(t) = ctx.vm.process_mut(monitor.pid) {
            t.monitored_by.remove(&numbers);
        }
    }
}

fn demonitor1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: BIF arguments are valid terms.
    if unsafe { reference::ordinary_numbers(a[0]) }.is_none() {
        return badarg();
    }
    demonitor_ref(ctx, a[0]);
    Done(atoms::TRUE)
}

fn demonitor2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: BIF arguments are valid terms.
    if unsafe { reference::ordinary_numbers(a[0]) }.is_none() {
        return badarg();
    }
    let Some(options) = list_elements(a[1]) else { return badarg() };
    let flush = ctx.vm.atoms.intern("flush").unwrap_or(atoms::UNDEFINED);
    let info = ctx.vm.atoms.intern("info").unwrap_or(atoms::UNDEFINED);
    if options.iter().any(|o| *o != flush && *o != info) {
        return badarg();
    }
    // SAFETY: as above.
    let existed =
        unsafe { reference::ordinary_numbers(a[0]) }.is_some_and(|k| ctx.proc.monitors.contains(&k));
    demonitor_ref(ctx, a[0]);
    if options.contains(&flush) {
        let r = a[0];
        ctx.proc.mailbox.remove_where(|m| {
            // SAFETY: mailbox messages are valid terms in their fragments.
            unsafe { tuple::elements(m) }
                .is_some_and(|e| e.len() == 5 && e[0] == atoms::DOWN && schedule::same_reference(e[1], r))
        });
    }
    Done(if options.contains(&info) && !existed { atoms::FALSE } else { atoms::TRUE })
}

fn register(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (name, pid) = (a[0], a[1]);
    if !name.is_atom() || name == atoms::UNDEFINED || !pid.is_local_pid() {
        return badarg();
    }
    let alive = pid == ctx.proc.id || ctx.vm.processes.contains_key(&pid);
    if !alive || ctx.vm.registered.contains_key(&name) || ctx.vm.registered.values().any(|p| *p == pid) {
        return badarg();
    }
    ctx.vm.registered.insert(name, pid);
    Done(atoms::TRUE)
}

fn unregister(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match ctx.vm.registered.remove(&a[0]) {
        Some(_) => Done(atoms::TRUE),
        None => badarg(),
    }
}

fn whereis(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    Done(ctx.vm.registered.get(&a[0]).copied().unwrap_or(atoms::UNDEFINED))
}

fn registered(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let names: Vec<Term> = ctx.vm.registered.keys().copied().collect();
    list::build(ctx.proc, &names, Term::NIL).map_err(|_| Exception::system_limit()).into()
}

fn group_leader0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(ctx.proc.group_leader)
}

fn group_leader2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (leader, pid) = (a[0], a[1]);
    if !leader.is_local_pid() || !pid.is_local_pid() {
        return badarg();
    }
    if pid == ctx.proc.id {
        ctx.proc.group_leader = leader;
    } else if let Some(p) = ctx.vm.process_mut(pid) {
        p.group_leader = leader;
    } else {
        return badarg();
    }
    Done(atoms::TRUE)
}

// ---- the process dictionary ----

fn dict_find(ctx: &BifCtx<'_>, key: Term) -> Option<usize> {
    // SAFETY: dictionary keys and the argument are valid terms of the process.
    ctx.proc
        .dictionary
        .iter()
        .position(|(k, _)| *k == key || unsafe { order::exact_eq(&ctx.vm.atoms, *k, key) })
}

fn put(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match dict_find(ctx, a[0]) {
        Some(i) => Done(core::mem::replace(&mut ctx.proc.dictionary[i].1, a[1])),
        None => {
            ctx.proc.dictionary.push((a[0], a[1]));
            Done(atoms::UNDEFINED)
        }
    }
}

fn get1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Done(dict_find(ctx, a[0]).map_or(atoms::UNDEFINED, |i| ctx.proc.dictionary[i].1))
}

fn get0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let pairs: Vec<(Term, Term)> = ctx.proc.dictionary.clone();
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        match tuple::build(ctx.proc, &[k, v]) {
            Ok(t) => items.push(t),
            Err(_) => return Fail(Exception::system_limit()),
        }
    }
    list::build(ctx.proc, &items, Term::NIL).map_err(|_| Exception::system_limit()).into()
}

fn get_keys0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let keys: Vec<Term> = ctx.proc.dictionary.iter().map(|(k, _)| *k).collect();
    list::build(ctx.proc, &keys, Term::NIL).map_err(|_| Exception::system_limit()).into()
}

fn get_keys1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let atoms = &ctx.vm.atoms;
    // SAFETY: dictionary values and the argument are valid terms of the process.
    let keys: Vec<Term> = ctx
        .proc
        .dictionary
        .iter()
        .filter(|(_, v)| unsafe { order::exact_eq(atoms, *v, a[0]) })
        .map(|(k, _)| *k)
        .collect();
    list::build(ctx.proc, &keys, Term::NIL).map_err(|_| Exception::system_limit()).into()
}

fn erase1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match dict_find(ctx, a[0]) {
        Some(i) => Done(ctx.proc.dictionary.remove(i).1),
        None => Done(atoms::UNDEFINED),
    }
}

fn erase0(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let all = get0(ctx, a);
    ctx.proc.dictionary.clear();
    all
}

// ---- exceptions and apply ----

fn error1(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Fail(Exception::error(a[0]).from_caller())
}

/// `error(Reason, Args)` and `error(Reason, Args, Options)`: the caller's stack frame shows
/// `Args` (or, for `none`, its arity).
fn error2(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let mut e = Exception::error(a[0]);
    e.frame = Frame::Caller(a[1]);
    Fail(e)
}

fn exit1(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Fail(Exception::exit(a[0]).from_caller())
}

fn throw1(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Fail(Exception::throw(a[0]).from_caller())
}

/// `erlang:raise(Class, Reason, Stacktrace)`. Given a bad class or stack trace it does not
/// raise at all: it returns `badarg`, as erts does. The trace the exception carries is
/// `{Class, Stacktrace}`: the raw form with the list already built, which keeps the class for
/// a later re-raise (`raise` after a `try ... after`).
fn raise3(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match Class::from_atom(a[0]) {
        Some(class) if list_elements(a[2]).is_some() => {
            let mut e = Exception::new(class, a[1]);
            match tuple::build(ctx.proc, &[a[0], a[2]]) {
                Ok(trace) => e.stacktrace = Some(trace),
                Err(_) => return Fail(Exception::system_limit()),
            }
            Fail(e)
        }
        _ => Done(atoms::BADARG),
    }
}

fn apply3(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    BifResult::Trap(Trap::Apply { module: a[0], function: a[1], args: a[2] })
}

fn apply2(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    BifResult::Trap(Trap::ApplyFun { fun: a[0], args: a[1] })
}

fn process_flag(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let name = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    match name.as_str() {
        "trap_exit" => {
            let old = ctx.proc.trap_exit;
            ctx.proc.trap_exit = match a[1] {
                t if t == atoms::TRUE => true,
                f if f == atoms::FALSE => false,
                _ => return badarg(),
            };
            Done(if old { atoms::TRUE } else { atoms::FALSE })
        }
        "priority" => Done(ctx.vm.atoms.intern("normal").unwrap_or(atoms::NORMAL)),
        "min_heap_size" | "min_bin_vheap_size" => Done(Term::small(233).unwrap_or(Term::NIL)),
        "message_queue_data" => Done(ctx.vm.atoms.intern("on_heap").unwrap_or(atoms::UNDEFINED)),
        "save_calls" => Done(Term::small(0).unwrap_or(Term::NIL)),
        "sensitive" | "fullsweep_after" => Done(atoms::FALSE),
        _ => badarg(),
    }
}

// ---- halting ----

/// `halt()`, `halt(Status)`, `halt(Status, Options)`: the system stops with that status.
fn halt(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let status = match a.first() {
        None => 0,
        Some(s) => match s.small_value() {
            Some(n) if (0..=255).contains(&n) => n as i32,
            Some(n) if n >= 0 => (n & 0xFF) as i32,
            _ if s.is_atom() && ctx.vm.atoms.text(*s) == Some("abort") => 134,
            _ => match list_elements(*s) {
                Some(chars) => {
                    let text: String = chars
                        .iter()
                        .filter_map(|c| c.small_value().and_then(|v| char::from_u32(v as u32)))
                        .collect();
                    eprintln!("{text}");
                    1
                }
                None => return badarg(),
            },
        },
    };
    ctx.vm.halt = Some(status);
    BifResult::Trap(Trap::Exit(atoms::NORMAL))
}

/// `init:stop()`: an orderly stop with status 0.
fn init_stop(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let status = a.first().and_then(|s| s.small_value()).unwrap_or(0);
    ctx.vm.stopping.get_or_insert(status as i32);
    BifResult::Trap(Trap::Yield(atoms::OK))
}

// ---- time and unique values ----

fn native_nanos(vm: &Vm) -> i64 {
    vm.started.elapsed().as_nanos() as i64
}

fn os_nanos() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64)
}

/// Converts nanoseconds to a time unit (`native` is nanoseconds here, as on Linux erts).
fn in_unit(ctx: &BifCtx<'_>, nanos: i64, unit: Term) -> Option<i64> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    if let Some(per_second) = unsafe { bignum::integer_value(unit) }.filter(|n| *n > 0) {
        return i64::try_from(i128::from(nanos).checked_mul(per_second)? / 1_000_000_000).ok();
    }
    Some(match ctx.vm.atoms.text(unit)? {
        "second" | "seconds" => nanos.div_euclid(1_000_000_000),
        "millisecond" | "milli_seconds" => nanos.div_euclid(1_000_000),
        "microsecond" | "micro_seconds" => nanos.div_euclid(1_000),
        "nanosecond" | "nano_seconds" | "native" | "perf_counter" => nanos,
        _ => return None,
    })
}

/// Monotonic time starts at a large negative value in erts; any origin will do as only
/// differences mean something.
const MONOTONIC_ORIGIN: i64 = -576_460_751_766_103_040;

fn int(ctx: &mut BifCtx<'_>, v: i64) -> BifResult {
    match Term::small(v) {
        Some(t) => Done(t),
        None => TermBuilder::new(ctx.proc, &mut ctx.vm.atoms)
            .integer(i128::from(v))
            .map_err(|_| Exception::system_limit())
            .into(),
    }
}

/// `erlang:monotonic_time()` in nanoseconds (the native unit).
pub(crate) fn monotonic_nanos(vm: &Vm) -> i64 {
    MONOTONIC_ORIGIN + native_nanos(vm)
}

fn monotonic_time0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let v = monotonic_nanos(ctx.vm);
    int(ctx, v)
}

fn monotonic_time1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match in_unit(ctx, MONOTONIC_ORIGIN + native_nanos(ctx.vm), a[0]) {
        Some(v) => int(ctx, v),
        None => badarg(),
    }
}

fn system_time0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    int(ctx, os_nanos())
}

fn system_time1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    match in_unit(ctx, os_nanos(), a[0]) {
        Some(v) => int(ctx, v),
        None => badarg(),
    }
}

fn time_offset0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let v = os_nanos() - (MONOTONIC_ORIGIN + native_nanos(ctx.vm));
    int(ctx, v)
}

fn convert_time_unit(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: BIF arguments are valid terms of the calling process.
    let Some(v) = (unsafe { bignum::integer_value(a[0]) }) else { return badarg() };
    let Some(from) = in_unit(ctx, 1_000_000_000, a[1]) else { return badarg() };
    let Some(to) = in_unit(ctx, 1_000_000_000, a[2]) else { return badarg() };
    let Some(r) = v.checked_mul(i128::from(to)).map(|p| p.div_euclid(i128::from(from.max(1)))) else {
        return badarg();
    };
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms).integer(r).map_err(|_| Exception::system_limit()).into()
}

/// `{MegaSecs, Secs, MicroSecs}` of the OS clock.
fn timestamp(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let micros = os_nanos() / 1000;
    let (mega, secs, us) = (micros / 1_000_000_000_000, (micros / 1_000_000) % 1_000_000, micros % 1_000_000);
    let t = [mega, secs, us].map(|v| Term::small(v).unwrap_or(Term::NIL));
    tuple::build(ctx.proc, &t).map_err(|_| Exception::system_limit()).into()
}

fn unique_integer0(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let v = ctx.vm.next_unique() as i64 - 576_460_752_303_423_488;
    int(ctx, v)
}

fn unique_integer1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(options) = list_elements(a[0]) else { return badarg() };
    let mut positive = false;
    for o in options {
        match ctx.vm.atoms.text(o) {
            Some("positive") => positive = true,
            Some("monotonic") => {}
            _ => return badarg(),
        }
    }
    let n = ctx.vm.next_unique() as i64;
    let v = if positive { n } else { n - 576_460_752_303_423_488 };
    int(ctx, v)
}

fn garbage_collect(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::TRUE)
}

fn nif_error(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    Fail(Exception::error(a[0]))
}

fn yield_(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    BifResult::Trap(Trap::Yield(atoms::TRUE))
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "spawn", arity: 3, f: spawn3 },
    Bif { module: "erlang", name: "spawn", arity: 1, f: spawn1 },
    Bif { module: "erlang", name: "self", arity: 0, f: self_ },
    Bif { module: "erlang", name: "node", arity: 0, f: node },
    Bif { module: "erlang", name: "node", arity: 1, f: node1 },
    Bif { module: "erlang", name: "nodes", arity: 0, f: nodes },
    Bif { module: "erlang", name: "is_alive", arity: 0, f: is_alive },
    Bif { module: "erlang", name: "get_cookie", arity: 0, f: get_cookie },
    Bif { module: "erlang", name: "make_ref", arity: 0, f: make_ref },
    Bif { module: "erlang", name: "send", arity: 2, f: send },
    Bif { module: "erlang", name: "!", arity: 2, f: send },
    Bif { module: "erlang", name: "send", arity: 3, f: send3 },
    Bif { module: "erlang", name: "is_process_alive", arity: 1, f: is_process_alive },
    Bif { module: "erlang", name: "monitor", arity: 2, f: monitor },
    Bif { module: "erlang", name: "demonitor", arity: 1, f: demonitor1 },
    Bif { module: "erlang", name: "demonitor", arity: 2, f: demonitor2 },
    Bif { module: "erlang", name: "register", arity: 2, f: register },
    Bif { module: "erlang", name: "unregister", arity: 1, f: unregister },
    Bif { module: "erlang", name: "whereis", arity: 1, f: whereis },
    Bif { module: "erlang", name: "registered", arity: 0, f: registered },
    Bif { module: "erlang", name: "group_leader", arity: 0, f: group_leader0 },
    Bif { module: "erlang", name: "group_leader", arity: 2, f: group_leader2 },
    Bif { module: "erlang", name: "put", arity: 2, f: put },
    Bif { module: "erlang", name: "get", arity: 1, f: get1 },
    Bif { module: "erlang", name: "get", arity: 0, f: get0 },
    Bif { module: "erlang", name: "get_keys", arity: 0, f: get_keys0 },
    Bif { module: "erlang", name: "get_keys", arity: 1, f: get_keys1 },
    Bif { module: "erlang", name: "erase", arity: 1, f: erase1 },
    Bif { module: "erlang", name: "erase", arity: 0, f: erase0 },
    Bif { module: "erlang", name: "error", arity: 1, f: error1 },
    Bif { module: "erlang", name: "error", arity: 2, f: error2 },
    Bif { module: "erlang", name: "error", arity: 3, f: error2 },
    Bif { module: "erlang", name: "exit", arity: 1, f: exit1 },
    Bif { module: "erlang", name: "throw", arity: 1, f: throw1 },
    Bif { module: "erlang", name: "raise", arity: 3, f: raise3 },
    Bif { module: "erlang", name: "apply", arity: 3, f: apply3 },
    Bif { module: "erlang", name: "apply", arity: 2, f: apply2 },
    Bif { module: "erlang", name: "process_flag", arity: 2, f: process_flag },
    Bif { module: "erlang", name: "halt", arity: 0, f: halt },
    Bif { module: "erlang", name: "halt", arity: 1, f: halt },
    Bif { module: "erlang", name: "halt", arity: 2, f: halt },
    Bif { module: "init", name: "stop", arity: 0, f: init_stop },
    Bif { module: "init", name: "stop", arity: 1, f: init_stop },
    Bif { module: "erlang", name: "monotonic_time", arity: 0, f: monotonic_time0 },
    Bif { module: "erlang", name: "monotonic_time", arity: 1, f: monotonic_time1 },
    Bif { module: "erlang", name: "system_time", arity: 0, f: system_time0 },
    Bif { module: "erlang", name: "system_time", arity: 1, f: system_time1 },
    Bif { module: "os", name: "system_time", arity: 0, f: system_time0 },
    Bif { module: "os", name: "system_time", arity: 1, f: system_time1 },
    Bif { module: "erlang", name: "time_offset", arity: 0, f: time_offset0 },
    Bif { module: "erlang", name: "convert_time_unit", arity: 3, f: convert_time_unit },
    Bif { module: "erlang", name: "timestamp", arity: 0, f: timestamp },
    Bif { module: "os", name: "timestamp", arity: 0, f: timestamp },
    Bif { module: "erlang", name: "now", arity: 0, f: timestamp },
    Bif { module: "erlang", name: "unique_integer", arity: 0, f: unique_integer0 },
    Bif { module: "erlang", name: "unique_integer", arity: 1, f: unique_integer1 },
    Bif { module: "erlang", name: "garbage_collect", arity: 0, f: garbage_collect },
    Bif { module: "erlang", name: "nif_error", arity: 1, f: nif_error },
    Bif { module: "erlang", name: "nif_error", arity: 2, f: nif_error },
    Bif { module: "erlang", name: "yield", arity: 0, f: yield_ },
];
