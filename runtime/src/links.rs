//! The pids a process is linked to: a set with constant-time insertion, membership and
//! removal. A process linked to 100,000 others receives 100,000 exit signals as they die,
//! each removing one link: with a plain vector that is quadratic.

use crate::term::Term;
use hashbrown::HashMap;

/// Linked pids (immediates, so no garbage-collection roots), in link order until a removal
/// moves the last one into the gap.
#[derive(Debug, Default)]
pub struct LinkSet {
    pids: Vec<Term>,
    /// Where each pid sits in `pids`.
    index: HashMap<Term, usize>,
}

impl LinkSet {
    pub fn new() -> LinkSet {
        LinkSet::default()
    }

    pub fn len(&self) -> usize {
        self.pids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pids.is_empty()
    }

    pub fn contains(&self, pid: Term) -> bool {
        self.index.contains_key(&pid)
    }

    /// Adds `pid`; false if it was already linked.
    pub fn insert(&mut self, pid: Term) -> bool {
        if self.index.contains_key(&pid) {
            return false;
        }
        self.index.insert(pid, self.pids.len());
        self.pids.push(pid);
        true
    }

    /// Removes `pid`; false if it was not linked.
    pub fn remove(&mut self, pid: Term) -> bool {
        let Some(slot) = self.index.remove(&pid) else { return false };
        self.pids.swap_remove(slot);
        if let Some(&moved) = self.pids.get(slot) {
            self.index.insert(moved, slot);
        }
        true
    }

    pub fn as_slice(&self) -> &[Term] {
        &self.pids
    }

    /// Empties the set, returning its pids.
    pub fn take(&mut self) -> Vec<Term> {
        self.index.clear();
        core::mem::take(&mut self.pids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pid(n: u32) -> Term {
        Term::local_pid(n, 0).unwrap()
    }

    #[test]
    fn insert_remove_and_membership() {
        let mut set = LinkSet::new();
        for n in 0..1000 {
            assert!(set.insert(pid(n)));
        }
        assert!(!set.insert(pid(5)));
        for n in (0..1000).filter(|n| n % 2 == 0) {
            assert!(set.remove(pid(n)));
        }
        assert!(!set.remove(pid(0)));
        assert_eq!(set.len(), 500);
        assert!(set.contains(pid(1)) && !set.contains(pid(2)));
        let mut left: Vec<Term> = set.as_slice().to_vec();
        left.sort_by_key(|t| t.raw());
        let expected: Vec<Term> = (0..1000).filter(|n| n % 2 == 1).map(pid).collect();
        assert_eq!(left, expected);
        assert_eq!(set.take().len(), 500);
        assert!(set.is_empty() && !set.contains(pid(1)));
    }
}
