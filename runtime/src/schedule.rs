//! The scheduler loop: one per scheduler thread (one thread for now), running processes from
//! the run queue through an [`Executor`] (the interpreter today, a JIT trampoline later),
//! firing receive timeouts, and ending processes: monitors get their `'DOWN'` messages and
//! a crash is reported on stderr as erl reports it.
//!
//! Processes whose behaviour is Rust code ([`Native`], the group leader for instance) are run
//! by the loop itself: each message they receive is handed to their handler.

use std::io::Write;
use std::time::Instant;

use crate::Heap;
use crate::atoms;
use crate::copy;
use crate::mailbox::Message;
pub use crate::native::Native;
use crate::process::{Monitor, Process};
use crate::scheduler::SchedulerRegisters;
use crate::term::reference::REF_NUMBERS;
use crate::term::{Term, TermBuilder};
use crate::vm::Vm;

/// How a time slice ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Reductions used up (or a BIF asked for the scheduler): run again later.
    Yield,
    /// Waiting for a message or a timeout.
    Wait,
    /// The process ended with this reason.
    Exit(Term),
}

/// Runs Erlang code: the interpreter implements it (and, later, the JIT).
pub trait Executor {
    fn run(&self, vm: &mut Vm, proc: &mut Process, regs: &mut SchedulerRegisters) -> Outcome;
}

/// Sends `message` (a term anywhere: it is copied) to `to`, a pid. Messages to processes that
/// do not exist are dropped, as in Erlang.
pub fn send(vm: &mut Vm, sender: &mut Process, to: Term, message: Term) {
    // SAFETY: `message` is a valid term of the sender (or an immediate).
    let msg = unsafe { copy::copy_to_fragment(message) };
    deliver(vm, sender, to, msg);
}

/// Where a message sent to a destination goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// To this process (which may have ended: the message is then dropped).
    To(Term),
    /// Nowhere: an alias no longer active, or a `{Name, Node}` naming no process here, drops
    /// its messages silently.
    Dropped,
    /// Not a destination: a name nobody registered, or not a pid, name or reference
    /// (`badarg`, as erl).
    Invalid,
}

/// Where a message sent to `to` goes: a pid as it is, a registered name (alone or as
/// `{Name, Node}`) to its process, an alias to its owner while active.
pub fn destination(vm: &mut Vm, sender: &mut Process, to: Term) -> Route {
    if to.is_local_pid() {
        return Route::To(to);
    }
    if to.is_atom() {
        return vm.registered.get(&to).map_or(Route::Invalid, |&pid| Route::To(pid));
    }
    // SAFETY: `to` is a valid term of the sender.
    if let Some(&[name, node]) = unsafe { crate::term::tuple::elements(to) } {
        return registered_at(vm, name, node);
    }
    // SAFETY: `to` is a valid term of the sender.
    let Some(numbers) = (unsafe { crate::term::reference::ordinary_numbers(to) }) else {
        return Route::Invalid;
    };
    let Some((owner, end_monitor)) = vm.aliases.route(numbers) else { return Route::Dropped };
    if end_monitor {
        drop_monitor(vm, sender, owner, numbers);
    }
    Route::To(owner)
}

/// Where `{Name, Node} ! Msg` goes: as erl without distribution, a name not registered here
/// or another node drops the message silently (only a bare unregistered name is `badarg`).
fn registered_at(vm: &Vm, name: Term, node: Term) -> Route {
    if !name.is_atom() || !node.is_atom() {
        return Route::Invalid;
    }
    match vm.registered.get(&name) {
        Some(&pid) if node == atoms::NONODE_AT_NOHOST => Route::To(pid),
        _ => Route::Dropped,
    }
}

/// Removes the monitor with reference `numbers` held by `watcher` (possibly the running
/// process `running`), at both ends.
pub fn drop_monitor(vm: &mut Vm, running: &mut Process, watcher: Term, numbers: [u32; REF_NUMBERS]) {
    let target = {
        let owner = if watcher == running.id { Some(&mut *running) } else { vm.process_mut(watcher) };
        let Some(owner) = owner else { return };
        let Some(monitor) = owner.monitors.remove(&numbers) else { return };
        monitor.pid
    };
    let target = if target == running.id { Some(running) } else { vm.process_mut(target) };
    if let Some(t) = target {
        t.monitored_by.remove(&numbers);
    }
}

