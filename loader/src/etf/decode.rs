//! The decoder. One loop reads a term head at a time: leaves (numbers, atoms, binaries, pids,
//! ...) are finished on the spot, compound terms push a frame that collects the ids of their
//! children as those finish. Children are decoded depth first, so a compound term is completed
//! after all its children, and its ids land contiguously in the child table.

use super::{AtomEncoding, AtomText, Bytes, Children, EtfError, NodeId, PortKind, Raw, RefKind, Terms, View};
use crate::chunks::atoms::MAX_ATOM_CHARS;
use crate::error::{ErrorKind, PResult, ParseError, fail, offset_of};
use core::cmp::Ordering;
use nom::bytes::complete::take;
use nom::number::complete::{be_f64, be_i32, be_u16, be_u32, u8 as byte};

const VERSION: u8 = 131;
const COMPRESSED: u8 = 80;

const NEW_FLOAT_EXT: u8 = 70;
const BIT_BINARY_EXT: u8 = 77;
const ATOM_CACHE_REF: u8 = 82;
const NEW_PID_EXT: u8 = 88;
const NEW_PORT_EXT: u8 = 89;
const NEWER_REFERENCE_EXT: u8 = 90;
const SMALL_INTEGER_EXT: u8 = 97;
const INTEGER_EXT: u8 = 98;
const FLOAT_EXT: u8 = 99;
const ATOM_EXT: u8 = 100;
const REFERENCE_EXT: u8 = 101;
const PORT_EXT: u8 = 102;
const PID_EXT: u8 = 103;
const SMALL_TUPLE_EXT: u8 = 104;
const LARGE_TUPLE_EXT: u8 = 105;
const NIL_EXT: u8 = 106;
const STRING_EXT: u8 = 107;
const LIST_EXT: u8 = 108;
const BINARY_EXT: u8 = 109;
const SMALL_BIG_EXT: u8 = 110;
const LARGE_BIG_EXT: u8 = 111;
const NEW_FUN_EXT: u8 = 112;
const EXPORT_EXT: u8 = 113;
const NEW_REFERENCE_EXT: u8 = 114;
const SMALL_ATOM_EXT: u8 = 115;
const MAP_EXT: u8 = 116;
const FUN_EXT: u8 = 117;
const ATOM_UTF8_EXT: u8 = 118;
const SMALL_ATOM_UTF8_EXT: u8 = 119;
const V4_PORT_EXT: u8 = 120;
const LOCAL_EXT: u8 = 121;
const DIST_HEADER: u8 = 68;
const DIST_FRAG_HEADER: u8 = 69;

/// References carry at most five id words (OTP 24 and later; three before).
const MAX_REF_WORDS: u16 = 5;
/// erts' largest bignum: 2^19 - 1 words of 64 bits. Larger ones are `system_limit` errors.
const MAX_BIG_BYTES: usize = ((1 << 19) - 1) * 8;

pub(super) fn decode(terms: &mut Terms, range: core::ops::Range<usize>) -> Result<NodeId, EtfError> {
    decode_prefix(terms, range, false).map(|(id, _)| id)
}

/// Decodes the term at the start of `range`; with `prefix`, bytes after it are allowed and the
/// number of bytes used is returned with the term (as `binary_to_term/2`'s `used` reports).
pub(super) fn decode_prefix(
    terms: &mut Terms,
    range: core::ops::Range<usize>,
    prefix: bool,
) -> Result<(NodeId, usize), EtfError> {
    let marks = (terms.data.len(), terms.nodes.len(), terms.links.len());
    let result = decode_at(terms, range, prefix);
    if result.is_err() {
        terms.data.truncate(marks.0);
        terms.nodes.truncate(marks.1);
        terms.links.truncate(marks.2);
    }
    result
}

