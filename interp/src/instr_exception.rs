//! Raising and catching exceptions (the exception parts of BeamAsm's `instr_common.cpp`).
//!
//! `catch`/`try` put a catch tag (an immediate naming the handler's address in the VM's
//! catch table) in a Y slot of the current frame. Raising scans the stack upward for the
//! nearest catch tag; the frame holding it becomes the current frame and execution goes on
//! at the handler with x0 = the non-value, x1 = the reason, x2 = the raw stack trace and
//! x3 = the class (OTP 24+), which `try_case` and `catch_end` then interpret. Without a
//! handler the process ends.
//!
//! The raw stack trace is a small tuple `{Class, Addresses, Top}` built when the exception is
//! raised: the class (`raise` re-raises with it), a binary of the code addresses of the
//! failing instruction and of the CPs on the stack (as erl, at most 8 frames), and the top
//! frame a BIF (or `undef`, or `function_clause`) contributes. [`crate::stacktrace::build`]
//! turns it into erl's `[{M, F, ArityOrArgs, Location}]` only when someone asks.
//! `erlang:raise/3` raises with `{Class, List}`: a trace already in erl's form, with its class.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::dispatch::Mfa;
use rbeam_runtime::exception::{Class, Exception};
use rbeam_runtime::term::{bits, tuple};
use rbeam_runtime::{Term, atoms};

use crate::Outcome;
use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::translate::{TranslateError, Translator};

/// How many frames a stack trace keeps (erts' default `backtrace_depth`).
pub(crate) const BACKTRACE_DEPTH: usize = 8;

