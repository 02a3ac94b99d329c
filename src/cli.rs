//! Command-line parsing. rbeam follows erl's conventions (`-pa`, `-s`, `-run`, `-noshell`,
//! `+J...` flags, arriving with the interpreter) and adds subcommands for inspection.

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    /// Disassemble a `.beam` file.
    Dis {
        file: String,
    },
}

pub const USAGE: &str = "\
usage: rbeam dis FILE.beam     print the module's code in beam_disasm notation
       rbeam --help            this text
       rbeam --version         the version

Running Erlang code (rbeam -pa DIR -s MOD ...) arrives with the interpreter.
";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    match args {
        [] => Err("no command given".into()),
        [h] if h == "--help" || h == "-h" || h == "-help" => Ok(Command::Help),
        [v] if v == "--version" || v == "-version" => Ok(Command::Version),
        [d, file] if d == "dis" => Ok(Command::Dis { file: file.clone() }),
        [d] if d == "dis" => Err("dis: missing FILE.beam".into()),
        [d, _, extra, ..] if d == "dis" => Err(format!("dis: unexpected argument '{extra}'")),
        [other, ..] => Err(format!("unknown command or flag '{other}'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
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
}
