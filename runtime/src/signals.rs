//! Signals: the exit signals `exit/2` sends, the ones a dying process sends along its links,
//! and the `'DOWN'` messages of its monitors.
//!
//! A signal is queued on the VM ([`Vm::signals`]) with a copy of its reason and delivered by
//! the scheduler loop between time slices, when every process is in the process table: the
//! sender never touches the receiver's state while it runs. The sending BIF yields right
//! after queueing, so nothing the sender does later (a message to the same process above
//! all) can overtake the signal: signals between a pair of processes arrive in send order.
//! A dying process's `'DOWN'` messages go through the same queue, after its link signals,
//! so that a process both linked and monitoring gets `{'EXIT', ...}` before `'DOWN'`, as
//! from erts (which handles links before monitors when a process exits).
//!
//! What a signal does follows erl: `kill` from `exit/2` ends the receiver with `killed`
//! whatever it does; a receiver trapping exits gets `{'EXIT', From, Reason}` instead; `normal`
//! is ignored unless the process sent it to itself; any other reason ends the receiver with
//! that reason. A link signal arrives only while the link still exists (`unlink/1` cancels
//! the signals in flight), and `kill` through a link is an ordinary reason.

use crate::atoms;
use crate::copy;
use crate::mailbox::Message;
use crate::schedule;
use crate::term::Term;
use crate::vm::Vm;

/// What a queued signal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An exit signal sent by `exit/2`.
    Exit,
    /// An exit signal sent because `from` died while linked to `to`.
    Link,
    /// A ready-made message (a `'DOWN'`), queued to keep its place among `from`'s signals.
    Message,
}

/// A signal on its way.
#[derive(Debug)]
pub struct Signal {
    pub from: Term,
    pub to: Term,
    /// The exit reason (or the whole message), copied out of the sender.
    pub payload: Message,
    pub kind: Kind,
}

/// Queues an exit signal with reason `reason` (a valid term anywhere: it is copied); `link`
/// says it comes from `from`'s death along a link rather than from `exit/2`.
pub fn send_exit(vm: &mut Vm, from: Term, to: Term, reason: Term, link: bool) {
    // SAFETY: `reason` is a valid term (caller).
    let payload = unsafe { copy::copy_to_fragment(reason) };
    let kind = if link { Kind::Link } else { Kind::Exit };
    vm.signals.push_back(Signal { from, to, payload, kind });
}

/// Queues `message`, already copied, from `from` to `to` behind `from`'s earlier signals.
pub fn send_message(vm: &mut Vm, from: Term, to: Term, message: Message) {
    vm.signals.push_back(Signal { from, to, payload: message, kind: Kind::Message });
}

/// Delivers every queued signal, including those sent by the processes the signals end.
pub fn deliver_pending(vm: &mut Vm) {
    while let Some(signal) = vm.signals.pop_front() {
        deliver(vm, signal);
    }
}

fn deliver(vm: &mut Vm, signal: Signal) {
    let Signal { from, to, payload: reason, kind } = signal;
    let Some(target) = vm.process_mut(to) else { return };
    if kind == Kind::Message {
        target.mailbox.push(reason);
        vm.wake(to);
        return;
    }
    let link = kind == Kind::Link;
    if link && !target.links.remove(from) {
        return;
    }
    let why = reason.term;
    if !link && why == atoms::KILL {
        end(vm, to, atoms::KILLED);
    } else if target.trap_exit {
        // SAFETY: `why` lives in the signal's fragment, alive until this function returns.
        let words = unsafe { copy::size_of(why) } + 4;
        schedule::send_built(vm, to, words, |b| {
            // SAFETY: as above; the builder's heap has room for the copy and the tuple.
            let why = unsafe { copy::copy_term(why, b.alloc()) };
            b.tuple(&[atoms::EXIT_SIGNAL, from, why]).unwrap_or(Term::NIL)
        });
    } else if why != atoms::NORMAL || (!link && from == to) {
        end(vm, to, why);
    }
}

/// Ends process `pid` (not running) with `reason`, a term that stays alive meanwhile.
fn end(vm: &mut Vm, pid: Term, reason: Term) {
    if let Some(process) = vm.processes.remove(&pid) {
        schedule::exit_process(vm, process, reason);
    }
}
