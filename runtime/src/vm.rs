//! The VM value: everything one running system owns.
//!
//! There are no process-wide globals: the atom, export, module and BIF tables, the processes
//! and the run queue live here, so several VMs can run side by side in one OS process (and
//! in one test binary), and a program embedding rbeam owns its VM like any other value.
//!
//! The process running on the scheduler is taken out of [`Vm::processes`] while it runs, so
//! BIFs can borrow it and the VM mutably at once; [`Vm::process_mut`] finds every other one.

use std::collections::{BinaryHeap, VecDeque};
use std::time::Instant;

use hashbrown::HashMap;

use crate::atom::AtomTable;
use crate::bif::BifTable;
use crate::exports::ExportTable;
use crate::modules::ModuleTable;
use crate::process::Process;
use crate::term::{PID_NUMBER_BITS, Term};

/// Default heap+stack block of a new process, in words (erts' default `min_heap_size`).
pub const DEFAULT_PROCESS_WORDS: usize = 233;

/// erts' default maximum number of processes at once (`+P`).
pub const DEFAULT_PROCESS_LIMIT: usize = 262_144;

/// Why a process could not be created (both are `system_limit` to Erlang code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpawnError {
    /// Every pid number has been handed out.
    PidsExhausted,
    /// As many processes as the limit allows (`+P`) are alive.
    TooManyProcesses,
}

impl core::fmt::Display for SpawnError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SpawnError::PidsExhausted => f.write_str("no pid numbers left"),
            SpawnError::TooManyProcesses => f.write_str("too many processes"),
        }
    }
}

impl std::error::Error for SpawnError {}

/// A pending receive timeout: wake `pid` at `at`, if it still waits for this timer (the
/// process records the sequence number of the timer it waits for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    pub at: Instant,
    pub seq: u64,
    pub pid: Term,
}

impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Timer) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timer {
    fn cmp(&self, other: &Timer) -> core::cmp::Ordering {
        (self.at, self.seq).cmp(&(other.at, other.seq))
    }
}

/// One VM's state.
pub struct Vm {
    pub atoms: AtomTable,
    pub exports: ExportTable,
    pub modules: ModuleTable,
    pub bifs: BifTable,
    /// Processes by pid, except the one running.
    pub processes: HashMap<Term, Box<Process>>,
    /// Processes ready to run, oldest first.
    pub run_queue: VecDeque<Term>,
    /// Receive timeouts, earliest first (a min-heap through `Reverse`).
    pub timers: BinaryHeap<core::cmp::Reverse<Timer>>,
    /// Message timers (`send_after`, `start_timer`).
    pub message_timers: crate::timers::MessageTimers,
    /// Signals waiting for the scheduler to deliver them.
    pub signals: VecDeque<crate::signals::Signal>,
    /// Registered names.
    pub registered: HashMap<Term, Term>,
    /// The most processes alive at once (`+P`, `erlang:system_info(process_limit)`).
    pub process_limit: usize,
    /// Active process aliases.
    pub aliases: crate::alias::Aliases,
    /// Set by `erlang:halt/0,1`: the system stops at once with this exit status.
    pub halt: Option<i32>,
    /// Set by `init:stop/0` and the end of the boot sequence: the system stops with this
    /// status once no process can run any more (so work in flight, output above all, ends).
    pub stopping: Option<i32>,
    /// Collect garbage at every opportunity and poison what was freed (`RBEAM_GC_STRESS`).
    pub gc_stress: bool,
    /// When the VM started (`erlang:monotonic_time/0` counts from here).
    pub started: Instant,
    /// `persistent_term` entries, and replaced ones kept alive for readers.
    pub persistent_terms: Vec<crate::bif::persistent::Entry>,
    pub persistent_garbage: Vec<crate::bif::persistent::Entry>,
    /// Code loading, as the executing tier provides it (set by the tier at start).
    pub code_loader: Option<std::rc::Rc<dyn crate::code_loader::CodeLoader>>,
    /// The executing tier's code address that ends a process normally when returned to (the
    /// CP at the bottom of every process stack).
    pub normal_exit: usize,
    /// The executing tier's code address that calls `erlang:apply(X0, X1, X2)`: where a new
    /// process starts.
    pub apply_stub: usize,
    /// The executing tier's code address where a hibernating process sleeps: it calls
    /// `erlang:apply(X0, X1, X2)` when woken, and `process_info` reports a process there as
    /// in `erlang:hibernate/3`.
    pub hibernate_stub: usize,
    /// Catch handlers: a catch tag on the stack names one of these code addresses.
    catches: Vec<usize>,
    catch_index: HashMap<usize, u32>,
    next_pid_number: u32,
    next_ref: u64,
    next_unique: u64,
    next_timer: u64,
}

