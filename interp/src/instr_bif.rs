//! BIF calls and arithmetic (BeamAsm's `instr_bif.cpp`, `instr_arith.cpp`).
//!
//! Guard and GC BIFs (`bif0..3`, `gc_bif1..3`) call the BIF's Rust function directly, the
//! common arithmetic operators through an inline small-integer fast path. BIFs reached
//! through export entries (`call_ext erlang:length/1`, `apply`, `fun erlang:abs/1`) land on a
//! stub that calls the function on the X registers and returns. A failing BIF either takes
//! its fail label or raises with the BIF and its arguments as the top stack frame, as erl's
//! stack traces show them. Results that did not fit the heap were built in fragments; a GC
//! BIF folds them in right away, with its live registers and its result as roots.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::bif::{BifCtx, BifEntry, BifResult, Trap};
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::list;
use rbeam_runtime::{Term, arith, atoms};

use crate::Outcome;
use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::instr_call::{Mode, apply_mf, call_fun_value, list_to_regs};
use crate::translate::{TranslateError, Translator};

/// The operator BIFs the interpreter runs inline.
fn arith_op(name: &str, arity: u32) -> Option<ArithOp> {
    Some(match (name, arity) {
        ("+", 2) => ArithOp::Add,
        ("-", 2) => ArithOp::Sub,
        ("*", 2) => ArithOp::Mul,
        ("/", 2) => ArithOp::Div,
        ("div", 2) => ArithOp::IntDiv,
        ("rem", 2) => ArithOp::Rem,
        ("band", 2) => ArithOp::Band,
        ("bor", 2) => ArithOp::Bor,
        ("bxor", 2) => ArithOp::Bxor,
        ("bsl", 2) => ArithOp::Bsl,
        ("bsr", 2) => ArithOp::Bsr,
        ("-", 1) => ArithOp::Neg,
        ("bnot", 1) => ArithOp::Bnot,
        _ => return None,
    })
}

/// A BIF the VM does not implement: calling it raises `undef`, as calling a missing function
/// does (so modules that merely mention it still load).
fn missing_bif(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    BifResult::Err(Exception::error(atoms::UNDEF))
}

pub(crate) fn translate<'a>(
    t: &mut Translator<'_, '_, 'a>,
    op: Opcode,
    a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    // (fail, live, bif import, args, dst)
    let (fail, live, bif, args, dst) = match op {
        O::Bif0 => (None, None, &a[0], &a[1..1], &a[1]),
        O::Bif1 | O::Bif2 | O::Bif3 => (Some(&a[0]), None, &a[1], &a[2..a.len() - 1], &a[a.len() - 1]),
        O::GcBif1 | O::GcBif2 | O::GcBif3 => {
            (Some(&a[0]), Some(&a[1]), &a[2], &a[3..a.len() - 1], &a[a.len() - 1])
        }
        _ => return Ok(false),
    };
    let fail = match fail {
        Some(f) => t.fail(f)?,
        None => Fail::Raise,
    };
    let gc = live.is_some();
    let live = live.map(|l| t.unsigned(l)).transpose()?.unwrap_or(0);
    let (module, function, arity) = t.import_mfa(bif)?;
    let dst = t.dst(dst)?;
    let srcs = args.iter().map(|s| t.src(s)).collect::<Result<Vec<Src>, _>>()?;
    if module == atoms::ERLANG {
        let name = t.vm().atoms.text(function).unwrap_or("").to_string();
        if let Some(op) = arith_op(&name, arity) {
            let b = srcs.get(1).copied().unwrap_or(srcs[0]);
            t.emit(Instr::Arith { fail, op, a: srcs[0], b, dst, live });
            return Ok(true);
        }
    }
    let entry = match t.vm().bifs.get(module, function, arity) {
        Some(e) => e as *const BifEntry,
        None => {
            let bif = rbeam_runtime::bif::Bif { module: "erlang", name: "$missing", arity, f: missing_bif };
            // Register under the real MFA so error reports name it.
            let vm = t.vm();
            let m = vm.atoms.text(module).unwrap_or("erlang").to_string();
            let f = vm.atoms.text(function).unwrap_or("undefined").to_string();
            let leaked: &'static str = Box::leak(m.into_boxed_str());
            let leaked_f: &'static str = Box::leak(f.into_boxed_str());
            vm.bifs
                .register(&mut vm.atoms, &rbeam_runtime::bif::Bif { module: leaked, name: leaked_f, ..bif });
            vm.bifs.get(module, function, arity).map_or(core::ptr::null(), |e| e as *const BifEntry)
        }
    };
    let mut arg_array = [Src::constant(Term::NIL); 3];
    arg_array[..srcs.len()].copy_from_slice(&srcs);
    t.emit(Instr::Bif { fail, bif: entry, args: arg_array, n: srcs.len() as u8, dst, live, gc });
    Ok(true)
}