fn decode_at(
    terms: &mut Terms,
    range: core::ops::Range<usize>,
    prefix: bool,
) -> Result<(NodeId, usize), EtfError> {
    let len = terms.data.len();
    let error = |offset: usize, kind: ErrorKind| Err(EtfError { offset, kind });
    if range.start > range.end || range.end > len {
        return error(range.start.min(len), ErrorKind::Truncated);
    }
    if u32::try_from(len).is_err() {
        return error(0, ErrorKind::ImplausibleCount { what: "term data size", count: len as u64 });
    }
    let (start, end) = (range.start, range.end);
    let Some(&version) = terms.data.get(start).filter(|_| start < end) else {
        return error(start, ErrorKind::Truncated);
    };
    if version != VERSION {
        let kind =
            ErrorKind::UnsupportedVersion { what: "external term format", version: u64::from(version) };
        return error(start, kind);
    }
    if end - start >= 2 && terms.data[start + 1] == COMPRESSED {
        // Errors inside the inflated bytes are reported at the compressed form's tag.
        let inflated = inflate(terms, start + 1, end)?;
        return decode_term(terms, inflated, Some(start + 1), false).map(|(id, _)| (id, end - start));
    }
    decode_term(terms, start + 1..end, None, prefix).map(|(id, used)| (id, used + 1))
}

/// Decodes the term in `data[range]`, which it must fill exactly.
fn decode_term(
    terms: &mut Terms,
    range: core::ops::Range<usize>,
    inflated_from: Option<usize>,
    prefix: bool,
) -> Result<(NodeId, usize), EtfError> {
    let len = range.len();
    let Terms { data, nodes, links } = terms;
    let data: &[u8] = data;
    let locate = |at: &[u8], kind: ErrorKind| {
        let offset = inflated_from.unwrap_or_else(|| offset_of(data, at));
        EtfError { offset, kind }
    };
    let mut decoder = Decoder { data, nodes, links, pending: Vec::new(), frames: Vec::new() };
    match decoder.term(&data[range]) {
        Ok(([], id)) => Ok((id, len)),
        Ok((rest, id)) if prefix => Ok((id, len - rest.len())),
        Ok((rest, _)) => Err(locate(rest, ErrorKind::BadTerm("trailing bytes after the term"))),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(locate(e.at, e.kind)),
        Err(nom::Err::Incomplete(_)) => Err(locate(&data[data.len()..], ErrorKind::Truncated)),
    }
}

/// Inflates the compressed form at `data[tag..end]` (tag 80, size, zlib stream) onto the end
/// of the data, returning the range of the inflated bytes. Output grows only as the stream
/// produces it, and never past the declared size.
fn inflate(terms: &mut Terms, tag: usize, end: usize) -> Result<core::ops::Range<usize>, EtfError> {
    let error = |kind: ErrorKind| Err(EtfError { offset: tag, kind });
    let input = &terms.data[tag + 1..end];
    let Ok((stream, size)) = be_u32::<_, ParseError<'_>>(input) else {
        return error(ErrorKind::Truncated);
    };
    let declared = u64::from(size);
    // Errors are located at the compressed form's tag, except bytes after the zlib stream,
    // which are located where they start.
    let mut out =
        crate::inflate::inflate_exact(stream, declared, "inflated term size").map_err(|(at, kind)| {
            let offset = if matches!(kind, ErrorKind::BadEncoding(_)) { tag + 5 + at } else { tag };
            EtfError { offset, kind }
        })?;
    if (terms.data.len() as u64).saturating_add(declared) > u64::from(u32::MAX) {
        return error(ErrorKind::ImplausibleCount { what: "term data size", count: declared });
    }
    let start = terms.data.len();
    terms.data.append(&mut out);
    Ok(start..terms.data.len())
}

/// What reading one term head did.
enum Step {
    /// A whole term was read.
    Done(NodeId),
    /// A compound term's frame was pushed; its children follow.
    Opened,
    /// Nothing was produced: an empty `LIST_EXT`, whose tail follows and is the term.
    Skip,
}

