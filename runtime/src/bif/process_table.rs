//! `erlang:processes/0`: the pids of every process alive, the running one included (it is
//! out of the process table while it runs).

use super::{Bif, BifCtx, BifResult};
use crate::exception::Exception;
use crate::term::{Term, list};

/// Every live pid, in the order erts sorts local pids (oldest first: pids are not reused).
fn processes(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let mut pids: Vec<Term> = ctx.vm.processes.keys().copied().collect();
    pids.push(ctx.proc.id);
    pids.sort_by_key(|pid| pid.local_pid_data());
    list::build(ctx.proc, &pids, Term::NIL).map_err(|_| Exception::system_limit()).into()
}

pub const BIFS: &[Bif] = &[Bif { module: "erlang", name: "processes", arity: 0, f: processes }];
