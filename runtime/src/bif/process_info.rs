//! `process_info/1,2`: what a process is doing, read from its process structure.
//!
//! The target is read into a [`Snapshot`] first (the caller may be the target itself), then
//! the answer is built on the caller's heap. Terms of another process (messages, dictionary)
//! are copied; so are the caller's own messages, which live in fragments the caller may
//! free when it receives them.

use super::process::list_elements;
use super::{Bif, BifCtx, BifResult};
use crate::dispatch::Mfa;
use crate::exception::Exception;
use crate::process::Process;
use crate::term::{BuildError, Term, TermBuilder};
use crate::vm::DEFAULT_PROCESS_WORDS;
use crate::{atoms, copy};

use BifResult::{Err as Fail, Ok as Done};

/// The items `process_info/1` reports, in erl's order (`registered_name` first when the
/// process has one).
const DEFAULT_ITEMS: &[&str] = &[
    "current_function",
    "initial_call",
    "status",
    "message_queue_len",
    "links",
    "dictionary",
    "trap_exit",
    "error_handler",
    "priority",
    "group_leader",
    "total_heap_size",
    "heap_size",
    "stack_size",
    "reductions",
    "garbage_collection",
    "suspending",
];

/// The items only `process_info/2` reports.
const OTHER_ITEMS: &[&str] =
    &["registered_name", "messages", "monitors", "monitored_by", "memory", "current_stacktrace"];

/// Frames `current_stacktrace` reports at most (erts' default `backtrace_depth`).
const STACKTRACE_DEPTH: usize = 8;

/// A frame of `current_stacktrace`: the function and, when known, its file and line.
type StackFrame = (Mfa, Option<(String, u32)>);

/// What `process_info` reads of the target.
struct Snapshot {
    registered: Option<Term>,
    current: Option<Mfa>,
    initial: Mfa,
    status: &'static str,
    messages: Vec<Term>,
    links: Vec<Term>,
    monitors: Vec<(Term, Term)>,
    monitored_by: Vec<Term>,
    dictionary: Vec<(Term, Term)>,
    trap_exit: bool,
    group_leader: Term,
    heap_size: usize,
    total_heap_size: usize,
    stack_size: usize,
    reductions: u64,
    minor_gcs: u32,
    /// Filled only when `current_stacktrace` is asked for.
    stack: Vec<StackFrame>,
}

/// The function at `address` and the source location of `at` (the call before a CP).
fn frame_at(ctx: &BifCtx<'_>, address: usize, at: usize) -> Option<StackFrame> {
    let module = ctx.vm.modules.module_at(address)?;
    let mfa = module.mfa_at(address)?;
    let location = module.location_at(at).map(|loc| (module.file_name(loc).to_string(), loc.line));
    Some((mfa, location))
}

/// The frames of `p`'s stack, innermost first: the function it is in (for the caller, the
/// one calling the BIF, whose position is the call itself, as erts reports it), then the
/// continuation pointers' functions.
fn stack_frames(ctx: &BifCtx<'_>, p: &Process) -> Vec<StackFrame> {
    let mut frames = Vec::new();
    if p.native.is_none() {
        frames.extend(frame_at(ctx, p.i as usize, p.i as usize));
    }
    let mut slot = p.stop;
    while slot < p.hend && frames.len() < STACKTRACE_DEPTH {
        // SAFETY: `stop..hend` is the target's stack, which does not change during the BIF.
        let word = Term::from_raw(unsafe { slot.read() });
        if word.is_cp() {
            let cp = word.raw();
            frames.extend(frame_at(ctx, cp, cp.saturating_sub(1)));
        }
        slot = slot.wrapping_add(1);
    }
    frames
}

/// `erlang:hibernate/3`, where a hibernating process is (its atoms exist: the BIF's table
/// interned them).
fn hibernate_mfa(ctx: &BifCtx<'_>) -> Option<Mfa> {
    let function = ctx.vm.atoms.lookup("hibernate")?;
    Some(Mfa { module: atoms::ERLANG, function, arity: 3 })
}

