//! The export table: one [`Export`] entry per `{Module, Function, Arity}`, created on first
//! reference (by a `fun M:F/A` literal, an import, or loading the module that defines it) and
//! never moved or freed while the VM lives. Entries are boxed so their addresses are stable:
//! fun terms and, later, emitted code point straight at them, and calls go through them, so
//! redirecting a function (loading a new version, tiering up) swaps the address an entry
//! holds rather than patching callers.

use core::ptr::NonNull;

use hashbrown::HashMap;

use crate::dispatch::{Export, Mfa};
use crate::literal::ExportResolver;

/// All export entries of one VM.
#[derive(Debug, Default)]
pub struct ExportTable {
    // Boxed: a `HashMap` moves its values when it grows, entries must not move.
    entries: HashMap<Mfa, Box<Export>>,
    /// The address a new entry starts with: the executing tier's "not loaded" stub.
    undefined: usize,
}

impl ExportTable {
    pub fn new() -> ExportTable {
        ExportTable::default()
    }

    /// The entry for `mfa`, created (not loaded in any code index) if there is none yet.
    pub fn entry(&mut self, mfa: Mfa) -> NonNull<Export> {
        let undefined = self.undefined;
        let entry = self.entries.entry(mfa).or_insert_with(|| {
            let e = Box::new(Export::new(mfa));
            e.set_address(undefined);
            e
        });
        NonNull::from(&mut **entry)
    }

    /// Sets the "not loaded" address of new entries, and of existing entries that still have
    /// the previous one (the executing tier calls this once, at start).
    pub fn set_undefined_address(&mut self, address: usize) {
        let old = self.undefined;
        self.undefined = address;
        for e in self.entries.values() {
            if e.address() == old {
                e.set_address(address);
            }
        }
    }

    /// The "not loaded" address.
    pub fn undefined_address(&self) -> usize {
        self.undefined
    }

    /// Every entry.
    pub fn iter(&self) -> impl Iterator<Item = &Export> {
        self.entries.values().map(|e| &**e)
    }

    /// The entry for `mfa`, if one exists.
    pub fn get(&self, mfa: &Mfa) -> Option<NonNull<Export>> {
        self.entries.get(mfa).map(|e| NonNull::from(&**e))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl ExportResolver for ExportTable {
    fn resolve(&mut self, mfa: Mfa) -> Option<NonNull<Export>> {
        Some(self.entry(mfa))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom::AtomTable;

    #[test]
    fn one_stable_entry_per_mfa() {
        let mut atoms = AtomTable::new();
        let mfa = |atoms: &mut AtomTable, f: &str, arity| Mfa {
            module: atoms.intern("m").unwrap(),
            function: atoms.intern(f).unwrap(),
            arity,
        };
        let mut table = ExportTable::new();
        let first = table.entry(mfa(&mut atoms, "f", 1));
        // Growing the table must not move existing entries.
        for i in 0..1000 {
            table.entry(mfa(&mut atoms, &format!("g{i}"), 0));
        }
        assert_eq!(table.entry(mfa(&mut atoms, "f", 1)), first);
        assert_eq!(table.get(&mfa(&mut atoms, "f", 1)), Some(first));
        assert_eq!(table.get(&mfa(&mut atoms, "f", 2)), None);
        assert_eq!(table.len(), 1001);
        // SAFETY: the entry is owned by `table`, alive here.
        assert_eq!(unsafe { first.as_ref() }.mfa, mfa(&mut atoms, "f", 1));
    }
}
