//! Decoding a term into a Rust value ([`View`]) and its class in Erlang's term order.

use super::bignum::{self, BigView};
use super::bits::{self, BitsView};
use super::error::DecodeError;
use super::fun::{self, FunView};
use super::map::{self, HashMapView, MapView};
use super::tags::{
    self, ARITYVAL_SUBTAG, EXTERNAL_PID_SUBTAG, EXTERNAL_PORT_SUBTAG, EXTERNAL_REF_SUBTAG, FLOAT_SUBTAG,
    FUN_SUBTAG, HEAP_BITS_SUBTAG, MAP_SUBTAG, NEG_BIG_SUBTAG, POS_BIG_SUBTAG, REF_SUBTAG, SUB_BITS_SUBTAG,
    header_arity,
};
use super::{Term, float, list, reference, tuple};

/// The classes of Erlang's term order, smallest first:
/// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Integers and floats.
    Number,
    /// Atoms.
    Atom,
    /// References, local or external.
    Reference,
    /// Funs.
    Fun,
    /// Ports, local or external.
    Port,
    /// Pids, local or external.
    Pid,
    /// Tuples.
    Tuple,
    /// Maps.
    Map,
    /// `[]`.
    Nil,
    /// Non-empty lists.
    List,
    /// Bitstrings and binaries.
    Bitstring,
}

/// An external pid, port or reference: the node pointer and the data words, compared and
/// printed only once the node table exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalView<'a> {
    /// [`Class::Pid`], [`Class::Port`] or [`Class::Reference`].
    pub class: Class,
    /// The node pointer word.
    pub node: usize,
    /// The data words after the off-heap link.
    pub data: &'a [usize],
}