pub(crate) fn translate<'a>(
    t: &mut Translator<'_, '_, 'a>,
    op: Opcode,
    a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    let i = match op {
        O::Badmatch => Instr::Badmatch { src: t.src(&a[0])? },
        O::CaseEnd => Instr::CaseEnd { src: t.src(&a[0])? },
        O::IfEnd => Instr::IfEnd,
        O::TryCaseEnd => Instr::TryCaseEnd { src: t.src(&a[0])? },
        O::Badrecord => Instr::Badrecord { src: t.src(&a[0])? },
        O::Catch => Instr::Catch { y: t.y(&a[0])?, handler: t.label(&a[1])?, tag: Term::NIL },
        O::CatchEnd => Instr::CatchEnd { y: t.y(&a[0])? },
        O::Try => Instr::Try { y: t.y(&a[0])?, handler: t.label(&a[1])?, tag: Term::NIL },
        O::TryEnd => Instr::TryEnd { y: t.y(&a[0])? },
        O::TryCase => Instr::TryCase { y: t.y(&a[0])? },
        O::Raise => Instr::Raise { trace: t.src(&a[0])?, value: t.src(&a[1])? },
        O::BuildStacktrace => Instr::BuildStacktrace,
        O::RawRaise => Instr::RawRaise,
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

/// `{Tag, Value}` errors: `{badmatch, V}`, `{case_clause, V}`...
pub(crate) fn tagged_error(c: &mut Ctx<'_>, tag: Term, src: Src) -> Stop {
    let v = c.get(src);
    let t = tuple::build(c.proc, &[tag, v]).unwrap_or(tag);
    Stop::Raise(Exception::error(t))
}

/// `{badfun, F}`.
pub(crate) fn badfun(c: &mut Ctx<'_>, f: Term) -> Exception {
    Exception::error(tuple::build(c.proc, &[atoms::BADFUN, f]).unwrap_or(atoms::BADFUN))
}

/// `{badarity, {F, Args}}`.
pub(crate) fn badarity(c: &mut Ctx<'_>, f: Term, arity: u32) -> Exception {
    let args = crate::instr_call::args_list(c, arity);
    let inner = tuple::build(c.proc, &[f, args]).unwrap_or(f);
    Exception::error(tuple::build(c.proc, &[atoms::BADARITY, inner]).unwrap_or(atoms::BADARITY))
}

/// The atom marking a `function_clause` top frame (its location comes from the program
/// counter, and the program counter's own frame is not repeated).
pub(crate) const CLAUSE_FRAME: &str = "$clause";

/// The atom marking a top frame that is the program counter's own function with the given
/// arguments instead of its arity (`erlang:error/2`).
pub(crate) const CALLER_FRAME: &str = "$caller";

/// A function's `func_info`: no clause matched.
pub(crate) fn function_clause(c: &mut Ctx<'_>, module: Term, function: Term, arity: u32) -> Step {
    let args = crate::instr_call::args_list(c, arity);
    let mfa = Mfa { module, function, arity: arity as usize };
    let mut ex = Exception::error(atoms::FUNCTION_CLAUSE).in_bif(mfa, args);
    ex.bif = Some((mfa, args));
    c.clause_frame = true;
    Err(Stop::Raise(ex))
}

/// Builds the raw stack trace of an exception raised at `c.pc`.
fn raw_trace(c: &mut Ctx<'_>, ex: &Exception) -> Term {
    let mut addresses: Vec<usize> = Vec::with_capacity(BACKTRACE_DEPTH + 1);
    // The failing instruction, or 0 when its frame is gone (a tail call).
    addresses.push(c.pc as usize);
    let mut p = c.proc.stop;
    let mut previous = 0;
    while p < c.proc.hend && addresses.len() <= BACKTRACE_DEPTH {
        // SAFETY: `stop..hend` is the process's stack.
        let w = unsafe { p.read() };
        // A CP repeated right after itself (a body recursion) is shown once, as erts does.
        if w & 3 == 0 && w != 0 && w != c.vm.normal_exit && w != previous {
            addresses.push(w);
        }
        if w & 3 == 0 && w != 0 {
            previous = w;
        }
        p = p.wrapping_add(1);
    }
    let bytes: Vec<u8> = addresses.iter().flat_map(|a| a.to_ne_bytes()).collect();
    let bin = bits::build_binary(c.proc, &bytes).unwrap_or(Term::NIL);
    let top = match (ex.frame, ex.bif) {
        (rbeam_runtime::exception::Frame::Caller(args), _) => {
            let kind = c.vm.atoms.intern(CALLER_FRAME).unwrap_or(atoms::UNDEFINED);
            tuple::build(c.proc, &[atoms::UNDEFINED, atoms::UNDEFINED, args, kind]).unwrap_or(Term::NIL)
        }
        (_, Some((mfa, args))) => {
            let kind = if c.clause_frame {
                c.vm.atoms.intern(CLAUSE_FRAME).unwrap_or(atoms::UNDEFINED)
            } else if ex.reason == atoms::UNDEF {
                atoms::UNDEF
            } else {
                atoms::ERROR
            };
            let function = mfa.function;
            tuple::build(c.proc, &[mfa.module, function, args, kind]).unwrap_or(Term::NIL)
        }
        (_, None) => Term::NIL,
    };
    tuple::build(c.proc, &[ex.class.atom(), bin, top]).unwrap_or(Term::NIL)
}

/// The class a raw stack trace records.
fn trace_class(trace: Term) -> Option<Class> {
    let e = crate::instr_common::tuple_elements(trace)?;
    if e.len() != 3 && e.len() != 2 {
        return None;
    }
    Class::from_atom(e[0])
}

/// Delivers an exception: to the nearest handler on the stack, or by ending the process.
/// Returns the outcome when the process ends.
pub(crate) fn handle(c: &mut Ctx<'_>, ex: Exception) -> Option<Outcome> {
    let trace = match ex.stacktrace {
        Some(t) => t,
        None => raw_trace(c, &ex),
    };
    c.clause_frame = false;
    let mut p = c.proc.stop;
    let mut frame = c.proc.stop;
    while p < c.proc.hend {
        // SAFETY: `stop..hend` is the process's stack.
        let w = Term::from_raw(unsafe { p.read() });
        if let Some(index) = w.catch_index() {
            let handler = c.vm.catch_handler(index);
            c.proc.stop = frame;
            c.x[0] = Term::NON_VALUE;
            c.x[1] = ex.reason;
            c.x[2] = trace;
            c.x[3] = ex.class.atom();
            c.ip = handler as *const Instr;
            return None;
        }
        if w.raw() & 3 == 0 && w.raw() != 0 {
            frame = p.wrapping_add(1);
        }
        p = p.wrapping_add(1);
    }
    // Uncaught: the process ends. erl's exit reasons: `{Reason, Stack}` for errors,
    // `{{nocatch, Value}, Stack}` for throws, the reason itself for exits.
    let reason = match ex.class {
        Class::Exit => ex.reason,
        Class::Error | Class::Throw => {
            let stack = crate::stacktrace::build(c.vm, c.proc, trace);
            let r = if ex.class == Class::Throw {
                tuple::build(c.proc, &[atoms::NOCATCH, ex.reason]).unwrap_or(ex.reason)
            } else {
                ex.reason
            };
            tuple::build(c.proc, &[r, stack]).unwrap_or(r)
        }
    };
    c.proc.exit_class_error = ex.class != Class::Exit;
    c.proc.i = c.pc as *const u8;
    Some(Outcome::Exit(reason))
}

/// `catch`/`try`: a catch tag for `handler` in Y `y`.
pub(crate) fn catch(c: &mut Ctx<'_>, y: u32, tag: Term) -> Step {
    c.set(Dst::Y(y), tag);
    c.proc.catches += 1;
    Ok(())
}

pub(crate) fn try_end(c: &mut Ctx<'_>, y: u32) -> Step {
    c.set(Dst::Y(y), Term::NIL);
    c.proc.catches -= 1;
    Ok(())
}

/// `try_case`: entering the `catch` clauses of a `try`; x0 becomes the class.
pub(crate) fn try_case(c: &mut Ctx<'_>, y: u32) -> Step {
    try_end(c, y)?;
    c.x[0] = c.x[3];
    Ok(())
}

/// `catch_end`: the value of a `catch` expression; after an exception, the thrown value or
/// an `{'EXIT', ...}` tuple.
pub(crate) fn catch_end(c: &mut Ctx<'_>, y: u32) -> Step {
    try_end(c, y)?;
    if !c.x[0].is_non_value() {
        return Ok(());
    }
    let (reason, trace, class) = (c.x[1], c.x[2], c.x[3]);
    c.x[0] = match Class::from_atom(class) {
        Some(Class::Throw) => reason,
        Some(Class::Error) => {
            let stack = crate::stacktrace::build(c.vm, c.proc, trace);
            let inner = tuple::build(c.proc, &[reason, stack]).unwrap_or(reason);
            tuple::build(c.proc, &[atoms::EXIT_SIGNAL, inner]).unwrap_or(inner)
        }
        _ => tuple::build(c.proc, &[atoms::EXIT_SIGNAL, reason]).unwrap_or(reason),
    };
    Ok(())
}

/// `raise Trace Value`: re-raises with the class and stack trace of an earlier exception.
pub(crate) fn raise(c: &mut Ctx<'_>, trace: Src, value: Src) -> Step {
    let (trace, value) = (c.get(trace), c.get(value));
    let class = trace_class(trace).unwrap_or(Class::Error);
    {
        let mut e = Exception::new(class, value);
        e.stacktrace = Some(trace);
        Err(Stop::Raise(e))
    }
}

/// `build_stacktrace`: x0 (a raw stack trace) becomes erl's list form.
pub(crate) fn build_stacktrace(c: &mut Ctx<'_>) -> Step {
    let raw = c.x[0];
    c.x[0] = crate::stacktrace::build(c.vm, c.proc, raw);
    Ok(())
}

/// `raw_raise`: raise class x0, reason x1 with raw stack trace x2.
pub(crate) fn raw_raise(c: &mut Ctx<'_>) -> Step {
    let (class, reason, trace) = (c.x[0], c.x[1], c.x[2]);
    match Class::from_atom(class) {
        Some(class) => {
            let mut e = Exception::new(class, reason);
            e.stacktrace = Some(trace);
            Err(Stop::Raise(e))
        }
        None => Err(Stop::Raise(Exception::badarg())),
    }
}
