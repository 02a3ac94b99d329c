//! Built-in functions: the calling convention, the registry, and the BIFs themselves, one
//! file per module or family.
//!
//! A BIF is a Rust function over the calling process and the VM:
//! `fn(&mut BifCtx, args: &[Term]) -> BifResult`. It allocates on the process heap through
//! [`Process::alloc`] (which falls back to heap fragments and never moves terms, so a BIF can
//! hold raw terms across allocations) and returns a term, an exception, or a trap: a request
//! that the interpreter continue with an Erlang call in the BIF's place (`apply/3`), without
//! the BIF itself ever calling Erlang code (an Erlang call never nests a Rust frame).
//!
//! Each BIF file exports a table `BIFS: &[Bif]`; [`BifTable::new`] registers every table
//! listed in [`ALL`]. The interpreter reaches BIFs two ways: guard and arithmetic
//! instructions (`bif1`, `gc_bif2`...) call the function directly, and `call_ext` reaches
//! them through export entries that point at a BIF stub, so `fun erlang:length/1` and
//! `apply(erlang, length, [L])` work too.

mod aliases;
pub mod binaries;
pub mod code;
mod data_util;
mod datetime;
pub mod display;
pub mod external;
pub mod hash;
mod hibernate;
pub mod lists;
pub mod maps;
pub mod numbers;
pub mod os;
pub mod persistent;
pub mod process;
mod process_info;
mod process_table;
mod signals;
mod spawn_opt;
pub mod string;
pub mod terms;
mod timers;
pub mod unicode;

use hashbrown::HashMap;

use crate::atom::AtomTable;
use crate::dispatch::Mfa;
use crate::exception::Exception;
use crate::process::Process;
use crate::term::Term;
use crate::vm::Vm;

/// What a BIF sees: the VM and the calling process (taken out of the VM's process table
/// while it runs, so both can be borrowed mutably).
pub struct BifCtx<'a> {
    pub vm: &'a mut Vm,
    pub proc: &'a mut Process,
}

/// How a BIF returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BifResult {
    Ok(Term),
    Err(Exception),
    Trap(Trap),
}

impl From<Result<Term, Exception>> for BifResult {
    fn from(r: Result<Term, Exception>) -> BifResult {
        match r {
            Ok(t) => BifResult::Ok(t),
            Err(e) => BifResult::Err(e),
        }
    }
}

/// Work a BIF hands back to the interpreter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trap {
    /// Call `module:function(Args...)` with the elements of the list `args`, as if the BIF's
    /// caller had called it (a tail call in the BIF's place).
    Apply { module: Term, function: Term, args: Term },
    /// Call the fun `fun` with the elements of the list `args`.
    ApplyFun { fun: Term, args: Term },
    /// Return `value` from the BIF, but first give the scheduler control (the BIF changed
    /// something the scheduler must act on, such as a halt request).
    Yield(Term),
    /// Discard the caller's stack, then sleep until a message comes and call
    /// `module:function(Args...)` (the elements of the proper list `args`) on an empty stack:
    /// `erlang:hibernate/3`.
    Hibernate { module: Term, function: Term, args: Term },
    /// End the calling process with `reason` (`exit/1` of the process itself is an
    /// exception; this is for the scheduler-level stop of `init:stop/0`).
    Exit(Term),
}

/// A BIF implementation.
pub type BifFn = fn(&mut BifCtx<'_>, &[Term]) -> BifResult;

/// A BIF as its file declares it.
#[derive(Clone, Copy)]
pub struct Bif {
    pub module: &'static str,
    pub name: &'static str,
    pub arity: u32,
    pub f: BifFn,
}

impl core::fmt::Debug for Bif {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}:{}/{}", self.module, self.name, self.arity)
    }
}

/// Every BIF table, registered by [`BifTable::new`].
pub const ALL: &[&[Bif]] = &[
    process::BIFS,
    hibernate::BIFS,
    signals::BIFS,
    aliases::BIFS,
    spawn_opt::BIFS,
    timers::BIFS,
    datetime::BIFS,
    process_info::BIFS,
    process_table::BIFS,
    binaries::BIFS,
    code::BIFS,
    persistent::BIFS,
    os::BIFS,
    string::BIFS,
    lists::BIFS,
    terms::BIFS,
    display::BIFS,
    hash::BIFS,
    external::BIFS,
    unicode::BIFS,
    maps::BIFS,
    numbers::BIFS,
];

/// A registered BIF.
#[derive(Clone, Copy, Debug)]
pub struct BifEntry {
    pub mfa: Mfa,
    pub f: BifFn,
}

/// BIFs by module, name and arity.
#[derive(Debug, Default)]
pub struct BifTable {
    // Boxed: instructions point at entries, which must not move when the table grows.
    entries: HashMap<(Term, Term, u32), Box<BifEntry>>,
}

impl BifTable {
    /// The table of every BIF in [`ALL`], with its atoms interned in `atoms`.
    pub fn new(atoms: &mut AtomTable) -> BifTable {
        let mut table = BifTable::default();
        for bifs in ALL {
            for b in *bifs {
                table.register(atoms, b);
            }
        }
        table
    }

    /// Adds a BIF; tiers register their own (code loading, for example). Registering an
    /// existing MFA again replaces its function but keeps the entry (and its address).
    pub fn register(&mut self, atoms: &mut AtomTable, b: &Bif) {
        let (Ok(module), Ok(function)) = (atoms.intern(b.module), atoms.intern(b.name)) else {
            return;
        };
        let mfa = Mfa { module, function, arity: b.arity as usize };
        if let Some(entry) = self.entries.get_mut(&(module, function, b.arity)) {
            entry.f = b.f;
            return;
        }
        self.entries.insert((module, function, b.arity), Box::new(BifEntry { mfa, f: b.f }));
    }

    /// The entry of a BIF; its address is stable for the table's lifetime.
    pub fn get(&self, module: Term, function: Term, arity: u32) -> Option<&BifEntry> {
        self.entries.get(&(module, function, arity)).map(|e| &**e)
    }

    /// Every registered BIF.
    pub fn iter(&self) -> impl Iterator<Item = &BifEntry> {
        self.entries.values().map(|e| &**e)
    }
}
