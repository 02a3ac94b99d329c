//! The `Type` chunk (OTP 25+): what the compiler proved about typed-register operands
//! (`z5` operands name an entry by index). The types are hints that let a runtime skip tag
//! checks; nothing depends on them for correctness.
//!
//! Layout: u32 version, u32 entry count, the entries. Entry 0 is always "any". What an entry
//! looks like depends on the version (`beam_types:encode_ext/1` of each release; erts'
//! `beam_types.c`/`beam_types.h`; OTP 27's `beam_types:convert_ext/2` documents the older
//! ones):
//!
//! * Version 1 (OTP 25): fixed 18 bytes: u16 kind bits in the [`OTP26_BITS`] layout, then
//!   i64 min and i64 max of an integer range, meaningful only if min <= max (the compiler
//!   writes 0 and -1 for "no range", and a range only when both ends fit 60 bits).
//! * Version 2 (OTP 26): u16 bits in the [`OTP26_BITS`] layout, bit 13 "has lower bound",
//!   bit 14 "has upper bound", bit 15 "has unit"; then, when flagged and in that order, i64
//!   min, i64 max, u8 unit − 1. Either bound may be absent, and ranges may describe
//!   `number` (integer or float) values.
//! * Version 3 (OTP 27, 28): as version 2, but OTP 27 dropped the match-context kind (bit 2)
//!   and moved every later bit down by one: twelve kinds in bits 0–11 ([`Kinds`]), flags in
//!   bits 12, 13, 14.
//!
//! Entries are normalised to the version 3 kinds: a version 1 or 2 match context becomes a
//! bitstring, as OTP 27's converter does. Bits no version assigns (13–15 in version 1, 15 in
//! version 3) are ignored, as erts ignores them. OTP 29 writes version 4 (a native-record kind in
//! bit 12, flags back in 13–15); this decoder does not know it yet.

use crate::error::{ErrorKind, PResult, fail};
use core::fmt;
use nom::number::complete::{be_i64, be_u16, be_u32, u8 as byte};

/// The sorts of term a value may be: a set of kind bits, in the version 3 layout.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Kinds(u16);

impl Kinds {
    pub const NONE: Kinds = Kinds(0);
    pub const ATOM: Kinds = Kinds(1 << 0);
    /// Binaries and bitstrings (and, for files older than OTP 27, match contexts).
    pub const BITSTRING: Kinds = Kinds(1 << 1);
    /// Non-empty lists.
    pub const CONS: Kinds = Kinds(1 << 2);
    pub const FLOAT: Kinds = Kinds(1 << 3);
    pub const FUN: Kinds = Kinds(1 << 4);
    pub const INTEGER: Kinds = Kinds(1 << 5);
    pub const MAP: Kinds = Kinds(1 << 6);
    /// The empty list.
    pub const NIL: Kinds = Kinds(1 << 7);
    pub const PID: Kinds = Kinds(1 << 8);
    pub const PORT: Kinds = Kinds(1 << 9);
    pub const REFERENCE: Kinds = Kinds(1 << 10);
    pub const TUPLE: Kinds = Kinds(1 << 11);
    pub const ANY: Kinds = Kinds((1 << 12) - 1);

    /// The kinds' names, by bit (the display form quotes `'fun'`, a reserved word).
    pub const NAMES: [&'static str; 12] = [
        "atom",
        "bitstring",
        "cons",
        "float",
        "fun",
        "integer",
        "map",
        "nil",
        "pid",
        "port",
        "reference",
        "tuple",
    ];

    /// The set with these bits; bits above the twelve kinds are dropped.
    pub const fn from_bits(bits: u16) -> Kinds {
        Kinds(bits & Kinds::ANY.0)
    }

    /// Converts bits of the [`OTP26_BITS`] layout (versions 1 and 2), folding the match-context
    /// bit into the bitstring bit.
    pub const fn from_otp26_bits(bits: u16) -> Kinds {
        let bits = bits & OTP26_BITS;
        Kinds::from_bits((bits & 0b11) | ((bits & !0b11) >> 1))
    }

