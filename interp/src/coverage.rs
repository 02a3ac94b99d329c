//! Instruction coverage (the `coverage` feature): which generic BEAM instructions the
//! programs a run executed.
//!
//! Translation records, for each instruction of the interpreter's stream, the generic opcode
//! it came from; the dispatch loop records each instruction address it executes. The report
//! maps the addresses back to generic opcodes. The bookkeeping costs a hash-set insert per
//! executed instruction, which is why it is a build feature (`scripts/instr-coverage.sh`
//! builds it) and not a run-time switch.

use core::cell::RefCell;

use hashbrown::HashSet;
use rbeam_loader::opcodes::{Opcode, Status};

use crate::instr::Instr;

/// Per-run coverage data.
#[derive(Default)]
pub struct Coverage {
    /// `(code start, generic opcode of each instruction)` of every module translated.
    origins: RefCell<Vec<(usize, Box<[Opcode]>)>>,
    /// Addresses of the instructions executed.
    executed: RefCell<HashSet<usize>>,
}

impl Coverage {
    /// Records where a module's code starts and the origin of each of its instructions.
    pub(crate) fn register(&self, code_start: usize, origins: Box<[Opcode]>) {
        self.origins.borrow_mut().push((code_start, origins));
    }

    /// Records that the instruction at `pc` executed.
    pub(crate) fn hit(&self, pc: *const Instr) {
        self.executed.borrow_mut().insert(pc as usize);
    }

    /// Every current generic opcode with the number of distinct code sites of it that
    /// executed (0 for none), sorted by opcode number.
    pub fn executed(&self) -> Vec<(Opcode, usize)> {
        let origins = self.origins.borrow();
        let size = core::mem::size_of::<Instr>();
        let mut sites = [0usize; 256];
        for &pc in self.executed.borrow().iter() {
            let found = origins.iter().find(|(start, ops)| pc >= *start && pc < start + ops.len() * size);
            if let Some((start, ops)) = found {
                sites[ops[(pc - start) / size] as usize] += 1;
            }
        }
        (0..=255u8)
            .filter_map(|n| Some((Opcode::from_u8(n)?, sites[n as usize])))
            .filter(|(op, _)| op.status() == Status::Current)
            .collect()
    }
}
