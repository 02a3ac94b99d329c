//! Command-line parsing, following erl's conventions: `-pa DIR...`, `-s MOD [FUNC [ARGS...]]`,
//! `-run MOD [FUNC [ARGS...]]`, `-noshell`, `+J...`, `+P N`; plus rbeam's own `dis` subcommand and
//! `--no-otp`. Unlike erl, an unknown flag is an error: a typo should not be silently ignored.

use std::path::PathBuf;

use rbeam_interp::system::BootCall;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    /// Disassemble a `.beam` file.
    Dis {
        file: String,
    },
    /// Run Erlang code.
    Run(Run),
}

/// A run of the VM.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// `-pa`/`-pz` directories, in order.
    pub pa: Vec<PathBuf>,
    /// The `-s`/`-run` calls, in order.
    pub calls: Vec<BootCall>,
    /// `--no-otp`: leave the installed OTP's directories off the code path, so only `-pa`
    /// directories and the embedded boot set are used.
    pub no_otp: bool,
    /// `+P N`: the most processes alive at once, as erl rounds it.
    pub process_limit: Option<usize>,
}

pub const USAGE: &str = "\
usage: rbeam [OPTIONS] [-s MOD [FUNC [ARG...]]] [-run MOD [FUNC [ARG...]]]...
       rbeam dis FILE.beam

Runs the -s/-run calls in order in one process, then stops (as erl -noshell ... -s init stop
does). -s passes its arguments as a list of atoms, -run as a list of strings; with no FUNC,
the function is start/0.

options:
  -pa DIR...     add directories to the front of the code path
  -pz DIR...     add directories to the code path (after -pa directories)
  -noshell, -noinput
                 accepted for erl compatibility (rbeam has no shell)
  +Jnone         run everything in the interpreter (the only tier so far)
  +P N           at most N processes at once (1024..134217727, rounded up to a power of
                 two as erl does; default 262144); spawn beyond it raises system_limit
  --no-otp       do not search the installed OTP's lib/*/ebin; use the embedded boot set
  -h, --help     this text
  --version      rbeam's version

environment:
  RBEAM_GC_STRESS=1   collect garbage at every opportunity, poisoning freed memory
  RBEAM_OTP_ROOT=DIR  the OTP installation to search (default /usr/lib/erlang)

