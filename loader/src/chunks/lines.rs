//! The `Line` chunk: where each `line` instruction comes from, for stack traces.
//!
//! Layout (written by `beam_asm:build_line_table/2`, read by erts' `parse_line_chunk` in
//! `beam_file.c`; unchanged since R15 except that OTP 27 gave the flags a meaning):
//!
//! * u32 version, always 0;
//! * u32 flags: [`LineTable::EXECUTABLE_LINE`], [`LineTable::FORCE_LINE_COUNTERS`] (0 before
//!   OTP 27);
//! * u32 number of `line` instructions in the code;
//! * u32 number of line items, *not* counting the implicit item 0 ("no location");
//! * u32 number of file names, *not* counting the implicit file 0 (`<module>.erl`);
//! * the items, compact-encoded: an `a`-tagged value makes its file index current for the
//!   items that follow (the writer emits one only when the file changes, starting from file
//!   0); an `i`-tagged value is one item, a line number in the current file;
//! * the file names, each a u16 byte length and UTF-8 text; name `k` (from 0) is file `k + 1`.
//!
//! A `line` instruction's operand is an item index. Item 0 is never stored: the compiler gives
//! it to `line` instructions without a location (in `module_info/0,1`, for instance). Only
//! `i` values count towards the item count, so the reader stops after that many of them; an
//! `a` value after the last item is not part of the items (the writer never emits one).

use crate::compact::{self, Tag, Value};
use crate::error::{ErrorKind, PResult, ParseError, fail};
use nom::bytes::complete::take;
use nom::number::complete::{be_u16, be_u32};

/// One location: a file index (0 is the module's own `<module>.erl`; `k > 0` is
/// [`LineTable::file_names`]`[k - 1]`) and a line number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LineItem {
    pub file: u32,
    pub line: u32,
}

/// The file of a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFile<'a> {
    /// The module's own source, which erts names `<module>.erl` whatever the file was called:
    /// the compiler registers that name as file 0 before it sees any location, so a module
    /// compiled from another path (`src/m.erl`) has that path as a named file instead.
    Module,
    /// A file named in the chunk (an include file, or a `-file` attribute's name).
    Named(&'a str),
}

impl<'a> SourceFile<'a> {
    /// The file's name, given the name to use for the module's own source.
    pub fn name_or<'b>(self, module_file: &'b str) -> &'b str
    where
        'a: 'b,
    {
        match self {
            SourceFile::Module => module_file,
            SourceFile::Named(name) => name,
        }
    }
}

/// Where a `line` instruction points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location<'a> {
    pub file: SourceFile<'a>,
    pub line: u32,
}

/// The decoded `Line` chunk. File names borrow the file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineTable<'a> {
    /// The header flags, unknown bits kept (see the associated constants).
    pub flags: u32,
    /// Number of `line` instructions the code has, as the compiler counted them.
    pub instr_count: u32,
    /// All items, item 0 ("no location", `{file: 0, line: 0}`) included, so a `line`
    /// operand indexes this directly.
    pub items: Vec<LineItem>,
    /// The stored file names: file index `k > 0` is `file_names[k - 1]`.
    pub file_names: Vec<&'a str>,
}

impl<'a> LineTable<'a> {
    /// Flag bit 0 (OTP 27+): the module has `executable_line` instructions (compiled with
    /// `line_coverage`); erts turns line coverage off for modules without it.
    pub const EXECUTABLE_LINE: u32 = 1;
    /// Flag bit 1 (OTP 27+, option `force_line_counters`, always set together with bit 0):
    /// count executions of each `executable_line` whatever the runtime's coverage mode.
    pub const FORCE_LINE_COUNTERS: u32 = 2;

    pub fn has_executable_line(&self) -> bool {
        self.flags & Self::EXECUTABLE_LINE != 0
    }

    pub fn forces_line_counters(&self) -> bool {
        self.flags & Self::FORCE_LINE_COUNTERS != 0
    }

