//! The report of a process that died with an uncaught exception, as erts makes it: erts
//! hands `"Error in process ~p with exit value:~n~p~n"` to logger, whose default handler
//! prints it under an `=ERROR REPORT====` header. rbeam does the same through Erlang code:
//! it spawns a process running `logger:log/4` (rbeam's logger stand-in, which formats with
//! OTP's logger_formatter onto standard_error), so the reason is printed with `~p` exactly
//! as erl prints it. Should that reporter itself crash, its crash is printed directly, in
//! `~w` notation, instead of starting another reporter.

use crate::atoms;
use crate::copy;
use crate::heap::Heap;
use crate::print;
use crate::process::Process;
use crate::term::{Term, TermBuilder};
use crate::vm::Vm;
use std::io::Write;

/// What erts passes logger for a crashed process.
const FORMAT: &str = "Error in process ~p with exit value:~n~p~n";

/// Reports the crash of `proc` with `reason`.
pub fn report(vm: &mut Vm, proc: &Process, reason: Term) {
    if proc.crash_reporter || start_reporter(vm, proc, reason).is_none() {
        report_directly(vm, proc, reason);
    }
}

/// Spawns `logger:log(error, FORMAT, [Pid, Reason], #{error_logger => #{emulator => true,
/// tag => error}})`, the event erts sends; `None` if it could not be started.
fn start_reporter(vm: &mut Vm, proc: &Process, reason: Term) -> Option<()> {
    // SAFETY: the reason is a valid term of the dying process, whose heap is still alive.
    let words = unsafe { copy::size_of(reason) } + 4 * FORMAT.len() + 64;
    let mut heap = Heap::with_capacity(words);
    let args = {
        let mut b = TermBuilder::new(&mut heap, &mut vm.atoms);
        // SAFETY: as above; the copy lives in `heap`.
        let reason = unsafe { copy::copy_term(reason, b.alloc()) };
        let format = b.string(FORMAT).ok()?;
        let values = b.list(&[proc.id, reason]).ok()?;
        let (emulator, tag, error_logger) =
            (b.atom("emulator").ok()?, b.atom("tag").ok()?, b.atom("error_logger").ok()?);
        let (alloc, atoms) = b.parts();
        // SAFETY: keys and values are immediates.
        let inner = unsafe {
            crate::map::from_pairs_in(alloc, atoms, &[(emulator, atoms::TRUE), (tag, atoms::ERROR)])
        }
        .ok()?;
        // SAFETY: the value was just built in the same heap.
        let meta = unsafe { crate::map::from_pairs_in(alloc, atoms, &[(error_logger, inner)]) }.ok()?;
        b.list(&[atoms::ERROR, format, values, meta]).ok()?
    };
    let (logger, log) = (vm.atoms.intern("logger").ok()?, vm.atoms.intern("log").ok()?);
    let pid = crate::bif::process::spawn_unlimited(vm, proc, logger, log, args).ok()?;
    vm.process_mut(pid)?.crash_reporter = true;
    Some(())
}

/// The fallback: the report's text with the reason in `~w` notation, straight to stderr.
fn report_directly(vm: &Vm, proc: &Process, reason: Term) {
    // SAFETY: the pid and reason are valid terms of `proc`.
    let (pid, text) = unsafe { (print::to_string(&vm.atoms, proc.id), print::to_string(&vm.atoms, reason)) };
    let (Ok(pid), Ok(text)) = (pid, text) else { return };
    let _ =
        writeln!(std::io::stderr(), "=ERROR REPORT====\nError in process {pid} with exit value:\n{text}\n");
}
