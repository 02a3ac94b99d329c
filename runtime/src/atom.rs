//! The atom table: interned atom texts, index ↔ text, owned by one VM.
//!
//! Atoms are UTF-8 text of at most [`MAX_ATOM_CHARACTERS`] characters (code points, as in
//! OTP). An atom term carries the index; the text is only needed for printing, term order
//! (atoms sort by text, not index) and conversions. The table starts with
//! [`crate::atoms::PREDEFINED`] at fixed indices and only ever grows.

use core::fmt;
use core::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use crate::atoms;
use crate::term::Term;
use crate::term::tags::MAX_ATOM_INDEX;

/// Longest atom, in characters: the loader's limit, so that a module's atoms always fit.
pub const MAX_ATOM_CHARACTERS: usize = rbeam_loader::chunks::atoms::MAX_ATOM_CHARS;

/// Default number of atoms a table accepts (erts' default `+t`).
pub const DEFAULT_ATOM_LIMIT: usize = 1_048_576;

/// Why an atom could not be interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomError {
    /// The text has more than [`MAX_ATOM_CHARACTERS`] characters.
    TooLong {
        /// Characters in the rejected text.
        characters: usize,
    },
    /// The table holds as many atoms as its limit allows (`system_limit` in Erlang).
    TableFull {
        /// The limit.
        limit: usize,
    },
}

impl fmt::Display for AtomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AtomError::TooLong { characters } => {
                write!(f, "atom of {characters} characters exceeds {MAX_ATOM_CHARACTERS}")
            }
            AtomError::TableFull { limit } => write!(f, "atom table full ({limit} atoms)"),
        }
    }
}

impl std::error::Error for AtomError {}

/// Interned atom texts.
pub struct AtomTable {
    names: Vec<Box<str>>,
    by_text: HashTable<u32>,
    hasher: DefaultHashBuilder,
    limit: usize,
}

impl Default for AtomTable {
    fn default() -> AtomTable {
        AtomTable::new()
    }
}

impl AtomTable {
    /// A table holding the predefined atoms, accepting up to [`DEFAULT_ATOM_LIMIT`] atoms.
    pub fn new() -> AtomTable {
        AtomTable::with_limit(DEFAULT_ATOM_LIMIT)
    }

    /// A table holding the predefined atoms, accepting up to `limit` atoms in all (never fewer
    /// than the predefined ones).
    pub fn with_limit(limit: usize) -> AtomTable {
        let limit = limit.clamp(atoms::PREDEFINED.len(), MAX_ATOM_INDEX.min(u32::MAX as usize));
        let mut table = AtomTable {
            names: Vec::with_capacity(atoms::PREDEFINED.len()),
            by_text: HashTable::new(),
            hasher: DefaultHashBuilder::default(),
            limit,
        };
        for text in atoms::PREDEFINED {
            table.insert_new(text);
        }
        table
    }

    /// Number of atoms.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty (never true: the predefined atoms are always there).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The atom with this text, interning it if it is new.
    pub fn intern(&mut self, text: &str) -> Result<Term, AtomError> {
        if let Some(atom) = self.lookup(text) {
            return Ok(atom);
        }
        let characters = text.chars().count();
        if characters > MAX_ATOM_CHARACTERS {
            return Err(AtomError::TooLong { characters });
        }
        if self.names.len() >= self.limit {
            return Err(AtomError::TableFull { limit: self.limit });
        }
        let index = self.insert_new(text);
        Term::atom(index).ok_or(AtomError::TableFull { limit: self.limit })
    }

    /// Appends a text known to be absent and returns its index. The limit (at most
    /// `MAX_ATOM_INDEX`) keeps every index taggable.
    fn insert_new(&mut self, text: &str) -> u32 {
        let index = self.names.len() as u32;
        let hash = self.hasher.hash_one(text);
        let AtomTable { names, by_text, hasher, .. } = self;
        by_text.insert_unique(hash, index, |&i| hasher.hash_one(&*names[i as usize]));
        names.push(text.into());
        index
    }

    /// The atom with text given in Latin-1 (as old `.beam` files and `ATOM_EXT` store it).
    pub fn intern_latin1(&mut self, bytes: &[u8]) -> Result<Term, AtomError> {
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        self.intern(&text)
    }

    /// The atom with this text, if it exists (`list_to_existing_atom`).
    pub fn lookup(&self, text: &str) -> Option<Term> {
        let hash = self.hasher.hash_one(text);
        let index = *self.by_text.find(hash, |&i| &*self.names[i as usize] == text)?;
        Term::atom(index)
    }

    /// The text of the atom with this index.
    pub fn name(&self, index: u32) -> Option<&str> {
        self.names.get(index as usize).map(|name| &**name)
    }

    /// The text of an atom term; `None` if it is not an atom of this table.
    pub fn text(&self, atom: Term) -> Option<&str> {
        self.name(atom.atom_index()?)
    }
}

impl fmt::Debug for AtomTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtomTable").field("len", &self.len()).field("limit", &self.limit).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_atoms_are_at_their_indices() {
        let table = AtomTable::new();
        for (index, text) in atoms::PREDEFINED.iter().enumerate() {
            assert_eq!(table.name(index as u32), Some(*text));
            assert_eq!(table.lookup(text), Term::atom(index as u32));
        }
        assert_eq!(atoms::FALSE.raw(), 0x0B);
        assert_eq!(atoms::TRUE.raw(), 0x4B);
        assert_eq!(table.text(atoms::NONODE_AT_NOHOST), Some("nonode@nohost"));
        assert_eq!(table.text(atoms::EXIT_SIGNAL), Some("EXIT"));
        assert_eq!(table.text(atoms::END_OF_TABLE), Some("$end_of_table"));
    }

    #[test]
    fn interning_is_idempotent_and_grows_by_one() {
        let mut table = AtomTable::new();
        let before = table.len();
        let hello = table.intern("hello").expect("interns");
        assert_eq!(table.intern("hello"), Ok(hello));
        assert_eq!(table.len(), before + 1);
        assert_eq!(hello.atom_index(), Some(before as u32));
        assert_eq!(table.text(hello), Some("hello"));
        assert_eq!(table.intern("ok"), Ok(atoms::OK));
    }

    #[test]
    fn length_limit_counts_characters_not_bytes() {
        let mut table = AtomTable::new();
        let max = "é".repeat(MAX_ATOM_CHARACTERS);
        assert!(table.intern(&max).is_ok());
        let over = "a".repeat(MAX_ATOM_CHARACTERS + 1);
        assert_eq!(table.intern(&over), Err(AtomError::TooLong { characters: MAX_ATOM_CHARACTERS + 1 }));
    }

    #[test]
    fn latin1_atoms_become_utf8() {
        let mut table = AtomTable::new();
        let atom = table.intern_latin1(&[b'a', 0xE9]).expect("interns");
        assert_eq!(table.text(atom), Some("aé"));
        assert_eq!(table.lookup("aé"), Some(atom));
    }

    #[test]
    fn full_table_reports_system_limit() {
        let mut table = AtomTable::with_limit(atoms::PREDEFINED.len() + 1);
        assert!(table.intern("one_more").is_ok());
        assert_eq!(
            table.intern("too_many"),
            Err(AtomError::TableFull { limit: atoms::PREDEFINED.len() + 1 })
        );
    }
}
