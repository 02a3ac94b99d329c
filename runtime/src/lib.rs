//! The rbeam runtime: terms, atoms, heaps, term order, processes.
//!
//! The term model follows erts (OTP 27) word for word, on 32-bit and 64-bit words alike, so
//! that the ARM32 JIT can emit the same tag tests and field loads as BeamAsm; see
//! `src/term/LAYOUT.md`. There is no global state: everything a VM owns hangs off a [`Vm`],
//! and several VMs can run side by side in one process.

pub mod alias;
pub mod arith;
pub mod atom;
pub mod atoms;
pub mod bif;
pub mod bits;
pub mod code_loader;
pub mod copy;
pub mod crash_report;
pub mod dispatch;
pub mod exception;
pub mod exports;
pub mod gc;
pub mod heap;
pub mod io;
pub mod links;
pub mod literal;
pub mod mailbox;
pub mod map;
pub mod modules;
pub mod monitors;
pub mod native;
pub mod order;
pub mod print;
pub mod process;
pub mod schedule;
pub mod scheduler;
pub mod signals;
pub mod term;
pub mod timers;
pub mod vm;

pub use atom::{AtomError, AtomTable};
pub use heap::{AllocError, Allocator, Heap};
pub use literal::LiteralArea;
pub use process::Process;
pub use scheduler::SchedulerRegisters;
pub use term::Term;
pub use vm::Vm;
