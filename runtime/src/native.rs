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
