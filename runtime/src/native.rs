//! Processes implemented in Rust.
//!
//! Some processes the runtime provides are easier and safer as Rust state machines than as
//! Erlang code: the group leader that speaks the io protocol is one. They are ordinary
//! processes to everyone else (a pid, a mailbox, monitors); the scheduler hands each message
//! they receive to their [`Native::handle`], which keeps the message (and so the memory its
//! term lives in) as long as it needs.

use crate::mailbox::Message;
use crate::process::Process;
use crate::vm::Vm;

/// The behaviour of a native process.
pub trait Native {
    fn handle(&mut self, vm: &mut Vm, me: &mut Process, message: Message);
}

/// A process that ignores what it receives: stands in for erl's system processes that code
/// may look up but rbeam does not run (`init`).
pub struct Idle;

impl Native for Idle {
    fn handle(&mut self, _vm: &mut Vm, _me: &mut Process, _message: Message) {}
}

/// Starts a native process, registered under `name` if given; returns its pid.
pub fn start(vm: &mut Vm, behaviour: Box<dyn Native>, name: Option<&str>) -> Option<crate::term::Term> {
    let mut p = vm.new_process(crate::vm::DEFAULT_PROCESS_WORDS).ok()?;
    p.native = Some(behaviour);
    p.waiting = true;
    p.group_leader = p.id;
    let pid = p.id;
    vm.processes.insert(pid, Box::new(p));
    if let Some(name) = name {
        let atom = vm.atoms.intern(name).ok()?;
        vm.registered.insert(atom, pid);
    }
    Some(pid)
}