    /// Number of items, item 0 included: valid `line` operands are below this.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The item at `index`, if it exists (item 0 is `{file: 0, line: 0}`).
    pub fn item(&self, index: u32) -> Option<LineItem> {
        self.items.get(index as usize).copied()
    }

    /// The file with index `file`. An empty stored name means the module's own file, as in
    /// erts (which cannot represent an empty name).
    pub fn file(&self, file: u32) -> Option<SourceFile<'a>> {
        match file {
            0 => Some(SourceFile::Module),
            k => match *self.file_names.get(k as usize - 1)? {
                "" => Some(SourceFile::Module),
                name => Some(SourceFile::Named(name)),
            },
        }
    }

    /// The location of item `index`; `None` for item 0 (no location) and for indices beyond
    /// the table (which validation must refuse as `line` operands).
    pub fn location(&self, index: u32) -> Option<Location<'a>> {
        if index == 0 {
            return None;
        }
        let item = self.item(index)?;
        Some(Location { file: self.file(item.file)?, line: item.line })
    }
}

/// Parses the data of a `Line` chunk. Any other version than 0 is refused, although erts
/// silently drops such a chunk (losing only line numbers): the caller may do the same by
/// matching [`ErrorKind::UnsupportedVersion`].
pub fn parse(data: &[u8]) -> PResult<'_, LineTable<'_>> {
    let (input, version) = be_u32(data)?;
    if version != 0 {
        return fail(data, ErrorKind::UnsupportedVersion { what: "line table", version: u64::from(version) });
    }
    let (input, flags) = be_u32(input)?;
    let (input, instr_count) = be_u32(input)?;
    let item_count_at = input;
    let (input, item_count) = be_u32(input)?;
    let name_count_at = input;
    let (input, name_count) = be_u32(input)?;
    // Every item takes at least one byte and every name at least two, so larger counts are
    // corrupt; checking before allocating keeps a bad count from sizing a vector.
    if item_count as usize > input.len() {
        return fail(
            item_count_at,
            ErrorKind::ImplausibleCount { what: "line item", count: u64::from(item_count) },
        );
    }
    let (input, items) = items(input, item_count, name_count)?;
    if u64::from(name_count) * 2 > input.len() as u64 {
        return fail(
            name_count_at,
            ErrorKind::ImplausibleCount { what: "line file name", count: u64::from(name_count) },
        );
    }
    let (input, file_names) = file_names(input, name_count)?;
    Ok((input, LineTable { flags, instr_count, items, file_names }))
}

/// Reads `count` line items (plus the file switches between them) after the implicit item 0.
fn items(mut input: &[u8], count: u32, name_count: u32) -> PResult<'_, Vec<LineItem>> {
    let mut items = Vec::with_capacity(count as usize + 1);
    items.push(LineItem::default());
    let mut file = 0u32;
    while items.len() <= count as usize {
        let at = input;
        let (rest, (tag, value)) = compact::tagged_value(input)?;
        match (tag, value) {
            (Tag::A, Value::Small(k)) if k <= u64::from(name_count) => file = k as u32,
            (Tag::A, Value::Small(index)) => {
                let limit = u64::from(name_count) + 1;
                return fail(at, ErrorKind::OutOfRange { what: "line file index", index, limit });
            }
            (Tag::A, _) => return fail(at, ErrorKind::BadEncoding("line file index too large")),
            (Tag::I, Value::Small(line)) if line <= u64::from(u32::MAX) => {
                items.push(LineItem { file, line: line as u32 });
            }
            (Tag::I, _) => return fail(at, ErrorKind::BadEncoding("line number out of range")),
            _ => return fail(at, ErrorKind::BadEncoding("line item is neither a file (a) nor a line (i)")),
        }
        input = rest;
    }
    Ok((input, items))
}

