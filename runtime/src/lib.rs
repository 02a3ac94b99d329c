//! The rbeam runtime: terms, atoms, processes, heaps, and (later) the scheduler and BIFs.
