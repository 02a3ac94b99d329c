//! Runs every Erlang program under tests/erlang on rbeam and compares its output byte for
//! byte with the committed output of real erl (see tests/erlang/README.md for the
//! contract), normally and with GC stress. On the ARM lane rbeam runs under qemu-arm.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one program may run before it counts as hung (qemu-arm is slow; GC stress more).
const TIMEOUT: Duration = Duration::from_secs(300);

/// The expected output of `prog` on this word size.
fn expected(dir: &Path, prog: &str) -> Option<Vec<u8>> {
    if cfg!(target_pointer_width = "32") {
        if let Ok(b) = std::fs::read(dir.join(format!("{prog}.32.out"))) {
            return Some(b);
        }
    }
    std::fs::read(dir.join(format!("{prog}.out"))).ok()
}

/// Runs `prog` (compiled into `ebin`) on rbeam and compares with `expected`.
fn check(ebin: &Path, prog: &str, expected: &[u8], gc_stress: bool) -> Result<(), String> {
    let mut cmd = rbeam();
    cmd.arg("-pa")
        .arg(ebin)
        .args(["-s", prog, "main"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if gc_stress {
        cmd.env("RBEAM_GC_STRESS", "1");
    }
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("{prog}: cannot start rbeam: {e}"))?;
    let output = loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            break child.wait_with_output().map_err(|e| e.to_string())?;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("{prog}: no result after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mode = if gc_stress { " (GC stress)" } else { "" };
    if output.stdout != expected {
        return Err(format!(
            "{prog}{mode}: output differs from erl's\n--- erl\n{}\n--- rbeam\n{}\n--- rbeam stderr\n{}",
            String::from_utf8_lossy(expected),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    if !output.status.success() {
        return Err(format!(
            "{prog}{mode}: exit status {:?}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// Runs every program (in parallel), returning the failures.
fn run_all(gc_stress: bool) -> Vec<String> {
    let programs = erlang_programs();
    assert!(!programs.is_empty());
    let ebin = scratch(if gc_stress { "programs_stress" } else { "programs" });
    erlc(&ebin, &programs);
    let expected_dir = tests_dir().join("expected");
    let queue: Mutex<Vec<PathBuf>> = Mutex::new(programs);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let Some(path) = queue.lock().unwrap().pop() else { break };
                    let prog = path.file_stem().unwrap().to_string_lossy().to_string();
                    let result = match expected(&expected_dir, &prog) {
                        None => {
                            Err(format!("{prog}: no expected output (run tests/generate_expected.sh {prog})"))
                        }
                        Some(exp) => check(&ebin, &prog, &exp, gc_stress),
                    };
                    if let Err(e) = result {
                        failures.lock().unwrap().push(e);
                    }
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

#[test]
fn programs_match_erl() {
    let failures = run_all(false);
    assert!(failures.is_empty(), "{} program(s) failed:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn programs_match_erl_under_gc_stress() {
    let failures = run_all(true);
    assert!(failures.is_empty(), "{} program(s) failed:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn the_canary_fails() {
    let dir = scratch("canary");
    erlc(&dir, &[tests_dir().join("canary/canary.erl")]);
    let expected = std::fs::read(tests_dir().join("canary/canary.out")).unwrap();
    let result = check(&dir, "canary", &expected, false);
    let err =
        result.expect_err("the canary's deliberately wrong expectation passed: the harness cannot fail");
    assert!(err.contains("output differs"), "the canary failed for another reason: {err}");
}
