//! One session of the lab: compile the programs, find the engines, run everything
//! interleaved, check the results, report.

use crate::engines::{self, Engine};
use crate::measure::{self, Outcome};
use crate::options::Options;
use crate::report;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The programs in the issues' order (the benchmark lab's suite, then the concurrency
/// issue's three); any other `bench/programs/b_*.erl` follows, sorted.
const ORDER: [&str; 14] = [
    "fib",
    "tak",
    "nrev",
    "qsort",
    "bin",
    "maps",
    "float",
    "exc",
    "str",
    "ring",
    "spawn",
    "ring500",
    "spawn100k",
    "mailbox",
];
/// Where the programs (and hello) are compiled to.
const BEAMS: &str = "target/bench/beams";
/// Longer than any program should ever take under qemu-arm; a run past it is a failure.
const RUN_TIMEOUT: Duration = Duration::from_secs(600);

/// One successful run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// In-program time (erlang:monotonic_time around `run(N)`), milliseconds.
    pub program_ms: f64,
    /// Whole-process wall time: boot, load, run, halt.
    pub wall_ms: f64,
    pub rss_mib: f64,
}

/// Everything measured for one program (or hello) on one engine.
#[derive(Default, Debug)]
pub struct Cell {
    /// N as the program reported it.
    pub n: Option<String>,
    pub samples: Vec<Sample>,
    /// The result term of each successful run, ~w notation.
    pub results: Vec<String>,
    pub failures: Vec<String>,
}

/// The whole session's measurements: `cells[program][engine]`, `startup[engine]`.
pub struct Measurements {
    pub programs: Vec<String>,
    pub engines: Vec<Engine>,
    pub cells: Vec<Vec<Cell>>,
    pub startup: Vec<Cell>,
    pub reps: usize,
}

/// Runs the session; `Ok(false)` when some run failed or some result differs from OTP's.
pub fn run(options: &Options) -> Result<bool, String> {
    let beams = PathBuf::from(BEAMS);
    let programs = programs(options)?;
    compile(&beams, &programs)?;
    let (engines, missing) = engines::detect(options.lane, &beams);
    for why in &missing {
        eprintln!("bench-run: engine left out: {why}");
    }
    if engines.is_empty() {
        return Err("no engine runs hello; run scripts/setup.sh and bench/run".into());
    }
    eprintln!(
        "bench-run: {} programs x {} engines ({}) x {} runs",
        programs.len(),
        engines.len(),
        engines.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", "),
        options.reps
    );
    let size = if options.quick { "quick" } else { "default" };
    let mut cells: Vec<Vec<Cell>> =
        programs.iter().map(|_| engines.iter().map(|_| Cell::default()).collect()).collect();
    for rep in 1..=options.reps {
        for (p, program) in programs.iter().enumerate() {
            for (e, engine) in engines.iter().enumerate() {
                let argv = engine.command(&beams, &["bench_driver", "main", program, size]);
                let cell = &mut cells[p][e];
                let failed_before = cell.failures.len();
                record_program_run(cell, program, measure::run(&argv, RUN_TIMEOUT));
                let (sample, failure) = if cell.failures.len() > failed_before {
                    (None, cell.failures.last())
                } else {
                    (cell.samples.last(), None)
                };
                eprintln!(
                    "[{rep}/{}] {program:>6} {:<20} {}",
                    options.reps,
                    engine.name,
                    describe(sample, failure)
                );
            }
        }
    }
    let mut startup: Vec<Cell> = engines.iter().map(|_| Cell::default()).collect();
    if !options.quick {
        for _ in 0..options.reps {
            for (e, engine) in engines.iter().enumerate() {
                let argv = engine.start_command(&beams, "hello");
                record_hello_run(&mut startup[e], measure::run(&argv, RUN_TIMEOUT));
            }
        }
    }
    let measurements = Measurements { programs, engines, cells, startup, reps: options.reps };
    let problems = check(&measurements);
    for problem in &problems {
        eprintln!("bench-run: {problem}");
    }
    if options.quick {
        print!("{}", report::quick_table(&measurements));
    } else {
        report::write(&measurements, &missing, &options.out)?;
        eprintln!("bench-run: wrote {}", options.out.display());
    }
    Ok(problems.is_empty())
}

/// The programs to run: every `bench/programs/b_*.erl`, or those `--only` names.
fn programs(options: &Options) -> Result<Vec<String>, String> {
    let dir = Path::new("bench/programs");
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut found: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            Some(name.strip_prefix("b_")?.strip_suffix(".erl")?.to_owned())
        })
        .collect();
    found.sort_by_key(|name| (ORDER.iter().position(|o| o == name).unwrap_or(ORDER.len()), name.clone()));
    if let Some(only) = &options.only {
        if let Some(unknown) = only.iter().find(|name| !found.contains(name)) {
            return Err(format!("--only: no program bench/programs/b_{unknown}.erl"));
        }
        found.retain(|name| only.contains(name));
    }
    if found.is_empty() {
        return Err("no programs in bench/programs".into());
    }
    Ok(found)
}

