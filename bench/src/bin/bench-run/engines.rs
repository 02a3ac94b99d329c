//! The engines a program can run on, and which of them exist on this machine.

use crate::measure;
use crate::options::Lane;
use std::path::Path;
use std::time::Duration;

/// Debian's ARM32 OTP, through the wrapper scripts/setup.sh installs.
const ERL_ARMHF: &str = "scripts/erl-armhf";
/// rbeam's armv7 release build (bench/run builds it with Debian's rustc).
pub const RBEAM_ARMV7: &str = "target/armv7-lane/armv7-unknown-linux-gnueabihf/release/rbeam";
/// rbeam's host release build.
pub const RBEAM_HOST: &str = "target/release/rbeam";
/// A Cortex-A9, like a real board: qemu's default CPU accepts instructions (sdiv) it lacks.
const QEMU: [&str; 5] = ["qemu-arm", "-cpu", "cortex-a9", "-L", "/usr/arm-linux-gnueabihf"];
/// rbeam's execution modes, each a row when this build accepts its flag.
const RBEAM_MODES: [&str; 3] = ["+Jnone", "+Jall", "+Jtiered"];

/// What an engine is, for the ratios the report draws.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// The real BEAM: the yardstick of its lane.
    Otp,
    /// rbeam, interpreter only: the yardstick of rbeam's JIT modes.
    RbeamInterp,
    /// rbeam in a mode that compiles code.
    RbeamJit,
}

#[derive(Clone, Debug)]
pub struct Engine {
    /// Short column name: `rbeam armv7 +Jnone`.
    pub name: String,
    /// Whether it runs 32-bit ARM code under qemu-arm.
    pub arm: bool,
    pub kind: Kind,
    /// The command line up to (not including) the code path and start function.
    prefix: Vec<String>,
    /// What ends the command line: `-s init stop` for erl, which would otherwise wait.
    suffix: Vec<String>,
}

impl Engine {
    /// The command line running `-run MODULE FUNCTION ARGS…` with `code_path` first in the path.
    pub fn command(&self, code_path: &Path, run: &[&str]) -> Vec<String> {
        let mut argv = self.prefix.clone();
        argv.extend(["-noshell".to_owned(), "-pa".to_owned(), code_path.display().to_string()]);
        argv.push("-run".to_owned());
        argv.extend(run.iter().map(|s| s.to_string()));
        argv.extend(self.suffix.iter().cloned());
        argv
    }

    /// The same for `-s MODULE` (hello's start/0).
    pub fn start_command(&self, code_path: &Path, module: &str) -> Vec<String> {
        let mut argv = self.command(code_path, &[]);
        let run_at = argv.iter().position(|a| a == "-run").unwrap_or(argv.len());
        argv.splice(run_at..=run_at, ["-s".to_owned(), module.to_owned()]);
        argv
    }
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

/// Every engine of `lane` this machine has. An engine counts as present when it runs `hello`
/// (compiled into `code_path`) and prints its greeting; rbeam's modes when that build accepts
/// the mode's flag. What is missing is listed in the second vector with the reason.
pub fn detect(lane: Lane, code_path: &Path) -> (Vec<Engine>, Vec<String>) {
    let mut candidates = Vec::new();
    if lane.includes(true) {
        candidates.push(Engine {
            name: "OTP armhf".into(),
            arm: true,
            kind: Kind::Otp,
            prefix: strings(&[ERL_ARMHF]),
            suffix: strings(&["-s", "init", "stop"]),
        });
        for mode in RBEAM_MODES {
            let mut prefix = strings(&QEMU);
            prefix.extend(strings(&[RBEAM_ARMV7, mode]));
            candidates.push(Engine {
                name: format!("rbeam armv7 {mode}"),
                arm: true,
                kind: if mode == "+Jnone" { Kind::RbeamInterp } else { Kind::RbeamJit },
                prefix,
                suffix: Vec::new(),
            });
        }
    }
    if lane.includes(false) {
        candidates.push(Engine {
            name: "OTP x86_64".into(),
            arm: false,
            kind: Kind::Otp,
            prefix: strings(&["erl"]),
            suffix: strings(&["-s", "init", "stop"]),
        });
        candidates.push(Engine {
            name: "rbeam x86_64".into(),
            arm: false,
            kind: Kind::RbeamInterp,
            prefix: strings(&[RBEAM_HOST]),
            suffix: Vec::new(),
        });
    }
    let mut present = Vec::new();
    let mut missing = Vec::new();
    for engine in candidates {
        let argv = engine.start_command(code_path, "hello");
        match measure::run(&argv, Duration::from_secs(120)) {
            Ok(o) if o.success && o.stdout.contains("Hello, world!") => present.push(engine),
            Ok(o) => {
                let why = o.stderr.lines().next().unwrap_or(&o.status).to_owned();
                missing.push(format!("{}: {}", engine.name, why));
            }
            Err(e) => missing.push(format!("{}: {e}", engine.name)),
        }
    }
    (present, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines() {
        let erl = Engine {
            name: "erl".into(),
            arm: false,
            kind: Kind::Otp,
            prefix: strings(&["erl"]),
            suffix: strings(&["-s", "init", "stop"]),
        };
        let dir = Path::new("/b");
        assert_eq!(
            erl.command(dir, &["bench_driver", "main", "fib", "27"]).join(" "),
            "erl -noshell -pa /b -run bench_driver main fib 27 -s init stop"
        );
        assert_eq!(erl.start_command(dir, "hello").join(" "), "erl -noshell -pa /b -s hello -s init stop");
    }
}