    pub const fn bits(self) -> u16 {
        self.0
    }

    pub const fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn intersects(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The names of the kinds in the set, in bit order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Kinds::NAMES.into_iter().enumerate().filter(move |&(bit, _)| self.0 & (1 << bit) != 0).map(|(_, n)| n)
    }
}

impl core::ops::BitOr for Kinds {
    type Output = Kinds;
    fn bitor(self, other: Kinds) -> Kinds {
        self.union(other)
    }
}

impl fmt::Debug for Kinds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

/// The kind bits of versions 1 and 2: as [`Kinds`], but with a match-context kind in bit 2
/// and the later kinds one bit higher (cons in bit 3 ... tuple in bit 12).
pub const OTP26_BITS: u16 = (1 << 13) - 1;

/// One type entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TypeInfo {
    pub kinds: Kinds,
    /// Lower bound of the value when it is a number (an integer range in version 1).
    pub min: Option<i64>,
    /// Upper bound of the value when it is a number.
    pub max: Option<i64>,
    /// A bitstring value's size is a multiple of this many bits (1..=256).
    pub unit: Option<u16>,
}

impl TypeInfo {
    /// The type that says nothing, as entry 0 always is.
    pub const ANY: TypeInfo = TypeInfo { kinds: Kinds::ANY, min: None, max: None, unit: None };

    pub fn is_any(&self) -> bool {
        *self == TypeInfo::ANY
    }
}

/// Displays the entry as an Erlang term, so a disassembly can print `{tr,{x,2},Type}`:
///
/// * `any` for the unrestricted type, `none` for an empty kind set;
/// * `{t,Kinds}`, where `Kinds` lists the kind names (see [`Kinds::NAMES`]) in bit order, a
///   bitstring with a known unit written `{bitstring,Unit}`: `{t,[atom,nil]}`,
///   `{t,[{bitstring,8}]}`;
/// * `{t,Kinds,Min,Max}` when a bound is known, a missing one written `'-inf'` or `'+inf'`:
///   `{t,[integer],0,255}`, `{t,[float,integer],'-inf',-1}`.
impl fmt::Display for TypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_any() {
            return f.write_str("any");
        }
        if self.kinds.is_empty() && self.min.is_none() && self.max.is_none() {
            return f.write_str("none");
        }
        f.write_str("{t,[")?;
        for (i, name) in self.kinds.names().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match (name, self.unit) {
                ("bitstring", Some(unit)) => write!(f, "{{bitstring,{unit}}}")?,
                // `fun` is a reserved word: as an atom it needs quotes.
                ("fun", _) => f.write_str("'fun'")?,
                _ => f.write_str(name)?,
            }
        }
        f.write_str("]")?;
        if self.min.is_some() || self.max.is_some() {
            match self.min {
                Some(min) => write!(f, ",{min}")?,
                None => f.write_str(",'-inf'")?,
            }
            match self.max {
                Some(max) => write!(f, ",{max}")?,
                None => f.write_str(",'+inf'")?,
            }
        }
        f.write_str("}")
    }
}

/// The decoded `Type` chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeTable {
    /// The format version found in the chunk.
    pub version: u32,
    /// The entries; empty when the version is not one this decoder knows.
    pub entries: Vec<TypeInfo>,
}

impl TypeTable {
    /// The versions this decoder reads: OTP 25 (1), OTP 26 (2), OTP 27 and 28 (3).
    pub const SUPPORTED: [u32; 3] = [1, 2, 3];

    /// Whether the version was understood. An unsupported table has no entries: every typed
    /// register then counts as "any", which is what erts does with a table it cannot read.
    pub fn is_supported(&self) -> bool {
        TypeTable::SUPPORTED.contains(&self.version)
    }

    /// Entry `index`, if the table has it.
    pub fn get(&self, index: u32) -> Option<&TypeInfo> {
        self.entries.get(index as usize)
    }
}

/// The bit positions of one variable-size layout.
struct Layout {
    kinds: fn(u16) -> Kinds,
    lower: u16,
    upper: u16,
    unit: u16,
}

