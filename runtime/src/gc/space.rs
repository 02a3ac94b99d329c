//! From-space: which addresses a collection moves, and to which generation.
//!
//! A pointer is classified by address alone, so a term in memory the process does not own
//! (a literal area, a queued message, another heap) is never touched.

/// A half-open range of byte addresses `lo..hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Area {
    pub lo: usize,
    pub hi: usize,
}

impl Area {
    pub const EMPTY: Area = Area { lo: 0, hi: 0 };

    /// The words `start..end`.
    pub fn of(start: *const usize, end: *const usize) -> Area {
        Area { lo: start as usize, hi: end as usize }
    }

    pub fn contains(&self, address: usize) -> bool {
        address >= self.lo && address < self.hi
    }

    pub fn is_empty(&self) -> bool {
        self.lo >= self.hi
    }

    /// Size in words.
    pub fn words(&self) -> usize {
        (self.hi.saturating_sub(self.lo)) / core::mem::size_of::<usize>()
    }
}

/// Where a from-space object goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Destination {
    /// The new young block.
    Young,
    /// The old heap (mature objects in a minor collection).
    Old,
}

/// The memory one collection evacuates.
#[derive(Debug)]
pub(super) struct FromSpace {
    /// Objects promoted to the old heap: `heap..high_water` in a minor collection.
    mature: Area,
    /// The young part of the heap block, checked first because most pointers lead there.
    main: Area,
    /// Fragments (and the old heap in a major collection), sorted by address.
    others: Vec<Area>,
}

impl FromSpace {
    /// From-space with `mature` promoted, `main` and `others` copied into the young block.
    pub fn new(mature: Area, main: Area, mut others: Vec<Area>) -> FromSpace {
        others.retain(|a| !a.is_empty());
        others.sort_by_key(|a| a.lo);
        FromSpace { mature, main, others }
    }

    /// Where the object at `address` goes, or `None` if the collection leaves it alone.
    #[inline]
    pub fn classify(&self, address: usize) -> Option<Destination> {
        if self.main.contains(address) {
            return Some(Destination::Young);
        }
        if self.mature.contains(address) {
            return Some(Destination::Old);
        }
        let index = self.others.partition_point(|a| a.hi <= address);
        match self.others.get(index) {
            Some(area) if area.contains(address) => Some(Destination::Young),
            _ => None,
        }
    }

    /// Words of from-space that go to the old heap.
    pub fn mature_words(&self) -> usize {
        self.mature.words()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_by_address() {
        let space = FromSpace::new(
            Area { lo: 100, hi: 200 },
            Area { lo: 200, hi: 300 },
            vec![Area { lo: 1000, hi: 1100 }, Area::EMPTY, Area { lo: 500, hi: 600 }],
        );
        assert_eq!(space.classify(99), None);
        assert_eq!(space.classify(100), Some(Destination::Old));
        assert_eq!(space.classify(200), Some(Destination::Young));
        assert_eq!(space.classify(300), None);
        assert_eq!(space.classify(550), Some(Destination::Young));
        assert_eq!(space.classify(600), None);
        assert_eq!(space.classify(1099), Some(Destination::Young));
        assert_eq!(space.classify(1100), None);
        assert_eq!(space.classify(0), None);
    }
}
