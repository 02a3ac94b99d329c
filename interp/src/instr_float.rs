//! Float registers (BeamAsm's `instr_float.cpp`): the compiler unboxes floats into `fr`
//! registers for arithmetic and boxes the results again. Every operation checks its result,
//! as erts does since OTP 24: a non-finite result raises `badarith`.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::Term;
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::float;

use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::translate::{TranslateError, Translator};

pub(crate) fn translate<'a>(
    t: &mut Translator<'_, '_, 'a>,
    op: Opcode,
    a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    let i = match op {
        O::Fmove => match (a[0], a[1]) {
            (Operand::FloatReg(from), Operand::FloatReg(to)) => Instr::FloatMove { from, to },
            (Operand::FloatReg(fr), _) => Instr::FloatStore { fr, dst: t.dst(&a[1])? },
            (_, Operand::FloatReg(fr)) => Instr::FloatLoad { src: t.src(&a[0])?, fr },
            _ => return Err(t.error("fmove without a float register")),
        },
        O::Fconv => Instr::FloatConv { src: t.src(&a[0])?, fr: t.fr(&a[1])? },
        O::Fadd | O::Fsub | O::Fmul | O::Fdiv => {
            let op = match op {
                O::Fadd => FloatOp::Add,
                O::Fsub => FloatOp::Sub,
                O::Fmul => FloatOp::Mul,
                _ => FloatOp::Div,
            };
            Instr::FloatArith { op, a: t.fr(&a[1])?, b: t.fr(&a[2])?, dst: t.fr(&a[3])? }
        }
        O::Fnegate => Instr::FloatNegate { a: t.fr(&a[1])?, dst: t.fr(&a[2])? },
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

/// The value of a float term.
pub(crate) fn float_value(t: Term) -> Option<f64> {
    // SAFETY: `t` is a valid term of the running process.
    unsafe { float::value(t) }
}

pub(crate) fn load(c: &mut Ctx<'_>, src: Src, fr: u32) -> Step {
    let v = float_value(c.get(src)).ok_or(Stop::Raise(Exception::badarith()))?;
    c.f[fr as usize] = v;
    Ok(())
}

pub(crate) fn store(c: &mut Ctx<'_>, fr: u32, dst: Dst) -> Step {
    let t = float::build(c.proc, c.f[fr as usize]).map_err(|_| Stop::Raise(Exception::badarith()))?;
    c.set(dst, t);
    Ok(())
}

/// `fconv`: an integer or float term into a float register.
pub(crate) fn conv(c: &mut Ctx<'_>, src: Src, fr: u32) -> Step {
    let v = rbeam_runtime::arith::to_float(c.get(src)).ok_or(Stop::Raise(Exception::badarith()))?;
    if !v.is_finite() {
        return Err(Stop::Raise(Exception::badarith()));
    }
    c.f[fr as usize] = v;
    Ok(())
}

pub(crate) fn arith(c: &mut Ctx<'_>, op: FloatOp, a: u32, b: u32, dst: u32) -> Step {
    let (x, y) = (c.f[a as usize], c.f[b as usize]);
    let r = match op {
        FloatOp::Add => x + y,
        FloatOp::Sub => x - y,
        FloatOp::Mul => x * y,
        FloatOp::Div => x / y,
    };
    if !r.is_finite() {
        return Err(Stop::Raise(Exception::badarith()));
    }
    c.f[dst as usize] = r;
    Ok(())
}
