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
}

impl Exception {
    pub fn error(reason: Term) -> Exception {
        Exception { class: Class::Error, reason, bif: None, stacktrace: None }
    }

    pub fn exit(reason: Term) -> Exception {
        Exception { class: Class::Exit, reason, bif: None, stacktrace: None }
    }

    pub fn throw(reason: Term) -> Exception {
        Exception { class: Class::Throw, reason, bif: None, stacktrace: None }
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

    /// The same exception, attributed to the BIF `mfa` called with `args`.
    pub fn in_bif(mut self, mfa: Mfa, args: Term) -> Exception {
        if self.bif.is_none() {
            self.bif = Some((mfa, args));
        }
        self
    }
}
