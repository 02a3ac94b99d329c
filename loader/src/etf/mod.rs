//! External term format: the encoding of literals in `LitT`, of attributes in `Attr` and of
//! compile information in `CInf`, and what `term_to_binary/1` writes.
//!
//! [`Terms`] owns the encoded bytes and decodes terms into a flat arena of nodes that refer to
//! byte ranges in those bytes (in the zero-copy style of gimli/object: atoms, binaries, strings
//! and bignums are never copied). Decoding, printing and comparing use explicit work stacks,
//! never recursion, so a term nested a million levels deep is as safe as a flat one, and the
//! arena is three flat vectors, so dropping it is trivial too.
//!
//! Every count in the input is checked against the bytes that remain before it is believed, and
//! nothing is ever allocated in proportion to a count that has not been paid for with input.
//!
//! Decoding follows what erts' `binary_to_term/1` accepts and produces, with these
//! normalisations (all of which erts performs too): a bignum that fits an `i64` becomes
//! [`Node::Integer`]; a `LIST_EXT` with no elements is its tail; an empty `STRING_EXT` is
//! [`Node::Nil`]; a `BIT_BINARY_EXT` whose last byte is whole is a [`Node::Binary`]. Map pairs
//! are stored sorted by key (the order erts keeps small maps in), and duplicate keys are
//! rejected as erts does. The differences from erts are deliberate: bytes after the term are
//! an error (erts ignores them), `0.0` and `-0.0` are distinct map keys (as in OTP 27; OTP 25
//! calls them duplicates), the old `FUN_EXT` still decodes (erts dropped it in OTP 23), and the
//! numeric ranges of pid, port and reference ids are not checked.

mod decode;
mod display;
mod order;
#[cfg(test)]
mod tests;

use crate::error::{ChunkId, ErrorKind, LoadError};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

pub use display::TermDisplay;

/// A decoded term in a [`Terms`] arena.
pub type NodeId = u32;

/// Defines a `u32` range type: the arena stores ranges rather than slices so that nodes stay
/// `Copy` and independent of the arena's borrows.
macro_rules! span {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name {
            pub start: u32,
            pub len: u32,
        }

        impl $name {
            pub fn range(self) -> core::ops::Range<usize> {
                self.start as usize..self.start as usize + self.len as usize
            }

            pub fn len(self) -> usize {
                self.len as usize
            }

            pub fn is_empty(self) -> bool {
                self.len == 0
            }
        }
    };
}

span! {
    /// A byte range in [`Terms::data`]: see [`Terms::bytes`].
    Bytes
}

span! {
    /// A run of node ids in the arena's child table: see [`Terms::children`].
    Children
}

/// How an atom's bytes encode its characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomEncoding {
    /// `ATOM_EXT` and `SMALL_ATOM_EXT`: one byte per character.
    Latin1,
    /// `ATOM_UTF8_EXT` and `SMALL_ATOM_UTF8_EXT`: validated UTF-8.
    Utf8,
}

/// The text of an atom: the same atom may arrive in either encoding, so compare atoms with
/// [`Terms::atom_text`] or [`Terms::compare`], never by their bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtomText {
    pub bytes: Bytes,
    pub encoding: AtomEncoding,
}

