//! The atom table: `AtU8` (UTF-8) or the legacy `Atom` (Latin-1, pre-OTP 20 compilers).
//!
//! `AtU8` has two layouts. Up to OTP 27 the count is a positive u32 and each atom's byte
//! length is one byte. OTP 28 allows atoms of 255 *characters* (so more than 255 bytes): it
//! stores the count negated, which older loaders refuse, and each length as a compact-term `u`
//! value. Compiling with `no_long_atoms` still gives the old layout.

use crate::compact;
use crate::error::{ErrorKind, PResult, fail};
use nom::bytes::complete::take;
use nom::number::complete::{be_i32, u8 as byte};
use std::borrow::Cow;

/// The longest atom, in characters, that erts accepts.
pub const MAX_ATOM_CHARS: usize = 255;

/// A module's atoms. Index 1 is the module name; operands use 1-based indices (0 means `[]`).
#[derive(Clone, Debug, Default)]
pub struct Atoms<'a> {
    names: Vec<Cow<'a, str>>,
}

impl<'a> Atoms<'a> {
    /// The atom with 1-based index `i`.
    pub fn get(&self, i: u32) -> Option<&str> {
        let i = usize::try_from(i).ok()?.checked_sub(1)?;
        self.names.get(i).map(|s| s.as_ref())
    }

    /// Number of atoms (the highest valid index).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// All atoms, index 1 first.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|s| s.as_ref())
    }
}

/// Which of the chunk's layouts to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// `AtU8`.
    Utf8,
    /// `Atom`.
    Latin1,
}

/// Parses an `AtU8` or `Atom` chunk.
pub fn parse(data: &[u8], encoding: Encoding) -> PResult<'_, Atoms<'_>> {
    let (mut input, raw_count) = be_i32(data)?;
    // A negative count marks OTP 28's layout with compact-encoded lengths.
    let long_lengths = raw_count < 0;
    if long_lengths && encoding == Encoding::Latin1 {
        return fail(data, ErrorKind::BadEncoding("negative atom count in a Latin-1 atom chunk"));
    }
    let count = u64::from(raw_count.unsigned_abs());
    // Every atom takes at least its length byte.
    if count > input.len() as u64 {
        return fail(data, ErrorKind::ImplausibleCount { what: "atom", count });
    }
    let mut names = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let at = input;
        let (rest, len) = if long_lengths {
            let (rest, n) = compact::unsigned(input)?;
            (rest, n as usize)
        } else {
            let (rest, n) = byte(input)?;
            (rest, usize::from(n))
        };
        let (rest, bytes) = take(len)(rest)?;
        let name = match encoding {
            Encoding::Utf8 => match core::str::from_utf8(bytes) {
                Ok(s) => Cow::Borrowed(s),
                Err(_) => return fail(at, ErrorKind::InvalidText { what: "atom" }),
            },
            Encoding::Latin1 => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
        };
        if name.chars().count() > MAX_ATOM_CHARS {
            return fail(at, ErrorKind::InvalidText { what: "atom longer than 255 characters" });
        }
        names.push(name);
        input = rest;
    }
    Ok((input, Atoms { names }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_layout() {
        let data = b"\0\0\0\x02\x05hello\x03\xc3\xa9t";
        let (_, atoms) = parse(data, Encoding::Utf8).unwrap();
        assert_eq!(atoms.len(), 2);
        assert_eq!(atoms.get(1), Some("hello"));
        assert_eq!(atoms.get(2), Some("ét"));
        assert_eq!(atoms.get(0), None);
        assert_eq!(atoms.get(3), None);
    }

    #[test]
    fn otp28_layout_with_long_atoms() {
        // Count -2, then compact `u` lengths; the second atom is 255 two-byte characters.
        let mut data = (-2i32).to_be_bytes().to_vec();
        data.push(0x30); // u 3
        data.extend_from_slice(b"abc");
        let long: String = "é".repeat(255);
        data.extend_from_slice(&[0x08 | ((510 >> 3) & 0xE0) as u8, (510 & 0xFF) as u8]);
        data.extend_from_slice(long.as_bytes());
        let (_, atoms) = parse(&data, Encoding::Utf8).unwrap();
        assert_eq!(atoms.get(1), Some("abc"));
        assert_eq!(atoms.get(2), Some(long.as_str()));
    }

    #[test]
    fn latin1_layout() {
        let (_, atoms) = parse(b"\0\0\0\x01\x02\xe9t", Encoding::Latin1).unwrap();
        assert_eq!(atoms.get(1), Some("ét"));
    }

    #[test]
    fn bad_tables() {
        assert!(parse(b"\0\0\0\x02\x05hello", Encoding::Utf8).is_err());
        assert!(parse(b"\x7f\xff\xff\xff\x01a", Encoding::Utf8).is_err());
        assert!(parse(b"\0\0\0\x01\x02\xff\xfe", Encoding::Utf8).is_err());
        assert!(parse(b"\xff\xff\xff\xff\x10a", Encoding::Latin1).is_err());
    }
}