impl core::fmt::Debug for Vm {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Vm")
            .field("processes", &self.processes.len())
            .field("modules", &self.modules.len())
            .finish()
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Vm {
    /// A fresh VM with only the predefined atoms and the built-in functions.
    pub fn new() -> Vm {
        let mut atoms = AtomTable::new();
        let bifs = BifTable::new(&mut atoms);
        Vm {
            atoms,
            exports: ExportTable::new(),
            modules: ModuleTable::new(),
            bifs,
            processes: HashMap::new(),
            run_queue: VecDeque::new(),
            timers: BinaryHeap::new(),
            message_timers: crate::timers::MessageTimers::new(),
            signals: VecDeque::new(),
            registered: HashMap::new(),
            process_limit: DEFAULT_PROCESS_LIMIT,
            aliases: crate::alias::Aliases::new(),
            halt: None,
            stopping: None,
            gc_stress: false,
            started: Instant::now(),
            persistent_terms: Vec::new(),
            persistent_garbage: Vec::new(),
            code_loader: None,
            normal_exit: 0,
            apply_stub: 0,
            hibernate_stub: 0,
            catches: Vec::new(),
            catch_index: HashMap::new(),
            next_pid_number: 0,
            next_ref: 0,
            next_unique: 0,
            next_timer: 0,
        }
    }

    /// Processes alive now, counting the running one (out of the table while it runs). At
    /// boot nothing runs yet and the count is one high, which no limit (1024 at least) notices.
    pub fn process_count(&self) -> usize {
        self.processes.len() + 1
    }

    /// Whether Erlang code may spawn one more process under the limit (`+P`).
    pub fn may_spawn(&self) -> Result<(), SpawnError> {
        if self.process_count() >= self.process_limit {
            return Err(SpawnError::TooManyProcesses);
        }
        Ok(())
    }

    /// Creates a process with the next free pid and a heap+stack block of `words` words. The
    /// process is not yet in the process table or the run queue.
    pub fn new_process(&mut self, words: usize) -> Result<Process, SpawnError> {
        let number = self.next_pid_number;
        if number >> PID_NUMBER_BITS != 0 {
            return Err(SpawnError::PidsExhausted);
        }
        let pid = Term::local_pid(number, 0).ok_or(SpawnError::PidsExhausted)?;
        self.next_pid_number += 1;
        let mut process = Process::new(pid, words);
        process.gc_stress = self.gc_stress;
        Ok(process)
    }

    /// Puts a process into the table and the run queue.
    pub fn start_process(&mut self, process: Process) {
        let pid = process.id;
        self.processes.insert(pid, Box::new(process));
        self.run_queue.push_back(pid);
    }

    /// A process other than the running one.
    pub fn process_mut(&mut self, pid: Term) -> Option<&mut Process> {
        self.processes.get_mut(&pid).map(|p| &mut **p)
    }

    /// The next reference number (references are unique within the VM).
    pub fn next_ref(&mut self) -> u64 {
        self.next_ref += 1;
        self.next_ref
    }

    /// The next value of `erlang:unique_integer/0,1`.
    pub fn next_unique(&mut self) -> u64 {
        self.next_unique += 1;
        self.next_unique
    }

    /// Arms a receive timeout for `pid`; returns the timer's sequence number.
    pub fn add_timer(&mut self, pid: Term, at: Instant) -> u64 {
        self.next_timer += 1;
        self.timers.push(core::cmp::Reverse(Timer { at, seq: self.next_timer, pid }));
        self.next_timer
    }

    /// The catch tag for a handler address (one tag per handler, made once).
    pub fn catch_tag(&mut self, handler: usize) -> Term {
        let next = self.catches.len() as u32;
        let index = *self.catch_index.entry(handler).or_insert(next);
        if index == next {
            self.catches.push(handler);
        }
        Term::catch(index).unwrap_or(Term::NIL)
    }

    /// The handler address of a catch tag's index.
    pub fn catch_handler(&self, index: u32) -> usize {
        self.catches.get(index as usize).copied().unwrap_or(self.normal_exit)
    }

    /// Marks a waiting process runnable (a message arrived or its timeout fired).
    pub fn wake(&mut self, pid: Term) {
        if let Some(p) = self.processes.get_mut(&pid) {
            if p.waiting {
                p.waiting = false;
                self.run_queue.push_back(pid);
            }
        }
    }
}