/// One decoded term. Compound terms refer to their parts by [`NodeId`] or [`Children`], byte
/// data by [`Bytes`]: resolve them with the [`Terms`] they came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Node {
    Integer(i64),
    /// An integer outside `i64`. The magnitude is little-endian as in the encoding, without
    /// high zero bytes.
    BigInt {
        negative: bool,
        magnitude: Bytes,
    },
    /// Always finite.
    Float(f64),
    Atom(AtomText),
    Nil,
    Tuple(Children),
    /// At least one element. The tail is `Nil` for a proper list; a crafted encoding may also
    /// give a list or string tail, which is the same term as the flattened list.
    List {
        elements: Children,
        tail: NodeId,
    },
    /// `STRING_EXT`: a proper list of at least one small integer, one per byte.
    String(Bytes),
    Binary(Bytes),
    /// A bitstring: all bytes are whole except the last, of which only the `last_byte_bits`
    /// (1..=7) high bits belong to the value.
    BitBinary {
        bytes: Bytes,
        last_byte_bits: u8,
    },
    /// Keys and values alternating (`k1, v1, k2, v2, ...`), sorted by key in term order
    /// ([`Terms::compare`]); keys are unique.
    Map(Children),
    /// `fun M:F/A`; `module` and `function` are atoms.
    Export {
        module: NodeId,
        function: NodeId,
        arity: u8,
    },
    /// `NEW_FUN_EXT`: a local fun. `module` is an atom, `old_index` and `old_uniq` are
    /// [`Node::Integer`]s, `pid` is a [`Node::Pid`] (the creator), `free` the captured values.
    Fun {
        module: NodeId,
        arity: u8,
        uniq: [u8; 16],
        index: u32,
        old_index: NodeId,
        old_uniq: NodeId,
        pid: NodeId,
        free: Children,
    },
    /// The pre-R8 `FUN_EXT`, which carries no arity and no MD5 `uniq`: `index` and `uniq` are
    /// the old-style [`Node::Integer`]s, the rest as in [`Node::Fun`].
    OldFun {
        module: NodeId,
        index: NodeId,
        uniq: NodeId,
        pid: NodeId,
        free: Children,
    },
    /// `node` is an atom. `PID_EXT`'s one-byte creation is widened.
    Pid {
        node: NodeId,
        id: u32,
        serial: u32,
        creation: u32,
    },
    /// `node` is an atom. `PORT_EXT`'s one-byte creation and the 32-bit ids of the older
    /// encodings are widened.
    Port {
        node: NodeId,
        id: u64,
        creation: u32,
    },
    /// `node` is an atom; `ids` holds 1 to 5 big-endian `u32` words, least significant first
    /// (as encoded). `REFERENCE_EXT`'s and `NEW_REFERENCE_EXT`'s one-byte creation is widened.
    Reference {
        node: NodeId,
        creation: u32,
        ids: Bytes,
    },
}

/// A decoding failure: an [`ErrorKind`] and the byte offset in [`Terms::data`] where it was
/// found. Failures inside a compressed term are reported at the compressed form's tag, since
/// offsets in the inflated bytes mean nothing to someone holding the file.
#[derive(Clone, Debug, PartialEq)]
pub struct EtfError {
    pub offset: usize,
    pub kind: ErrorKind,
}

impl EtfError {
    /// A [`LoadError`] for a term whose data starts at byte `base` of the file.
    pub fn into_load_error(self, chunk: Option<ChunkId>, base: usize) -> LoadError {
        LoadError::new(chunk, base.saturating_add(self.offset), self.kind)
    }
}

impl fmt::Display for EtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.kind)
    }
}

impl std::error::Error for EtfError {}

