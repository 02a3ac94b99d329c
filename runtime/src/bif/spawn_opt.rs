//! `erlang:spawn_opt/4` (erlang.erl's `spawn_opt/2,3,5` and `proc_lib` reach it): a spawn
//! with options. `link` and `monitor` (with `{monitor, [{alias, Mode}]}`) act as
//! `spawn_link` and `spawn_monitor`; the tuning options (`priority`, `fullsweep_after`,
//! `min_heap_size`, `min_bin_vheap_size`, `max_heap_size`, `message_queue_data`) are checked
//! and accepted: one scheduler and an adaptive heap have no use for them.

use super::aliases::{monitor_alias_option, monitor_new};
use super::process::{list_elements, spawn};
use super::signals::add_link;
use super::{Bif, BifCtx, BifResult};
use crate::alias::Mode;
use crate::exception::Exception;
use crate::term::{Term, tuple};

use BifResult::{Err as Fail, Ok as Done};

/// What the option list asks for.
#[derive(Default)]
struct Options {
    link: bool,
    /// `Some(alias)`: monitor the new process (with an alias of that mode, if any).
    monitor: Option<Option<Mode>>,
}

/// Whether `value` is a valid setting for tuning option `key`.
fn valid_tuning(ctx: &BifCtx<'_>, key: &str, value: Term) -> bool {
    let text = ctx.vm.atoms.text(value);
    match key {
        "priority" => matches!(text, Some("low" | "normal" | "high" | "max")),
        "fullsweep_after" | "min_heap_size" | "min_bin_vheap_size" => {
            value.small_value().is_some_and(|n| n >= 0)
        }
        "max_heap_size" => value.small_value().is_some_and(|n| n >= 0) || value.is_boxed(),
        "message_queue_data" => matches!(text, Some("on_heap" | "off_heap")),
        "async_dist" => matches!(text, Some("true" | "false")),
        _ => false,
    }
}

fn parse(ctx: &BifCtx<'_>, list: Term) -> Option<Options> {
    let mut o = Options::default();
    for item in list_elements(list)? {
        match ctx.vm.atoms.text(item) {
            Some("link") => o.link = true,
            Some("monitor") => o.monitor = Some(None),
            Some(_) => return None,
            None => {
                // SAFETY: BIF arguments are valid terms of the calling process.
                let &[key, value] = unsafe { tuple::elements(item) }? else { return None };
                match ctx.vm.atoms.text(key)? {
                    "monitor" => o.monitor = Some(monitor_alias_option(ctx, value).ok()?),
                    k if valid_tuning(ctx, k, value) => {}
                    _ => return None,
                }
            }
        }
    }
    Some(o)
}

/// `spawn_opt(Module, Function, Args, Options)`: the pid, or `{Pid, MonitorRef}` with
/// `monitor`.
fn spawn_opt4(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(options) = parse(ctx, a[3]) else { return Fail(Exception::badarg()) };
    let pid = match spawn(ctx.vm, ctx.proc, a[0], a[1], a[2]) {
        Ok(pid) => pid,
        Err(e) => return Fail(e),
    };
    if options.link {
        add_link(ctx, pid);
    }
    match options.monitor {
        Some(alias) => monitor_new(ctx, pid, alias),
        None => Done(pid),
    }
}

pub const BIFS: &[Bif] = &[Bif { module: "erlang", name: "spawn_opt", arity: 4, f: spawn_opt4 }];
