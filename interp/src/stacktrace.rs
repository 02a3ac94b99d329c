//! Stack traces in erl's form: `[{Module, Function, ArityOrArgs, Location}]`, built on demand
//! from the raw form an exception carries (see [`crate::instr_exception`]).
//!
//! Each code address is mapped to its module and function through the module table; the
//! location of a CP is the source line of the call before it. Addresses outside any module
//! (the interpreter's stubs) are left out, as erts leaves out its own trampolines.

use rbeam_runtime::process::Process;
use rbeam_runtime::term::{TermBuilder, bits, list, tuple};
use rbeam_runtime::{Term, Vm, atoms};

use crate::instr_common::tuple_elements;

/// Converts a raw stack trace to erl's list; a list (already built) is returned as it is, and
/// so is the list of `{Class, List}` (what `erlang:raise/3` raises with).
pub fn build(vm: &mut Vm, proc: &mut Process, raw: Term) -> Term {
    if let Some(&[_, list]) = tuple_elements(raw) {
        return list;
    }
    let Some(e) = tuple_elements(raw).filter(|e| e.len() == 3) else { return raw };
    let (bin, top) = (e[1], e[2]);
    // SAFETY: `bin` is a binary the raw trace holds, a valid term of `proc`.
    let bytes = unsafe { bits::view(bin) }.map(|v| v.to_bytes()).unwrap_or_default();
    let word = core::mem::size_of::<usize>();
    let addresses: Vec<usize> = bytes
        .chunks_exact(word)
        .map(|c| usize::from_ne_bytes(c.try_into().unwrap_or([0; core::mem::size_of::<usize>()])))
        .collect();
    let clause = vm.atoms.lookup(crate::instr_exception::CLAUSE_FRAME);
    let caller = vm.atoms.lookup(crate::instr_exception::CALLER_FRAME);
    let mut frames: Vec<Term> = Vec::new();
    let mut skip_pc = false;
    if let Some(t) = tuple_elements(top).filter(|t| t.len() == 4) {
        let (mut m, mut f, mut args, kind) = (t[0], t[1], t[2], t[3]);
        if Some(kind) == caller {
            // The function at the program counter, with these arguments (or its arity).
            let pc = addresses.first().copied().unwrap_or(0);
            if let Some(mfa) = vm.modules.module_at(pc).and_then(|md| md.mfa_at(pc)) {
                m = mfa.module;
                f = mfa.function;
                if !args.is_list() && !args.is_nil() {
                    args = Term::small(mfa.arity as i64).unwrap_or(args);
                }
            }
        }
        let loc = if Some(kind) == clause || Some(kind) == caller {
            skip_pc = true;
            addresses.first().map_or(Term::NIL, |&a| location(vm, proc, a, false))
        } else if kind == atoms::ERROR {
            error_info(vm, proc, m)
        } else {
            Term::NIL
        };
        frames.push(tuple::build(proc, &[m, f, args, loc]).unwrap_or(Term::NIL));
    }
    for (i, &address) in addresses.iter().enumerate() {
        if frames.len() >= crate::instr_exception::BACKTRACE_DEPTH {
            break;
        }
        if i == 0 && skip_pc {
            continue;
        }
        // The first address is the failing instruction itself (0 when there is none, as in
        // a BIF reached by a tail call), the others are CPs (the instruction after a call):
        // their location is the call's.
        let Some(mfa) = vm.modules.module_at(address).and_then(|m| m.mfa_at(address)) else { continue };
        let loc = location(vm, proc, address, i > 0);
        let arity = Term::small(mfa.arity as i64).unwrap_or(Term::NIL);
        frames.push(tuple::build(proc, &[mfa.module, mfa.function, arity, loc]).unwrap_or(Term::NIL));
    }
    list::build(proc, &frames, Term::NIL).unwrap_or(Term::NIL)
}

/// `[{file, File}, {line, Line}]` for the code at `address` (for a CP, of the call before
/// it), or `[]` without line information.
fn location(vm: &mut Vm, proc: &mut Process, address: usize, is_cp: bool) -> Term {
    let lookup = if is_cp { address.saturating_sub(1) } else { address };
    let Some(module) = vm.modules.module_at(lookup) else { return Term::NIL };
    let Some(loc) = module.location_at(lookup) else { return Term::NIL };
    let file = module.file_name(loc).to_string();
    let mut b = TermBuilder::new(proc, &mut vm.atoms);
    let build = |b: &mut TermBuilder<'_, Process>| -> Option<Term> {
        let file_atom = b.atom("file").ok()?;
        let line_atom = b.atom("line").ok()?;
        let name = b.string(&file).ok()?;
        let f = b.tuple(&[file_atom, name]).ok()?;
        let l = b.tuple(&[line_atom, Term::small(i64::from(loc.line))?]).ok()?;
        b.list(&[f, l]).ok()
    };
    build(&mut b).unwrap_or(Term::NIL)
}

/// `[{error_info, #{module => ErrorsModule}}]`, erl's pointer to the module that explains a
/// BIF's failure.
fn error_info(vm: &mut Vm, proc: &mut Process, bif_module: Term) -> Term {
    let errors = match vm.atoms.text(bif_module) {
        Some("erlang") => "erl_erts_errors",
        Some("lists" | "maps" | "binary" | "string" | "unicode" | "math" | "io" | "ets" | "re") => {
            "erl_stdlib_errors"
        }
        _ => "erl_kernel_errors",
    };
    let mut b = TermBuilder::new(proc, &mut vm.atoms);
    let build = |b: &mut TermBuilder<'_, Process>| -> Option<Term> {
        let key = b.atom("module").ok()?;
        let value = b.atom(errors).ok()?;
        // SAFETY: both are atoms.
        let map = unsafe { b.map(&[(key, value)]) }.ok()?;
        let tag = b.atom("error_info").ok()?;
        let info = b.tuple(&[tag, map]).ok()?;
        b.list(&[info]).ok()
    };
    build(&mut b).unwrap_or(Term::NIL)
}