/// The arena's compact form of a node: 16 bytes, a third of [`Node`]. Fields that do not fit
/// (fun headers, pid and port numbers, reference creations) are re-read from the validated
/// bytes by [`Terms::node`].
#[derive(Clone, Copy, Debug)]
enum Raw {
    Int(i64),
    Big {
        negative: bool,
        magnitude: Bytes,
    },
    Float(f64),
    Atom(AtomText),
    Nil,
    Tuple(Children),
    /// The elements, followed in the child table by the tail.
    List(Children),
    String(Bytes),
    Binary(Bytes),
    BitBinary {
        bytes: Bytes,
        bits: u8,
    },
    Map(Children),
    Export {
        module: NodeId,
        function: NodeId,
        arity: u8,
    },
    /// `at`: offset of the arity byte. Child table from `parts`: module, old index, old uniq,
    /// pid, then `free` free variables.
    Fun {
        at: u32,
        parts: u32,
        free: u32,
    },
    /// Child table from `parts` as for `Fun`.
    OldFun {
        parts: u32,
        free: u32,
    },
    /// `at`: offset of the id field.
    Pid {
        node: NodeId,
        at: u32,
        wide_creation: bool,
    },
    /// `at`: offset of the id field.
    Port {
        node: NodeId,
        at: u32,
        kind: PortKind,
    },
    Ref {
        node: NodeId,
        ids: Bytes,
        kind: RefKind,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PortKind {
    /// `PORT_EXT`: 32-bit id, 8-bit creation.
    Old,
    /// `NEW_PORT_EXT`: 32-bit id, 32-bit creation.
    New,
    /// `V4_PORT_EXT`: 64-bit id, 32-bit creation.
    V4,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RefKind {
    /// `REFERENCE_EXT`: one id word, then an 8-bit creation.
    Old,
    /// `NEW_REFERENCE_EXT`: an 8-bit creation, then the id words.
    New,
    /// `NEWER_REFERENCE_EXT`: a 32-bit creation, then the id words.
    Newer,
}

/// Encoded terms and the arena of their decoded nodes. One `Terms` may hold many decoded terms
/// (a literal table decodes each literal into the same arena).
#[derive(Clone, Debug, Default)]
pub struct Terms {
    data: Vec<u8>,
    nodes: Vec<Raw>,
    links: Vec<NodeId>,
}

impl Terms {
    pub fn new(data: Vec<u8>) -> Terms {
        Terms { data, nodes: Vec::new(), links: Vec::new() }
    }

    /// Decodes the whole of `data` as one term.
    pub fn parse(data: Vec<u8>) -> Result<(Terms, NodeId), EtfError> {
        let mut terms = Terms::new(data);
        let root = terms.decode(0..terms.data.len())?;
        Ok((terms, root))
    }

    /// Decodes the term encoded in `data[range]`: the version byte 131, then either a term or
    /// the compressed form (tag 80, the inflated size as a `u32`, a zlib stream), which is
    /// inflated onto the end of [`Terms::data`]. Bytes after the term are an error. On error
    /// the arena is left as it was.
    pub fn decode(&mut self, range: core::ops::Range<usize>) -> Result<NodeId, EtfError> {
        decode::decode(self, range)
    }

    /// As [`Terms::decode`], but bytes after the term are allowed (as erts' `binary_to_term`
    /// ignores them): returns the term and the number of bytes it used, version byte
    /// included. A compressed term uses the rest of the range.
    pub fn decode_prefix(&mut self, range: core::ops::Range<usize>) -> Result<(NodeId, usize), EtfError> {
        decode::decode_prefix(self, range, true)
    }

    /// The encoded bytes, followed by anything inflated from compressed terms.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The node `id`, which must come from this arena.
    pub fn node(&self, id: NodeId) -> Node {
        self.view().node(id)
    }

    pub fn children(&self, c: Children) -> &[NodeId] {
        self.view().children(c)
    }

    pub fn bytes(&self, b: Bytes) -> &[u8] {
        self.view().bytes(b)
    }

    /// An atom's text as UTF-8 (Latin-1 atoms are converted, borrowed when plain ASCII).
    pub fn atom_text(&self, atom: AtomText) -> Cow<'_, str> {
        self.view().atom_text(atom)
    }

    /// The text of node `id` if it is an atom.
    pub fn atom(&self, id: NodeId) -> Option<Cow<'_, str>> {
        match self.node(id) {
            Node::Atom(a) => Some(self.atom_text(a)),
            _ => None,
        }
    }

    /// Exact term order (the order of `=:=`, which sorts map keys): numbers, atoms, references,
    /// funs, ports, pids, tuples, maps, `[]`, lists, bitstrings; integers before floats; `Equal`
    /// only for exactly equal terms.
    pub fn compare(&self, a: NodeId, b: NodeId) -> Ordering {
        self.view().compare(&mut Vec::new(), a, b)
    }

    /// The term in Erlang's `~w` syntax, as `io_lib:format("~w", [T])` of OTP 25 prints it.
    pub fn display(&self, id: NodeId) -> TermDisplay<'_> {
        TermDisplay::new(self.view(), id)
    }

    fn view(&self) -> View<'_> {
        View { data: &self.data, nodes: &self.nodes, links: &self.links }
    }
}

/// Read-only access to an arena: what the printer and the comparison work on, and what the
/// decoder uses to sort map keys while it still holds the arena mutably.
#[derive(Clone, Copy)]
struct View<'a> {
    data: &'a [u8],
    nodes: &'a [Raw],
    links: &'a [NodeId],
}

