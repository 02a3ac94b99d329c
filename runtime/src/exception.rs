//! Exceptions as the interpreter and BIFs raise them.
//!
//! An exception is a class (`error`, `exit`, `throw`) and a reason term, plus what the stack
//! trace needs to show where it happened: for a BIF that failed, the BIF's MFA and the
//! arguments it was called with (erts prints those as the first stack frame, with an
//! `error_info` annotation), otherwise nothing, and the frame comes from the program counter.

use crate::atoms;
use crate::dispatch::Mfa;
use crate::term::Term;

/// The class of an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Exit,
    Throw,
}

impl Class {
    /// The class as the atom `try ... catch Class:Reason` matches.
    pub fn atom(self) -> Term {
        match self {
            Class::Error => atoms::ERROR,
            Class::Exit => atoms::EXIT,
            Class::Throw => atoms::THROW,
        }
    }

    /// The class named by an atom, as `erlang:raise/3` accepts it.
    pub fn from_atom(atom: Term) -> Option<Class> {
        match atom {
            a if a == atoms::ERROR => Some(Class::Error),
            a if a == atoms::EXIT => Some(Class::Exit),
            a if a == atoms::THROW => Some(Class::Throw),
            _ => None,
        }
    }
}

/// A raised exception on its way to a handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exception {
    pub class: Class,
    pub reason: Term,
    /// Set when a BIF raised it: the BIF and its arguments (a list term) become the top
    /// stack frame.
    pub bif: Option<(Mfa, Term)>,
    /// An already built stack trace to reuse (`erlang:raise/3`), instead of one from the
    /// current stack.
    pub stacktrace: Option<Term>,
    /// What the top stack frame shows.
    pub frame: Frame,
}

/// What the top frame of an exception's stack trace shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The BIF that raised it, with its arguments (set by [`Exception::in_bif`]).
    Bif,
    /// The caller of the raising BIF, with these arguments instead of its arity
    /// (`erlang:error/2,3`): the list, or `none` for the arity.
    Caller(Term),
    /// The caller, as any exception raised in Erlang code (`error/1`, `exit/1`, `throw/1`).
    Code,
}

impl Exception {
    pub fn error(reason: Term) -> Exception {
        Exception::new(Class::Error, reason)
    }

    pub fn exit(reason: Term) -> Exception {
        Exception::new(Class::Exit, reason)
    }

    pub fn throw(reason: Term) -> Exception {
        Exception::new(Class::Throw, reason)
    }

    pub fn new(class: Class, reason: Term) -> Exception {
        Exception { class, reason, bif: None, stacktrace: None, frame: Frame::Bif }
    }

    /// The same exception, shown as raised by the BIF's caller rather than the BIF (the
    /// `erlang:error/exit/throw` family raise on their caller's behalf).
    pub fn from_caller(mut self) -> Exception {
        self.frame = Frame::Code;
        self
    }

    pub fn badarg() -> Exception {
        Exception::error(atoms::BADARG)
    }

    pub fn badarith() -> Exception {
        Exception::error(atoms::BADARITH)
    }

    pub fn system_limit() -> Exception {
        Exception::error(atoms::SYSTEM_LIMIT)
    }

    /// The same exception, attributed to the BIF `mfa` called with `args` (unless it is
    /// raised on the caller's behalf).
    pub fn in_bif(mut self, mfa: Mfa, args: Term) -> Exception {
        if self.bif.is_none() && self.frame == Frame::Bif {
            self.bif = Some((mfa, args));
        }
        self
    }
}
