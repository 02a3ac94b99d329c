//! Atoms as `~w` writes them (`io_lib:write_atom/1` under Latin-1 output).
//!
//! An atom is written bare when it starts with a lowercase Latin-1 letter, continues with
//! Latin-1 letters, digits, `_` or `@`, and is not a reserved word; otherwise it is quoted.
//! Inside quotes, `'` and `\` are escaped, control characters use their `\n`-style escape or
//! three octal digits, and characters above U+00FF become `\x{HEX}` (the `~w` output is
//! Latin-1).

use core::fmt::{self, Write};

/// Reserved words of OTP 27, where the `maybe` expression (and so `maybe`/`else`) is enabled
/// by default.
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "else", "end", "fun", "if", "let", "maybe", "not", "of", "or",
    "orelse", "receive", "rem", "try", "when", "xor",
];

/// A lowercase letter that may start a bare atom (`a`–`z`, `ß`–`ÿ` except `÷`).
fn is_lowercase_start(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{DF}'..='\u{FF}').contains(&c) && c != '\u{F7}')
}

/// A character that may continue a bare atom.
fn is_name_char(c: char) -> bool {
    is_lowercase_start(c)
        || c.is_ascii_uppercase()
        || c.is_ascii_digit()
        || c == '_'
        || c == '@'
        || (('\u{C0}'..='\u{DE}').contains(&c) && c != '\u{D7}')
}

/// Whether the atom text must be quoted.
pub fn needs_quotes(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if is_lowercase_start(first) => {}
        _ => return true,
    }
    !chars.all(is_name_char) || RESERVED.contains(&text)
}

/// Writes one character of a quoted atom or string, escaped as `io_lib` does.
pub(super) fn write_escaped_char(out: &mut impl Write, c: char, quote: char) -> fmt::Result {
    match c {
        _ if c == quote => write!(out, "\\{c}"),
        '\\' => out.write_str("\\\\"),
        '\n' => out.write_str("\\n"),
        '\r' => out.write_str("\\r"),
        '\t' => out.write_str("\\t"),
        '\u{0B}' => out.write_str("\\v"),
        '\u{08}' => out.write_str("\\b"),
        '\u{0C}' => out.write_str("\\f"),
        '\u{1B}' => out.write_str("\\e"),
        '\u{7F}' => out.write_str("\\d"),
        '\u{00}'..='\u{1F}' | '\u{80}'..='\u{9F}' => write!(out, "\\{:03o}", c as u32),
        '\u{100}'.. => write!(out, "\\x{{{:X}}}", c as u32),
        _ => out.write_char(c),
    }
}

/// Writes an atom, quoted if needed.
pub fn write_atom(out: &mut impl Write, text: &str) -> fmt::Result {
    if !needs_quotes(text) {
        return out.write_str(text);
    }
    out.write_char('\'')?;
    for c in text.chars() {
        write_escaped_char(out, c, '\'')?;
    }
    out.write_char('\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = String::new();
        write_atom(&mut out, text).expect("writes to a String");
        out
    }

    #[test]
    fn bare_and_quoted_atoms_match_io_lib() {
        for (atom, expected) in [
            ("a", "a"),
            ("hello_World@1", "hello_World@1"),
            ("A", "'A'"),
            ("_x", "'_x'"),
            ("", "''"),
            ("[]", "'[]'"),
            ("a.b", "'a.b'"),
            ("hello world", "'hello world'"),
            ("if", "'if'"),
            ("maybe", "'maybe'"),
            ("true", "true"),
            ("ñ", "ñ"),
            ("üx", "üx"),
            ("aÀ", "aÀ"),
            ("a×", "'a×'"),
            ("÷", "'÷'"),
            ("Ω", "'\\x{3A9}'"),
            ("ωx", "'\\x{3C9}x'"),
        ] {
            assert_eq!(written(atom), expected, "atom {atom:?}");
        }
    }

    #[test]
    fn escapes_match_io_lib() {
        for (atom, expected) in [
            ("a\nb", "'a\\nb'"),
            ("a'b", "'a\\'b'"),
            ("a\\b", "'a\\\\b'"),
            ("a\u{1}b", "'a\\001b'"),
            ("a\u{1B}", "'a\\e'"),
            ("a\u{7F}", "'a\\d'"),
            ("a\u{85}", "'a\\205'"),
            ("a\u{A0}", "'a\u{A0}'"),
            ("a\tb", "'a\\tb'"),
        ] {
            assert_eq!(written(atom), expected, "atom {atom:?}");
        }
    }
}