impl<'a> View<'a> {
    fn node(self, id: NodeId) -> Node {
        match self.nodes[id as usize] {
            Raw::Int(v) => Node::Integer(v),
            Raw::Big { negative, magnitude } => Node::BigInt { negative, magnitude },
            Raw::Float(v) => Node::Float(v),
            Raw::Atom(a) => Node::Atom(a),
            Raw::Nil => Node::Nil,
            Raw::Tuple(c) => Node::Tuple(c),
            Raw::List(c) => Node::List { elements: c, tail: self.links[c.range().end] },
            Raw::String(b) => Node::String(b),
            Raw::Binary(b) => Node::Binary(b),
            Raw::BitBinary { bytes, bits } => Node::BitBinary { bytes, last_byte_bits: bits },
            Raw::Map(c) => Node::Map(c),
            Raw::Export { module, function, arity } => Node::Export { module, function, arity },
            Raw::Fun { at, parts, free } => {
                let at = at as usize;
                let part = |i: u32| self.links[(parts + i) as usize];
                let mut uniq = [0; 16];
                uniq.copy_from_slice(&self.data[at + 1..at + 17]);
                Node::Fun {
                    module: part(0),
                    arity: self.data[at],
                    uniq,
                    index: self.be32(at + 17),
                    old_index: part(1),
                    old_uniq: part(2),
                    pid: part(3),
                    free: Children { start: parts + 4, len: free },
                }
            }
            Raw::OldFun { parts, free } => {
                let part = |i: u32| self.links[(parts + i) as usize];
                Node::OldFun {
                    module: part(0),
                    index: part(1),
                    uniq: part(2),
                    pid: part(3),
                    free: Children { start: parts + 4, len: free },
                }
            }
            Raw::Pid { node, at, wide_creation } => {
                let at = at as usize;
                let creation = if wide_creation { self.be32(at + 8) } else { u32::from(self.data[at + 8]) };
                Node::Pid { node, id: self.be32(at), serial: self.be32(at + 4), creation }
            }
            Raw::Port { node, at, kind } => {
                let at = at as usize;
                let (id, creation) = match kind {
                    PortKind::Old => (u64::from(self.be32(at)), u32::from(self.data[at + 4])),
                    PortKind::New => (u64::from(self.be32(at)), self.be32(at + 4)),
                    PortKind::V4 => {
                        let id = (u64::from(self.be32(at)) << 32) | u64::from(self.be32(at + 4));
                        (id, self.be32(at + 8))
                    }
                };
                Node::Port { node, id, creation }
            }
            Raw::Ref { node, ids, kind } => {
                let creation = match kind {
                    RefKind::Old => u32::from(self.data[ids.range().end]),
                    RefKind::New => u32::from(self.data[ids.start as usize - 1]),
                    RefKind::Newer => self.be32(ids.start as usize - 4),
                };
                Node::Reference { node, creation, ids }
            }
        }
    }

    fn be32(self, at: usize) -> u32 {
        u32::from_be_bytes([self.data[at], self.data[at + 1], self.data[at + 2], self.data[at + 3]])
    }

    fn children(self, c: Children) -> &'a [NodeId] {
        &self.links[c.range()]
    }

    fn bytes(self, b: Bytes) -> &'a [u8] {
        &self.data[b.range()]
    }

    fn atom_text(self, atom: AtomText) -> Cow<'a, str> {
        let bytes = self.bytes(atom.bytes);
        match atom.encoding {
            // Validated when decoded.
            AtomEncoding::Utf8 => Cow::Borrowed(core::str::from_utf8(bytes).unwrap_or_default()),
            AtomEncoding::Latin1 if bytes.is_ascii() => {
                Cow::Borrowed(core::str::from_utf8(bytes).unwrap_or_default())
            }
            AtomEncoding::Latin1 => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
        }
    }

    /// The characters of an atom, without allocating.
    fn atom_chars(self, atom: AtomText) -> impl Iterator<Item = char> + 'a {
        let bytes = self.bytes(atom.bytes);
        let (latin1, utf8) = match atom.encoding {
            AtomEncoding::Latin1 => (bytes, ""),
            AtomEncoding::Utf8 => (&[][..], core::str::from_utf8(bytes).unwrap_or_default()),
        };
        latin1.iter().map(|&b| char::from(b)).chain(utf8.chars())
    }

    /// The value of a node that decoding guarantees to be a [`Node::Integer`].
    fn small(self, id: NodeId) -> i64 {
        match self.nodes[id as usize] {
            Raw::Int(v) => v,
            _ => 0,
        }
    }

    /// The atom of a node that decoding guarantees to be an atom.
    fn atom_of(self, id: NodeId) -> AtomText {
        match self.nodes[id as usize] {
            Raw::Atom(a) => a,
            _ => AtomText { bytes: Bytes::default(), encoding: AtomEncoding::Latin1 },
        }
    }
}
