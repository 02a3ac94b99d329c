//! The interpreter tier of rbeam.
//!
//! Modules from the loader are translated once, at load time, into a compact internal
//! instruction stream ([`instr`], [`translate`]) which a dispatch loop ([`exec`]) runs.
//! Instruction families live side by side in `instr_<family>.rs` (translation and execution
//! together), named like BeamAsm's `instr_<family>.cpp`, so an instruction's two tiers can be
//! read next to each other once the ARM32 JIT arrives.
//!
//! # The tier contract
//!
//! Both tiers (this interpreter and the later ARM32 JIT) obey the same rules, so frames of
//! both can be mixed on one stack without a rewrite:
//!
//! * **One scheduler loop per scheduler thread** ([`rbeam_runtime::schedule::run`]) runs a
//!   process by handing it to an executor ([`Engine`] implements
//!   [`rbeam_runtime::schedule::Executor`]); later, the executor picks the tier by the address
//!   range `proc.i` falls in. An Erlang call never nests a Rust frame: `call` pushes a CP and
//!   moves the instruction pointer, `return` pops it, and a cross-tier call or return will go
//!   back through the loop.
//! * **Frames as in OTP 24+ and BeamAsm**: the return address (CP) sits at the top of the
//!   frame on the Erlang stack E (`proc.stop`); `allocate N` reserves N Y slots below it (Y0
//!   at E[0], the CP at E[N]); `deallocate N` releases them; `return` pops the CP. A CP is a
//!   4-byte-aligned code address (primary tag `00`), a catch tag an immediate, so the garbage
//!   collector and stack walkers tell both from terms. `proc.i`, catch handlers, export
//!   entries and fun entries all hold code addresses in the same sense.
//! * **Registers**: X registers live in the per-scheduler register block
//!   ([`rbeam_runtime::scheduler::SchedulerRegisters`], `#[repr(C)]`, whose base the JIT
//!   keeps in r4); the process keeps E (`stop`), HTOP (`htop`), FCALLS (`fcalls`) and `i` in
//!   its `#[repr(C)]` fields, at offsets the JIT addresses directly. While scheduled out, a
//!   process's live X registers are saved in `proc.arg_regs`.
//! * **Reductions**: every call (local, external, apply, fun) and every return costs one;
//!   at zero the process yields at the call target (or return address).
//! * **Calls between modules go through export entries that are data**: `call_ext` loads
//!   the code address the entry holds. Loading a module, or tiering a function up, swaps
//!   that pointer; no caller is ever patched. An entry of a function not loaded holds the
//!   [`Engine`]'s "undefined" address: the call loads the module on demand from the code
//!   path, or raises `undef`.

pub mod codepath;
#[cfg(feature = "coverage")]
pub mod coverage;
pub mod exec;
mod hibernate;
pub mod instr;
pub mod instr_bif;
pub mod instr_bs;
pub mod instr_call;
pub mod instr_common;
pub mod instr_exception;
pub mod instr_float;
pub mod instr_map;
pub mod instr_msg;
pub mod load;
pub mod stacktrace;
pub mod system;
pub mod translate;

use std::rc::Rc;

use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::process::{Process, STACK_RESERVE};
use rbeam_runtime::scheduler::SchedulerRegisters;
use rbeam_runtime::{Term, Vm};

pub use codepath::CodePath;
use instr::Instr;
pub use rbeam_runtime::schedule::Outcome;

/// Indices of the engine's fixed stubs.
const NORMAL_EXIT: usize = 0;
const UNDEFINED: usize = 1;
const APPLY: usize = 2;
const HIBERNATE: usize = 3;

/// The interpreter: its stub code, the code path it loads modules from, and what it keeps
/// for reports.
pub struct Engine {
    stubs: Box<[Instr]>,
    bif_stubs: Box<[Instr]>,
    pub(crate) loader: Rc<load::Loader>,
}

