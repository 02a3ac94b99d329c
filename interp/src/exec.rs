//! The dispatch loop: runs a process's instructions until it yields, waits or exits.
//!
//! The loop is entered from the scheduler with the process's saved state (its instruction
//! pointer `i`, its live X registers, its stack pointer `stop` = E and heap top `htop`) and
//! leaves by saving it back. An Erlang call or return never enters or leaves a Rust frame:
//! `call` pushes the return address (a CP: the address of the next instruction) on the
//! Erlang stack and moves the instruction pointer; `return` pops it. Instructions of each
//! family live in `instr_<family>.rs` next to their translation, like BeamAsm's
//! `instr_<family>.cpp`; this file holds the loop and the operand accessors they share.

use rbeam_runtime::exception::Exception;
use rbeam_runtime::process::{CONTEXT_REDUCTIONS, Process};
use rbeam_runtime::scheduler::SchedulerRegisters;
use rbeam_runtime::{Term, Vm};

use crate::instr::*;
use crate::{Engine, Outcome};

/// Why the loop stopped running the current instruction stream.
pub(crate) enum Stop {
    /// An exception to deliver to the nearest handler (or to end the process with).
    Raise(Exception),
    /// Leave the loop with this outcome; the process state is already saved.
    Leave(Outcome),
}

pub(crate) type Step = Result<(), Stop>;

/// The running process and everything the instructions reach.
pub(crate) struct Ctx<'a> {
    pub vm: &'a mut Vm,
    pub proc: &'a mut Process,
    pub x: &'a mut [Term; rbeam_runtime::scheduler::X_REGISTERS],
    pub f: &'a mut [f64; rbeam_runtime::scheduler::F_REGISTERS],
    pub engine: &'a Engine,
    /// The next instruction.
    pub ip: *const Instr,
    /// The instruction being executed (for error locations; null when its frame is gone).
    pub pc: *const Instr,
    /// The exception being raised comes from `func_info` (`function_clause`): its top stack
    /// frame is the function itself, with its arguments.
    pub clause_frame: bool,
}

impl Ctx<'_> {
    /// The value of a source operand.
    #[inline(always)]
    pub fn get(&self, s: Src) -> Term {
        match s.kind() {
            SrcKind::Const(t) => t,
            SrcKind::X(n) => self.x[n as usize],
            SrcKind::Y(n) => self.y(n),
        }
    }

    /// Y register `n` of the current frame.
    #[inline(always)]
    pub fn y(&self, n: u32) -> Term {
        let slot = self.y_slot(n);
        // SAFETY: `y_slot` keeps the slot inside the process's stack (`stop..hend`).
        Term::from_raw(unsafe { slot.read() })
    }

    /// The address of Y register `n`. A Y register beyond the stack (which only a corrupt
    /// module could name) is clamped to the top stack word rather than read out of bounds.
    #[inline(always)]
    pub fn y_slot(&self, n: u32) -> *mut usize {
        let slot = self.proc.stop.wrapping_add(n as usize);
        if slot < self.proc.hend { slot } else { self.proc.hend.wrapping_sub(1) }
    }

    #[inline(always)]
    pub fn set(&mut self, d: Dst, t: Term) {
        match d {
            Dst::X(n) => self.x[n as usize] = t,
            Dst::Y(n) => {
                let slot = self.y_slot(n);
                // SAFETY: `y_slot` keeps the slot inside the stack.
                unsafe { slot.write(t.raw()) }
            }
        }
    }

    /// Jumps to a code address.
    #[inline(always)]
    pub fn jump(&mut self, to: Code) {
        self.ip = to.addr();
    }

    /// The address of the instruction after the current one, as a CP.
    pub fn next_cp(&self) -> usize {
        self.ip as usize
    }

    /// Ensures `words` free words between heap top and stack top, collecting garbage with
    /// the first `live` X registers as roots if needed (or always, under GC stress).
    pub fn ensure_heap(&mut self, words: usize, live: u32) {
        crate::gc_point(self.proc, &mut self.x[..live as usize], words);
    }

    /// Saves the running state and leaves the loop, resuming at `resume` with the first
    /// `live` X registers when rescheduled.
    pub fn leave(&mut self, resume: *const Instr, live: usize, outcome: Outcome) -> Stop {
        self.proc.i = resume as *const u8;
        self.proc.arg_regs.clear();
        self.proc.arg_regs.extend_from_slice(&self.x[..live]);
        self.proc.arity = live;
        Stop::Leave(outcome)
    }

    /// Counts one reduction; when the slice is used up, yields (resuming at `resume` with
    /// `live` registers).
    #[inline(always)]
    pub fn reduce(&mut self, resume: *const Instr, live: usize) -> Step {
        self.proc.fcalls -= 1;
        if self.proc.fcalls <= 0 { Err(self.leave(resume, live, Outcome::Yield)) } else { Ok(()) }
    }
}