/// A decoded term.
#[derive(Debug, Clone, Copy)]
pub enum View<'a> {
    /// A small integer.
    Small(i64),
    /// A bignum.
    Bignum(BigView<'a>),
    /// A float.
    Float(f64),
    /// An atom, by atom-table index.
    Atom(u32),
    /// An ordinary internal reference's numbers, least significant first.
    Reference([u32; reference::REF_NUMBERS]),
    /// A fun.
    Fun(FunView<'a>),
    /// A local port's number.
    Port(u64),
    /// A local pid's number and serial.
    Pid {
        /// The number (28 bits).
        number: u32,
        /// The serial.
        serial: u32,
    },
    /// An external pid, port or reference.
    External(ExternalView<'a>),
    /// A tuple's elements.
    Tuple(&'a [Term]),
    /// A flatmap.
    Map(MapView<'a>),
    /// A HAMT map (more than 32 keys); [`crate::map`] reads it.
    HashMap(HashMapView<'a>),
    /// `[]`.
    Nil,
    /// A cons cell.
    Cons {
        /// The head.
        head: Term,
        /// The tail.
        tail: Term,
    },
    /// A bitstring.
    Bits(BitsView<'a>),
}

impl View<'_> {
    /// The term-order class of the value.
    pub fn class(&self) -> Class {
        match self {
            View::Small(_) | View::Bignum(_) | View::Float(_) => Class::Number,
            View::Atom(_) => Class::Atom,
            View::Reference(_) => Class::Reference,
            View::Fun(_) => Class::Fun,
            View::Port(_) => Class::Port,
            View::Pid { .. } => Class::Pid,
            View::External(external) => external.class,
            View::Tuple(_) => Class::Tuple,
            View::Map(_) | View::HashMap(_) => Class::Map,
            View::Nil => Class::Nil,
            View::Cons { .. } => Class::List,
            View::Bits(_) => Class::Bitstring,
        }
    }
}

impl Term {
    /// The term-order class of a term, from its tags and header alone.
    ///
    /// # Safety
    /// The term must satisfy the crate's term contract (see [`crate::term`]).
    pub unsafe fn class(self) -> Result<Class, DecodeError> {
        if self.is_small() {
            return Ok(Class::Number);
        }
        if self.is_atom() {
            return Ok(Class::Atom);
        }
        if self.is_nil() {
            return Ok(Class::Nil);
        }
        if self.is_local_pid() {
            return Ok(Class::Pid);
        }
        if self.is_local_port() {
            return Ok(Class::Port);
        }
        if self.is_list() {
            return Ok(Class::List);
        }
        // SAFETY: forwarded contract.
        let header = unsafe { self.boxed_header() }.ok_or(DecodeError::NotATerm(self.raw()))?;
        header_class(header).ok_or(DecodeError::NotATerm(header))
    }

    /// Decodes the term.
    ///
    /// # Safety
    /// The term must satisfy the crate's term contract (see [`crate::term`]) for `'a`.
    pub unsafe fn view<'a>(self) -> Result<View<'a>, DecodeError> {
        if let Some(value) = self.small_value() {
            return Ok(View::Small(value));
        }
        if let Some(index) = self.atom_index() {
            return Ok(View::Atom(index));
        }
        if self.is_nil() {
            return Ok(View::Nil);
        }
        if let Some((number, serial)) = self.local_pid_parts() {
            return Ok(View::Pid { number, serial });
        }
        if let Some(number) = self.local_port_number() {
            return Ok(View::Port(number));
        }
        // SAFETY: forwarded contract.
        if let Some((head, tail)) = unsafe { list::head_tail(self) } {
            return Ok(View::Cons { head, tail });
        }
        // SAFETY: forwarded contract.
        let header = unsafe { self.boxed_header() }.ok_or(DecodeError::NotATerm(self.raw()))?;
        // SAFETY: forwarded contract; each decoder checks the header itself.
        let decoded = unsafe {
            match header & tags::HEADER_TAG_MASK {
                ARITYVAL_SUBTAG => tuple::elements(self).map(View::Tuple),
                POS_BIG_SUBTAG | NEG_BIG_SUBTAG => bignum::view(self).map(View::Bignum),
                FLOAT_SUBTAG => float::value(self).map(View::Float),
                REF_SUBTAG => reference::ordinary_numbers(self).map(View::Reference),
                FUN_SUBTAG => fun::view(self).map(View::Fun),
                MAP_SUBTAG => map::view_flatmap(self)
                    .map(View::Map)
                    .or_else(|| map::view_hashmap(self).map(View::HashMap)),
                HEAP_BITS_SUBTAG | SUB_BITS_SUBTAG => bits::view(self).map(View::Bits),
                EXTERNAL_PID_SUBTAG | EXTERNAL_PORT_SUBTAG | EXTERNAL_REF_SUBTAG => {
                    external_view(self, header).map(View::External)
                }
                _ => return Err(DecodeError::NotATerm(header)),
            }
        };
        decoded.ok_or(DecodeError::Unsupported(header))
    }
}

/// The class of a boxed object from its header word, if it is a term's header.
fn header_class(header: usize) -> Option<Class> {
    Some(match header & tags::HEADER_TAG_MASK {
        ARITYVAL_SUBTAG => Class::Tuple,
        POS_BIG_SUBTAG | NEG_BIG_SUBTAG | FLOAT_SUBTAG => Class::Number,
        REF_SUBTAG | EXTERNAL_REF_SUBTAG => Class::Reference,
        FUN_SUBTAG => Class::Fun,
        EXTERNAL_PORT_SUBTAG => Class::Port,
        EXTERNAL_PID_SUBTAG => Class::Pid,
        MAP_SUBTAG => Class::Map,
        HEAP_BITS_SUBTAG | SUB_BITS_SUBTAG => Class::Bitstring,
        _ => return None,
    })
}

/// Words before the data of an external thing: header, node, next.
const EXTERNAL_HEAD_WORDS: usize = 3;

/// Decodes an external pid, port or reference.
///
/// # Safety
/// `term` is a boxed term whose header (`header`) is an external header; contract as above.
unsafe fn external_view<'a>(term: Term, header: usize) -> Option<ExternalView<'a>> {
    let object = term.boxed_ptr()?;
    let class = header_class(header)?;
    let data_words = (header_arity(header) + 1).checked_sub(EXTERNAL_HEAD_WORDS)?;
    // SAFETY: an external thing is `arity + 1` live words: header, node, next, data.
    unsafe {
        let node = object.add(1).read();
        let data = core::slice::from_raw_parts(object.add(EXTERNAL_HEAD_WORDS), data_words);
        Some(ExternalView { class, node, data })
    }
}
