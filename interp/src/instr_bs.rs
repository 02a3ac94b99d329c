//! Binary construction and matching (BeamAsm's `instr_bs.cpp`).
//!
//! Not implemented yet: modules using bit syntax fail to load with a message naming the
//! instruction.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;

use crate::exec::{Ctx, Step};
use crate::instr::Code;
use crate::translate::{TranslateError, Translator};

/// A binary instruction.
#[derive(Debug)]
pub enum BsInstr {}

impl BsInstr {
    pub(crate) fn for_each_code(&mut self, _f: &mut dyn FnMut(&mut Code)) {
        match *self {}
    }
}

pub(crate) fn translate<'a>(
    _t: &mut Translator<'_, '_, 'a>,
    _op: Opcode,
    _a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    Ok(false)
}

pub(crate) fn exec(_c: &mut Ctx<'_>, bs: &BsInstr) -> Step {
    match *bs {}
}