rbeam dis FILE.beam prints a module's code in the notation of OTP's beam_disasm:file/1.
";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    match args.first().map(String::as_str) {
        None => return Err("nothing to run: give -s MOD or -run MOD (see --help)".into()),
        Some("-h" | "--help" | "-help") => return Ok(Command::Help),
        Some("--version" | "-version") => return Ok(Command::Version),
        Some("dis") => {
            return match args {
                [_, file] => Ok(Command::Dis { file: file.clone() }),
                [_, _, extra, ..] => Err(format!("dis: unexpected argument '{extra}'")),
                _ => Err("dis: missing FILE.beam".into()),
            };
        }
        _ => {}
    }
    let mut run = Run::default();
    let mut pz = Vec::new();
    let mut i = 0;
    let is_flag = |a: &str| a.starts_with('-') || a.starts_with('+');
    while i < args.len() {
        let flag = args[i].as_str();
        i += 1;
        // The words after a flag up to the next flag.
        let take = |i: &mut usize| {
            let start = *i;
            while *i < args.len() && !is_flag(&args[*i]) {
                *i += 1;
            }
            args[start..*i].to_vec()
        };
        match flag {
            "-pa" => run.pa.extend(take(&mut i).into_iter().map(PathBuf::from)),
            "-pz" => pz.extend(take(&mut i).into_iter().map(PathBuf::from)),
            "-s" | "-run" => {
                let words = take(&mut i);
                let Some((module, rest)) = words.split_first() else {
                    return Err(format!("{flag}: missing module name"));
                };
                let (function, args) = match rest.split_first() {
                    None => ("start".to_string(), None),
                    Some((f, [])) => (f.clone(), None),
                    Some((f, a)) => (f.clone(), Some(a.to_vec())),
                };
                run.calls.push(BootCall { module: module.clone(), function, args, strings: flag == "-run" });
            }
            "-noshell" | "-noinput" => {}
            "+Jnone" => {}
            "+P" => {
                let n = args.get(i).map(String::as_str).unwrap_or("");
                i += 1;
                run.process_limit = Some(process_limit(n).ok_or(format!("bad number of processes {n}"))?);
            }
            "--no-otp" => run.no_otp = true,
            "-eval" => return Err("-eval is not supported; put the code in a module and use -s".into()),
            other if other.starts_with("+J") => {
                return Err(format!(
                    "{other}: the ARM32 JIT is not part of this build yet; +Jnone is the only mode"
                ));
            }
            other if is_flag(other) => return Err(format!("unknown flag '{other}'")),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    run.pa.extend(pz);
    if run.calls.is_empty() {
        return Err("nothing to run: give -s MOD or -run MOD (see --help)".into());
    }
    Ok(Command::Run(run))
}

/// Smallest and largest `+P` erl accepts (`ERTS_MIN_PROCESSES`, `ERTS_MAX_PROCESSES`).
const MIN_PROCESSES: usize = 1024;
const MAX_PROCESSES: usize = (1 << 27) - 1;

/// The process limit `+P text` sets: erl takes a decimal number in range and rounds it up to
/// a power of two, which the maximum caps (`+P 5000` is 8192, `+P 100000000` 134217727).
fn process_limit(text: &str) -> Option<usize> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = text.parse().ok()?;
    (MIN_PROCESSES..=MAX_PROCESSES).contains(&n).then(|| n.next_power_of_two().min(MAX_PROCESSES))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn call(m: &str, f: &str, args: Option<&[&str]>, strings: bool) -> BootCall {
        BootCall {
            module: m.into(),
            function: f.into(),
            args: args.map(|a| a.iter().map(|s| s.to_string()).collect()),
            strings,
        }
    }

    #[test]
    fn commands() {
        assert_eq!(p(&["--help"]), Ok(Command::Help));
        assert_eq!(p(&["dis", "x.beam"]), Ok(Command::Dis { file: "x.beam".into() }));
        assert!(p(&[]).is_err());
        assert!(p(&["dis"]).is_err());
        assert!(p(&["dis", "a", "b"]).is_err());
        assert!(p(&["-frobnicate"]).unwrap_err().contains("-frobnicate"));
    }

    #[test]
    fn erl_style_runs() {
        let Ok(Command::Run(r)) =
            p(&["-noshell", "-pa", "a", "b", "-s", "hello", "-run", "m", "f", "x", "y", "-pz", "z"])
        else {
            panic!()
        };
        assert_eq!(r.pa, vec![PathBuf::from("a"), PathBuf::from("b"), PathBuf::from("z")]);
        assert_eq!(
            r.calls,
            vec![call("hello", "start", None, false), call("m", "f", Some(&["x", "y"]), true)]
        );
        let Ok(Command::Run(r)) = p(&["-s", "m", "f", "--no-otp"]) else { panic!() };
        assert_eq!(r.calls, vec![call("m", "f", None, false)]);
        assert!(r.no_otp);
        assert!(p(&["-pa", "x"]).is_err());
        assert!(p(&["-s"]).is_err());
        assert!(p(&["+Jall", "-s", "m"]).is_err());
        assert!(p(&["-s", "m", "+Jnone"]).is_ok());
    }

    #[test]
    fn process_limit_rounds_as_erl() {
        let limit = |n: &str| match p(&["+P", n, "-s", "m"]) {
            Ok(Command::Run(r)) => Ok(r.process_limit),
            Err(e) => Err(e),
            Ok(other) => panic!("{other:?}"),
        };
        assert_eq!(limit("1024"), Ok(Some(1024)));
        assert_eq!(limit("1025"), Ok(Some(2048)));
        assert_eq!(limit("5000"), Ok(Some(8192)));
        assert_eq!(limit("100000000"), Ok(Some(134_217_727)));
        assert_eq!(limit("134217727"), Ok(Some(134_217_727)));
        for bad in ["1023", "134217728", "-5", "0x400", "abc", "99999999999999999999999"] {
            assert_eq!(limit(bad), Err(format!("bad number of processes {bad}")));
        }
        assert!(p(&["-s", "m", "+P"]).unwrap_err().contains("bad number of processes"));
        let Ok(Command::Run(r)) = p(&["-s", "m"]) else { panic!() };
        assert_eq!(r.process_limit, None);
    }
}
