//! The monitors one process records, at either end: kept in the order they were set up (as
//! `process_info(P, monitors)` lists them), and found by reference in constant time. A
//! process that monitors 100,000 others receives 100,000 `'DOWN'` messages, each removing
//! one entry: with a plain vector that is quadratic.

use crate::process::Monitor;
use crate::term::reference::{REF_NUMBERS, ordinary_numbers};
use hashbrown::HashMap;

/// A monitor's identity: its reference's numbers (`reference::ordinary_numbers`, the same in
/// the copies at both ends).
pub type MonitorKey = [u32; REF_NUMBERS];

/// Monitors in setup order, indexed by reference.
#[derive(Debug, Default)]
pub struct MonitorList {
    /// Setup order, with each monitor's key; removed entries leave a `None` until the next
    /// compaction.
    slots: Vec<Option<(MonitorKey, Monitor)>>,
    /// The slot of each live monitor.
    index: HashMap<MonitorKey, usize>,
}

impl MonitorList {
    pub fn new() -> MonitorList {
        MonitorList::default()
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Records `monitor`; a monitor whose reference is not an ordinary reference (never made
    /// by the runtime) is ignored.
    ///
    /// # Safety
    /// `monitor.reference` must satisfy the crate's term contract.
    pub unsafe fn push(&mut self, monitor: Monitor) {
        // SAFETY: forwarded contract.
        let Some(key) = (unsafe { ordinary_numbers(monitor.reference) }) else { return };
        self.index.insert(key, self.slots.len());
        self.slots.push(Some((key, monitor)));
    }

    /// Whether the monitor with this key is recorded.
    pub fn contains(&self, key: &MonitorKey) -> bool {
        self.index.contains_key(key)
    }

    /// Removes and returns the monitor with this key.
    pub fn remove(&mut self, key: &MonitorKey) -> Option<Monitor> {
        let slot = self.index.remove(key)?;
        let monitor = self.slots.get_mut(slot)?.take().map(|(_, m)| m);
        if self.slots.len() > 32 && self.index.len() < self.slots.len() / 2 {
            self.compact();
        }
        monitor
    }

    /// Drops the holes removals left, renumbering the index.
    fn compact(&mut self) {
        self.slots.retain(Option::is_some);
        self.index.clear();
        for (slot, entry) in self.slots.iter().enumerate() {
            if let Some((key, _)) = entry {
                self.index.insert(*key, slot);
            }
        }
    }

    /// The monitors in setup order.
    pub fn iter(&self) -> impl Iterator<Item = &Monitor> {
        self.slots.iter().flatten().map(|(_, m)| m)
    }

    /// The same, mutably: the garbage collector updates the terms (not the keys: moving a
    /// reference does not change its numbers).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Monitor> {
        self.slots.iter_mut().flatten().map(|(_, m)| m)
    }

    /// Empties the list, returning its monitors in setup order.
    pub fn take(&mut self) -> Vec<Monitor> {
        self.index.clear();
        core::mem::take(&mut self.slots).into_iter().flatten().map(|(_, m)| m).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AtomTable;
    use crate::heap::Heap;
    use crate::term::{Term, TermBuilder};

    #[test]
    fn setup_order_and_removal_by_key() {
        let mut heap = Heap::with_capacity(1024);
        let mut atoms = AtomTable::new();
        let mut b = TermBuilder::new(&mut heap, &mut atoms);
        let refs: Vec<Term> = (0..100u32).map(|i| b.reference([i, 7, 9]).unwrap()).collect();
        let mut list = MonitorList::new();
        for (i, &r) in refs.iter().enumerate() {
            let pid = Term::local_pid(i as u32, 0).unwrap();
            // SAFETY: references built on a live heap.
            unsafe { list.push(Monitor { reference: r, pid, name: Term::NIL }) };
        }
        assert_eq!(list.len(), 100);
        for i in (0..100u32).filter(|i| i % 3 != 0) {
            assert!(list.remove(&[i, 7, 9]).is_some());
        }
        assert!(list.remove(&[1, 7, 9]).is_none());
        assert!(list.contains(&[3, 7, 9]) && !list.contains(&[4, 7, 9]));
        let order: Vec<Term> = list.iter().map(|m| m.pid).collect();
        let expected: Vec<Term> =
            (0..100u32).filter(|i| i % 3 == 0).map(|i| Term::local_pid(i, 0).unwrap()).collect();
        assert_eq!(order, expected);
        assert_eq!(list.take().len(), 34);
        assert!(list.is_empty());
    }
}