/// Runs `proc` for one time slice.
pub(crate) fn run(
    engine: &Engine,
    vm: &mut Vm,
    proc: &mut Process,
    regs: &mut SchedulerRegisters,
) -> Outcome {
    let live = proc.arity;
    regs.x[..live].copy_from_slice(&proc.arg_regs[..live]);
    // While the process runs, its live registers are in `regs`; stale saved copies must not
    // be garbage collection roots.
    proc.arg_regs.clear();
    proc.arity = 0;
    let start_fcalls = CONTEXT_REDUCTIONS;
    proc.fcalls = start_fcalls;
    let ip = proc.i as *const Instr;
    let mut c = Ctx { vm, proc, x: &mut regs.x, f: &mut regs.f, engine, ip, pc: ip, clause_frame: false };
    let outcome = loop {
        match step_until_stop(&mut c) {
            Stop::Leave(outcome) => break outcome,
            Stop::Raise(ex) => {
                if let Some(outcome) = crate::instr_exception::handle(&mut c, ex) {
                    break outcome;
                }
            }
        }
    };
    let used = start_fcalls - c.proc.fcalls.max(0);
    c.proc.reductions += used.max(0) as u64;
    outcome
}

/// Executes instructions until one stops the flow.
fn step_until_stop(c: &mut Ctx<'_>) -> Stop {
    loop {
        c.pc = c.ip;
        #[cfg(feature = "coverage")]
        c.engine.loader.coverage.hit(c.pc);
        // SAFETY: `ip` always points at an instruction of loaded code: translation resolved
        // every label to an instruction of the same module, CPs and export addresses point
        // at instructions, and code stays loaded while a process can run in it.
        let instr = unsafe { &*c.ip };
        c.ip = c.ip.wrapping_add(1);
        let r = match instr {
            Instr::Move { src, dst } => {
                let v = c.get(*src);
                c.set(*dst, v);
                Ok(())
            }
            Instr::Call { arity, to } => crate::instr_call::call(c, *arity, *to),
            Instr::CallLast { arity, to, dealloc } => crate::instr_call::call_last(c, *arity, *to, *dealloc),
            Instr::CallOnly { arity, to } => crate::instr_call::call_only(c, *arity, *to),
            Instr::Return => crate::instr_call::ret(c),
            Instr::Compare { fail, a, b, op } => crate::instr_common::compare(c, *fail, *a, *b, *op),
            Instr::IsNil { fail, src } => {
                if !c.get(*src).is_nil() {
                    c.jump(*fail);
                }
                Ok(())
            }
            Instr::IsNonemptyList { fail, src } => {
                if !c.get(*src).is_list() {
                    c.jump(*fail);
                }
                Ok(())
            }
            Instr::GetList { src, hd, tl } => crate::instr_common::get_list(c, *src, Some(*hd), Some(*tl)),
            Instr::GetHd { src, dst } => crate::instr_common::get_list(c, *src, Some(*dst), None),
            Instr::GetTl { src, dst } => crate::instr_common::get_list(c, *src, None, Some(*dst)),
            Instr::PutList { hd, tl, dst } => crate::instr_common::put_list(c, *hd, *tl, *dst),
            Instr::GetTupleElement { src, index, dst } => {
                crate::instr_common::get_tuple_element(c, *src, *index, *dst)
            }
            Instr::TestArity { fail, src, arity } => crate::instr_common::test_arity(c, *fail, *src, *arity),
            Instr::IsTaggedTuple { fail, src, arity, tag } => {
                crate::instr_common::is_tagged_tuple(c, *fail, *src, *arity, *tag)
            }
            Instr::IsType { fail, src, test } => crate::instr_common::type_test(c, *fail, *src, *test),
            Instr::SelectVal { src, fail, table } => {
                crate::instr_common::select(c, *src, *fail, table, false)
            }
            Instr::SelectTupleArity { src, fail, table } => {
                crate::instr_common::select(c, *src, *fail, table, true)
            }
            Instr::Jump { to } => {
                c.jump(*to);
                Ok(())
            }
            Instr::Allocate { stack, heap, live } => crate::instr_common::allocate(c, *stack, *heap, *live),
            Instr::TestHeap { heap, live } => {
                c.ensure_heap(*heap as usize, *live);
                Ok(())
            }
            Instr::Deallocate { n } => {
                c.proc.stop = c.proc.stop.wrapping_add(*n as usize);
                Ok(())
            }
            Instr::Trim { n } => crate::instr_common::trim(c, *n),
            Instr::InitYregs { regs } => {
                for &y in regs.iter() {
                    c.set(Dst::Y(y), Term::NIL);
                }
                Ok(())
            }
            Instr::CallExt { arity, export } => crate::instr_call::call_ext(c, *arity, *export),
            Instr::CallExtLast { arity, export, dealloc } => {
                crate::instr_call::call_ext_last(c, *arity, *export, *dealloc)
            }
            Instr::CallExtOnly { arity, export } => crate::instr_call::call_ext_only(c, *arity, *export),
            Instr::Bif { fail, bif, args, n, dst, live, gc } => {
                crate::instr_bif::bif(c, *fail, *bif, &args[..*n as usize], *dst, *live, *gc)
            }
            Instr::Arith { fail, op, a, b, dst, live } => {
                crate::instr_bif::arith(c, *fail, *op, *a, *b, *dst, *live)
            }
            Instr::Swap { a, b } => {
                let (va, vb) = (c.get(a.as_src()), c.get(b.as_src()));
                c.set(*a, vb);
                c.set(*b, va);
                Ok(())
            }
            Instr::PutTuple { elements, dst } => crate::instr_common::put_tuple(c, elements, *dst),
            Instr::SetTupleElement { value, tuple, index } => {
                crate::instr_common::set_tuple_element(c, *value, *tuple, *index)
            }
            Instr::UpdateRecord { src, dst, updates } => {
                crate::instr_common::update_record(c, *src, *dst, updates)
            }
            Instr::IsFunction2 { fail, src, arity } => {
                crate::instr_common::is_function2(c, *fail, *src, *arity)
            }
            Instr::FuncInfo { module, function, arity } => {
                crate::instr_exception::function_clause(c, *module, *function, *arity)
            }
            Instr::NormalExit => {
                c.proc.result = c.x[0];
                Err(c.leave(c.pc, 0, Outcome::Exit(rbeam_runtime::atoms::NORMAL)))
            }
            Instr::Undefined => Err(Stop::Raise(Exception::error(rbeam_runtime::atoms::UNDEF))),
            Instr::ApplyList => crate::instr_call::apply_list(c),
            Instr::CallBif { bif } => crate::instr_bif::call_bif_stub(c, *bif),
            Instr::BootCall { export, args } => crate::instr_call::boot_call(c, *export, *args),
            Instr::BootDone => {
                c.vm.stopping.get_or_insert(0);
                Err(c.leave(c.pc, 0, Outcome::Exit(rbeam_runtime::atoms::NORMAL)))
            }
            Instr::Apply { arity, dealloc } => crate::instr_call::apply(c, *arity, *dealloc),
            Instr::CallFun { arity, fun, dealloc } => crate::instr_call::call_fun(c, *arity, *fun, *dealloc),
            Instr::MakeFun(mf) => crate::instr_call::make_fun(c, mf),
            Instr::Badmatch { src } => {
                Err(crate::instr_exception::tagged_error(c, rbeam_runtime::atoms::BADMATCH, *src))
            }
            Instr::CaseEnd { src } => {
                Err(crate::instr_exception::tagged_error(c, rbeam_runtime::atoms::CASE_CLAUSE, *src))
            }
            Instr::TryCaseEnd { src } => {
                Err(crate::instr_exception::tagged_error(c, rbeam_runtime::atoms::TRY_CLAUSE, *src))
            }
            Instr::Badrecord { src } => {
                Err(crate::instr_exception::tagged_error(c, rbeam_runtime::atoms::BADRECORD, *src))
            }
            Instr::IfEnd => Err(Stop::Raise(Exception::error(rbeam_runtime::atoms::IF_CLAUSE))),
            Instr::Catch { y, tag, .. } | Instr::Try { y, tag, .. } => {
                crate::instr_exception::catch(c, *y, *tag)
            }
            Instr::CatchEnd { y } => crate::instr_exception::catch_end(c, *y),
            Instr::TryEnd { y } => crate::instr_exception::try_end(c, *y),
            Instr::TryCase { y } => crate::instr_exception::try_case(c, *y),
            Instr::Raise { trace, value } => crate::instr_exception::raise(c, *trace, *value),
            Instr::BuildStacktrace => crate::instr_exception::build_stacktrace(c),
            Instr::RawRaise => crate::instr_exception::raw_raise(c),
            Instr::Send => crate::instr_msg::send(c),
            Instr::LoopRec { fail, dst } => crate::instr_msg::loop_rec(c, *fail, *dst),
            Instr::LoopRecEnd { to } => {
                c.proc.mailbox.skip();
                c.jump(*to);
                Ok(())
            }
            Instr::RemoveMessage => crate::instr_msg::remove_message(c),
            Instr::Wait { to } => Err(crate::instr_msg::wait(c, *to)),
            Instr::WaitTimeout { to, timeout } => crate::instr_msg::wait_timeout(c, *to, *timeout),
            Instr::Timeout => crate::instr_msg::timeout(c),
            Instr::RecvMarkerReserve { dst } => crate::instr_msg::marker_reserve(c, *dst),
            Instr::RecvMarkerBind { marker: _, reference } => {
                let r = c.get(*reference);
                c.proc.mailbox.bind_marker(r);
                Ok(())
            }
            Instr::RecvMarkerClear { src: _ } => {
                c.proc.mailbox.clear_marker();
                Ok(())
            }
            Instr::RecvMarkerUse { src } => {
                let r = c.get(*src);
                c.proc.mailbox.use_marker(r);
                Ok(())
            }
            Instr::FloatLoad { src, fr } => crate::instr_float::load(c, *src, *fr),
            Instr::FloatStore { fr, dst } => crate::instr_float::store(c, *fr, *dst),
            Instr::FloatMove { from, to } => {
                c.f[*to as usize] = c.f[*from as usize];
                Ok(())
            }
            Instr::FloatConv { src, fr } => crate::instr_float::conv(c, *src, *fr),
            Instr::FloatArith { op, a, b, dst } => crate::instr_float::arith(c, *op, *a, *b, *dst),
            Instr::FloatNegate { a, dst } => {
                c.f[*dst as usize] = -c.f[*a as usize];
                Ok(())
            }
            Instr::PutMap { fail, src, dst, live, exact, pairs } => {
                crate::instr_map::put_map(c, *fail, *src, *dst, *live, *exact, pairs)
            }
            Instr::GetMapElements { fail, src, pairs } => {
                crate::instr_map::get_map_elements(c, *fail, *src, pairs)
            }
            Instr::HasMapFields { fail, src, keys } => crate::instr_map::has_map_fields(c, *fail, *src, keys),
            Instr::Bs(bs) => crate::instr_bs::exec(c, bs),
        };
        if let Err(stop) = r {
            return stop;
        }
    }
}
