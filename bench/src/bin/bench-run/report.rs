//! The lab's outputs: the Markdown report with its environment, the ratio chart (drawn by
//! gnuplot), and the quick mode's plain table.

use crate::engines::{Engine, Kind, RBEAM_ARMV7, RBEAM_HOST};
use crate::session::{Cell, Measurements, Sample};
use crate::stats::{self, Summary};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// One column of ratios: `engine`'s median in-program time against `base`'s.
struct RatioSeries {
    engine: usize,
    base: usize,
}

impl RatioSeries {
    fn title(&self, m: &Measurements) -> String {
        format!("{} vs {}", m.engines[self.engine].name, m.engines[self.base].name)
    }

    /// base / engine per program: above 1 means the engine is faster.
    fn ratios(&self, m: &Measurements) -> Vec<Option<f64>> {
        (0..m.programs.len())
            .map(|p| {
                let engine = summary(&m.cells[p][self.engine], program_ms)?.median;
                let base = summary(&m.cells[p][self.base], program_ms)?.median;
                (engine > 0.0).then(|| base / engine)
            })
            .collect()
    }
}

/// The summary of one measured quantity of a cell's runs.
fn summary(cell: &Cell, field: fn(&Sample) -> f64) -> Option<Summary> {
    stats::summarize(&cell.samples.iter().map(field).collect::<Vec<_>>())
}

fn program_ms(s: &Sample) -> f64 {
    s.program_ms
}

fn wall_ms(s: &Sample) -> f64 {
    s.wall_ms
}

fn rss_mib(s: &Sample) -> f64 {
    s.rss_mib
}

/// The geometric mean of a ratio column, over the programs that have a ratio.
fn column_mean(column: &[Option<f64>]) -> Option<f64> {
    stats::geomean(&column.iter().flatten().copied().collect::<Vec<_>>())
}

/// Every engine against the real OTP of its own machine (rbeam armv7 against OTP armhf,
/// rbeam x86_64 against the host's erl): the comparison rbeam exists for.
fn against_otp(m: &Measurements) -> Vec<RatioSeries> {
    series(m, |engine| engine.kind != Kind::Otp, |e, base| base.kind == Kind::Otp && base.arm == e.arm)
}

/// rbeam's compiling modes against its own interpreter on the same machine.
fn against_interpreter(m: &Measurements) -> Vec<RatioSeries> {
    series(
        m,
        |engine| engine.kind == Kind::RbeamJit,
        |e, base| base.kind == Kind::RbeamInterp && base.arm == e.arm,
    )
}

fn series(
    m: &Measurements,
    wanted: impl Fn(&Engine) -> bool,
    base_of: impl Fn(&Engine, &Engine) -> bool,
) -> Vec<RatioSeries> {
    let mut out = Vec::new();
    for (e, engine) in m.engines.iter().enumerate() {
        if !wanted(engine) {
            continue;
        }
        if let Some(base) = m.engines.iter().position(|b| base_of(engine, b)) {
            out.push(RatioSeries { engine: e, base });
        }
    }
    out
}

fn ms(x: f64) -> String {
    if x >= 100.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

fn with_range(s: Option<Summary>, unit: fn(f64) -> String) -> String {
    match s {
        Some(s) => format!("{} ({}–{})", unit(s.median), unit(s.min), unit(s.max)),
        None => "failed".into(),
    }
}

fn mib(x: f64) -> String {
    format!("{x:.1}")
}

fn ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "–".into(), |r| format!("{r:.2}×"))
}

/// A Markdown table row.
fn row(cells: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = cells.into_iter().collect();
    format!("| {} |\n", cells.join(" | "))
}

fn header(out: &mut String, names: &[String]) {
    out.push_str(&row(names.iter().cloned()));
    out.push_str(&row(names
        .iter()
        .enumerate()
        .map(|(i, _)| if i == 0 { "---".into() } else { "---:".into() })));
}

/// A table of ratio series with a geometric-mean row.
fn ratio_table(out: &mut String, m: &Measurements, series: &[RatioSeries]) {
    let mut names = vec!["program".to_owned()];
    names.extend(series.iter().map(|s| s.title(m)));
    header(out, &names);
    let columns: Vec<Vec<Option<f64>>> = series.iter().map(|s| s.ratios(m)).collect();
    for (p, program) in m.programs.iter().enumerate() {
        out.push_str(&row(std::iter::once(program.clone()).chain(columns.iter().map(|c| ratio(c[p])))));
    }
    let means = columns.iter().map(|c| ratio(column_mean(c)));
    out.push_str(&row(
        std::iter::once("**geometric mean**".to_owned()).chain(means.map(|m| format!("**{m}**")))
    ));
}

