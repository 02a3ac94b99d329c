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
