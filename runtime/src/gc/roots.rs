//! The root set: every place outside the heaps where a live term can be.
//!
//! Adding a term field to [`Process`] means adding it here, or the collector will leave it
//! pointing into freed memory (stress mode with debug verification catches that).

use crate::process::Process;
use crate::term::Term;

/// Calls `f` on every root and stores what it returns back in place: the X registers
/// `xregs`, the stack words that are terms, and the process's term fields.
///
/// # Safety
/// `proc.stop..proc.hend` must be the process's stack, readable and writable.
pub(super) unsafe fn for_each_root(proc: &mut Process, xregs: &mut [Term], mut f: impl FnMut(Term) -> Term) {
    for x in xregs.iter_mut() {
        *x = f(*x);
    }
    let mut slot = proc.stop;
    while slot < proc.hend {
        // SAFETY: `stop..hend` is the stack (caller).
        let word = Term::from_raw(unsafe { slot.read() });
        if !word.is_cp() {
            // SAFETY: as above.
            unsafe { slot.write(f(word).raw()) };
        }
        slot = slot.wrapping_add(1);
    }
    let live_args = proc.arity.min(proc.arg_regs.len());
    for x in &mut proc.arg_regs[..live_args] {
        *x = f(*x);
    }
    for (key, value) in proc.dictionary.iter_mut() {
        *key = f(*key);
        *value = f(*value);
    }
    for monitor in proc.monitors.iter_mut().chain(proc.monitored_by.iter_mut()) {
        monitor.reference = f(monitor.reference);
        monitor.pid = f(monitor.pid);
    }
    if let Some((pid, tag)) = &mut proc.reply_result_to {
        *pid = f(*pid);
        *tag = f(*tag);
    }
    if let Some(reference) = proc.mailbox.marker_term_mut() {
        *reference = f(*reference);
    }
    proc.fvalue = f(proc.fvalue);
    proc.exit_reason = f(proc.exit_reason);
    proc.result = f(proc.result);
    proc.group_leader = f(proc.group_leader);
    proc.id = f(proc.id);
}