/// Stores a BIF result, first folding heap fragments into the heap when the instruction
/// may collect (`live` registers are roots; the result rides along in `x[live]`).
fn store_result(c: &mut Ctx<'_>, result: Term, dst: Dst, live: u32, may_gc: bool) {
    if may_gc && (!c.proc.fragments.is_empty() || c.proc.gc_stress) {
        let slot = live as usize;
        c.x[slot] = result;
        crate::gc_point(c.proc, &mut c.x[..=slot], 0);
        let moved = c.x[slot];
        c.set(dst, moved);
    } else {
        c.set(dst, result);
    }
}

fn list_of(c: &mut Ctx<'_>, args: &[Term]) -> Term {
    list::build(c.proc, args, Term::NIL).unwrap_or(Term::NIL)
}

pub(crate) fn bif(
    c: &mut Ctx<'_>,
    fail: Fail,
    bif: *const BifEntry,
    args: &[Src],
    dst: Dst,
    live: u32,
    gc: bool,
) -> Step {
    // SAFETY: BIF entries are boxed in the VM's table and never freed while it lives.
    let entry = unsafe { &*bif };
    let mut values = [Term::NIL; 3];
    for (v, s) in values.iter_mut().zip(args) {
        *v = c.get(*s);
    }
    let values = &values[..args.len()];
    let r = (entry.f)(&mut BifCtx { vm: c.vm, proc: c.proc }, values);
    match r {
        BifResult::Ok(t) => {
            store_result(c, t, dst, live, gc);
            Ok(())
        }
        BifResult::Err(ex) => match fail {
            Fail::To(label) => {
                c.jump(label);
                Ok(())
            }
            Fail::Raise => {
                let list = list_of(c, values);
                Err(Stop::Raise(ex.in_bif(entry.mfa, list)))
            }
        },
        BifResult::Trap(Trap::Yield(t)) => {
            c.set(dst, t);
            Err(c.leave(c.ip, live as usize, Outcome::Yield))
        }
        BifResult::Trap(_) => Err(Stop::Raise(Exception::badarg())),
    }
}

/// Inline arithmetic: small integers here, everything else in the runtime.
pub(crate) fn arith(c: &mut Ctx<'_>, fail: Fail, op: ArithOp, a: Src, b: Src, dst: Dst, live: u32) -> Step {
    let (x, y) = (c.get(a), c.get(b));
    if let (Some(i), Some(j)) = (x.small_value(), y.small_value()) {
        let fast = match op {
            ArithOp::Add => Term::small(i + j),
            ArithOp::Sub => Term::small(i - j),
            ArithOp::Band => Term::small(i & j),
            ArithOp::Bor => Term::small(i | j),
            ArithOp::Bxor => Term::small(i ^ j),
            _ => None,
        };
        if let Some(t) = fast {
            c.set(dst, t);
            return Ok(());
        }
    }
    let p = &mut *c.proc;
    let r = match op {
        ArithOp::Add => arith::add(p, x, y),
        ArithOp::Sub => arith::sub(p, x, y),
        ArithOp::Mul => arith::mul(p, x, y),
        ArithOp::Div => arith::div(p, x, y),
        ArithOp::IntDiv => arith::int_div(p, x, y),
        ArithOp::Rem => arith::rem(p, x, y),
        ArithOp::Band => arith::band(p, x, y),
        ArithOp::Bor => arith::bor(p, x, y),
        ArithOp::Bxor => arith::bxor(p, x, y),
        ArithOp::Bsl => arith::bsl(p, x, y),
        ArithOp::Bsr => arith::bsr(p, x, y),
        ArithOp::Neg => arith::neg(p, x),
        ArithOp::Bnot => arith::bnot(p, x),
    };
    match r {
        Ok(t) => {
            store_result(c, t, dst, live, true);
            Ok(())
        }
        Err(ex) => match fail {
            Fail::To(label) => {
                c.jump(label);
                Ok(())
            }
            // An operator is an instruction, not a call: erl's stack trace starts at the
            // function executing it.
            Fail::Raise => Err(Stop::Raise(ex)),
        },
    }
}

