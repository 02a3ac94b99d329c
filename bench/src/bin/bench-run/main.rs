//! `bench-run`: the benchmark lab's runner (started by `bench/run`, which builds what it needs).
//!
//! Runs every program of `bench/programs` on every engine that exists on this machine (rbeam
//! on the host, rbeam armv7 under qemu-arm in each of its execution modes, Debian's ARM32 OTP
//! under qemu-arm, the host's OTP), interleaved and repeated, checks that all return the same
//! result as OTP, and writes `bench/RESULTS.md` plus a bar chart of the ratios. `--quick` runs
//! each program once at its smoke-test size and only checks results.

mod engines;
mod measure;
mod options;
mod report;
mod session;
mod stats;

use std::process::ExitCode;

fn main() -> ExitCode {
    let options = match options::Options::parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{}", options::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("bench-run: {message}\n\n{}", options::USAGE);
            return ExitCode::from(2);
        }
    };
    match session::run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("bench-run: {message}");
            ExitCode::FAILURE
        }
    }
}
