//! Calls, returns, `apply`, funs (BeamAsm's `instr_call.cpp`, `instr_fun.cpp`).
//!
//! A non-tail call pushes the CP (the address of the next instruction) onto the Erlang
//! stack; a tail call leaves the CP of the current frame where it is. Calls through export
//! entries load the address the entry holds; an entry of a function not loaded holds the
//! engine's "undefined" address, and then the module is loaded from the code path on demand
//! or `undef` is raised.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::dispatch::{Export, Mfa};
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::fun::{self, FunTarget};
use rbeam_runtime::term::list;
use rbeam_runtime::{Term, atoms};

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
        O::Call => Instr::Call { arity: t.unsigned(&a[0])?, to: t.label(&a[1])? },
        O::CallLast => {
            Instr::CallLast { arity: t.unsigned(&a[0])?, to: t.label(&a[1])?, dealloc: t.unsigned(&a[2])? }
        }
        O::CallOnly => Instr::CallOnly { arity: t.unsigned(&a[0])?, to: t.label(&a[1])? },
        O::CallExt => Instr::CallExt { arity: t.unsigned(&a[0])?, export: t.import(&a[1])? },
        O::CallExtLast => Instr::CallExtLast {
            arity: t.unsigned(&a[0])?,
            export: t.import(&a[1])?,
            dealloc: t.unsigned(&a[2])?,
        },
        O::CallExtOnly => Instr::CallExtOnly { arity: t.unsigned(&a[0])?, export: t.import(&a[1])? },
        O::Return => Instr::Return,
        O::Apply => Instr::Apply { arity: t.unsigned(&a[0])?, dealloc: None },
        O::ApplyLast => Instr::Apply { arity: t.unsigned(&a[0])?, dealloc: Some(t.unsigned(&a[1])?) },
        O::CallFun => {
            let arity = t.unsigned(&a[0])?;
            Instr::CallFun { arity, fun: Src::x(arity), dealloc: None }
        }
        O::CallFun2 => Instr::CallFun { arity: t.unsigned(&a[1])?, fun: t.src(&a[2])?, dealloc: None },
        O::MakeFun3 => {
            let entry = t.fun_entry(t.unsigned(&a[0])?);
            let env = t.items(&a[2]).iter().map(|e| t.src(e)).collect::<Result<Box<[Src]>, _>>()?;
            Instr::MakeFun(Box::new(MakeFun { entry, env, dst: t.dst(&a[1])? }))
        }
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

/// How a call treats the current frame.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Push a CP to return here.
    Call,
    /// Drop the current frame's `n` Y slots and jump (the frame's CP becomes the callee's).
    Last(u32),
    /// Jump (no frame of its own).
    Only,
}

fn push_cp(c: &mut Ctx<'_>) {
    c.proc.stop = c.proc.stop.wrapping_sub(1);
    let cp = c.next_cp();
    // SAFETY: every heap check keeps `STACK_RESERVE` free words below the stack top, so a
    // CP always fits.
    unsafe { c.proc.stop.write(cp) };
}

/// Goes to `target` as `mode` says, costing a reduction.
#[inline(always)]
pub(crate) fn enter(c: &mut Ctx<'_>, target: *const Instr, arity: u32, mode: Mode) -> Step {
    match mode {
        Mode::Call => push_cp(c),
        Mode::Last(n) => c.proc.stop = c.proc.stop.wrapping_add(n as usize),
        Mode::Only => {}
    }
    c.ip = target;
    c.reduce(target, arity as usize)
}

pub(crate) fn call(c: &mut Ctx<'_>, arity: u32, to: Code) -> Step {
    enter(c, to.addr(), arity, Mode::Call)
}

pub(crate) fn call_last(c: &mut Ctx<'_>, arity: u32, to: Code, dealloc: u32) -> Step {
    enter(c, to.addr(), arity, Mode::Last(dealloc))
}

pub(crate) fn call_only(c: &mut Ctx<'_>, arity: u32, to: Code) -> Step {
    enter(c, to.addr(), arity, Mode::Only)
}

pub(crate) fn ret(c: &mut Ctx<'_>) -> Step {
    // SAFETY: a `return` executes with the frame's CP on top of the stack: the compiler
    // balances every allocate with a deallocate, and every process stack starts with the
    // normal-exit CP.
    let cp = unsafe { c.proc.stop.read() };
    c.proc.stop = c.proc.stop.wrapping_add(1);
    c.ip = cp as *const Instr;
    c.reduce(c.ip, 1)
}

/// Calls through an export entry, loading the module on demand.
pub(crate) fn call_export(c: &mut Ctx<'_>, export: *const Export, arity: u32, mode: Mode) -> Step {
    // SAFETY: export entries are owned by the VM's table for its lifetime.
    let e = unsafe { &*export };
    let mut address = e.address();
    if address == c.engine.undefined_address() {
        // A module that fails to load is reported by the loader; the call is then `undef`.
        let _ = rbeam_runtime::code_loader::CodeLoader::ensure_loaded(&*c.engine.loader, c.vm, e.mfa.module);
        address = e.address();
        if address == c.engine.undefined_address() {
            return Err(undef(c, e.mfa, arity, mode));
        }
    }
    if c.engine.is_bif_stub(address) {
        // SAFETY: BIF stub addresses point at `CallBif` instructions of the engine.
        if let Instr::CallBif { bif } = unsafe { &*(address as *const Instr) } {
            return crate::instr_bif::call_bif(c, *bif, mode);
        }
    }
    enter(c, address as *const Instr, arity, mode)
}