fn snapshot(ctx: &BifCtx<'_>, p: &Process, running: bool, with_stack: bool) -> Snapshot {
    let current = if p.native.is_some() {
        Some(p.initial_call)
    } else if p.i as usize == ctx.vm.hibernate_stub {
        hibernate_mfa(ctx)
    } else {
        ctx.vm.modules.module_at(p.i as usize).and_then(|m| m.mfa_at(p.i as usize))
    };
    let old = p.old_heap.as_ref().map_or(0, |o| o.end() as usize - o.start() as usize)
        / core::mem::size_of::<usize>();
    Snapshot {
        registered: ctx.vm.registered.iter().find(|(_, pid)| **pid == p.id).map(|(name, _)| *name),
        current,
        initial: p.initial_call,
        status: if running {
            "running"
        } else if p.waiting {
            "waiting"
        } else {
            "runnable"
        },
        messages: p.mailbox.terms().collect(),
        links: p.links.as_slice().to_vec(),
        monitors: p.monitors.iter().map(|m| (m.pid, m.name)).collect(),
        monitored_by: p.monitored_by.iter().map(|m| m.pid).collect(),
        dictionary: p.dictionary.clone(),
        trap_exit: p.trap_exit,
        group_leader: p.group_leader,
        heap_size: p.block_words(),
        total_heap_size: p.block_words() + old + p.fragment_words(),
        stack_size: p.stack_words_used(),
        reductions: p.reductions,
        minor_gcs: p.minor_gcs,
        stack: if with_stack { stack_frames(ctx, p) } else { Vec::new() },
    }
}

fn small(v: impl TryInto<i64>) -> Term {
    v.try_into().ok().and_then(Term::small).unwrap_or(atoms::UNDEFINED)
}

fn boolean(b: bool) -> Term {
    if b { atoms::TRUE } else { atoms::FALSE }
}

fn mfa(b: &mut TermBuilder<'_, Process>, m: Mfa) -> Result<Term, BuildError> {
    b.tuple(&[m.module, m.function, small(m.arity)])
}

/// The value of item `name` (one of [`DEFAULT_ITEMS`] or [`OTHER_ITEMS`]).
fn value(b: &mut TermBuilder<'_, Process>, s: &Snapshot, name: &str) -> Result<Term, BuildError> {
    Ok(match name {
        "registered_name" => s.registered.unwrap_or(Term::NIL),
        "current_function" => match s.current {
            Some(m) => mfa(b, m)?,
            None => atoms::UNDEFINED,
        },
        "initial_call" => mfa(b, s.initial)?,
        "status" => b.atom(s.status)?,
        "message_queue_len" => small(s.messages.len()),
        "messages" => {
            // SAFETY: the messages are valid terms in their fragments, alive during the BIF.
            let copies: Vec<Term> =
                s.messages.iter().map(|&m| unsafe { copy::copy_term(m, b.alloc()) }).collect();
            b.list(&copies)?
        }
        "links" => b.list(&s.links)?,
        "monitors" => {
            let process = b.atom("process")?;
            let mut items = Vec::with_capacity(s.monitors.len());
            for &(pid, name) in &s.monitors {
                let object = if name.is_nil() { pid } else { b.tuple(&[name, atoms::NONODE_AT_NOHOST])? };
                items.push(b.tuple(&[process, object])?);
            }
            b.list(&items)?
        }
        "monitored_by" => b.list(&s.monitored_by)?,
        "dictionary" => {
            let mut items = Vec::with_capacity(s.dictionary.len());
            for &(k, v) in &s.dictionary {
                // SAFETY: dictionary entries are valid terms of the target, which does not
                // run (or is the caller) during the BIF.
                let (k, v) = unsafe { (copy::copy_term(k, b.alloc()), copy::copy_term(v, b.alloc())) };
                items.push(b.tuple(&[k, v])?);
            }
            b.list(&items)?
        }
        "trap_exit" => boolean(s.trap_exit),
        "error_handler" => b.atom("error_handler")?,
        "priority" => atoms::NORMAL,
        "group_leader" => s.group_leader,
        "total_heap_size" => small(s.total_heap_size),
        "heap_size" => small(s.heap_size),
        "stack_size" => small(s.stack_size),
        "reductions" => small(s.reductions),
        "memory" => small(s.total_heap_size * core::mem::size_of::<usize>()),
        "suspending" => Term::NIL,
        "current_stacktrace" => {
            let mut frames = Vec::with_capacity(s.stack.len());
            for (m, location) in &s.stack {
                let location = match location {
                    Some((file, line)) => {
                        let (file_key, line_key) = (b.atom("file")?, b.atom("line")?);
                        let name = b.string(file)?;
                        let f = b.tuple(&[file_key, name])?;
                        let l = b.tuple(&[line_key, small(*line)])?;
                        b.list(&[f, l])?
                    }
                    None => Term::NIL,
                };
                frames.push(b.tuple(&[m.module, m.function, small(m.arity), location])?);
            }
            b.list(&frames)?
        }
        "garbage_collection" => {
            let (min_heap, min_bin, fullsweep, minor) = (
                b.atom("min_heap_size")?,
                b.atom("min_bin_vheap_size")?,
                b.atom("fullsweep_after")?,
                b.atom("minor_gcs")?,
            );
            let (max_heap, logger, kill, size) =
                (b.atom("max_heap_size")?, b.atom("error_logger")?, b.atom("kill")?, b.atom("size")?);
            let limits = [(logger, atoms::TRUE), (kill, atoms::TRUE), (size, small(0))];
            let (alloc, atom_table) = b.parts();
            // SAFETY: the pairs are atoms and small integers.
            let limits = unsafe { crate::map::from_pairs_in(alloc, atom_table, &limits) }?;
            let items = [
                b.tuple(&[max_heap, limits])?,
                b.tuple(&[min_bin, small(46_422)])?,
                b.tuple(&[min_heap, small(DEFAULT_PROCESS_WORDS)])?,
                b.tuple(&[fullsweep, small(65_535)])?,
                b.tuple(&[minor, small(s.minor_gcs)])?,
            ];
            b.list(&items)?
        }
        _ => atoms::UNDEFINED,
    })
}

