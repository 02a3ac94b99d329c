//! The term word and the heap objects it can point to.
//!
//! A [`Term`] is one machine word tagged exactly as erts tags it (see [`tags`] and
//! `LAYOUT.md` beside this file), so that machine code emitted by the ARM32 JIT and this crate
//! read the same bits. Immediates (small integers, atoms, local pids and ports, `[]`, catch
//! labels) carry their value in the word; everything else is a pointer to a cons cell or to a
//! boxed object on some heap.
//!
//! Creating a term word is always safe: it is just bits. *Reading through* a pointer term is
//! not, because nothing in the word proves that the memory it points to is still alive; those
//! functions are `unsafe` and state the contract once: every pointer reachable from the term
//! must point into memory that is alive and holds objects laid out as `LAYOUT.md` describes.
//! Terms built by this crate's builders satisfy it for as long as the heap or literal area they
//! were built into is alive and unchanged. [`Term::view`] is the one decoding entry point; the
//! views it returns are ordinary safe Rust values.

pub mod bignum;
pub mod bits;
mod builder;
mod error;
pub mod float;
pub mod fun;
mod immediate;
pub mod layout;
pub mod list;
pub mod map;
pub mod reference;
pub mod tags;
pub mod tuple;
mod view;

pub use builder::TermBuilder;
pub use error::{BuildError, DecodeError};
pub use immediate::{PID_NUMBER_BITS, PID_SERIAL_BITS, PORT_NUMBER_BITS};
pub use view::{Class, ExternalView, View};

use core::fmt;

use tags::{PRIMARY_BOXED, PRIMARY_IMMED1, PRIMARY_LIST, PRIMARY_MASK};

/// One Erlang term: a tagged machine word (`Eterm`).
///
/// `==` on `Term` is identity of the words (erts' `is_same`), not Erlang equality; for that
/// see [`crate::order`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Term(usize);

impl Term {
    /// `THE_NON_VALUE`: the word 0, a header-tagged word that no term ever is. Used for "no
    /// value" (an exception is being raised, an empty X register) exactly as in erts.
    pub const NON_VALUE: Term = Term(0);

    /// Reinterprets a raw word as a term. Safe: reading through the term is what needs care.
    #[inline]
    pub const fn from_raw(word: usize) -> Term {
        Term(word)
    }

    /// The raw word.
    #[inline]
    pub const fn raw(self) -> usize {
        self.0
    }

    /// Whether this is [`Term::NON_VALUE`].
    #[inline]
    pub const fn is_non_value(self) -> bool {
        self.0 == 0
    }

    /// The primary tag (bits 1..0).
    #[inline]
    pub const fn primary_tag(self) -> usize {
        self.0 & PRIMARY_MASK
    }

    /// Whether the word is an immediate (small, atom, pid, port, nil, catch).
    #[inline]
    pub const fn is_immediate(self) -> bool {
        self.primary_tag() == PRIMARY_IMMED1
    }

    /// Whether the word points to a cons cell (a non-empty list).
    #[inline]
    pub const fn is_list(self) -> bool {
        self.primary_tag() == PRIMARY_LIST
    }

    /// Whether the word points to a boxed object.
    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.primary_tag() == PRIMARY_BOXED
    }

    /// Makes a cons pointer term from the address of a cell's head word.
    ///
    /// Heap words are always word aligned, so the low two bits are free for the tag.
    #[inline]
    pub fn from_cons_ptr(cell: *const usize) -> Term {
        debug_assert!(cell as usize & PRIMARY_MASK == 0, "cons cell is not word aligned");
        Term(cell as usize | PRIMARY_LIST)
    }

    /// Makes a boxed pointer term from the address of an object's header word.
    #[inline]
    pub fn from_boxed_ptr(object: *const usize) -> Term {
        debug_assert!(object as usize & PRIMARY_MASK == 0, "boxed object is not word aligned");
        Term(object as usize | PRIMARY_BOXED)
    }

    /// The address of the cons cell this term points to, if it is a list pointer.
    #[inline]
    pub fn cons_ptr(self) -> Option<*const usize> {
        if self.is_list() { Some((self.0 - PRIMARY_LIST) as *const usize) } else { None }
    }

    /// The address of the header word this term points to, if it is a boxed pointer.
    #[inline]
    pub fn boxed_ptr(self) -> Option<*const usize> {
        if self.is_boxed() { Some((self.0 - PRIMARY_BOXED) as *const usize) } else { None }
    }

    /// The header word of the boxed object this term points to.
    ///
    /// # Safety
    /// If the term is boxed, it must point to a live, readable header word.
    #[inline]
    pub unsafe fn boxed_header(self) -> Option<usize> {
        let ptr = self.boxed_ptr()?;
        // SAFETY: the caller guarantees a boxed term points at a live header word.
        Some(unsafe { ptr.read() })
    }
}

impl fmt::Debug for Term {
    /// Shows the raw word and what its tags say, without reading memory.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(v) = self.small_value() {
            write!(f, "Term(small {v})")
        } else if let Some(i) = self.atom_index() {
            write!(f, "Term(atom #{i})")
        } else if self.is_nil() {
            f.write_str("Term([])")
        } else if self.is_list() {
            write!(f, "Term(cons {:#x})", self.0)
        } else if self.is_boxed() {
            write!(f, "Term(boxed {:#x})", self.0)
        } else {
            write!(f, "Term({:#x})", self.0)
        }
    }
}