const VERSION_2: Layout =
    Layout { kinds: Kinds::from_otp26_bits, lower: 1 << 13, upper: 1 << 14, unit: 1 << 15 };
const VERSION_3: Layout = Layout { kinds: Kinds::from_bits, lower: 1 << 12, upper: 1 << 13, unit: 1 << 14 };

/// Size of a version 1 entry.
const VERSION_1_ENTRY: u64 = 18;

/// Parses the data of a `Type` chunk.
///
/// A version this decoder does not know is not an error: since types are only hints, it
/// returns a table with no entries (see [`TypeTable::is_supported`]) and the module loads
/// without them, as erts loads it with its fallback table. Malformed data in a known version
/// is an error, again as in erts: an entry with no kinds, a bound on a type that cannot be a
/// number, a unit on one that cannot be a bitstring. Two erts checks are left out, as they
/// cannot mislead a reader of the entries: that there is at least one entry and that entry 0
/// is "any". Bytes after the last entry are ignored.
pub fn parse(data: &[u8]) -> PResult<'_, TypeTable> {
    let (input, version) = be_u32(data)?;
    let layout = match version {
        1 => None,
        2 => Some(&VERSION_2),
        3 => Some(&VERSION_3),
        _ => return Ok((&data[data.len()..], TypeTable { version, entries: Vec::new() })),
    };
    let count_at = input;
    let (mut input, count) = be_u32(input)?;
    let min_entry = if layout.is_some() { 2 } else { VERSION_1_ENTRY };
    if u64::from(count) * min_entry > input.len() as u64 {
        return fail(count_at, ErrorKind::ImplausibleCount { what: "type entry", count: u64::from(count) });
    }
    let mut entries = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (rest, entry) = match layout {
            None => version_1_entry(input)?,
            Some(layout) => variable_entry(input, layout)?,
        };
        entries.push(entry);
        input = rest;
    }
    Ok((input, TypeTable { version, entries }))
}

/// A version 1 entry: kind bits, then a range that counts only when min <= max.
fn version_1_entry(input: &[u8]) -> PResult<'_, TypeInfo> {
    let start = input;
    let (input, bits) = be_u16(input)?;
    let (input, min) = be_i64(input)?;
    let (input, max) = be_i64(input)?;
    let kinds = Kinds::from_otp26_bits(bits);
    let range = if min <= max { (Some(min), Some(max)) } else { (None, None) };
    let entry = TypeInfo { kinds, min: range.0, max: range.1, unit: None };
    check(start, entry)?;
    Ok((input, entry))
}

/// A version 2 or 3 entry: kind and flag bits, then the flagged extras.
fn variable_entry<'a>(input: &'a [u8], layout: &Layout) -> PResult<'a, TypeInfo> {
    let start = input;
    let (mut input, bits) = be_u16(input)?;
    let mut entry = TypeInfo { kinds: (layout.kinds)(bits), min: None, max: None, unit: None };
    if bits & layout.lower != 0 {
        let (rest, min) = be_i64(input)?;
        entry.min = Some(min);
        input = rest;
    }
    if bits & layout.upper != 0 {
        let (rest, max) = be_i64(input)?;
        entry.max = Some(max);
        input = rest;
    }
    if bits & layout.unit != 0 {
        let (rest, unit) = byte(input)?;
        entry.unit = Some(u16::from(unit) + 1);
        input = rest;
    }
    check(start, entry)?;
    Ok((input, entry))
}

