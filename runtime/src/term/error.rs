//! Errors of building and decoding terms.

use core::fmt;

use crate::atom::AtomError;
use crate::heap::AllocError;

/// Why a term could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildError {
    /// The allocator ran out of words.
    Alloc(AllocError),
    /// The object exceeds a limit of its layout (tuple arity, bignum digits, fun arity or
    /// environment size, off-heap binary size).
    TooLarge,
    /// A bitstring's bit size needs more bytes than were given.
    BitSizeTooLarge,
    /// An atom could not be interned.
    Atom(AtomError),
}

impl From<AtomError> for BuildError {
    fn from(error: AtomError) -> BuildError {
        BuildError::Atom(error)
    }
}

impl From<AllocError> for BuildError {
    fn from(error: AllocError) -> BuildError {
        BuildError::Alloc(error)
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Alloc(error) => error.fmt(f),
            BuildError::TooLarge => f.write_str("term exceeds a size limit of its layout"),
            BuildError::BitSizeTooLarge => f.write_str("bit size exceeds the bytes given"),
            BuildError::Atom(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {}

/// Why a word could not be decoded as a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// The word (or the header it points to) is not a term: the non-value, a catch label, a
    /// CP, a header word used as a term, a `BinRef` reached directly.
    NotATerm(usize),
    /// A valid layout that this crate does not decode yet (HAMT map nodes, magic and pid
    /// references), identified by its header word.
    Unsupported(usize),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotATerm(word) => write!(f, "word {word:#x} is not a term"),
            DecodeError::Unsupported(header) => {
                write!(f, "header {header:#x} is not supported yet")
            }
        }
    }
}

impl std::error::Error for DecodeError {}
