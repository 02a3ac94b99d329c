//! Every literal of every installed OTP module, built into a literal area of this word size
//! and printed back by the runtime's printer, must read exactly as the loader prints the
//! encoded term: two independent walks (the decoded arena and the heap layout) agreeing on all
//! of OTP's literals, on both lanes.

use rbeam_runtime::atom::AtomTable;
use rbeam_runtime::exports::ExportTable;
use rbeam_runtime::literal::LiteralArea;
use std::path::PathBuf;

fn otp_beams() -> Vec<PathBuf> {
    let root =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    let mut out = Vec::new();
    for app in std::fs::read_dir(root.join("lib")).unwrap().flatten() {
        let Ok(files) = std::fs::read_dir(app.path().join("ebin")) else { continue };
        out.extend(files.flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "beam")));
    }
    out.sort();
    out
}

#[test]
fn otp_literals_round_trip_through_literal_areas() {
    let beams = otp_beams();
    assert!(beams.len() >= 200, "OTP not found");
    let mut atoms = AtomTable::new();
    let mut exports = ExportTable::new();
    let mut literals = 0;
    for path in &beams {
        let bytes = std::fs::read(path).unwrap();
        let module = rbeam_loader::parse(&bytes).unwrap();
        let Some(lits) = &module.literals else { continue };
        // SAFETY: the export entries live in `exports`, boxed, until the end of the test,
        // after the area is dropped.
        let area =
            unsafe { LiteralArea::from_etf_with_exports(&lits.terms, &lits.roots, &mut atoms, &mut exports) }
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        for (i, &root) in lits.roots.iter().enumerate() {
            // SAFETY: the root points into `area`, alive here.
            let printed = unsafe { rbeam_runtime::print::to_string(&atoms, area.roots()[i]) }.unwrap();
            assert_eq!(printed, lits.terms.display(root).to_string(), "{} literal {i}", path.display());
            literals += 1;
        }
    }
    assert!(literals > 10_000, "only {literals} literals");
}