/// Reads `count` file names: u16 byte length, then UTF-8. (erts reads the length as signed
/// and so refuses names of 32 KiB or more; the compiler writes it unsigned, as read here.)
fn file_names(mut input: &[u8], count: u32) -> PResult<'_, Vec<&str>> {
    let mut names = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (rest, len) = be_u16(input)?;
        let (rest, bytes) = take(len)(rest)?;
        let name = core::str::from_utf8(bytes).map_err(|_| {
            nom::Err::Failure(ParseError::new(bytes, ErrorKind::InvalidText { what: "line table file name" }))
        })?;
        names.push(name);
        input = rest;
    }
    Ok((input, names))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::ParseError;

    #[cfg(not(target_arch = "arm"))]
    pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/line_type");
    /// The `Line` chunk OTP 25's erlc wrote for `rbeam_lt_fixture.erl`.
    const LINE: &[u8] = include_bytes!("../../tests/fixtures/line_type/rbeam_lt_fixture.line.bin");
    /// What OTP says that chunk means (see `generate.escript`).
    const LINE_TXT: &str = include_str!("../../tests/fixtures/line_type/rbeam_lt_fixture.line.txt");
    const MODULE_FILE: &str = "rbeam_lt_fixture.erl";

    fn expected() -> (u32, Vec<(u32, String, u32)>) {
        let mut lines = LINE_TXT.lines();
        let instrs = lines.next().and_then(|l| l.strip_prefix("instructions ")).unwrap().parse().unwrap();
        let items = lines
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].parse().unwrap(), f[1].to_string(), f[2].parse().unwrap())
            })
            .collect();
        (instrs, items)
    }

    #[test]
    fn real_chunk_matches_what_otp_says() {
        let (rest, table) = parse(LINE).unwrap();
        assert!(rest.is_empty());
        let (instrs, items) = expected();
        assert_eq!(table.instr_count, instrs);
        assert_eq!(table.flags, 0);
        assert!(!table.has_executable_line() && !table.forces_line_counters());
        assert_eq!(table.file_names, ["rbeam_lt_fixture.hrl", "ünïcödé/ファイル.erl"]);
        // Every stored item is used by some `line` instruction, so OTP's list covers them all;
        // item 0 is the implicit one.
        assert_eq!(table.item_count(), items.len() + 1);
        assert_eq!(table.item(0), Some(LineItem { file: 0, line: 0 }));
        assert_eq!(table.location(0), None);
        for (index, file, line) in &items {
            let loc = table.location(*index).unwrap();
            assert_eq!((loc.file.name_or(MODULE_FILE), loc.line), (file.as_str(), *line), "item {index}");
        }
        assert_eq!(table.location(items.len() as u32 + 1), None);
        // The three files, and line numbers in each of the compact forms (1, 2 and 3 bytes).
        assert_eq!(table.location(1).unwrap().file, SourceFile::Named("rbeam_lt_fixture.hrl"));
        assert_eq!(table.location(5).unwrap().file, SourceFile::Module);
        let far = table.location(items.len() as u32).unwrap();
        assert_eq!(far, Location { file: SourceFile::Named("ünïcödé/ファイル.erl"), line: 70004 });
    }

    /// A `Line` chunk with the given header fields and item bytes, then `names`.
    fn chunk(flags: u32, items: u32, names: &[&[u8]], item_bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for v in [0, flags, 7, items, names.len() as u32] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(item_bytes);
        for name in names {
            out.extend_from_slice(&(name.len() as u16).to_be_bytes());
            out.extend_from_slice(name);
        }
        out
    }

    /// This module's parser for the shared helpers.
    const PARSE: Parser = |d| parse(d).map(|_| ());

    fn error_kind(data: &[u8]) -> ErrorKind {
        error_kind_of(data, PARSE)
    }

    #[test]
    fn file_switches_and_flags() {
        // i10, a2, i20, i30, a0, i40, a1, i50: `a` values are not items.
        let items = [0xA1, 0x22, 0x09, 0x14, 0x09, 0x1E, 0x02, 0x09, 0x28, 0x12, 0x09, 0x32];
        let data = chunk(3, 5, &[b"a.hrl", b"b.hrl"], &items);
        let (rest, t) = parse(&data).unwrap();
        assert!(rest.is_empty());
        assert!(t.has_executable_line() && t.forces_line_counters());
        assert_eq!(t.instr_count, 7);
        let got: Vec<(u32, u32)> = t.items.iter().map(|i| (i.file, i.line)).collect();
        assert_eq!(got, [(0, 0), (0, 10), (2, 20), (2, 30), (0, 40), (1, 50)]);
        assert_eq!(t.location(2).unwrap().file.name_or("m.erl"), "b.hrl");
        assert_eq!(t.location(4).unwrap().file.name_or("m.erl"), "m.erl");
    }

    #[test]
    fn reader_stops_after_the_counted_items() {
        // One item; the name table follows, and its first byte (0x02, the high byte of the
        // length 512) would decode as a switch to file 0 if the reader went on.
        let long = [b'x'; 512];
        let data = chunk(0, 1, &[&long, b""], &[0x11]);
        let (rest, t) = parse(&data).unwrap();
        assert!(rest.is_empty());
        assert_eq!(t.items.len(), 2);
        assert_eq!(t.file_names[0].len(), 512);
        // An empty name stands for the module's own file, as in erts.
        assert_eq!(t.file_names[1], "");
        assert_eq!(t.file(2), Some(SourceFile::Module));
        assert_eq!(t.file(3), None);
    }

    #[test]
    fn large_line_numbers() {
        // i 1_000_000 needs the multi-byte form: 3 bytes (0x39 = (3-2)<<5 | 0x18 | i).
        let data = chunk(0, 1, &[], &[0x39, 0x0F, 0x42, 0x40]);
        assert_eq!(parse(&data).unwrap().1.items[1].line, 1_000_000);
        // Beyond u32: refused rather than truncated.
        let data = chunk(0, 1, &[], &[0x79, 0x01, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(error_kind(&data), ErrorKind::BadEncoding("line number out of range"));
        // Negative line numbers do not exist.
        let data = chunk(0, 1, &[], &[0x19, 0xFF, 0xFF]);
        assert_eq!(error_kind(&data), ErrorKind::BadEncoding("line number out of range"));
    }

    #[test]
    fn malformed_chunks_are_errors() {
        let mut v1 = chunk(0, 0, &[], &[]);
        v1[3] = 1;
        assert_eq!(error_kind(&v1), ErrorKind::UnsupportedVersion { what: "line table", version: 1 });
        // File index 2 with one name.
        assert_eq!(
            error_kind(&chunk(0, 1, &[b"x"], &[0x22, 0x11])),
            ErrorKind::OutOfRange { what: "line file index", index: 2, limit: 2 }
        );
        // An x register among the items.
        assert!(matches!(error_kind(&chunk(0, 1, &[], &[0x03])), ErrorKind::BadEncoding(_)));
        // Counts larger than the data.
        assert_eq!(
            error_kind(&chunk(0, 1000, &[], &[0x11])),
            ErrorKind::ImplausibleCount { what: "line item", count: 1000 }
        );
        let mut many_names = chunk(0, 1, &[], &[0x11, 0, 0]);
        many_names[19] = 9;
        assert_eq!(error_kind(&many_names), ErrorKind::ImplausibleCount { what: "line file name", count: 9 });
        assert_eq!(
            error_kind(&chunk(0, 1, &[b"\xFF.erl"], &[0x11])),
            ErrorKind::InvalidText { what: "line table file name" }
        );
    }

    /// A chunk parser with its result dropped, so one helper serves every chunk type.
    pub(crate) type Parser = fn(&[u8]) -> Result<(), nom::Err<ParseError<'_>>>;

    /// The kind of error `parse` finds in `data`.
    pub(crate) fn error_kind_of(data: &[u8], parse: Parser) -> ErrorKind {
        match parse(data) {
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => e.kind,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    /// The error's position must be inside the input, so `Located::locate` finds it.
    fn assert_error_inside(data: &[u8], result: Result<(), nom::Err<ParseError<'_>>>) {
        if let Err(nom::Err::Error(e) | nom::Err::Failure(e)) = result {
            let (start, end) = (data.as_ptr() as usize, data.as_ptr() as usize + data.len());
            let at = e.at.as_ptr() as usize;
            assert!(at >= start && at + e.at.len() <= end, "error outside the input");
        }
    }

    /// Every strict prefix of a complete chunk fails, with the error inside the prefix.
    pub(crate) fn assert_prefixes_fail(full: &[u8], parse: Parser) {
        for n in 0..full.len() {
            let result = parse(&full[..n]);
            assert!(result.is_err(), "prefix of {n} bytes parsed");
            assert_error_inside(&full[..n], result);
        }
    }

    /// Overwriting any byte with any of `values` gives a result or a located error, never a
    /// panic.
    pub(crate) fn assert_corruption_is_safe(full: &[u8], parse: Parser, values: &[u8]) {
        let mut data = full.to_vec();
        for i in 0..data.len() {
            for &v in values {
                data[i] = v;
                assert_error_inside(&data, parse(&data));
            }
            data[i] = full[i];
        }
    }

    #[test]
    fn every_prefix_of_a_real_chunk_is_an_error() {
        assert_prefixes_fail(LINE, PARSE);
    }

    #[test]
    fn corrupted_bytes_never_panic() {
        assert_corruption_is_safe(LINE, PARSE, &[0x00, 0xFF, 0x7F, 0x80, 0x12, 0x0A]);
    }

    /// Compiles the fixture module with the installed `erlc` (whatever OTP it is; the setup
    /// script installs it) and returns the beam.
    #[cfg(not(target_arch = "arm"))]
    pub(crate) fn compile_fixture_with_erlc(tag: &str) -> Vec<u8> {
        let out = std::env::temp_dir().join(format!("rbeam-lt-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&out).unwrap();
        // Compiled from its own directory so its file name is the implicit file 0.
        let status = std::process::Command::new("erlc")
            .current_dir(FIXTURES)
            .arg("-o")
            .arg(&out)
            .arg("rbeam_lt_fixture.erl")
            .status();
        let beam = match status {
            Ok(s) if s.success() => std::fs::read(out.join("rbeam_lt_fixture.beam")).unwrap(),
            Ok(s) => panic!("erlc failed: {s}"),
            Err(e) => panic!("cannot run erlc (scripts/setup.sh installs it): {e}"),
        };
        let _ = std::fs::remove_dir_all(&out);
        beam
    }

    #[cfg(not(target_arch = "arm"))]
    #[test]
    fn chunk_from_the_installed_erlc() {
        let beam = compile_fixture_with_erlc("line");
        let chunks = crate::container::chunks(&beam).unwrap();
        let line = chunks.iter().find(|c| c.id == crate::ChunkId::LINE).unwrap();
        let (_, t) = parse(line.data).unwrap();
        assert_eq!(t.file_names, ["rbeam_lt_fixture.hrl", "ünïcödé/ファイル.erl"]);
        assert!(t.item_count() > 1 && t.instr_count as usize >= t.item_count() - 1);
        // Whatever OTP compiled it, each location is on a line of its file.
        for i in 1..t.item_count() as u32 {
            let loc = t.location(i).unwrap();
            let lines = match loc.file {
                SourceFile::Module => 1..=80,
                SourceFile::Named("rbeam_lt_fixture.hrl") => 1..=7,
                SourceFile::Named(_) => 70000..=70010,
            };
            assert!(lines.contains(&loc.line), "item {i}: {loc:?}");
        }
    }
}
