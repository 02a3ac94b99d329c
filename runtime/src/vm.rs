//! The VM value: everything one running system owns.
//!
//! There are no process-wide globals: the atom and export tables, the literal areas of loaded
//! code and the pid counter live here, so several VMs can run side by side in one OS process
//! (and in one test binary). The module table joins this structure with code loading.

use crate::atom::AtomTable;
use crate::exports::ExportTable;
use crate::literal::LiteralArea;
use crate::process::Process;
use crate::term::{PID_NUMBER_BITS, Term};

/// Default heap+stack block of a new process, in words (erts' default `min_heap_size` is 233;
/// without a garbage collector yet a process gets more room up front).
pub const DEFAULT_PROCESS_WORDS: usize = 64 * 1024;

/// Why a process could not be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpawnError {
    /// Every pid number has been handed out (`system_limit`).
    PidsExhausted,
}

impl core::fmt::Display for SpawnError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SpawnError::PidsExhausted => f.write_str("no pid numbers left"),
        }
    }
}

impl std::error::Error for SpawnError {}

/// One VM's state.
#[derive(Debug, Default)]
pub struct Vm {
    /// The atom table.
    pub atoms: AtomTable,
    /// The export table.
    pub exports: ExportTable,
    literal_areas: Vec<LiteralArea>,
    next_pid_number: u32,
}

impl Vm {
    /// A fresh VM with only the predefined atoms.
    pub fn new() -> Vm {
        Vm::default()
    }

    /// Takes ownership of a literal area for the VM's lifetime and returns a reference to it;
    /// its roots stay valid until the VM is dropped.
    pub fn add_literal_area(&mut self, area: LiteralArea) -> &LiteralArea {
        self.literal_areas.push(area);
        &self.literal_areas[self.literal_areas.len() - 1]
    }

    /// The literal areas added so far, oldest first.
    pub fn literal_areas(&self) -> &[LiteralArea] {
        &self.literal_areas
    }

    /// Creates a process with the next free pid and a heap+stack block of `words` words.
    pub fn new_process(&mut self, words: usize) -> Result<Process, SpawnError> {
        let number = self.next_pid_number;
        if number >> PID_NUMBER_BITS != 0 {
            return Err(SpawnError::PidsExhausted);
        }
        let pid = Term::local_pid(number, 0).ok_or(SpawnError::PidsExhausted)?;
        self.next_pid_number += 1;
        Ok(Process::new(pid, words))
    }
}