/// `undef` for `mfa` called with the first `arity` X registers. In a tail call the caller's
/// frame is gone, so the stack trace starts at the callee.
fn undef(c: &mut Ctx<'_>, mfa: Mfa, arity: u32, mode: Mode) -> Stop {
    let args = args_list(c, arity);
    if mode != Mode::Call {
        if let Mode::Last(n) = mode {
            c.proc.stop = c.proc.stop.wrapping_add(n as usize);
        }
        c.pc = core::ptr::null();
    }
    Stop::Raise(Exception::error(atoms::UNDEF).in_bif(mfa, args))
}

/// The first `n` X registers as a list.
pub(crate) fn args_list(c: &mut Ctx<'_>, n: u32) -> Term {
    let args: Vec<Term> = c.x[..n as usize].to_vec();
    list::build(c.proc, &args, Term::NIL).unwrap_or(Term::NIL)
}

pub(crate) fn call_ext(c: &mut Ctx<'_>, arity: u32, export: *const Export) -> Step {
    call_export(c, export, arity, Mode::Call)
}

pub(crate) fn call_ext_last(c: &mut Ctx<'_>, arity: u32, export: *const Export, dealloc: u32) -> Step {
    call_export(c, export, arity, Mode::Last(dealloc))
}

pub(crate) fn call_ext_only(c: &mut Ctx<'_>, arity: u32, export: *const Export) -> Step {
    call_export(c, export, arity, Mode::Only)
}

/// Calls `module:function` with the first `arity` X registers.
pub(crate) fn apply_mf(c: &mut Ctx<'_>, module: Term, function: Term, arity: u32, mode: Mode) -> Step {
    if !module.is_atom() || !function.is_atom() {
        return Err(Stop::Raise(Exception::badarg()));
    }
    let mfa = Mfa { module, function, arity: arity as usize };
    let export = c.vm.exports.entry(mfa).as_ptr();
    call_export(c, export, arity, mode)
}

/// `apply Arity`: arguments in x0.., the module in x(Arity), the function in x(Arity+1).
pub(crate) fn apply(c: &mut Ctx<'_>, arity: u32, dealloc: Option<u32>) -> Step {
    let (module, function) = (c.x[arity as usize], c.x[arity as usize + 1]);
    let mode = dealloc.map_or(Mode::Call, Mode::Last);
    apply_mf(c, module, function, arity, mode)
}

/// Loads the elements of a proper list into x0..; `None` if it is not one (or too long).
pub(crate) fn list_to_regs(c: &mut Ctx<'_>, mut args: Term) -> Option<u32> {
    let mut n = 0usize;
    while let Some((h, t)) = crate::instr_common::cons(args) {
        if n >= c.x.len() {
            return None;
        }
        c.x[n] = h;
        n += 1;
        args = t;
    }
    args.is_nil().then_some(n as u32)
}

/// `erlang:apply(X0, X1, X2)` as a tail call: where new processes start.
pub(crate) fn apply_list(c: &mut Ctx<'_>) -> Step {
    let (module, function, args) = (c.x[0], c.x[1], c.x[2]);
    let Some(arity) = list_to_regs(c, args) else { return Err(Stop::Raise(Exception::badarg())) };
    apply_mf(c, module, function, arity, Mode::Only)
}

/// One step of the boot sequence: call `export` with the elements of `args`.
pub(crate) fn boot_call(c: &mut Ctx<'_>, export: *const Export, args: Term) -> Step {
    let Some(arity) = list_to_regs(c, args) else { return Err(Stop::Raise(Exception::badarg())) };
    call_export(c, export, arity, Mode::Call)
}

/// Calls the fun `f` with the first `arity` X registers as arguments.
pub(crate) fn call_fun_value(c: &mut Ctx<'_>, f: Term, arity: u32, mode: Mode) -> Step {
    // SAFETY: `f` is a valid term of the running process; a fun's entry outlives it.
    let Some(view) = (unsafe { fun::view(f) }) else {
        return Err(Stop::Raise(crate::instr_exception::badfun(c, f)));
    };
    if u32::from(view.arity) != arity {
        return Err(Stop::Raise(crate::instr_exception::badarity(c, f, arity)));
    }
    match view.target {
        FunTarget::External(export) => call_export(c, export as *const Export, arity, mode),
        FunTarget::Local(entry) => {
            let address = entry.dispatch.addresses[0].load(core::sync::atomic::Ordering::Acquire);
            if address == 0 {
                return Err(Stop::Raise(crate::instr_exception::badfun(c, f)));
            }
            for (i, v) in view.env.iter().enumerate() {
                c.x[arity as usize + i] = *v;
            }
            enter(c, address as *const Instr, arity + view.env.len() as u32, mode)
        }
    }
}

pub(crate) fn call_fun(c: &mut Ctx<'_>, arity: u32, fun: Src, dealloc: Option<u32>) -> Step {
    let f = c.get(fun);
    call_fun_value(c, f, arity, dealloc.map_or(Mode::Call, Mode::Last))
}

pub(crate) fn make_fun(c: &mut Ctx<'_>, mf: &MakeFun) -> Step {
    let env: Vec<Term> = mf.env.iter().map(|s| c.get(*s)).collect();
    // SAFETY: fun entries are owned by the module's code, alive while it is loaded.
    let entry = unsafe { &*mf.entry };
    let f = fun::build_local(c.proc, entry, &env).map_err(|_| Stop::Raise(Exception::system_limit()))?;
    c.set(mf.dst, f);
    Ok(())
}
