//! `erlang:hibernate/3`: the process drops its call stack, is compacted by a collection and
//! sleeps until a message comes; it then calls `Module:Function(Args...)` with an empty stack,
//! so returning from that function ends the process (as erts' hibernate does). gen_server,
//! gen_statem and proc_lib:hibernate/3 use it for idle servers.
//!
//! The BIF only checks its arguments; the interpreter discards the stack and parks the
//! process ([`Trap::Hibernate`]), since that changes where execution goes.

use super::{Bif, BifCtx, BifResult, Trap};
use crate::exception::Exception;
use crate::term::Term;

use super::process::list_elements;

fn hibernate3(_: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let (module, function, args) = (a[0], a[1], a[2]);
    if !module.is_atom() || !function.is_atom() || list_elements(args).is_none() {
        return BifResult::Err(Exception::badarg());
    }
    BifResult::Trap(Trap::Hibernate { module, function, args })
}

pub const BIFS: &[Bif] = &[Bif { module: "erlang", name: "hibernate", arity: 3, f: hibernate3 }];