/// A BIF reached through its export entry: its arguments are in the X registers. Called
/// from `call_ext` (and `apply`, funs) as erts calls a BIF at the call site: the calling
/// instruction stays the program counter, so a failing BIF's stack trace shows its caller,
/// and `mode` says how the call continues (next instruction, or return for a tail call).
pub(crate) fn call_bif(c: &mut Ctx<'_>, bif: *const BifEntry, mode: Mode) -> Step {
    // SAFETY: BIF entries are boxed in the VM's table and never freed while it lives.
    let entry = unsafe { &*bif };
    let arity = entry.mfa.arity;
    let args: Vec<Term> = c.x[..arity].to_vec();
    // Where the process is, as BIFs that report it (`process_info(self(), current_function)`)
    // read it: erts' `c_p->i`.
    c.proc.i = c.pc as *const u8;
    let r = (entry.f)(&mut BifCtx { vm: c.vm, proc: c.proc }, &args);
    match r {
        BifResult::Ok(t) => {
            store_result(c, t, Dst::X(0), 0, true);
            finish(c, mode)
        }
        BifResult::Err(ex) => {
            let list = list_of(c, &args);
            Err(Stop::Raise(ex.in_bif(entry.mfa, list)))
        }
        BifResult::Trap(Trap::Apply { module, function, args }) => {
            let Some(n) = list_to_regs(c, args) else { return Err(Stop::Raise(Exception::badarg())) };
            apply_mf(c, module, function, n, mode)
        }
        BifResult::Trap(Trap::ApplyFun { fun, args }) => {
            let Some(n) = list_to_regs(c, args) else { return Err(Stop::Raise(Exception::badarg())) };
            call_fun_value(c, fun, n, mode)
        }
        BifResult::Trap(Trap::Yield(t)) => {
            c.x[0] = t;
            let resume = match mode {
                Mode::Call => c.ip,
                Mode::Last(n) => {
                    c.proc.stop = c.proc.stop.wrapping_add(n as usize);
                    pop_cp(c)
                }
                Mode::Only => pop_cp(c),
            };
            Err(c.leave(resume, 1, Outcome::Yield))
        }
        BifResult::Trap(Trap::Exit(reason)) => Err(c.leave(c.pc, 0, Outcome::Exit(reason))),
        BifResult::Trap(Trap::Hibernate { module, function, args }) => {
            crate::hibernate::hibernate(c, module, function, args)
        }
    }
}

/// Continues after a BIF returned in x0: with the next instruction, or by returning from a
/// tail call.
fn finish(c: &mut Ctx<'_>, mode: Mode) -> Step {
    match mode {
        Mode::Call => c.reduce(c.ip, 1),
        Mode::Last(n) => {
            c.proc.stop = c.proc.stop.wrapping_add(n as usize);
            crate::instr_call::ret(c)
        }
        Mode::Only => crate::instr_call::ret(c),
    }
}

/// Pops the CP on top of the stack.
fn pop_cp(c: &mut Ctx<'_>) -> *const Instr {
    // SAFETY: a tail call leaves the frame's CP on top of the stack.
    let cp = unsafe { c.proc.stop.read() };
    c.proc.stop = c.proc.stop.wrapping_add(1);
    cp as *const Instr
}

/// A BIF stub executed by a jump to its export address (not through a call instruction,
/// which runs the BIF itself): its caller's CP is on the stack.
pub(crate) fn call_bif_stub(c: &mut Ctx<'_>, bif: *const BifEntry) -> Step {
    c.pc = core::ptr::null();
    call_bif(c, bif, Mode::Only)
}
