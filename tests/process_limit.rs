//! `+P N`, erl's process limit: a program run with `+P 1024` prints what erl printed with the
//! same flag (`tests/cli/process_limit.out`, recorded with
//! `erl +P 1024 -noshell -pa EBIN -s process_limit main -s init stop`): the limit, and
//! `system_limit` for spawns past it. A bad `+P` is refused as erl refuses it.

mod common;

use common::*;

#[test]
fn spawn_past_the_limit_raises_system_limit() {
    let ebin = scratch("process_limit");
    erlc(&ebin, &[tests_dir().join("cli/process_limit.erl")]);
    let out = rbeam()
        .args(["+P", "1024", "-pa"])
        .arg(&ebin)
        .args(["-s", "process_limit", "main"])
        .output()
        .expect("rbeam starts");
    let (stdout, stderr) = text(&out);
    let expected =
        std::fs::read_to_string(tests_dir().join("cli/process_limit.out")).expect("expected output");
    assert_eq!(stdout, expected, "stderr: {stderr}");
    assert!(out.status.success(), "status {:?}: {stderr}", out.status);
}

#[test]
fn a_bad_limit_is_refused() {
    for bad in ["1023", "134217728", "many"] {
        let out = rbeam().args(["+P", bad, "-s", "m"]).output().expect("rbeam starts");
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "+P {bad}: {stderr}");
        assert!(stderr.contains(&format!("bad number of processes {bad}")), "+P {bad}: {stderr}");
    }
}
