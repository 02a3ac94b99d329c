//! Peak memory stays bounded while a program churns through large binaries: off-heap
//! binaries that die are freed (by the collections their size triggers), not kept until the
//! process ends. The peak RSS of `bin_churn` (200 binaries of 1 MiB made and dropped one by
//! one) must stay within a margin of `hello`'s, measured the same way in the same run (under
//! qemu-arm on the ARM lane, whose own footprint cancels out).

mod common;

use common::*;
use std::process::Stdio;

/// What the churn may use beyond `hello`: well under the 200 MiB it allocates.
const MARGIN_KIB: libc::c_long = 64 * 1024;

/// Runs rbeam with `args` and returns its stdout and peak RSS in KiB (from `wait4`, so only
/// this child is measured).
#[allow(clippy::zombie_processes, reason = "the child is reaped by wait4, which also measures it")]
fn peak_rss(args: &[&str], ebin: &std::path::Path) -> (String, libc::c_long) {
    let child = rbeam().arg("-pa").arg(ebin).args(args).stdin(Stdio::null()).stdout(Stdio::piped()).spawn();
    let mut child = child.expect("cannot start rbeam");
    let mut stdout = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().expect("piped"), &mut stdout).expect("stdout");
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { core::mem::zeroed() };
    // SAFETY: `child.id()` is our child, not yet waited for; both pointers are to live locals.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "rbeam {args:?} failed: {status:#x}");
    (stdout, usage.ru_maxrss)
}

#[test]
fn churning_large_binaries_keeps_peak_rss_bounded() {
    let ebin = scratch("memory_bounded");
    erlc(&ebin, &[tests_dir().join("erlang/bin_churn.erl"), tests_dir().join("../examples/hello/hello.erl")]);
    let (hello, hello_rss) = peak_rss(&["-s", "hello"], &ebin);
    assert_eq!(hello, "Hello, world!\n");
    let (churn, churn_rss) = peak_rss(&["-s", "bin_churn", "main"], &ebin);
    assert!(churn.ends_with("bin_churn done\n"), "bin_churn output: {churn}");
    eprintln!("peak RSS: hello {hello_rss} KiB, bin_churn {churn_rss} KiB");
    assert!(
        churn_rss < hello_rss + MARGIN_KIB,
        "bin_churn peaked at {churn_rss} KiB, hello at {hello_rss} KiB: dead binaries are kept"
    );
}
