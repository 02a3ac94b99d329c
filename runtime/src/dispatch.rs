//! The descriptors a fun term points to: [`FunEntry`] for local funs, [`Export`] for
//! `fun M:F/A`. Both begin with a [`Dispatchable`] so that a fun call can jump through the
//! entry without caring which kind it is (OTP 27 `ErtsDispatchable`).
//!
//! These structures are owned by the code tables (the module and export tables, which arrive
//! with code loading); heaps only point to them, and they must outlive every fun term that does.

use core::sync::atomic::AtomicUsize;

use crate::term::Term;

/// Number of code indices: code loading prepares the next index while schedulers run the
/// active one, then switches atomically (erts' `ERTS_NUM_CODE_IX`). Emitted code loads
/// `addresses[active_code_ix]`.
pub const NUM_CODE_INDICES: usize = 3;

/// Per-code-index entry addresses (0 = not loaded in that generation).
#[repr(C)]
#[derive(Debug, Default)]
pub struct Dispatchable {
    /// Entry address for each code index; atomic because loading updates them while other
    /// schedulers read.
    pub addresses: [AtomicUsize; NUM_CODE_INDICES],
}

/// Module, function and arity of an exported function (`ErtsCodeMFA`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mfa {
    /// Module atom.
    pub module: Term,
    /// Function atom.
    pub function: Term,
    /// Arity.
    pub arity: usize,
}

/// An export entry: what `fun M:F/A` points to.
#[repr(C)]
#[derive(Debug)]
pub struct Export {
    /// Dispatch addresses; must stay the first field.
    pub dispatch: Dispatchable,
    /// The exported function.
    pub mfa: Mfa,
}

impl Export {
    /// An entry for `mfa` that is not loaded in any code index yet.
    pub fn new(mfa: Mfa) -> Export {
        Export { dispatch: Dispatchable::default(), mfa }
    }

    /// The code address calls through this entry go to (code index 0: staged loading with
    /// several code indices arrives with the concurrent runtime).
    #[inline(always)]
    pub fn address(&self) -> usize {
        self.dispatch.addresses[0].load(core::sync::atomic::Ordering::Acquire)
    }

    /// Points the entry at new code: redirecting a function swaps this pointer, callers are
    /// never patched.
    pub fn set_address(&self, address: usize) {
        self.dispatch.addresses[0].store(address, core::sync::atomic::Ordering::Release);
    }
}

/// A fun entry: what a local fun (closure) points to (`ErlFunEntry`).
#[repr(C)]
#[derive(Debug)]
pub struct FunEntry {
    /// Dispatch addresses; must stay the first field.
    pub dispatch: Dispatchable,
    /// Module atom.
    pub module: Term,
    /// Index in the module's fun table (`FunT` chunk).
    pub index: u32,
    /// The compiler's "old unique" hash, printed in `#Fun<M.I.U>`.
    pub old_uniq: u32,
    /// The compiler's "old index", printed in `#Fun<M.I.U>` and used in term order.
    pub old_index: u32,
    /// Arity of the function implementing the fun, free variables included.
    pub arity: u32,
    /// The MD5 unique of the module.
    pub uniq: [u8; 16],
}

impl FunEntry {
    /// An entry that is not loaded in any code index yet.
    pub fn new(module: Term, index: u32, old_uniq: u32, old_index: u32, arity: u32) -> FunEntry {
        FunEntry {
            dispatch: Dispatchable::default(),
            module,
            index,
            old_uniq,
            old_index,
            arity,
            uniq: [0; 16],
        }
    }
}
