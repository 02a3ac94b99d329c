//! The interpreter's half of `erlang:hibernate/3` (the BIF checks the arguments and traps
//! with [`rbeam_runtime::bif::Trap::Hibernate`]): the stack is dropped down to the
//! normal-exit CP, the heap is collected with only the call's module, function and
//! arguments as roots, and the process leaves at the hibernate stub, which applies them
//! when the process runs again. As in erts, a process with messages already queued does not
//! sleep: it is only rescheduled, and starts its next receive from the oldest message.

use rbeam_runtime::Term;
use rbeam_runtime::exception::Exception;

use crate::Outcome;
use crate::exec::{Ctx, Step, Stop};
use crate::instr::Instr;

pub(crate) fn hibernate(c: &mut Ctx<'_>, module: Term, function: Term, args: Term) -> Step {
    c.x[0] = module;
    c.x[1] = function;
    c.x[2] = args;
    // Nothing on the stack survives: no frames, no catches.
    c.proc.stop = c.proc.hend;
    c.proc.catches = 0;
    // SAFETY: the stack is empty and the three X registers passed as roots hold every term
    // the process keeps; no raw pointer into its heap is held here.
    unsafe { rbeam_runtime::gc::collect(c.proc, &mut c.x[..3], 1) };
    if c.proc.push_stack(Term::from_raw(c.vm.normal_exit)).is_err() {
        return Err(Stop::Raise(Exception::system_limit()));
    }
    c.proc.mailbox.rewind();
    let outcome = if c.proc.mailbox.is_empty() { Outcome::Wait } else { Outcome::Yield };
    Err(c.leave(c.vm.hibernate_stub as *const Instr, 3, outcome))
}
