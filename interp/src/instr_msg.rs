//! Sending and selective receive (BeamAsm's `instr_msg.cpp`).
//!
//! `loop_rec` looks at the message under the mailbox cursor (or goes to the label that
//! waits), `loop_rec_end` moves the cursor on, `remove_message` takes the matched message
//! out (its fragment joins the heap), `wait` and `wait_timeout` give up the scheduler until a
//! message (or the timeout) comes. A process woken by its timeout resumes at the receive's
//! `loop_rec`, finds nothing new, and reaches `wait_timeout` again, which then falls through
//! to `timeout`.

use std::time::{Duration, Instant};

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::exception::Exception;
use rbeam_runtime::{Term, atoms, schedule};

use crate::Outcome;
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
        O::Send => Instr::Send,
        O::LoopRec => Instr::LoopRec { fail: t.label(&a[0])?, dst: t.dst(&a[1])? },
        O::LoopRecEnd => Instr::LoopRecEnd { to: t.label(&a[0])? },
        O::RemoveMessage => Instr::RemoveMessage,
        O::Wait => Instr::Wait { to: t.label(&a[0])? },
        O::WaitTimeout => Instr::WaitTimeout { to: t.label(&a[0])?, timeout: t.src(&a[1])? },
        O::Timeout => Instr::Timeout,
        O::RecvMarkerReserve => Instr::RecvMarkerReserve { dst: t.dst(&a[0])? },
        O::RecvMarkerBind => Instr::RecvMarkerBind { marker: t.src(&a[0])?, reference: t.src(&a[1])? },
        O::RecvMarkerClear => Instr::RecvMarkerClear { src: t.src(&a[0])? },
        O::RecvMarkerUse => Instr::RecvMarkerUse { src: t.src(&a[0])? },
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

/// `send`: x0 ! x1, leaving the message in x0. The destination is a pid, a registered name
/// or an alias ([`schedule::destination`]).
pub(crate) fn send(c: &mut Ctx<'_>) -> Step {
    let (to, msg) = (c.x[0], c.x[1]);
    match schedule::destination(c.vm, c.proc, to) {
        schedule::Route::To(pid) => schedule::send(c.vm, c.proc, pid, msg),
        schedule::Route::Dropped => {}
        schedule::Route::Invalid => return Err(Stop::Raise(Exception::badarg())),
    }
    c.x[0] = msg;
    // A send costs reductions like a call, so a sending loop cannot starve the receivers.
    c.reduce(c.ip, 1)
}

pub(crate) fn loop_rec(c: &mut Ctx<'_>, fail: Code, dst: Dst) -> Step {
    match c.proc.mailbox.peek() {
        Some(m) => c.set(dst, m),
        None => c.jump(fail),
    }
    Ok(())
}

pub(crate) fn remove_message(c: &mut Ctx<'_>) -> Step {
    if let Some(message) = c.proc.mailbox.take() {
        if let Some(fragment) = message.fragment {
            c.proc.adopt_fragment(fragment);
        }
    }
    c.proc.timeout_at = None;
    c.proc.timed_out = false;
    Ok(())
}

/// `wait`: sleep until a message comes, then resume at `to`.
pub(crate) fn wait(c: &mut Ctx<'_>, to: Code) -> Stop {
    c.leave(to.addr(), 0, Outcome::Wait)
}

pub(crate) fn wait_timeout(c: &mut Ctx<'_>, to: Code, timeout: Src) -> Step {
    if c.proc.timed_out {
        // Woken by the timer: fall through to `timeout`.
        c.proc.timed_out = false;
        return Ok(());
    }
    if c.proc.timeout_at.is_some() {
        // Woken by a message that did not match, the timer still running. The operand is
        // not read again: registers do not survive a wait.
        return Err(wait(c, to));
    }
    let t = c.get(timeout);
    if t == atoms::INFINITY {
        return Err(wait(c, to));
    }
    let Some(ms) = timeout_millis(t) else { return Err(Stop::Raise(Exception::error(atoms::TIMEOUT_VALUE))) };
    if ms == 0 {
        return Ok(());
    }
    let at = Instant::now() + Duration::from_millis(ms);
    c.proc.timeout_at = Some(at);
    c.proc.timer_seq = c.vm.add_timer(c.proc.id, at);
    Err(wait(c, to))
}

/// A receive timeout in milliseconds: a non-negative integer below 2^32 (on 32-bit words the
/// top of that range is a bignum).
fn timeout_millis(t: Term) -> Option<u64> {
    if let Some(ms) = t.small_value() {
        return u64::try_from(ms).ok().filter(|ms| *ms <= u64::from(u32::MAX));
    }
    let v = rbeam_runtime::arith::to_float(t).filter(|_| crate::instr_common::is_integer(t))?;
    (0.0..=f64::from(u32::MAX)).contains(&v).then_some(v as u64)
}

/// `timeout`: the receive timed out; start the next receive from the oldest message.
pub(crate) fn timeout(c: &mut Ctx<'_>) -> Step {
    c.proc.timeout_at = None;
    c.proc.timed_out = false;
    c.proc.mailbox.rewind();
    Ok(())
}

/// `recv_marker_reserve`: remember the queue's end; the marker itself is an opaque term.
pub(crate) fn marker_reserve(c: &mut Ctx<'_>, dst: Dst) -> Step {
    c.proc.mailbox.reserve_marker();
    c.set(dst, Term::small(0).unwrap_or(Term::NIL));
    Ok(())
}