/// The consistency checks erts makes (`beam_types_decode_type`).
fn check(at: &[u8], entry: TypeInfo) -> PResult<'_, ()> {
    let problem = if entry.kinds.is_empty() {
        "type entry without any kind"
    } else if (entry.min.is_some() || entry.max.is_some())
        && !entry.kinds.intersects(Kinds::INTEGER | Kinds::FLOAT)
    {
        "type entry with a range but no number kind"
    } else if entry.unit.is_some() && !entry.kinds.contains(Kinds::BITSTRING) {
        "type entry with a unit but no bitstring kind"
    } else {
        return Ok((at, ()));
    };
    fail(at, ErrorKind::BadEncoding(problem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::lines::tests::{
        Parser, assert_corruption_is_safe, assert_prefixes_fail, error_kind_of,
    };

    /// The `Type` chunk (version 1) OTP 25's erlc wrote for `rbeam_lt_fixture.erl`.
    const TYPE: &[u8] = include_bytes!("../../tests/fixtures/line_type/rbeam_lt_fixture.type.bin");
    /// What OTP says each entry is, in this module's display form (see `generate.escript`).
    const TYPE_TXT: &str = include_str!("../../tests/fixtures/line_type/rbeam_lt_fixture.type.txt");

    fn expected() -> Vec<&'static str> {
        TYPE_TXT
            .lines()
            .enumerate()
            .map(|(i, l)| {
                let f: Vec<&str> = l.split('\t').collect();
                assert_eq!(f[0], i.to_string());
                f[1]
            })
            .collect()
    }

    fn v1_entries() -> impl Iterator<Item = &'static [u8]> {
        TYPE[8..].chunks(18)
    }

    #[test]
    fn real_version_1_chunk_matches_what_otp_says() {
        let (rest, table) = parse(TYPE).unwrap();
        assert!(rest.is_empty());
        assert_eq!(table.version, 1);
        assert!(table.is_supported());
        let shown: Vec<String> = table.entries.iter().map(TypeInfo::to_string).collect();
        assert_eq!(shown, expected());
        assert!(table.get(0).unwrap().is_any());
        assert_eq!(table.get(table.entries.len() as u32), None);
        // A negative range survives (OTP 25's own decoder reads it as unsigned).
        assert!(table.entries.iter().any(|e| e.min == Some(-256) && e.max == Some(255)));
    }

    fn chunk(version: u32, entries: &[Vec<u8>]) -> Vec<u8> {
        let mut out = version.to_be_bytes().to_vec();
        out.extend_from_slice(&(entries.len() as u32).to_be_bytes());
        for e in entries {
            out.extend_from_slice(e);
        }
        out
    }

    fn fields(e: &[u8]) -> (u16, i64, i64) {
        let bits = u16::from_be_bytes([e[0], e[1]]);
        let min = i64::from_be_bytes(e[2..10].try_into().unwrap());
        let max = i64::from_be_bytes(e[10..18].try_into().unwrap());
        (bits, min, max)
    }

    /// A version 1 entry as OTP 26 writes it (version 2): the kind bits unchanged, bits 13 and
    /// 14 flagging the bounds, which follow only when there is a range (as OTP 27's
    /// `convert_ext(1, ...)` rewrites it).
    fn imitate_otp26(e: &[u8]) -> Vec<u8> {
        let (bits, min, max) = fields(e);
        if min > max {
            return bits.to_be_bytes().to_vec();
        }
        let mut out = (bits | 1 << 13 | 1 << 14).to_be_bytes().to_vec();
        out.extend_from_slice(&min.to_be_bytes());
        out.extend_from_slice(&max.to_be_bytes());
        out
    }

    /// The same entry as OTP 27 and 28 write it (version 3): bit 2 (match context) folded
    /// into bit 1 and the higher kinds moved down one, as `convert_ext_26` does; bounds
    /// flagged by bits 12 and 13.
    fn imitate_otp27(e: &[u8]) -> Vec<u8> {
        let (bits, min, max) = fields(e);
        let kinds = (bits & 0b11) | ((bits & 0x1FFC) >> 1);
        if min > max {
            return kinds.to_be_bytes().to_vec();
        }
        let mut out = (kinds | 1 << 12 | 1 << 13).to_be_bytes().to_vec();
        out.extend_from_slice(&min.to_be_bytes());
        out.extend_from_slice(&max.to_be_bytes());
        out
    }

    #[test]
    fn newer_layouts_of_the_same_types_decode_the_same() {
        let (_, v1) = parse(TYPE).unwrap();
        for (version, imitate) in [(2, imitate_otp26 as fn(&[u8]) -> Vec<u8>), (3, imitate_otp27)] {
            let entries: Vec<Vec<u8>> = v1_entries().map(imitate).collect();
            let data = chunk(version, &entries);
            let (rest, table) = parse(&data).unwrap();
            assert!(rest.is_empty());
            assert_eq!(table.version, version);
            assert_eq!(table.entries, v1.entries, "version {version}");
        }
    }

    fn one(version: u32, entry: &[u8]) -> TypeInfo {
        let (_, t) = parse(&chunk(version, &[entry.to_vec()])).unwrap();
        t.entries[0]
    }

    fn be(bits: u16, extra: &[&[u8]]) -> Vec<u8> {
        let mut out = bits.to_be_bytes().to_vec();
        for e in extra {
            out.extend_from_slice(e);
        }
        out
    }

    #[test]
    fn bounds_and_units() {
        let minus_5 = (-5i64).to_be_bytes();
        let seven = 7i64.to_be_bytes();
        // OTP 27 layout: integer with only a lower bound; float|integer with only an upper one.
        let e = one(3, &be(1 << 5 | 1 << 12, &[&minus_5]));
        assert_eq!((e.kinds, e.min, e.max), (Kinds::INTEGER, Some(-5), None));
        assert_eq!(e.to_string(), "{t,[integer],-5,'+inf'}");
        let e = one(3, &be(1 << 3 | 1 << 5 | 1 << 13, &[&seven]));
        assert_eq!(e.to_string(), "{t,[float,integer],'-inf',7}");
        // A binary: unit 8 is stored as 7.
        let e = one(3, &be(1 << 1 | 1 << 14, &[&[7]]));
        assert_eq!((e.kinds, e.unit), (Kinds::BITSTRING, Some(8)));
        assert_eq!(e.to_string(), "{t,[{bitstring,8}]}");
        // Everything at once, in the order the flags say: min, max, unit.
        let e = one(3, &be(1 << 1 | 1 << 5 | 0x7000, &[&minus_5, &seven, &[255]]));
        assert_eq!((e.min, e.max, e.unit), (Some(-5), Some(7), Some(256)));
        assert_eq!(e.to_string(), "{t,[{bitstring,256},integer],-5,7}");
        // OTP 26 layout: the same binary (bitstring bit 1, unit flag bit 15), and a match
        // context (bit 2), which counts as a bitstring.
        assert_eq!(one(2, &be(1 << 1 | 1 << 15, &[&[7]])).unit, Some(8));
        assert_eq!(one(2, &be(1 << 2, &[])).kinds, Kinds::BITSTRING);
        // Cons and tuple, the first and last kinds above the removed bit.
        assert_eq!(one(2, &be(1 << 3 | 1 << 12, &[])).kinds, Kinds::CONS | Kinds::TUPLE);
        assert_eq!(one(2, &be(0x1FFF, &[])), TypeInfo::ANY);
        assert_eq!(one(3, &be(0x0FFF, &[])), TypeInfo::ANY);
    }

    #[test]
    fn display_is_an_erlang_term() {
        assert_eq!(TypeInfo::ANY.to_string(), "any");
        let t = |kinds| TypeInfo { kinds, min: None, max: None, unit: None };
        assert_eq!(t(Kinds::NONE).to_string(), "none");
        assert_eq!(t(Kinds::FUN | Kinds::NIL).to_string(), "{t,['fun',nil]}");
        assert_eq!(t(Kinds::ANY).to_string(), "any");
        let all_but_atom = Kinds::from_bits(Kinds::ANY.bits() & !Kinds::ATOM.bits());
        assert_eq!(
            t(all_but_atom).to_string(),
            "{t,[bitstring,cons,float,'fun',integer,map,nil,pid,port,reference,tuple]}"
        );
        let ranged_any = TypeInfo { min: Some(i64::MIN), max: Some(i64::MAX), ..TypeInfo::ANY };
        assert!(ranged_any.to_string().ends_with(",-9223372036854775808,9223372036854775807}"));
        assert_eq!(format!("{:?}", Kinds::ATOM | Kinds::TUPLE), "{\"atom\", \"tuple\"}");
    }

    #[test]
    fn unknown_versions_give_an_empty_table() {
        for version in [0, 4, 99, u32::MAX] {
            let data = chunk(version, &[be(0x1FFF, &[]), vec![0xFF; 5]]);
            let (rest, t) = parse(&data).unwrap();
            assert!(rest.is_empty());
            assert_eq!((t.version, t.entries.len(), t.is_supported()), (version, 0, false));
            assert_eq!(t.get(0), None);
        }
    }

    const PARSE: Parser = |d| parse(d).map(|_| ());

    fn error_kind(data: &[u8]) -> ErrorKind {
        error_kind_of(data, PARSE)
    }

    #[test]
    fn inconsistent_entries_are_errors() {
        let bad = |what| ErrorKind::BadEncoding(what);
        assert_eq!(error_kind(&chunk(3, &[be(0, &[])])), bad("type entry without any kind"));
        assert_eq!(error_kind(&chunk(2, &[be(1 << 13, &[&[0; 8]])])), bad("type entry without any kind"));
        // Version 1: a range (min <= max) on an atom.
        let mut v1 = be(1, &[&0i64.to_be_bytes(), &0i64.to_be_bytes()]);
        assert_eq!(error_kind(&chunk(1, &[v1.clone()])), bad("type entry with a range but no number kind"));
        v1[1] = 0;
        assert_eq!(error_kind(&chunk(1, &[v1])), bad("type entry without any kind"));
        assert_eq!(
            error_kind(&chunk(3, &[be(1 | 1 << 12, &[&[0; 8]])])),
            bad("type entry with a range but no number kind")
        );
        assert_eq!(
            error_kind(&chunk(3, &[be(1 << 5 | 1 << 14, &[&[0]])])),
            bad("type entry with a unit but no bitstring kind")
        );
        let mut huge = chunk(3, &[be(1, &[])]);
        huge[4..8].copy_from_slice(&2u32.to_be_bytes());
        assert_eq!(error_kind(&huge), ErrorKind::ImplausibleCount { what: "type entry", count: 2 });
        let mut v1_count = TYPE.to_vec();
        v1_count[7] += 1;
        assert!(matches!(error_kind(&v1_count), ErrorKind::ImplausibleCount { .. }));
        // A flagged bound that is not there.
        assert_eq!(error_kind(&chunk(3, &[be(1 << 5 | 1 << 12, &[&[0; 7]])])), ErrorKind::Truncated);
    }

    /// The real chunk and its re-encodings in the newer layouts.
    fn real_chunks() -> Vec<Vec<u8>> {
        vec![
            TYPE.to_vec(),
            chunk(2, &v1_entries().map(imitate_otp26).collect::<Vec<_>>()),
            chunk(3, &v1_entries().map(imitate_otp27).collect::<Vec<_>>()),
        ]
    }

    #[test]
    fn every_prefix_of_a_real_chunk_is_an_error() {
        for full in real_chunks() {
            assert_prefixes_fail(&full, PARSE);
        }
    }

    #[test]
    fn corrupted_bytes_never_panic() {
        for full in real_chunks() {
            assert_corruption_is_safe(&full, PARSE, &[0x00, 0xFF, 0x7F, 0x80, 0x10, 0x40]);
        }
    }

    #[cfg(not(target_arch = "arm"))]
    #[test]
    fn chunk_from_the_installed_erlc() {
        let beam = crate::chunks::lines::tests::compile_fixture_with_erlc("type");
        let chunks = crate::container::chunks(&beam).unwrap();
        let chunk = chunks.iter().find(|c| c.id == crate::ChunkId::TYPE).unwrap();
        let (_, t) = parse(chunk.data).unwrap();
        // OTP 25 to 28 write versions this decoder knows; a newer erlc may not.
        if !t.is_supported() {
            eprintln!("Type chunk version {}: not checked", t.version);
            return;
        }
        assert!(t.get(0).unwrap().is_any());
        assert!(t.entries.len() > 10);
        assert!(t.entries.iter().any(|e| e.to_string() == "{t,[integer],0,15}"));
    }
}
