//! Shared helpers of the integration tests: where OTP is, how to run the rbeam binary (through
//! qemu-arm when the tests themselves are an ARM build), compiling Erlang with erlc.
#![allow(dead_code)] // each test file uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The installed OTP's root: `RBEAM_OTP_ROOT` (set by scripts/test.sh), else Debian's.
pub fn otp_root() -> PathBuf {
    std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from)
}

/// The path of an OTP module's beam, e.g. `otp_beam("stdlib", "lists")`.
pub fn otp_beam(app: &str, module: &str) -> PathBuf {
    let lib = otp_root().join("lib");
    for entry in std::fs::read_dir(&lib).unwrap_or_else(|e| panic!("{}: {e}", lib.display())).flatten() {
        let name = entry.file_name().into_string().unwrap_or_default();
        if name == app || name.starts_with(&format!("{app}-")) {
            return entry.path().join("ebin").join(format!("{module}.beam"));
        }
    }
    panic!("OTP application {app} not found under {}", lib.display());
}

/// A command running the rbeam binary under test. An ARM build of the tests sets
/// `RBEAM_TEST_RUNNER` (e.g. `qemu-arm -cpu cortex-a9 -L ...`): without binfmt_misc, an ARM
/// program cannot exec another ARM program directly.
pub fn rbeam() -> Command {
    let exe = env!("CARGO_BIN_EXE_rbeam");
    match std::env::var("RBEAM_TEST_RUNNER") {
        Ok(runner) if !runner.trim().is_empty() => {
            let mut parts = runner.split_whitespace();
            let mut cmd = Command::new(parts.next().unwrap_or("qemu-arm"));
            cmd.args(parts).arg(exe);
            cmd
        }
        _ => Command::new(exe),
    }
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The repository's tests/ directory.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every Erlang test program under tests/erlang.
pub fn erlang_programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(tests_dir().join("erlang"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "erl"))
        .collect();
    v.sort();
    v
}

/// Compiles Erlang sources with the host's erlc into `out`.
pub fn erlc(out: &Path, sources: &[PathBuf]) {
    let status = Command::new("erlc")
        .arg("-o")
        .arg(out)
        .args(sources)
        .status()
        .expect("erlc not found: run scripts/setup.sh");
    assert!(status.success(), "erlc failed");
}

/// Output as text, for assertion messages.
pub fn text(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}