#[derive(Clone, Copy)]
enum Open {
    Tuple,
    List,
    Map,
    /// `at`: offset of the arity byte.
    Fun {
        at: u32,
    },
    OldFun,
}

/// A compound term whose children are being decoded.
#[derive(Clone, Copy)]
struct Frame {
    open: Open,
    /// Children still to come.
    left: u32,
    /// Where this term's children start in `pending`.
    base: usize,
    /// Offset of the term's tag, for errors found when it is completed.
    tag: usize,
}

/// An integer in any of the four integer encodings, normalised: `Big` only outside `i64`.
enum Int<'a> {
    Small(i64),
    Big { negative: bool, magnitude: &'a [u8] },
}

struct Decoder<'d> {
    data: &'d [u8],
    nodes: &'d mut Vec<Raw>,
    links: &'d mut Vec<NodeId>,
    /// Finished children of the open frames, in order.
    pending: Vec<NodeId>,
    frames: Vec<Frame>,
}

impl<'d> Decoder<'d> {
    fn term(&mut self, mut input: &'d [u8]) -> PResult<'d, NodeId> {
        loop {
            let (rest, step) = self.head(input)?;
            input = rest;
            let mut done = match step {
                Step::Done(id) => id,
                Step::Opened | Step::Skip => continue,
            };
            // Hand the finished term to its parent, completing every frame it fills.
            loop {
                let Some(top) = self.frames.last_mut() else {
                    return Ok((input, done));
                };
                self.pending.push(done);
                top.left -= 1;
                if top.left > 0 {
                    break;
                }
                let frame = *top;
                self.frames.pop();
                done = self.close(frame)?;
            }
        }
    }

    fn head(&mut self, input: &'d [u8]) -> PResult<'d, Step> {
        let start = input;
        let (input, tag) = byte(input)?;
        match tag {
            SMALL_INTEGER_EXT | INTEGER_EXT | SMALL_BIG_EXT | LARGE_BIG_EXT => {
                let (input, v) = integer_body(tag, input)?;
                let raw = match v {
                    Int::Small(v) => Raw::Int(v),
                    Int::Big { negative, magnitude } => {
                        Raw::Big { negative, magnitude: self.span(magnitude) }
                    }
                };
                Ok((input, Step::Done(self.push(raw))))
            }
            NEW_FLOAT_EXT => {
                let (input, v) = be_f64(input)?;
                if !v.is_finite() {
                    return fail(start, ErrorKind::BadTerm("float is not finite"));
                }
                Ok((input, Step::Done(self.push(Raw::Float(v)))))
            }
            FLOAT_EXT => {
                let (input, v) = old_float(input)?;
                Ok((input, Step::Done(self.push(Raw::Float(v)))))
            }
            ATOM_EXT | SMALL_ATOM_EXT | ATOM_UTF8_EXT | SMALL_ATOM_UTF8_EXT => {
                let (input, (text, encoding)) = atom_body(tag, input)?;
                Ok((input, Step::Done(self.push_atom(text, encoding))))
            }
            SMALL_TUPLE_EXT => {
                let (input, n) = byte(input)?;
                self.open(start, input, Open::Tuple, u64::from(n), 0)
            }
            LARGE_TUPLE_EXT => {
                let (input, n) = be_u32(input)?;
                self.open(start, input, Open::Tuple, u64::from(n), 0)
            }
            NIL_EXT => Ok((input, Step::Done(self.push(Raw::Nil)))),
            STRING_EXT => {
                let (input, n) = be_u16(input)?;
                let (input, bytes) = take(n)(input)?;
                let raw = if bytes.is_empty() { Raw::Nil } else { Raw::String(self.span(bytes)) };
                Ok((input, Step::Done(self.push(raw))))
            }
            LIST_EXT => {
                let (input, n) = be_u32(input)?;
                if n == 0 {
                    return Ok((input, Step::Skip));
                }
                self.open(start, input, Open::List, u64::from(n) + 1, 0)
            }
            BINARY_EXT => {
                let (input, n) = be_u32(input)?;
                let (input, bytes) = take(n)(input)?;
                Ok((input, Step::Done(self.push(Raw::Binary(self.span(bytes))))))
            }
            BIT_BINARY_EXT => {
                let (input, n) = be_u32(input)?;
                let (input, bits) = byte(input)?;
                if (bits == 0) != (n == 0) || bits > 8 {
                    return fail(start, ErrorKind::BadTerm("bad bit count in BIT_BINARY_EXT"));
                }
                let (input, bytes) = take(n)(input)?;
                let bytes = self.span(bytes);
                let raw =
                    if bits == 8 || n == 0 { Raw::Binary(bytes) } else { Raw::BitBinary { bytes, bits } };
                Ok((input, Step::Done(self.push(raw))))
            }
            MAP_EXT => {
                let (input, n) = be_u32(input)?;
                self.open(start, input, Open::Map, 2 * u64::from(n), 0)
            }
            EXPORT_EXT => {
                let (input, module) = self.atom(input)?;
                let (input, function) = self.atom(input)?;
                let at = input;
                let (input, arity) = integer(input)?;
                let arity = match arity {
                    Int::Small(a) => u8::try_from(a).ok(),
                    Int::Big { .. } => None,
                };
                let Some(arity) = arity else {
                    return fail(at, ErrorKind::BadTerm("export arity is not in 0..=255"));
                };
                Ok((input, Step::Done(self.push(Raw::Export { module, function, arity }))))
            }
            NEW_FUN_EXT => {
                // The size field is redundant and, as in erts, not checked.
                let (input, _size) = be_u32(input)?;
                let at = self.offset(input);
                let (input, _arity_uniq_index) = take(21usize)(input)?;
                let (input, free) = be_u32(input)?;
                let (input, module) = self.atom(input)?;
                let (input, old_index) = self.small_int(input)?;
                let (input, old_uniq) = self.small_int(input)?;
                let (input, pid) = self.pid(input)?;
                self.pending.extend([module, old_index, old_uniq, pid]);
                self.open(start, input, Open::Fun { at }, u64::from(free), 4)
            }
            FUN_EXT => {
                let (input, free) = be_u32(input)?;
                let (input, pid) = self.pid(input)?;
                let (input, module) = self.atom(input)?;
                let (input, index) = self.small_int(input)?;
                let (input, uniq) = self.small_int(input)?;
                self.pending.extend([module, index, uniq, pid]);
                self.open(start, input, Open::OldFun, u64::from(free), 4)
            }
            PID_EXT | NEW_PID_EXT => {
                let (input, id) = self.pid_body(tag, input)?;
                Ok((input, Step::Done(id)))
            }
            PORT_EXT | NEW_PORT_EXT | V4_PORT_EXT => {
                let (input, node) = self.atom(input)?;
                let at = self.offset(input);
                let (kind, len) = match tag {
                    PORT_EXT => (PortKind::Old, 5usize),
                    NEW_PORT_EXT => (PortKind::New, 8),
                    _ => (PortKind::V4, 12),
                };
                let (input, _) = take(len)(input)?;
                Ok((input, Step::Done(self.push(Raw::Port { node, at, kind }))))
            }
            REFERENCE_EXT => {
                let (input, node) = self.atom(input)?;
                let (input, ids) = take(4usize)(input)?;
                let (input, _creation) = byte(input)?;
                let ids = self.span(ids);
                Ok((input, Step::Done(self.push(Raw::Ref { node, ids, kind: RefKind::Old }))))
            }
            NEW_REFERENCE_EXT | NEWER_REFERENCE_EXT => {
                let (input, words) = be_u16(input)?;
                if words == 0 || words > MAX_REF_WORDS {
                    return fail(start, ErrorKind::BadTerm("reference must have 1 to 5 id words"));
                }
                let (input, node) = self.atom(input)?;
                let (kind, creation_len) =
                    if tag == NEW_REFERENCE_EXT { (RefKind::New, 1usize) } else { (RefKind::Newer, 4) };
                let (input, _creation) = take(creation_len)(input)?;
                let (input, ids) = take(4 * usize::from(words))(input)?;
                let ids = self.span(ids);
                Ok((input, Step::Done(self.push(Raw::Ref { node, ids, kind }))))
            }
            ATOM_CACHE_REF => {
                fail(start, ErrorKind::BadTerm("atom cache reference outside a distribution message"))
            }
            LOCAL_EXT => {
                fail(start, ErrorKind::BadTerm("LOCAL_EXT term: only the node that encoded it can decode it"))
            }
            DIST_HEADER | DIST_FRAG_HEADER => {
                fail(start, ErrorKind::BadTerm("distribution header where a term was expected"))
            }
            COMPRESSED => fail(start, ErrorKind::BadTerm("compressed form inside a term")),
            _ => fail(start, ErrorKind::BadTerm("unknown tag")),
        }
    }

    /// Starts a compound term of `count` children, `prefix` of which are already in
    /// `pending`. Every child takes at least one byte, so a count beyond the input is corrupt
    /// and fails before anything is sized by it.
    fn open(
        &mut self,
        start: &'d [u8],
        input: &'d [u8],
        open: Open,
        count: u64,
        prefix: usize,
    ) -> PResult<'d, Step> {
        if count > input.len() as u64 {
            let what = match open {
                Open::Tuple => "tuple element",
                Open::List => "list element",
                Open::Map => "map key and value",
                Open::Fun { .. } | Open::OldFun => "fun free variable",
            };
            return fail(start, ErrorKind::ImplausibleCount { what, count });
        }
        let frame = Frame {
            open,
            left: count as u32,
            base: self.pending.len() - prefix,
            tag: self.offset(start) as usize,
        };
        if count == 0 {
            return Ok((input, Step::Done(self.close(frame)?)));
        }
        self.frames.push(frame);
        Ok((input, Step::Opened))
    }

    /// Completes a compound term whose children are `pending[frame.base..]`.
    fn close(&mut self, frame: Frame) -> Result<NodeId, nom::Err<ParseError<'d>>> {
        let start = self.links.len() as u32;
        if let Open::Map = frame.open {
            self.sort_map(frame)?;
        } else {
            self.links.extend_from_slice(&self.pending[frame.base..]);
        }
        let len = (self.pending.len() - frame.base) as u32;
        self.pending.truncate(frame.base);
        let children = Children { start, len };
        let raw = match frame.open {
            Open::Tuple => Raw::Tuple(children),
            Open::List => Raw::List(Children { start, len: len - 1 }),
            Open::Map => Raw::Map(children),
            Open::Fun { at } => Raw::Fun { at, parts: start, free: len - 4 },
            Open::OldFun => Raw::OldFun { parts: start, free: len - 4 },
        };
        Ok(self.push(raw))
    }

