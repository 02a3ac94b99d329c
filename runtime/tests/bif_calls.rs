//! The data BIFs against the real BEAM, call by call: every line of
//! tests/oracle/bif_calls.txt is a call `{M, F, Args}` and what OTP 25 returned,
//! `{ok, Result}` or `{error, Reason}`, both in the external term format
//! (tests/oracle/bif_calls.erl). The call is decoded with rbeam's `binary_to_term`, run through
//! rbeam's BIF table, and the outcome encoded with rbeam's `term_to_binary` and compared byte
//! for byte. None of the values depends on the word size.

#[path = "support/bif_env.rs"]
mod data_bifs_support;

use data_bifs_support::{Env, bytes_of, view};
use rbeam_runtime::bif::BifResult;
use rbeam_runtime::term::View;

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn bif_results_and_errors_match_the_real_beam() {
    let oracle = include_str!("../../tests/oracle/bif_calls.txt");
    let mut env = Env::new();
    let (ok, error) = (env.atom("ok"), env.atom("error"));
    let mut checked = 0;
    let mut skipped = 0;
    let mut failures = Vec::new();
    for line in oracle.lines() {
        let (call, expected) = line.split_once(' ').expect("two fields");
        let binary = env.binary(&unhex(call));
        let call_term = match env.call("erlang", "binary_to_term", &[binary]) {
            BifResult::Ok(term) => term,
            // 32-bit words leave local pids no serial bits: `<0.1.2>` has no rbeam form there.
            _ if cfg!(target_pointer_width = "32") => {
                skipped += 1;
                continue;
            }
            other => panic!("{call} does not decode: {other:?}"),
        };
        if cfg!(target_pointer_width = "32") {
            // The same for a result holding such a pid (`list_to_pid("<0.1.2>")`).
            let expected_binary = env.binary(&unhex(expected));
            if !matches!(env.call("erlang", "binary_to_term", &[expected_binary]), BifResult::Ok(_)) {
                skipped += 1;
                continue;
            }
        }
        let View::Tuple(&[m, f, args]) = view(call_term) else { panic!("not a call: {call}") };
        let args = data_bifs_support::list_elements(args);
        let (module, name) = (env.text(m), env.text(f));
        let outcome = match env.call(&module, &name, &args) {
            BifResult::Ok(value) => env.tuple(&[ok, value]),
            BifResult::Err(e) => env.tuple(&[error, e.reason]),
            BifResult::Trap(trap) => panic!("{module}:{name} trapped: {trap:?}"),
        };
        let encoded = env.ok("erlang", "term_to_binary", &[outcome]);
        let got = hex(&bytes_of(encoded));
        if got != expected {
            let shown = |env: &mut Env, hex: &str| {
                let b = env.binary(&unhex(hex));
                let t = env.ok("erlang", "binary_to_term", &[b]);
                data_bifs_support::show(env, t)
            };
            let call_text = data_bifs_support::show(&mut env, call_term);
            let want = shown(&mut env, expected);
            let have = shown(&mut env, &got);
            failures.push(format!("{call_text}\n   erl:   {want}\n   rbeam: {have}"));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{} of {checked} calls differ:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 300 && skipped <= 8, "only {checked} calls ({skipped} skipped)");
}