impl Engine {
    /// An engine for `vm`: points the VM's "not loaded" export address, normal-exit CP and
    /// process start address at the engine's stubs, and every BIF's export entry at a stub
    /// calling it.
    pub fn new(vm: &mut Vm, code_path: CodePath) -> Engine {
        let stubs: Box<[Instr]> =
            Box::new([Instr::NormalExit, Instr::Undefined, Instr::ApplyList, Instr::ApplyList]);
        let mut bif_stubs = Vec::new();
        let mut mfas = Vec::new();
        for entry in vm.bifs.iter() {
            bif_stubs.push(Instr::CallBif { bif: entry as *const _ });
            mfas.push(entry.mfa);
        }
        let bif_stubs = bif_stubs.into_boxed_slice();
        vm.exports.set_undefined_address(&stubs[UNDEFINED] as *const Instr as usize);
        vm.normal_exit = &stubs[NORMAL_EXIT] as *const Instr as usize;
        vm.apply_stub = &stubs[APPLY] as *const Instr as usize;
        // A second apply stub, told apart by its address: where hibernating processes sleep.
        vm.hibernate_stub = &stubs[HIBERNATE] as *const Instr as usize;
        for (stub, mfa) in bif_stubs.iter().zip(mfas) {
            let export = vm.exports.entry(mfa);
            // SAFETY: export entries are owned by the VM's table and never move or die.
            unsafe { export.as_ref() }.set_address(stub as *const Instr as usize);
        }
        let loader = Rc::new(load::Loader::new(code_path, &stubs[UNDEFINED] as *const Instr as usize));
        vm.code_loader = Some(loader.clone());
        Engine { stubs, bif_stubs, loader }
    }

    /// The "not loaded" code address every fresh export entry holds.
    pub(crate) fn undefined_address(&self) -> usize {
        &self.stubs[UNDEFINED] as *const Instr as usize
    }

    /// Whether `address` is one of the BIF stubs (a call through an export reached a BIF).
    pub(crate) fn is_bif_stub(&self, address: usize) -> bool {
        let start = self.bif_stubs.as_ptr() as usize;
        let end = start + self.bif_stubs.len() * core::mem::size_of::<Instr>();
        address >= start && address < end
    }

    /// The generic opcodes of every module translated so far, sorted.
    pub fn translated_opcodes(&self) -> Vec<Opcode> {
        let mut v: Vec<Opcode> = self.loader.translated_opcodes.borrow().iter().copied().collect();
        v.sort_by_key(|o| *o as u8);
        v
    }

    /// The code path modules are loaded from on demand.
    pub fn code_path(&self) -> &CodePath {
        self.loader.code_path()
    }

    /// The loader (code path and loaded code bookkeeping).
    pub fn loader(&self) -> &load::Loader {
        &self.loader
    }
}

impl rbeam_runtime::schedule::Executor for Engine {
    fn run(&self, vm: &mut Vm, proc: &mut Process, regs: &mut SchedulerRegisters) -> Outcome {
        exec::run(self, vm, proc, regs)
    }
}

/// A collection point: if the heap lacks `need` free words, or its free space is smaller than
/// the heap fragments (received messages) waiting to be folded in (erts'
/// `ERTS_IS_GC_DESIRED`), or GC stress is on, collect with `roots` (the live X registers) as
/// roots. Collecting at every received message instead would make a process that keeps a
/// large old heap pay a fullsweep every few messages.
pub(crate) fn gc_point(proc: &mut Process, roots: &mut [Term], need: usize) {
    if proc.heap_short(need + STACK_RESERVE) || (proc.gc_stress && rbeam_runtime::gc::stress_due(proc)) {
        // SAFETY: `roots` are the process's live X registers, every other root is found
        // through the process itself, and no raw pointer into the heap is held across this
        // call by the interpreter (operands are re-read after it).
        unsafe { rbeam_runtime::gc::collect(proc, roots, need + STACK_RESERVE) };
    }
}
