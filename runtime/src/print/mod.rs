//! Writing terms in the syntax of `io:format("~w", [Term])`.
//!
//! `[1,2|3]`, `{a,b}`, `#{k => v}` (in erl's map iteration order: by key up to 32 keys), `<<1,2:3>>`, `<0.N.S>`,
//! `#Port<0.N>`, `#Ref<0.A.B.C>`, `#Fun<m.I.U>` and `fun m:f/a`. Strings are not detected
//! (that is `~p`): `"ab"` prints as `[97,98]`. How an atom is quoted, a float or a bignum
//! written and a bitstring or fun laid out is [`rbeam_loader::text`]'s business, shared with
//! the loader's printers so that all of rbeam writes terms as OTP 25 does.
//!
//! The walk is iterative over an explicit stack, so terms nested millions of levels deep print
//! without touching the Rust call stack.

use core::fmt::{self, Write};

use rbeam_loader::text;

use crate::atom::AtomTable;
use crate::term::bits::BitsView;
use crate::term::fun::{FunTarget, FunView};
use crate::term::tags::WORD_BITS;
use crate::term::{DecodeError, Term, View};

/// Why a term could not be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintError {
    /// A word inside the term does not decode.
    Decode(DecodeError),
    /// An atom index that the atom table does not know.
    UnknownAtom(u32),
    /// An external pid, port or reference: printing them needs the node table.
    External,
    /// The output refused a write.
    Output,
}

impl From<DecodeError> for PrintError {
    fn from(error: DecodeError) -> PrintError {
        PrintError::Decode(error)
    }
}

impl From<fmt::Error> for PrintError {
    fn from(_: fmt::Error) -> PrintError {
        PrintError::Output
    }
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrintError::Decode(error) => error.fmt(f),
            PrintError::UnknownAtom(index) => write!(f, "atom #{index} is not in the table"),
            PrintError::External => f.write_str("external identifiers cannot be printed yet"),
            PrintError::Output => f.write_str("the output failed"),
        }
    }
}

impl std::error::Error for PrintError {}

/// Pending output; the top is written first.
enum Item<'a> {
    /// A whole term.
    Term(Term),
    /// Fixed text.
    Text(&'static str),
    /// What follows a list element: `,` and the next element, `|` and an improper tail, or
    /// the closing `]`.
    ListTail(Term),
    /// The rest of a tuple's elements, each preceded by `,`.
    Elements(&'a [Term]),
    /// The rest of a map's pairs, each but the first preceded by `,`.
    Pairs { keys: &'a [Term], values: &'a [Term], first: bool },
    /// The pairs of a HAMT map in iteration order, from `next` on.
    MapPairs { pairs: Vec<(Term, Term)>, next: usize },
}

/// Prints a term to a string.
///
/// # Safety
/// The term must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn to_string(atoms: &AtomTable, term: Term) -> Result<String, PrintError> {
    let mut out = String::new();
    // SAFETY: forwarded contract.
    unsafe { write_term(&mut out, atoms, term) }?;
    Ok(out)
}

/// Writes a term in `~w` syntax.
///
/// # Safety
/// The term must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn write_term(out: &mut impl Write, atoms: &AtomTable, term: Term) -> Result<(), PrintError> {
    let mut stack = vec![Item::Term(term)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.write_str(text)?,
            // SAFETY: terms reached from a valid term are valid (contract).
            Item::Term(term) => unsafe { write_one(out, atoms, term, &mut stack) }?,
            Item::ListTail(tail) => {
                // SAFETY: as above.
                match unsafe { tail.view() }? {
                    View::Nil => out.write_char(']')?,
                    View::Cons { head, tail } => {
                        out.write_char(',')?;
                        stack.push(Item::ListTail(tail));
                        stack.push(Item::Term(head));
                    }
                    _ => {
                        out.write_char('|')?;
                        stack.push(Item::Text("]"));
                        stack.push(Item::Term(tail));
                    }
                }
            }
            Item::Elements(elements) => {
                if let Some((&first, rest)) = elements.split_first() {
                    out.write_char(',')?;
                    stack.push(Item::Elements(rest));
                    stack.push(Item::Term(first));
                }
            }
            Item::Pairs { keys, values, first } => {
                let (Some((&key, keys)), Some((&value, values))) = (keys.split_first(), values.split_first())
                else {
                    continue;
                };
                if !first {
                    out.write_char(',')?;
                }
                stack.push(Item::Pairs { keys, values, first: false });
                stack.push(Item::Term(value));
                stack.push(Item::Text(" => "));
                stack.push(Item::Term(key));
            }
            Item::MapPairs { pairs, next } => {
                let Some(&(key, value)) = pairs.get(next) else { continue };
                if next > 0 {
                    out.write_char(',')?;
                }
                stack.push(Item::MapPairs { pairs, next: next + 1 });
                stack.push(Item::Term(value));
                stack.push(Item::Text(" => "));
                stack.push(Item::Term(key));
            }
        }
    }
    Ok(())
}

