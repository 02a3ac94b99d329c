//! rbeam's command line on bad input: bad flags, a corrupt `.beam` on the code path, a
//! missing module, and start functions that raise. Each gets erl's kind of report on stderr
//! and a non-zero exit status; none panics.

mod common;

use common::*;
use std::path::PathBuf;
use std::process::Output;

fn ebin(test: &str) -> PathBuf {
    let dir = scratch(&format!("cli_errors_{test}"));
    erlc(&dir, &[tests_dir().join("cli/crash.erl")]);
    dir
}

fn run(args: &[&str], ebin: &PathBuf) -> Output {
    rbeam().arg("-pa").arg(ebin).args(args).output().expect("rbeam starts")
}

/// The status is an ordinary failure (not a signal, not a Rust panic's 101).
fn assert_fails(out: &Output, what: &str) {
    let (stdout, stderr) = text(out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: status {:?}\nstdout: {stdout}\nstderr: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{what}: a Rust panic:\n{stderr}");
}

#[test]
fn exception_in_the_start_function() {
    let ebin = ebin("exception");
    let out = run(&["-s", "crash", "arith"], &ebin);
    assert_fails(&out, "badarith");
    let (stdout, stderr) = text(&out);
    assert_eq!(stdout, "before\n", "output before the crash is kept");
    assert!(
        stderr.starts_with("{\"init terminating in do_boot\",{badarith,[{crash,arith,0,[{file,"),
        "erl-style report expected:\n{stderr}"
    );
    assert!(stderr.contains("crash.erl\"},{line,5}]}"), "stack with file and line:\n{stderr}");

    for (function, expected) in [
        ("thrown", "{{nocatch,ball},[{crash,thrown,0,"),
        ("exited", "{\"init terminating in do_boot\",gone}"),
    ] {
        let out = run(&["-s", "crash", function], &ebin);
        assert_fails(&out, function);
        assert!(text(&out).1.contains(expected), "{function}: {}", text(&out).1);
    }
}

#[test]
fn badarg_in_a_bif() {
    let out = run(&["-s", "crash", "bif"], &ebin("bif"));
    assert_fails(&out, "bif");
    let stderr = text(&out).1;
    assert!(
        stderr.contains(
            "{badarg,[{erlang,element,[1,foo],[{error_info,#{module=>erl_erts_errors}}]},{crash,bif,0,"
        ),
        "the BIF and its arguments head the stack:\n{stderr}"
    );
}

#[test]
fn missing_module_or_function_is_undef() {
    let ebin = ebin("undef");
    let out = run(&["-s", "no_such_module"], &ebin);
    assert_fails(&out, "missing module");
    assert!(text(&out).1.contains("{undef,[{no_such_module,start,[],[]}"), "{}", text(&out).1);
    let out = run(&["-s", "crash", "no_such_function"], &ebin);
    assert_fails(&out, "missing function");
    assert!(text(&out).1.contains("{undef,[{crash,no_such_function,[],[]}"), "{}", text(&out).1);
    let out = run(&["-s", "crash", "undef"], &ebin);
    assert_fails(&out, "undef inside");
    assert!(text(&out).1.contains("{undef,[{no_such_module,no_such_function,[1],[]}"), "{}", text(&out).1);
}

#[test]
fn corrupt_beam_on_the_code_path() {
    let dir = scratch("cli_errors_badbeam");
    std::fs::write(dir.join("broken.beam"), b"FOR1\0\0\0\x10BEAMAtU8\0\0\0\x04\0\0\0\x01").unwrap();
    let out = run(&["-s", "broken"], &dir);
    assert_fails(&out, "corrupt beam");
    let stderr = text(&out).1;
    assert!(
        stderr.contains("broken.beam") && stderr.contains("failed"),
        "the load failure is reported:\n{stderr}"
    );
    assert!(stderr.contains("{undef,[{broken,start,[],[]}"), "then the call is undef:\n{stderr}");
}

#[test]
fn bad_command_lines() {
    for args in [&["-frobnicate"][..], &["-pa"][..], &["-s"][..], &[][..], &["+Jall", "-s", "m"][..]] {
        let out = rbeam().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}", text(&out));
        assert!(text(&out).1.starts_with("rbeam: "), "{args:?}: {}", text(&out).1);
    }
    let out = rbeam().arg("--help").output().unwrap();
    assert!(out.status.success() && text(&out).0.contains("-pa DIR"));
}

#[test]
fn a_clean_run_exits_zero() {
    let out = run(&["-s", "crash", "ok", "-s", "crash", "ok"], &ebin("clean"));
    assert!(out.status.success(), "{:?}", text(&out));
    assert_eq!(text(&out).0, "fine\nfine\n");
}

/// What erl (OTP 25) prints for `crash:spawned/0`'s process, after its `=ERROR REPORT====`
/// header line (recorded from `erl -noshell -s crash spawned -s init stop`); `PID` and
/// `FILE` stand for the pid and the source path, which differ between runs and machines.
const SPAWNED_CRASH_REPORT: &str = r#"Error in process PID with exit value:
{{deliberate,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,
              25,26,27,28,29,30],
             #{key => [<<"value">>,3.5]}},
 [{crash,'-spawned/0-fun-0-',0,[{file,"FILE"},{line,14}]}]}

"#;

#[test]
fn a_crashed_process_is_reported_as_erl_reports_it() {
    let out = run(&["-s", "crash", "spawned"], &ebin("spawned"));
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "the start function ends normally:\n{stderr}");
    assert_eq!(stdout, "after\n");
    let (header, body) = stderr.split_once('\n').unwrap_or_default();
    assert!(header.starts_with("=ERROR REPORT==== ") && header.ends_with(" ==="), "header: {header}");
    let pid_start = body.find('<').expect("a pid");
    let pid_end = body[pid_start..].find('>').expect("a pid") + pid_start + 1;
    let body = format!("{}PID{}", &body[..pid_start], &body[pid_end..]);
    let file_start = body.find("{file,\"").expect("a file") + "{file,\"".len();
    let file_end = body[file_start..].find('"').expect("a file") + file_start;
    assert!(body[file_start..file_end].ends_with("crash.erl"), "{body}");
    let body = format!("{}FILE{}", &body[..file_start], &body[file_end..]);
    assert_eq!(body, SPAWNED_CRASH_REPORT);
}
