//! `load-otp DIR`: loads every `.beam` in DIR the way rbeam loads a module today (read the
//! file, parse and validate it, build its literals into a literal area) and prints the
//! in-process time, for comparison with `erl` loading the same modules with
//! `code:load_file/1` (bench/load_otp.sh runs both).

use rbeam_runtime::atom::AtomTable;
use rbeam_runtime::exports::ExportTable;
use rbeam_runtime::literal::LiteralArea;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: load-otp DIR");
        return ExitCode::from(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "beam"))
            .collect(),
        Err(e) => {
            eprintln!("load-otp: {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.sort();
    let mut atoms = AtomTable::new();
    let mut exports = ExportTable::new();
    let mut areas = Vec::new();
    let start = Instant::now();
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("load-otp: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let module = match rbeam_loader::parse(&bytes) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("load-otp: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        if let Some(lits) = &module.literals {
            // SAFETY: the export entries live in `exports` until after every area is dropped.
            match unsafe {
                LiteralArea::from_etf_with_exports(&lits.terms, &lits.roots, &mut atoms, &mut exports)
            } {
                Ok(area) => areas.push(area),
                Err(e) => {
                    eprintln!("load-otp: {}: literals: {e:?}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    let micros = start.elapsed().as_micros();
    drop(areas);
    println!("{} {micros}", paths.len());
    ExitCode::SUCCESS
}