/// Compiles the driver, the programs and hello into `beams` with the host's erlc (OTP 25's
/// beams load on the ARM32 OTP and on rbeam alike).
fn compile(beams: &Path, programs: &[String]) -> Result<(), String> {
    std::fs::create_dir_all(beams).map_err(|e| format!("{}: {e}", beams.display()))?;
    let mut sources =
        vec!["bench/programs/bench_driver.erl".to_owned(), "examples/hello/hello.erl".to_owned()];
    sources.extend(programs.iter().map(|p| format!("bench/programs/b_{p}.erl")));
    let status = Command::new("erlc")
        .arg("-o")
        .arg(beams)
        .args(&sources)
        .status()
        .map_err(|e| format!("cannot run erlc: {e}"))?;
    if !status.success() {
        return Err(format!("erlc failed ({status})"));
    }
    Ok(())
}

/// Files one program run: a sample and a result, or a failure with the reason.
fn record_program_run(cell: &mut Cell, program: &str, outcome: Result<Outcome, String>) {
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => return cell.failures.push(e),
    };
    let line = outcome.stdout.lines().find_map(|l| l.strip_prefix("bench "));
    let parsed = line.and_then(|l| {
        let mut fields = l.splitn(4, ' ');
        let name = fields.next()?;
        let n = fields.next()?;
        let us: f64 = fields.next()?.parse().ok()?;
        let result = fields.next()?;
        (name == program).then(|| (n.to_owned(), us, result.to_owned()))
    });
    match parsed {
        Some((n, us, result)) if outcome.success => {
            cell.n = Some(n);
            cell.results.push(result);
            cell.samples.push(Sample {
                program_ms: us / 1000.0,
                wall_ms: outcome.wall.as_secs_f64() * 1000.0,
                rss_mib: outcome.max_rss_kib as f64 / 1024.0,
            });
        }
        _ => cell.failures.push(failure_text(&outcome)),
    }
}

/// Files one run of hello: wall time and peak RSS.
fn record_hello_run(cell: &mut Cell, outcome: Result<Outcome, String>) {
    match outcome {
        Ok(o) if o.success && o.stdout.contains("Hello, world!") => cell.samples.push(Sample {
            program_ms: 0.0,
            wall_ms: o.wall.as_secs_f64() * 1000.0,
            rss_mib: o.max_rss_kib as f64 / 1024.0,
        }),
        Ok(o) => cell.failures.push(failure_text(&o)),
        Err(e) => cell.failures.push(e),
    }
}

/// How a run failed, in a line: its status and the first lines of what it printed to stderr.
fn failure_text(o: &Outcome) -> String {
    let said: Vec<&str> =
        o.stderr.lines().chain(o.stdout.lines()).filter(|l| !l.trim().is_empty()).take(3).collect();
    format!("{}: {}", o.status, said.join(" | "))
}

/// The newest run's outcome in a few words, for the progress lines.
fn describe(sample: Option<&Sample>, failure: Option<&String>) -> String {
    match (sample, failure) {
        (_, Some(f)) => format!("FAILED {f}"),
        (Some(s), None) => {
            format!("{:9.1} ms in program, {:9.1} ms wall, {:6.1} MiB", s.program_ms, s.wall_ms, s.rss_mib)
        }
        (None, None) => String::new(),
    }
}

/// Every failed run and every result that differs from the reference: OTP armhf's when it
/// ran, else the host OTP's. The programs' results do not depend on the word size.
pub fn check(m: &Measurements) -> Vec<String> {
    let mut problems = Vec::new();
    let reference = m
        .engines
        .iter()
        .position(|e| e.kind == engines::Kind::Otp && e.arm)
        .or_else(|| m.engines.iter().position(|e| e.kind == engines::Kind::Otp));
    for (p, program) in m.programs.iter().enumerate() {
        let expected = reference.and_then(|r| m.cells[p][r].results.first());
        for (e, engine) in m.engines.iter().enumerate() {
            let cell = &m.cells[p][e];
            for failure in &cell.failures {
                problems.push(format!("{program} on {}: {failure}", engine.name));
            }
            let Some(expected) = expected else { continue };
            if let Some(other) = cell.results.iter().find(|r| *r != expected) {
                problems.push(format!(
                    "{program} on {}: result {other}, but {} returned {expected}",
                    engine.name,
                    m.engines[reference.unwrap_or(e)].name
                ));
            }
        }
    }
    for (e, engine) in m.engines.iter().enumerate() {
        for failure in &m.startup[e].failures {
            problems.push(format!("hello on {}: {failure}", engine.name));
        }
    }
    problems
}