/// A per-program, per-engine table of `value`.
fn engine_table(out: &mut String, m: &Measurements, value: impl Fn(&Cell) -> String) {
    let mut names = vec!["program".to_owned(), "N".to_owned()];
    names.extend(m.engines.iter().map(|e| e.name.clone()));
    header(out, &names);
    for (p, program) in m.programs.iter().enumerate() {
        let n = m.cells[p].iter().find_map(|c| c.n.clone()).unwrap_or_default();
        out.push_str(&row([program.clone(), n].into_iter().chain(m.cells[p].iter().map(&value))));
    }
}

/// The first line a command prints, if it runs.
fn first_line(argv: &[&str]) -> Option<String> {
    let out = Command::new(argv[0]).args(&argv[1..]).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty())
}

const OTP_VERSION: &str = "io:put_chars(erlang:system_info(system_version)), halt().";

/// The machine and every version that shaped the numbers.
fn environment(m: &Measurements) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name").map(|r| r.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let unknown = || "?".to_owned();
    let mut lines = vec![
        format!("- Date: {}", first_line(&["date", "-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(unknown)),
        format!(
            "- Machine: {cpu}, {cores} cores; {}",
            first_line(&["uname", "-srm"]).unwrap_or_else(unknown)
        ),
        format!(
            "- rbeam: commit {}; x86_64 built by {}, armv7 by {} (release profile)",
            first_line(&["git", "describe", "--always", "--dirty"]).unwrap_or_else(unknown),
            first_line(&["rustc", "-V"]).unwrap_or_else(unknown),
            first_line(&["/usr/bin/rustc", "-V"]).unwrap_or_else(unknown),
        ),
    ];
    if m.engines.iter().any(|e| e.arm) {
        lines.push(format!(
            "- {}, run as `qemu-arm -cpu cortex-a9`",
            first_line(&["qemu-arm", "--version"]).unwrap_or_else(unknown)
        ));
    }
    for engine in m.engines.iter().filter(|e| e.kind == Kind::Otp) {
        let erl = if engine.arm { "scripts/erl-armhf" } else { "erl" };
        let version = first_line(&[erl, "-noshell", "-eval", OTP_VERSION]).unwrap_or_else(unknown);
        lines.push(format!("- {}: {version}", engine.name));
    }
    lines.join("\n") + "\n"
}

/// Size in bytes of `binary` once stripped by `strip` (the binutils of its architecture).
fn stripped_size(strip: &str, binary: &str) -> Option<u64> {
    let dest = format!("target/bench/{}.stripped", binary.replace('/', "_"));
    let ok = Command::new(strip).arg("-o").arg(&dest).arg(binary).status().ok()?.success();
    if !ok {
        return None;
    }
    std::fs::metadata(&dest).ok().map(|md| md.len())
}

fn size_line(what: &str, size: Option<u64>) -> String {
    match size {
        Some(bytes) => format!("- {what}: {bytes} bytes ({:.2} MiB)\n", bytes as f64 / (1024.0 * 1024.0)),
        None => format!("- {what}: not built\n"),
    }
}

/// Writes the report to `out` and the chart next to it (`out` with `.png`).
pub fn write(m: &Measurements, missing: &[String], out: &Path) -> Result<(), String> {
    let chart = out.with_extension("png");
    let against_otp = against_otp(m);
    let mut md = String::new();
    md.push_str(
        "# rbeam benchmark results\n\nWritten by `bench/run` (see the README for how to read it).\n\n",
    );
    md.push_str(&environment(m));
    let _ = writeln!(
        md,
        "\nEach program ran {} times on each engine, the engines interleaved (A B C A B C …) because \
         qemu-arm timings drift between runs. Times are medians with (min–max). *In-program* time is \
         `erlang:monotonic_time` around `run(N)`; *wall* time is the whole process: boot, code \
         loading, the run and halting.",
        m.reps
    );
    for why in missing {
        let _ = writeln!(md, "\nNot measured: {why}.");
    }
    md.push_str("\n## Speedup over the real BEAM on the same machine\n\n");
    md.push_str(
        "OTP's median in-program time divided by the engine's: above 1× the engine is faster. \
         rbeam armv7 is compared with Debian's ARM32 OTP 25 (an interpreter: OTP has no JIT on \
         32-bit ARM), both under the same qemu-arm; rbeam x86_64 with the host's OTP, which runs \
         BeamAsm's JIT.\n\n",
    );
    ratio_table(&mut md, m, &against_otp);
    let _ = writeln!(
        md,
        "\n![speedups over OTP]({})",
        chart.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned())
    );
    md.push_str("\n## Speedup of rbeam's JIT modes over its interpreter\n\n");
    let against_interpreter = against_interpreter(m);
    if against_interpreter.is_empty() {
        md.push_str("This build has no JIT mode yet: `+Jnone` is the only one.\n");
    } else {
        ratio_table(&mut md, m, &against_interpreter);
    }
    md.push_str("\n## In-program time, ms\n\n");
    engine_table(&mut md, m, |c| with_range(summary(c, program_ms), ms));
    md.push_str("\n## Whole-process wall time, ms\n\n");
    engine_table(&mut md, m, |c| with_range(summary(c, wall_ms), ms));
    md.push_str("\n## Peak RSS, MiB\n\nUnder qemu-arm this is the emulator's footprint: guest memory plus translated code.\n\n");
    engine_table(&mut md, m, |c| with_range(summary(c, rss_mib), mib));
    md.push_str("\n## Startup and footprint\n\n`hello` (prints one line with io:format, then halts): whole-process wall time and peak RSS.\n\n");
    header(&mut md, &["engine".into(), "wall time, ms".into(), "peak RSS, MiB".into()]);
    for (e, engine) in m.engines.iter().enumerate() {
        let cell = &m.startup[e];
        md.push_str(&row([
            engine.name.clone(),
            with_range(summary(cell, wall_ms), ms),
            with_range(summary(cell, rss_mib), mib),
        ]));
    }
    md.push('\n');
    md.push_str(&size_line("rbeam armv7, stripped", stripped_size("arm-linux-gnueabihf-strip", RBEAM_ARMV7)));
    md.push_str(&size_line("rbeam x86_64, stripped", stripped_size("strip", RBEAM_HOST)));
    std::fs::write(out, md).map_err(|e| format!("{}: {e}", out.display()))?;
    chart_png(m, &against_otp, &chart)
}

/// Draws the ratios against OTP as clustered bars on a log scale, one cluster per program and
/// one for the geometric means.
fn chart_png(m: &Measurements, series: &[RatioSeries], png: &Path) -> Result<(), String> {
    if series.is_empty() {
        return Ok(());
    }
    let columns: Vec<Vec<Option<f64>>> = series.iter().map(|s| s.ratios(m)).collect();
    let mut data = String::new();
    for (p, program) in m.programs.iter().enumerate() {
        data.push_str(program);
        for c in &columns {
            let _ = write!(data, " {}", c[p].map_or_else(|| "NaN".into(), |r| format!("{r:.4}")));
        }
        data.push('\n');
    }
    data.push_str("geomean");
    for c in &columns {
        let mean = column_mean(c);
        let _ = write!(data, " {}", mean.map_or_else(|| "NaN".into(), |r| format!("{r:.4}")));
    }
    data.push('\n');
    let data_file = Path::new("target/bench/ratios.dat");
    std::fs::write(data_file, data).map_err(|e| format!("{}: {e}", data_file.display()))?;
    let mut script = format!(
        "set terminal pngcairo noenhanced size 1100,520 font 'sans,10'\n\
         set output '{}'\n\
         set title 'Speedup over OTP on the same machine (OTP time / engine time, log scale)'\n\
         set style data histograms\nset style histogram clustered gap 1\nset style fill solid 0.8 border -1\n\
         set logscale y 2\nset grid ytics\nset ylabel 'speedup (×)'\nset xtics rotate by -30\n\
         set key top left\nset arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2\nplot ",
        png.display()
    );
    let plots: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, s)| format!("'{}' using {}:xtic(1) title '{}'", data_file.display(), i + 2, s.title(m)))
        .collect();
    script.push_str(&plots.join(", "));
    script.push('\n');
    let script_file = Path::new("target/bench/ratios.gp");
    std::fs::write(script_file, script).map_err(|e| format!("{}: {e}", script_file.display()))?;
    let output = Command::new("gnuplot")
        .arg(script_file)
        .output()
        .map_err(|e| format!("cannot run gnuplot (scripts/setup.sh installs gnuplot-nox): {e}"))?;
    if !output.status.success() {
        return Err(format!("gnuplot failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    Ok(())
}

/// The quick mode's table: one line per program and engine with the result.
pub fn quick_table(m: &Measurements) -> String {
    let mut out = String::new();
    for (p, program) in m.programs.iter().enumerate() {
        for (e, engine) in m.engines.iter().enumerate() {
            let cell = &m.cells[p][e];
            let what = match (cell.results.first(), cell.samples.first()) {
                (Some(result), Some(s)) => format!("{:8.1} ms  {result}", s.program_ms),
                _ => "FAILED".into(),
            };
            let _ = writeln!(out, "{program:>6}  {:<20} {what}", engine.name);
        }
    }
    out
}