/// Writes the start of one term and pushes what remains of it.
///
/// # Safety
/// The term must satisfy the crate's term contract; pushed slices borrow its memory.
unsafe fn write_one<'a>(
    out: &mut impl Write,
    atoms: &AtomTable,
    term: Term,
    stack: &mut Vec<Item<'a>>,
) -> Result<(), PrintError> {
    // SAFETY: forwarded contract.
    match unsafe { term.view::<'a>() }? {
        View::Small(value) => write!(out, "{value}")?,
        View::Bignum(big) => text::write_limbs(out, big.negative, limbs(big.digits))?,
        View::Float(value) => text::write_float(out, value)?,
        View::Atom(index) => text::write_atom(out, atoms.name(index).ok_or(PrintError::UnknownAtom(index))?)?,
        View::Nil => out.write_str("[]")?,
        View::Cons { head, tail } => {
            out.write_char('[')?;
            stack.push(Item::ListTail(tail));
            stack.push(Item::Term(head));
        }
        View::Tuple(elements) => {
            out.write_char('{')?;
            stack.push(Item::Text("}"));
            if let Some((&first, rest)) = elements.split_first() {
                stack.push(Item::Elements(rest));
                stack.push(Item::Term(first));
            }
        }
        View::Map(map) if map.len() > crate::map::SMALL_MAP_LIMIT => {
            // A literal flatmap of more than 32 keys prints in the order of erts' HAMT.
            out.write_str("#{")?;
            stack.push(Item::Text("}"));
            // SAFETY: forwarded contract.
            stack.push(Item::MapPairs { pairs: unsafe { crate::map::pairs(term) }, next: 0 });
        }
        View::Map(map) => {
            out.write_str("#{")?;
            stack.push(Item::Text("}"));
            stack.push(Item::Pairs { keys: map.keys, values: map.values, first: true });
        }
        View::HashMap(_) => {
            out.write_str("#{")?;
            stack.push(Item::Text("}"));
            // SAFETY: forwarded contract; a HAMT prints in erl's iteration order.
            stack.push(Item::MapPairs { pairs: unsafe { crate::map::pairs(term) }, next: 0 });
        }
        View::Bits(bits) => write_bits(out, &bits)?,
        View::Fun(fun) => write_fun(out, atoms, &fun)?,
        View::Pid { number, serial } => write!(out, "<0.{number}.{serial}>")?,
        View::Port(number) => write!(out, "#Port<0.{number}>")?,
        View::Reference([n0, n1, n2]) => write!(out, "#Ref<0.{n2}.{n1}.{n0}>")?,
        View::External(_) => return Err(PrintError::External),
    }
    Ok(())
}

/// A bignum's word digits, least significant first, as 32-bit limbs.
fn limbs(digits: &[usize]) -> impl Iterator<Item = u32> + '_ {
    digits.iter().flat_map(|&digit| (0..WORD_BITS / 32).map(move |i| (digit >> (i * 32)) as u32))
}

/// `<<1,2,3>>`, with a trailing partial byte as `Value:Bits`.
fn write_bits(out: &mut impl Write, bits: &BitsView<'_>) -> fmt::Result {
    text::write_bitstring(
        out,
        (0..bits.byte_size()).map(|i| bits.byte(i)),
        bits.tail_value(),
        bits.tail_bits() as u32,
    )
}

/// `#Fun<m.OldIndex.OldUniq>` for local funs (the module unquoted, as erts writes it), `fun m:f/a`
/// for external ones.
fn write_fun(out: &mut impl Write, atoms: &AtomTable, fun: &FunView<'_>) -> Result<(), PrintError> {
    let atom_text = |atom: Term| {
        let index = atom.atom_index().ok_or(PrintError::Decode(DecodeError::NotATerm(atom.raw())))?;
        atoms.name(index).ok_or(PrintError::UnknownAtom(index))
    };
    match fun.target {
        FunTarget::Local(entry) => {
            text::write_local_fun(
                out,
                atom_text(entry.module)?,
                i64::from(entry.old_index),
                i64::from(entry.old_uniq),
            )?;
        }
        FunTarget::External(export) => {
            out.write_str("fun ")?;
            text::write_atom(out, atom_text(export.mfa.module)?)?;
            out.write_char(':')?;
            text::write_atom(out, atom_text(export.mfa.function)?)?;
            write!(out, "/{}", export.mfa.arity)?;
        }
    }
    Ok(())
}
