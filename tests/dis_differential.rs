//! `rbeam dis` against OTP's `beam_disasm:file/1`, instruction by instruction, for 40+ OTP
//! modules and every Erlang program under tests/erlang (host lane: it needs the host's erl).
//! `erl` runs once for all modules; tests/support/dis_compare.erl does the comparison.
#![cfg(not(target_arch = "arm"))]

mod common;

use common::*;
use std::process::Command;

/// OTP modules to compare: the named ones plus a spread of stdlib, kernel and
/// compiler modules (binaries, maps, floats, receive, try, funs, records...).
const OTP_MODULES: &[(&str, &str)] = &[
    ("stdlib", "lists"),
    ("stdlib", "io_lib_format"),
    ("stdlib", "maps"),
    ("stdlib", "string"),
    ("stdlib", "gen_server"),
    ("stdlib", "binary"),
    ("stdlib", "io_lib"),
    ("stdlib", "io_lib_pretty"),
    ("stdlib", "unicode"),
    ("stdlib", "unicode_util"),
    ("stdlib", "proplists"),
    ("stdlib", "orddict"),
    ("stdlib", "ordsets"),
    ("stdlib", "dict"),
    ("stdlib", "sets"),
    ("stdlib", "gb_trees"),
    ("stdlib", "gb_sets"),
    ("stdlib", "queue"),
    ("stdlib", "erl_internal"),
    ("stdlib", "io"),
    ("stdlib", "calendar"),
    ("stdlib", "base64"),
    ("stdlib", "rand"),
    ("stdlib", "timer"),
    ("stdlib", "supervisor"),
    ("stdlib", "gen_statem"),
    ("stdlib", "gen_event"),
    ("stdlib", "proc_lib"),
    ("stdlib", "erl_scan"),
    ("stdlib", "filename"),
    ("stdlib", "array"),
    ("stdlib", "digraph"),
    ("stdlib", "uri_string"),
    ("stdlib", "zip"),
    ("stdlib", "math"),
    ("stdlib", "ets"),
    ("stdlib", "beam_lib"),
    ("stdlib", "erl_eval"),
    ("stdlib", "sofs"),
    ("stdlib", "re"),
    ("kernel", "code"),
    ("kernel", "file"),
    ("kernel", "application"),
    ("kernel", "inet_parse"),
    ("erts", "erl_prim_loader"),
    ("erts", "erlang"),
    ("erts", "init"),
    ("erts", "prim_file"),
    ("compiler", "beam_disasm"),
    ("compiler", "beam_asm"),
    ("compiler", "sys_core_fold"),
];

#[test]
fn dis_matches_beam_disasm() {
    let dir = scratch("dis_differential");
    let ebin = dir.join("ebin");
    let out = dir.join("dis");
    std::fs::create_dir_all(&ebin).unwrap();
    std::fs::create_dir_all(&out).unwrap();

    let programs = erlang_programs();
    let mut sources = programs.clone();
    sources.push(tests_dir().join("support/dis_compare.erl"));
    erlc(&ebin, &sources);

    let mut beams: Vec<_> = OTP_MODULES.iter().map(|(app, m)| otp_beam(app, m)).collect();
    for p in &programs {
        beams.push(ebin.join(p.file_stem().unwrap()).with_extension("beam"));
    }
    assert!(beams.len() >= 40 + programs.len());

    let mut pairs = Vec::new();
    for beam in &beams {
        let output = rbeam().arg("dis").arg(beam).output().unwrap();
        let (stdout, stderr) = text(&output);
        assert!(output.status.success(), "rbeam dis {} failed: {stderr}", beam.display());
        let dis = out.join(beam.file_stem().unwrap()).with_extension("dis");
        std::fs::write(&dis, stdout).unwrap();
        pairs.push(beam.clone());
        pairs.push(dis);
    }

    let output = Command::new("erl")
        .args(["-noshell", "-pa"])
        .arg(&ebin)
        .args(["-run", "dis_compare", "main"])
        .args(&pairs)
        .output()
        .expect("erl not found: run scripts/setup.sh");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "rbeam dis differs from beam_disasm:\n{stdout}\n{stderr}");
    // One "ok" line per module: the comparison really ran.
    assert_eq!(stdout.lines().filter(|l| l.starts_with("ok ")).count(), beams.len(), "{stdout}");
}