    /// Appends the map's pairs to the child table sorted by key, rejecting duplicate keys.
    fn sort_map(&mut self, frame: Frame) -> Result<(), nom::Err<ParseError<'d>>> {
        let mut pairs: Vec<(NodeId, NodeId)> =
            self.pending[frame.base..].chunks_exact(2).map(|kv| (kv[0], kv[1])).collect();
        let view = View { data: self.data, nodes: &self.nodes[..], links: &self.links[..] };
        let mut stack = Vec::new();
        pairs.sort_by(|a, b| view.compare(&mut stack, a.0, b.0));
        let duplicate = pairs.windows(2).any(|w| view.compare(&mut stack, w[0].0, w[1].0) == Ordering::Equal);
        if duplicate {
            let at = &self.data[frame.tag..];
            return Err(nom::Err::Failure(ParseError::new(
                at,
                ErrorKind::BadTerm("map with duplicate keys"),
            )));
        }
        self.links.extend(pairs.iter().flat_map(|&(k, v)| [k, v]));
        Ok(())
    }

    fn push(&mut self, raw: Raw) -> NodeId {
        self.nodes.push(raw);
        (self.nodes.len() - 1) as NodeId
    }

    fn push_atom(&mut self, text: &[u8], encoding: AtomEncoding) -> NodeId {
        let bytes = self.span(text);
        self.push(Raw::Atom(AtomText { bytes, encoding }))
    }

    fn offset(&self, at: &[u8]) -> u32 {
        offset_of(self.data, at) as u32
    }

    fn span(&self, bytes: &[u8]) -> Bytes {
        Bytes { start: self.offset(bytes), len: bytes.len() as u32 }
    }

    /// An atom where the format demands one (node names, module and function names).
    fn atom(&mut self, input: &'d [u8]) -> PResult<'d, NodeId> {
        let start = input;
        let (input, tag) = byte(input)?;
        match tag {
            ATOM_EXT | SMALL_ATOM_EXT | ATOM_UTF8_EXT | SMALL_ATOM_UTF8_EXT => {
                let (input, (text, encoding)) = atom_body(tag, input)?;
                Ok((input, self.push_atom(text, encoding)))
            }
            ATOM_CACHE_REF => {
                fail(start, ErrorKind::BadTerm("atom cache reference outside a distribution message"))
            }
            _ => fail(start, ErrorKind::BadTerm("expected an atom")),
        }
    }

    /// An integer that must fit a machine word (fun indices and uniqs).
    fn small_int(&mut self, input: &'d [u8]) -> PResult<'d, NodeId> {
        let (rest, v) = integer(input)?;
        match v {
            Int::Small(v) => Ok((rest, self.push(Raw::Int(v)))),
            Int::Big { .. } => fail(input, ErrorKind::BadTerm("fun index or uniq is not a small integer")),
        }
    }

    /// A pid where the format demands one (a fun's creator).
    fn pid(&mut self, input: &'d [u8]) -> PResult<'d, NodeId> {
        let (rest, tag) = byte(input)?;
        match tag {
            PID_EXT | NEW_PID_EXT => self.pid_body(tag, rest),
            _ => fail(input, ErrorKind::BadTerm("expected a pid")),
        }
    }

    fn pid_body(&mut self, tag: u8, input: &'d [u8]) -> PResult<'d, NodeId> {
        let (input, node) = self.atom(input)?;
        let at = self.offset(input);
        let wide_creation = tag == NEW_PID_EXT;
        let (input, _) = take(if wide_creation { 12usize } else { 9 })(input)?;
        Ok((input, self.push(Raw::Pid { node, at, wide_creation })))
    }
}

/// An integer, tag included.
fn integer(input: &[u8]) -> PResult<'_, Int<'_>> {
    let (rest, tag) = byte(input)?;
    match tag {
        SMALL_INTEGER_EXT | INTEGER_EXT | SMALL_BIG_EXT | LARGE_BIG_EXT => integer_body(tag, rest),
        _ => fail(input, ErrorKind::BadTerm("expected an integer")),
    }
}

fn integer_body(tag: u8, input: &[u8]) -> PResult<'_, Int<'_>> {
    match tag {
        SMALL_INTEGER_EXT => {
            let (input, v) = byte(input)?;
            Ok((input, Int::Small(i64::from(v))))
        }
        INTEGER_EXT => {
            let (input, v) = be_i32(input)?;
            Ok((input, Int::Small(i64::from(v))))
        }
        _ => {
            let (input, n) = if tag == SMALL_BIG_EXT {
                let (input, n) = byte(input)?;
                (input, n as u32)
            } else {
                be_u32(input)?
            };
            // As in erts, any non-zero sign byte means negative.
            let (input, sign) = byte(input)?;
            let (rest, magnitude) = take(n)(input)?;
            match big(sign != 0, magnitude) {
                Int::Big { magnitude, .. } if magnitude.len() > MAX_BIG_BYTES => {
                    fail(input, ErrorKind::BadTerm("bignum larger than erts allows"))
                }
                v => Ok((rest, v)),
            }
        }
    }
}

/// Normalises a little-endian bignum: high zero bytes go (erts strips them too), and a value
/// that fits an `i64` becomes `Small`.
fn big(negative: bool, magnitude: &[u8]) -> Int<'_> {
    let len = magnitude.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let magnitude = &magnitude[..len];
    if len <= 8 {
        let v = magnitude.iter().rev().fold(0u64, |v, &b| (v << 8) | u64::from(b));
        if !negative && v <= i64::MAX as u64 {
            return Int::Small(v as i64);
        }
        if negative && v <= 1 << 63 {
            return Int::Small((v as i64).wrapping_neg());
        }
    }
    Int::Big { negative, magnitude }
}

/// The text of an atom after its tag, validated as erts does: Latin-1 atoms of at most 255
/// bytes, UTF-8 atoms of at most 255 characters.
fn atom_body(tag: u8, input: &[u8]) -> PResult<'_, (&[u8], AtomEncoding)> {
    let start = input;
    let (input, len) = match tag {
        SMALL_ATOM_EXT | SMALL_ATOM_UTF8_EXT => {
            let (input, n) = byte(input)?;
            (input, u16::from(n))
        }
        _ => be_u16(input)?,
    };
    let (input, text) = take(len)(input)?;
    let encoding = match tag {
        ATOM_EXT | SMALL_ATOM_EXT => AtomEncoding::Latin1,
        _ => AtomEncoding::Utf8,
    };
    let chars = match encoding {
        AtomEncoding::Latin1 => text.len(),
        AtomEncoding::Utf8 => match core::str::from_utf8(text) {
            Ok(s) => s.chars().count(),
            Err(_) => return fail(start, ErrorKind::InvalidText { what: "UTF-8 atom" }),
        },
    };
    if chars > MAX_ATOM_CHARS {
        return fail(start, ErrorKind::BadTerm("atom longer than 255 characters"));
    }
    Ok((input, (text, encoding)))
}

/// `FLOAT_EXT`: 31 bytes of `%.20e` text, NUL-padded. Accepts what erts'
/// `sys_chars_to_double` accepts: `[+-]digits(.|,)digits([eE][+-]digits)`, then NUL or the end
/// of the field (whatever follows a NUL is ignored), and a finite value (underflow to zero is
/// fine, overflow is not).
fn old_float(input: &[u8]) -> PResult<'_, f64> {
    let (rest, field) = take(31usize)(input)?;
    let len = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    let mut text = [0u8; 31];
    text[..len].copy_from_slice(&field[..len]);
    let text = &mut text[..len];
    if !float_syntax(text) {
        return fail(input, ErrorKind::BadTerm("malformed FLOAT_EXT text"));
    }
    if let Some(comma) = text.iter_mut().find(|b| **b == b',') {
        *comma = b'.';
    }
    let value = core::str::from_utf8(text).ok().and_then(|s| s.parse::<f64>().ok());
    match value {
        Some(v) if v.is_finite() => Ok((rest, v)),
        _ => fail(input, ErrorKind::BadTerm("FLOAT_EXT value out of range")),
    }
}

fn float_syntax(text: &[u8]) -> bool {
    fn digits(t: &[u8]) -> (usize, &[u8]) {
        let n = t.iter().take_while(|b| b.is_ascii_digit()).count();
        (n, &t[n..])
    }
    fn sign(t: &[u8]) -> &[u8] {
        match t.first() {
            Some(b'+' | b'-') => &t[1..],
            _ => t,
        }
    }
    let (int, t) = digits(sign(text));
    let Some((b'.' | b',', t)) = t.split_first() else { return false };
    let (frac, t) = digits(t);
    if int == 0 || frac == 0 {
        return false;
    }
    match t.split_first() {
        None => true,
        Some((b'e' | b'E', t)) => {
            let (exp, t) = digits(sign(t));
            exp > 0 && t.is_empty()
        }
        Some(_) => false,
    }
}
