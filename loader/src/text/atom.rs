//! Atoms in Erlang syntax, quoted exactly when `io_lib:write_atom/1` of OTP 25 quotes them.

use core::fmt::{self, Write};

/// The words the Erlang scanner reserves, which must be quoted as atoms (OTP 25 without the
/// `maybe` feature, so `maybe` and `else` are plain atoms).
const RESERVED: [&str; 27] = [
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch", "cond",
    "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try", "when", "xor",
];

/// `io_lib:write_atom/1`: bare when the atom reads back as one (a lowercase first letter, then
/// letters, digits, `_` and `@`, Latin-1 letters included, and not a reserved word), quoted and
/// escaped otherwise.
pub fn write_atom_chars<W, I>(f: &mut W, chars: impl Fn() -> I) -> fmt::Result
where
    W: Write + ?Sized,
    I: Iterator<Item = char>,
{
    let mut rest = chars();
    let bare = rest.next().is_some_and(is_lowercase)
        && rest.all(|c| is_lowercase(c) || is_uppercase(c) || c.is_ascii_digit() || c == '_' || c == '@')
        && !RESERVED.iter().any(|w| chars().eq(w.chars()));
    if bare {
        return chars().try_for_each(|c| f.write_char(c));
    }
    f.write_char('\'')?;
    for c in chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            ' '..='~' | '\u{a0}'..='\u{ff}' => f.write_char(c)?,
            '\u{100}'..=char::MAX => write!(f, "\\x{{{:X}}}", u32::from(c))?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            '\u{b}' => f.write_str("\\v")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            '\u{1b}' => f.write_str("\\e")?,
            '\u{7f}' => f.write_str("\\d")?,
            _ => write!(f, "\\{:03o}", u32::from(c))?,
        }
    }
    f.write_char('\'')
}

pub fn is_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

pub fn is_uppercase(c: char) -> bool {
    c.is_ascii_uppercase() || (('\u{c0}'..='\u{de}').contains(&c) && c != '\u{d7}')
}

/// [`write_atom_chars`] for an atom held as a `str`.
pub fn write_atom<W: Write + ?Sized>(f: &mut W, text: &str) -> fmt::Result {
    write_atom_chars(f, || text.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = String::new();
        write_atom(&mut out, text).expect("writes to a String");
        out
    }

    /// Expected strings as OTP 25 prints them with `io:format("~w", [list_to_atom(Chars)])`.
    #[test]
    fn bare_and_quoted_atoms_match_io_lib() {
        for (atom, expected) in [
            ("a", "a"),
            ("true", "true"),
            ("hello_World@1", "hello_World@1"),
            ("A", "'A'"),
            ("_x", "'_x'"),
            ("", "''"),
            ("[]", "'[]'"),
            ("a.b", "'a.b'"),
            ("hello world", "'hello world'"),
            ("if", "'if'"),
            ("after", "'after'"),
            // Reserved only with OTP 27's `maybe` feature, not in OTP 25.
            ("maybe", "maybe"),
            ("else", "else"),
            // Latin-1 letters: `ß`..`ÿ` but `÷` are lowercase, `À`..`Þ` but `×` uppercase.
            ("ñ", "ñ"),
            ("üx", "üx"),
            ("ßa", "ßa"),
            ("ÿ", "ÿ"),
            ("aÀ", "aÀ"),
            ("aÞ", "aÞ"),
            ("Þa", "'Þa'"),
            ("a×", "'a×'"),
            ("÷", "'÷'"),
            ("Ω", "'\\x{3A9}'"),
            ("ωx", "'\\x{3C9}x'"),
            ("€", "'\\x{20AC}'"),
            ("\u{1F600}", "'\\x{1F600}'"),
        ] {
            assert_eq!(written(atom), expected, "atom {atom:?}");
        }
    }

    #[test]
    fn escapes_match_io_lib() {
        for (atom, expected) in [
            ("a\nb", "'a\\nb'"),
            ("a\tb", "'a\\tb'"),
            ("a\rb\u{b}c\u{8}d\u{c}e", "'a\\rb\\vc\\bd\\fe'"),
            ("a'b", "'a\\'b'"),
            ("a\\b", "'a\\\\b'"),
            ("a\u{1}b", "'a\\001b'"),
            ("a\u{1B}", "'a\\e'"),
            ("a\u{7F}", "'a\\d'"),
            ("a\u{85}", "'a\\205'"),
            ("a\u{A0}", "'a\u{A0}'"),
            ("a\u{BF}", "'a\u{BF}'"),
        ] {
            assert_eq!(written(atom), expected, "atom {atom:?}");
        }
    }

    #[test]
    fn chars_and_str_agree() {
        let mut out = String::new();
        write_atom_chars(&mut out, || "a b".chars()).expect("writes to a String");
        assert_eq!(out, written("a b"));
    }
}