/// `{Name, Value}` for one item.
fn item(b: &mut TermBuilder<'_, Process>, s: &Snapshot, name: &str) -> Result<Term, BuildError> {
    let value = value(b, s, name)?;
    let key = b.atom(name)?;
    b.tuple(&[key, value])
}

/// The snapshot of `pid`, or `None` if no such process exists.
fn target(ctx: &BifCtx<'_>, pid: Term, with_stack: bool) -> Option<Snapshot> {
    if pid == ctx.proc.id {
        Some(snapshot(ctx, ctx.proc, true, with_stack))
    } else {
        ctx.vm.processes.get(&pid).map(|p| snapshot(ctx, p, false, with_stack))
    }
}

fn process_info1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_local_pid() {
        return Fail(Exception::badarg());
    }
    let Some(s) = target(ctx, a[0], false) else { return Done(atoms::UNDEFINED) };
    let names =
        s.registered.is_some().then_some("registered_name").into_iter().chain(DEFAULT_ITEMS.iter().copied());
    let mut b = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms);
    let result: Result<Term, BuildError> = (|| {
        let items = names.map(|n| item(&mut b, &s, n)).collect::<Result<Vec<_>, _>>()?;
        b.list(&items)
    })();
    result.map_err(|_| Exception::system_limit()).into()
}

/// `process_info(Pid, Item)` and `process_info(Pid, [Item])`. A single `registered_name` of
/// an unregistered process is `[]`, as in erl.
fn process_info2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (pid, spec) = (a[0], a[1]);
    if !pid.is_local_pid() {
        return Fail(Exception::badarg());
    }
    let single = spec.is_atom();
    let Some(specs) = (if single { Some(vec![spec]) } else { list_elements(spec) }) else {
        return Fail(Exception::badarg());
    };
    let mut names = Vec::with_capacity(specs.len());
    for t in specs {
        let known = |n: &str| DEFAULT_ITEMS.iter().chain(OTHER_ITEMS).copied().find(|i| *i == n);
        match ctx.vm.atoms.text(t).and_then(known) {
            Some(n) => names.push(n),
            None => return Fail(Exception::badarg()),
        }
    }
    let Some(s) = target(ctx, pid, names.contains(&"current_stacktrace")) else {
        return Done(atoms::UNDEFINED);
    };
    if single && names[0] == "registered_name" && s.registered.is_none() {
        return Done(Term::NIL);
    }
    let mut b = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms);
    let result: Result<Term, BuildError> = (|| {
        let items = names.iter().map(|n| item(&mut b, &s, n)).collect::<Result<Vec<_>, _>>()?;
        if single { Ok(items[0]) } else { b.list(&items) }
    })();
    result.map_err(|_| Exception::system_limit()).into()
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "process_info", arity: 1, f: process_info1 },
    Bif { module: "erlang", name: "process_info", arity: 2, f: process_info2 },
];
