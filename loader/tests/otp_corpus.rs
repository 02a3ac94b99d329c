//! Loads every `.beam` file of the installed OTP (`code:root_dir()`/lib/*/ebin) and checks that
//! each one parses and validates. Runs on both lanes: under qemu-arm the host's OTP files are
//! visible through qemu's path fallback.

mod common;

use std::path::{Path, PathBuf};

fn beams_under(lib: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(apps) = std::fs::read_dir(lib) else { return out };
    for app in apps.flatten() {
        let Ok(files) = std::fs::read_dir(app.path().join("ebin")) else { continue };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "beam") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_installed_otp_module_loads() {
    let lib = common::otp_lib();
    let beams = beams_under(&lib);
    // Debian's erlang-base alone has more than 200; an empty list means OTP is missing.
    assert!(
        beams.len() >= 200,
        "found only {} beams under {} (is OTP installed?)",
        beams.len(),
        lib.display()
    );
    let mut failures = Vec::new();
    for path in &beams {
        let bytes = std::fs::read(path).unwrap();
        if let Err(e) = rbeam_loader::parse(&bytes) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} modules failed:\n{}",
        failures.len(),
        beams.len(),
        failures.join("\n")
    );
}
