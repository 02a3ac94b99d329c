//! Exit signals: the ones `exit/2` sends and the ones a dying process sends along its links.
//!
//! A signal is queued on the VM ([`Vm::signals`]) with a copy of its reason and delivered by
//! the scheduler loop between time slices, when every process is in the process table: the
//! sender never touches the receiver's state while it runs. The sending BIF yields right
//! after queueing, so nothing the sender does later (a message to the same process above
//! all) can overtake the signal: signals between a pair of processes arrive in send order.
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

/// An exit signal on its way.
#[derive(Debug)]
pub struct ExitSignal {
    pub from: Term,
    pub to: Term,
    /// The reason, copied out of the sender.
    pub reason: Message,
    /// Sent because `from` died while linked to `to` (else by `exit/2`).
    pub link: bool,
}

/// Queues an exit signal with reason `reason` (a valid term anywhere: it is copied).
pub fn send_exit(vm: &mut Vm, from: Term, to: Term, reason: Term, link: bool) {
    // SAFETY: `reason` is a valid term (caller).
    let reason = unsafe { copy::copy_to_fragment(reason) };
    vm.signals.push_back(ExitSignal { from, to, reason, link });
}

/// Delivers every queued signal, including those sent by the processes the signals end.
pub fn deliver_pending(vm: &mut Vm) {
    while let Some(signal) = vm.signals.pop_front() {
        deliver(vm, signal);
    }
}

fn deliver(vm: &mut Vm, signal: ExitSignal) {
    let ExitSignal { from, to, reason, link } = signal;
    let Some(target) = vm.process_mut(to) else { return };
    if link {
        let Some(i) = target.links.iter().position(|p| *p == from) else { return };
        target.links.swap_remove(i);
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
