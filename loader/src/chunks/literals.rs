//! The literal table (`LitT`) and the two chunks holding a single term, `Attr` and `CInf`.
//!
//! `LitT` is a u32 uncompressed size followed by a zlib stream; inflated, it is a u32 count
//! and, per literal, a u32 size and the term in external format. The OTP team has discussed
//! writing it uncompressed, so data that is not a zlib stream but has exactly the declared
//! size is read as-is.

use crate::ChunkId;
use crate::error::{ErrorKind, LoadError};
use crate::etf::{NodeId, Terms};

/// The decoded literals of a module; operands refer to them by 0-based index.
#[derive(Debug)]
pub struct Literals {
    pub terms: Terms,
    pub roots: Vec<NodeId>,
}

impl Literals {
    pub fn len(&self) -> usize {
        self.roots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }
}

fn looks_like_zlib(data: &[u8]) -> bool {
    data.len() >= 2 && data[0] & 0x0F == 8 && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0
}

/// Parses `LitT`. `offset` is the chunk's offset in the file: errors inside the compressed
/// data can only be located at the chunk.
pub fn parse(data: &[u8], offset: usize) -> Result<Literals, LoadError> {
    let err = |at: usize, kind| LoadError::new(Some(ChunkId::LITT), at, kind);
    if data.len() < 4 {
        return Err(err(offset, ErrorKind::Truncated));
    }
    let declared = u64::from(u32::from_be_bytes([data[0], data[1], data[2], data[3]]));
    let body = &data[4..];
    let table = if looks_like_zlib(body) {
        crate::inflate::inflate_exact(body, declared, "uncompressed literal table")
            .map_err(|(at, kind)| err(offset + 4 + at, kind))?
    } else if body.len() as u64 == declared {
        body.to_vec()
    } else {
        return Err(err(offset + 4, ErrorKind::Inflate("not a zlib stream".into())));
    };
    // Offsets inside the inflated table are reported at the chunk, which is the best a user
    // can act on.
    split(table).map_err(|kind| err(offset, kind))
}

/// Splits an inflated literal table into its terms and decodes each one.
fn split(table: Vec<u8>) -> Result<Literals, ErrorKind> {
    let word = |at: usize| -> Option<u32> {
        let b = table.get(at..at + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let count = word(0).ok_or(ErrorKind::Truncated)?;
    // Each literal takes at least its size word.
    if u64::from(count) * 4 > table.len() as u64 - 4 {
        return Err(ErrorKind::ImplausibleCount { what: "literal", count: u64::from(count) });
    }
    let mut ranges = Vec::with_capacity(count as usize);
    let mut at = 4usize;
    for _ in 0..count {
        let size = word(at).ok_or(ErrorKind::Truncated)? as usize;
        let start = at + 4;
        if size > table.len() - start {
            return Err(ErrorKind::Truncated);
        }
        ranges.push(start..start + size);
        at = start + size;
    }
    let mut terms = Terms::new(table);
    let mut roots = Vec::with_capacity(ranges.len());
    for r in ranges {
        roots.push(terms.decode(r).map_err(|e| e.kind)?);
    }
    Ok(Literals { terms, roots })
}

/// A chunk holding one term in external format (`Attr`, `CInf`, `Meta`).
#[derive(Debug)]
pub struct SingleTerm {
    pub terms: Terms,
    pub root: NodeId,
}

pub fn single_term(id: ChunkId, data: &[u8], offset: usize) -> Result<SingleTerm, LoadError> {
    let mut terms = Terms::new(data.to_vec());
    let root =
        terms.decode(0..data.len()).map_err(|e| LoadError::new(Some(id), offset + e.offset, e.kind))?;
    Ok(SingleTerm { terms, root })
}
