//! Gathers rbeam's boot set, real OTP modules, from the OTP installed on the build machine
//! (`RBEAM_OTP_ROOT`, default `/usr/lib/erlang`) and generates the table that embeds them.
//! Beam files are architecture-independent, so a cross build for armv7 embeds the host's.
//!
//! It also compiles rbeam's stand-ins (`src/erl/*.erl`, Erlang modules that take the place
//! of OTP modules whose real versions need services rbeam does not start, such as
//! `logger`) with that OTP's `erlc`, and embeds them in a second table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The boot set: what `io:format`, `lists`, `string` and the other everyday stdlib modules
/// need, so the binary alone runs ordinary programs on a board without OTP.
const BOOT_SET: &[(&str, &str)] = &[
    ("erts", "erlang"),
    ("stdlib", "io"),
    ("stdlib", "io_lib"),
    ("stdlib", "io_lib_format"),
    ("stdlib", "io_lib_pretty"),
    ("stdlib", "io_lib_fread"),
    ("stdlib", "lists"),
    ("stdlib", "string"),
    ("stdlib", "unicode"),
    ("stdlib", "unicode_util"),
    ("stdlib", "maps"),
    ("stdlib", "proplists"),
    ("stdlib", "orddict"),
    ("stdlib", "ordsets"),
    ("stdlib", "dict"),
    ("stdlib", "sets"),
    ("stdlib", "gb_trees"),
    ("stdlib", "gb_sets"),
    ("stdlib", "queue"),
    ("stdlib", "erl_internal"),
    ("stdlib", "array"),
    // io_lib:write/2 asks epp for the default encoding; quoting atoms asks erl_scan whether
    // a word is reserved, which asks erl_features (OTP 25's `maybe`).
    ("stdlib", "epp"),
    ("stdlib", "erl_scan"),
    ("stdlib", "erl_features"),
    // The OTP behaviours and what they call: proc_lib starts their processes, sys serves
    // system messages, gen is their common client side.
    ("stdlib", "gen"),
    ("stdlib", "gen_server"),
    ("stdlib", "gen_statem"),
    ("stdlib", "gen_event"),
    ("stdlib", "supervisor"),
    ("stdlib", "proc_lib"),
    ("stdlib", "sys"),
    // Their reports: OTP's formatter (which rbeam's logger stand-in calls), the crash
    // report's exception text, timestamps, and the kernel front ends of the stand-ins.
    ("kernel", "logger_formatter"),
    ("kernel", "error_logger"),
    ("kernel", "application"),
    ("stdlib", "erl_error"),
    ("stdlib", "calendar"),
];

fn app_ebin(lib: &Path, app: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(lib)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name == app || name.starts_with(&format!("{app}-"))
        })
        .collect();
    dirs.sort();
    dirs.pop().map(|d| d.join("ebin"))
}

fn main() {
    println!("cargo:rerun-if-env-changed=RBEAM_OTP_ROOT");
    let root =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    let lib = root.join("lib");
    let mut table = String::from(
        "/// The embedded boot set: module name and beam file.\npub static BOOT_SET: &[(&str, &[u8])] = &[\n",
    );
    for (app, module) in BOOT_SET {
        let Some(ebin) = app_ebin(&lib, app) else {
            panic!(
                "rbeam's boot set needs OTP's {app} application under {}: install erlang-base (scripts/setup.sh) or set RBEAM_OTP_ROOT",
                lib.display()
            );
        };
        let beam = ebin.join(format!("{module}.beam"));
        assert!(beam.is_file(), "boot set module {} is missing", beam.display());
        println!("cargo:rerun-if-changed={}", beam.display());
        let _ = writeln!(table, "    ({module:?}, include_bytes!({:?})),", beam.display().to_string());
    }
    table.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    table.push_str(&standins(&root, &out_dir));
    std::fs::write(out_dir.join("boot_set.rs"), table).expect("writing the boot set table");
}

/// Compiles the stand-ins in `src/erl` into `out_dir/standins`; returns their table.
fn standins(root: &Path, out_dir: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/erl");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&src)
        .expect("otp-beams/src/erl holds the stand-ins")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "erl"))
        .collect();
    sources.sort();
    let ebin = out_dir.join("standins");
    std::fs::create_dir_all(&ebin).expect("creating the stand-in output directory");
    let installed = root.join("bin/erlc");
    let erlc = if installed.is_file() { installed } else { PathBuf::from("erlc") };
    let mut table = String::from(
        "/// rbeam's stand-ins for OTP modules: module name and beam file.\npub static STANDINS: &[(&str, &[u8])] = &[\n",
    );
    for source in &sources {
        println!("cargo:rerun-if-changed={}", source.display());
        let status = std::process::Command::new(&erlc)
            .arg("+deterministic")
            .arg("-o")
            .arg(&ebin)
            .arg(source)
            .status()
            .unwrap_or_else(|e| {
                panic!("running {} (OTP's erlc builds rbeam's stand-ins): {e}", erlc.display())
            });
        assert!(status.success(), "erlc failed on {}", source.display());
        let module = source.file_stem().and_then(|s| s.to_str()).expect("stand-in file names are UTF-8");
        let beam = ebin.join(format!("{module}.beam"));
        let _ = writeln!(table, "    ({module:?}, include_bytes!({:?})),", beam.display().to_string());
    }
    table.push_str("];\n");
    table
}
