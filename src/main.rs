//! `rbeam`: the command-line front end. Kept thin: argument parsing here, everything else a
//! call into the loader, runtime and interpreter crates.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use rbeam_interp::codepath;
use rbeam_interp::system::{Options, System};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::parse(&args) {
        Ok(cli::Command::Help) => {
            print!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Ok(cli::Command::Version) => {
            println!("rbeam {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(cli::Command::Dis { file }) => dis(&file),
        Ok(cli::Command::Run(run)) => execute(run),
        Err(msg) => {
            eprintln!("rbeam: {msg}\nTry 'rbeam --help' for usage.");
            ExitCode::from(2)
        }
    }
}

/// Runs the `-s`/`-run` calls and returns the system's exit status.
fn execute(run: cli::Run) -> ExitCode {
    let options = Options {
        pa: run.pa,
        otp_root: if run.no_otp { None } else { codepath::otp_root() },
        standins: Some(rbeam_otp_beams::standin),
        embedded: Some(rbeam_otp_beams::lookup),
        gc_stress: std::env::var("RBEAM_GC_STRESS").is_ok_and(|v| v == "1"),
        process_limit: run.process_limit,
    };
    let mut system = System::new(options);
    system.boot(&run.calls);
    let status = system.run();
    let _ = std::io::stdout().flush();
    #[cfg(feature = "coverage")]
    write_coverage(&system);
    ExitCode::from(u8::try_from(status).unwrap_or(1))
}

/// Appends the generic instructions this run executed (`name sites` per line) to the file
/// named by `RBEAM_COVERAGE_OUT`.
#[cfg(feature = "coverage")]
fn write_coverage(system: &System) {
    let Some(path) = std::env::var_os("RBEAM_COVERAGE_OUT") else { return };
    let mut text = String::new();
    for (op, sites) in system.engine.loader().coverage.executed() {
        text.push_str(&format!("{} {sites}\n", op.name()));
    }
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!("rbeam: {}: {e}", std::path::Path::new(&path).display());
    }
}

/// `rbeam dis FILE.beam`: the module's code in `beam_disasm` notation.
fn dis(file: &str) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rbeam: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let module = match rbeam_loader::parse(&bytes) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("rbeam: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = String::new();
    // Writing into a String cannot fail.
    let _ = rbeam_loader::disasm::write(&module, &mut text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`rbeam dis x.beam | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rbeam: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}