/// Delivers an already copied message.
pub fn deliver(vm: &mut Vm, sender: &mut Process, to: Term, msg: Message) {
    if to == sender.id {
        sender.mailbox.push(msg);
        return;
    }
    if let Some(p) = vm.process_mut(to) {
        p.mailbox.push(msg);
        vm.wake(to);
    }
}

/// Sends a message built by `build` from a scratch heap (for the runtime's own messages).
pub fn send_built(
    vm: &mut Vm,
    to: Term,
    words: usize,
    build: impl FnOnce(&mut TermBuilder<'_, Heap>) -> Term,
) {
    let msg = build_message(vm, words, build);
    if let Some(p) = vm.process_mut(to) {
        p.mailbox.push(msg);
        vm.wake(to);
    }
}

/// A message built by `build` on a scratch heap of `words` words, copied into a fragment.
pub fn build_message(
    vm: &mut Vm,
    words: usize,
    build: impl FnOnce(&mut TermBuilder<'_, Heap>) -> Term,
) -> Message {
    let mut heap = Heap::with_capacity(words);
    let term = {
        let mut b = TermBuilder::new(&mut heap, &mut vm.atoms);
        build(&mut b)
    };
    // SAFETY: `term` lives in `heap`, alive until the copy is made.
    unsafe { copy::copy_to_fragment(term) }
}

/// Runs processes until the VM halts or nothing can run any more. Returns the exit status.
pub fn run(vm: &mut Vm, executor: &dyn Executor) -> i32 {
    let mut regs = SchedulerRegisters::new_boxed();
    loop {
        if let Some(status) = vm.halt {
            return status;
        }
        crate::signals::deliver_pending(vm);
        fire_timers(vm);
        let Some(pid) = vm.run_queue.pop_front() else {
            if let Some(status) = vm.stopping {
                return status;
            }
            let receive_timeout = vm.timers.peek().map(|core::cmp::Reverse(t)| t.at);
            let next = match (receive_timeout, vm.message_timers.next_due()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            match next {
                Some(at) => {
                    let now = Instant::now();
                    if at > now {
                        std::thread::sleep(at - now);
                    }
                    continue;
                }
                None => {
                    let _ = writeln!(
                        std::io::stderr(),
                        "rbeam: every process is waiting and nothing can wake them"
                    );
                    return 1;
                }
            }
        };
        let Some(mut proc) = vm.processes.remove(&pid) else { continue };
        if let Some(mut native) = proc.native.take() {
            while let Some(message) = proc.mailbox.take() {
                native.handle(vm, &mut proc, message);
            }
            proc.native = Some(native);
            proc.waiting = true;
            vm.processes.insert(pid, proc);
            continue;
        }
        match executor.run(vm, &mut proc, &mut regs) {
            Outcome::Yield => {
                vm.processes.insert(pid, proc);
                vm.run_queue.push_back(pid);
            }
            Outcome::Wait => {
                // A receive waits only after looking at every message already queued: it is
                // woken by the next one to arrive (`Vm::wake`) or by its timer.
                proc.waiting = true;
                vm.processes.insert(pid, proc);
            }
            Outcome::Exit(reason) => exit_process(vm, proc, reason),
        }
    }
}

/// Wakes processes whose receive timeout has passed and delivers the messages of due message
/// timers (to a registered name as it is registered now; a timer whose receiver is gone is
/// dropped, as erts cancels it).
fn fire_timers(vm: &mut Vm) {
    let now = Instant::now();
    while let Some(timer) = vm.message_timers.pop_due(now) {
        let to = if timer.to.is_atom() { vm.registered.get(&timer.to).copied() } else { Some(timer.to) };
        if let Some(p) = to.and_then(|pid| vm.process_mut(pid)) {
            let pid = p.id;
            p.mailbox.push(timer.message);
            vm.wake(pid);
        }
    }
    while let Some(core::cmp::Reverse(t)) = vm.timers.peek().copied() {
        if t.at > now {
            break;
        }
        vm.timers.pop();
        if let Some(p) = vm.process_mut(t.pid) {
            if p.timer_seq == t.seq && p.timeout_at.is_some() {
                p.timed_out = true;
                p.timeout_at = None;
                vm.wake(t.pid);
            }
        }
    }
}

/// Ends a process: its links and monitors fire, its crash (if it crashed) is reported, a native
/// process waiting for its result gets it.
pub fn exit_process(vm: &mut Vm, mut proc: Box<Process>, reason: Term) {
    let pid = proc.id;
    proc.exit_reason = reason;
    if let Some((to, tag)) = proc.reply_result_to {
        let (status, value) =
            if reason == atoms::NORMAL { (atoms::OK, proc.result) } else { (atoms::ERROR, reason) };
        // SAFETY: `value` and `tag` are terms of `proc` (or immediates), alive here.
        let words = unsafe { copy::size_of(value) + copy::size_of(tag) } + 6;
        send_built(vm, to, words, |b| {
            // SAFETY: as above; the builder's heap has room for both copies and two pairs.
            let (v, t) = unsafe { (copy::copy_term(value, b.alloc()), copy::copy_term(tag, b.alloc())) };
            let inner = b.tuple(&[status, v]).unwrap_or(Term::NIL);
            b.tuple(&[t, inner]).unwrap_or(Term::NIL)
        });
    }
    // Links first, then monitors, as erts: a process both linked and monitoring gets the
    // exit signal before the 'DOWN' message.
    for linked in proc.links.take() {
        crate::signals::send_exit(vm, pid, linked, reason, true);
    }
    for Monitor { reference, pid: watcher, name } in proc.monitored_by.take() {
        // The monitor ends with its 'DOWN' message, and so does an alias tied to it.
        // SAFETY: monitor lists hold valid references.
        if let Some(numbers) = unsafe { crate::term::reference::ordinary_numbers(reference) } {
            vm.aliases.monitor_ended(numbers);
            if let Some(w) = vm.process_mut(watcher) {
                w.monitors.remove(&numbers);
            }
        }
        // SAFETY: the reference and reason are terms of `proc`, alive here.
        let words = unsafe { copy::size_of(reference) + copy::size_of(reason) } + 9;
        let down = build_message(vm, words, |b| {
            // SAFETY: as above.
            let (r, why) =
                unsafe { (copy::copy_term(reference, b.alloc()), copy::copy_term(reason, b.alloc())) };
            let process = b.atom("process").unwrap_or(atoms::UNDEFINED);
            let object = if name.is_nil() {
                pid
            } else {
                b.tuple(&[name, atoms::NONODE_AT_NOHOST]).unwrap_or(Term::NIL)
            };
            b.tuple(&[atoms::DOWN, r, process, object, why]).unwrap_or(Term::NIL)
        });
        crate::signals::send_message(vm, pid, watcher, down);
    }
    for monitor in proc.monitors.take() {
        // SAFETY: monitor lists hold valid references.
        let key = unsafe { crate::term::reference::ordinary_numbers(monitor.reference) };
        if let (Some(key), Some(t)) = (key, vm.process_mut(monitor.pid)) {
            t.monitored_by.remove(&key);
        }
    }
    vm.registered.retain(|_, p| *p != pid);
    vm.aliases.owner_exited(pid);
    if proc.boot {
        report_boot_crash(vm, reason);
    } else if reason != atoms::NORMAL && proc.exit_class_error && proc.reply_result_to.is_none() {
        crate::crash_report::report(vm, &proc, reason);
    }
}

/// Whether two reference terms are the same reference.
pub fn same_reference(a: Term, b: Term) -> bool {
    // SAFETY: monitor lists only hold references, valid terms of their owners.
    unsafe {
        a == b || crate::term::reference::ordinary_numbers(a) == crate::term::reference::ordinary_numbers(b)
    }
}

/// erl's report when the boot sequence (`-s`/`-run` functions) fails, in `erlang:display`'s
/// syntax as erl prints it; the system then halts with status 1.
fn report_boot_crash(vm: &mut Vm, reason: Term) {
    if reason == atoms::NORMAL {
        return;
    }
    if let Some(text) = crate::bif::display::to_string_lossy(&vm.atoms, reason) {
        let _ = writeln!(
            std::io::stderr(),
            "{{\"init terminating in do_boot\",{text}}}\ninit terminating in do_boot ({text})"
        );
    }
    vm.halt.get_or_insert(1);
}
