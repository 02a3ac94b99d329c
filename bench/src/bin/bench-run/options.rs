//! Command-line options of the runner.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: bench/run [--quick] [--reps N] [--only NAME,...] [--lane host|arm|all] [--out FILE]

  --quick        each program once at its smoke-test size on every engine; fails when a
                 result differs from OTP's (CI runs this). Writes no report.
  --reps N       runs of each program on each engine, interleaved (default 5)
  --only LIST    just these programs (names without the b_ prefix, comma-separated)
  --lane L       host: rbeam and erl on x86_64; arm: rbeam armv7 and OTP armhf under
                 qemu-arm; all (default): both
  --out FILE     the Markdown report (default bench/RESULTS.md; the chart is FILE with .png)";

/// Which machines' engines to run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lane {
    Host,
    Arm,
    All,
}

impl Lane {
    pub fn includes(self, arm: bool) -> bool {
        match self {
            Lane::All => true,
            Lane::Host => !arm,
            Lane::Arm => arm,
        }
    }
}

#[derive(Debug)]
pub struct Options {
    pub quick: bool,
    pub reps: usize,
    pub only: Option<Vec<String>>,
    pub lane: Lane,
    pub out: PathBuf,
}

impl Options {
    /// The options, or `None` when help was asked for.
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
        let mut options = Options {
            quick: false,
            reps: 5,
            only: None,
            lane: Lane::All,
            out: PathBuf::from("bench/RESULTS.md"),
        };
        while let Some(arg) = args.next() {
            let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
            match arg.as_str() {
                "--quick" => options.quick = true,
                "--reps" => {
                    let text = value("--reps")?;
                    options.reps = match text.parse() {
                        Ok(n) if n > 0 => n,
                        _ => return Err(format!("--reps {text}: not a positive integer")),
                    };
                }
                "--only" => {
                    options.only = Some(value("--only")?.split(',').map(str::to_owned).collect());
                }
                "--lane" => {
                    options.lane = match value("--lane")?.as_str() {
                        "host" => Lane::Host,
                        "arm" => Lane::Arm,
                        "all" => Lane::All,
                        other => return Err(format!("--lane {other}: expected host, arm or all")),
                    };
                }
                "--out" => options.out = PathBuf::from(value("--out")?),
                "--help" | "-h" => return Ok(None),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        if options.quick {
            options.reps = 1;
        }
        Ok(Some(options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(args.iter().map(|s| s.to_string())).map(|o| o.expect("not help"))
    }

    #[test]
    fn defaults_and_flags() {
        let o = parse(&[]).unwrap();
        assert_eq!((o.quick, o.reps, o.lane), (false, 5, Lane::All));
        let o = parse(&["--quick", "--reps", "9", "--lane", "arm", "--only", "fib,tak"]).unwrap();
        assert_eq!((o.quick, o.reps, o.lane), (true, 1, Lane::Arm));
        assert_eq!(o.only.unwrap(), ["fib", "tak"]);
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(parse(&["--reps", "0"]).is_err());
        assert!(parse(&["--reps"]).is_err());
        assert!(parse(&["--lane", "mips"]).is_err());
        assert!(parse(&["--fast"]).is_err());
        assert!(Options::parse(["--help".to_owned()].into_iter()).unwrap().is_none());
    }
}
