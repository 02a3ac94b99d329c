//! Printing in `~w` syntax, matching what `io_lib:format("~w", [T])` gives in OTP 25, without
//! recursion: the parts still to print wait on an explicit stack.
//!
//! Where erl's output depends on the running node rather than on the term, the printer picks
//! a fixed form: a pid, port or reference of `nonode@nohost` prints with node number 0, as a
//! fresh non-distributed erl prints it; any other node, which erl numbers by its connection
//! table, prints as its node name (`<a@b.7.9>`). Maps print in key order, which is erl's order
//! for maps of up to 32 keys; larger maps erl prints in its internal hash order.

use super::order::ref_words;
use super::{AtomText, Node, NodeId, View};
use crate::text;
use core::fmt::{self, Write};

/// A term in `~w` syntax: see [`Terms::display`](super::Terms::display).
pub struct TermDisplay<'a> {
    view: View<'a>,
    root: NodeId,
}

impl<'a> TermDisplay<'a> {
    pub(super) fn new(view: View<'a>, root: NodeId) -> Self {
        TermDisplay { view, root }
    }
}

/// What is left to print.
enum Item<'a> {
    Term(NodeId),
    Text(&'static str),
    /// Comma-separated terms; `first` is false when a comma is owed before the next one.
    Seq {
        ids: &'a [NodeId],
        first: bool,
    },
    /// `Key => Value` pairs, comma-separated.
    Pairs {
        ids: &'a [NodeId],
        first: bool,
    },
    /// What follows a list's elements: `]`, `|Tail]`, or, for a tail that is itself a list,
    /// more elements.
    Tail(NodeId),
}

impl fmt::Display for TermDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let view = self.view;
        let mut stack = vec![Item::Term(self.root)];
        while let Some(item) = stack.pop() {
            match item {
                Item::Text(s) => f.write_str(s)?,
                Item::Seq { ids, first } => {
                    if let Some((&id, rest)) = ids.split_first() {
                        if !first {
                            f.write_char(',')?;
                        }
                        stack.push(Item::Seq { ids: rest, first: false });
                        stack.push(Item::Term(id));
                    }
                }
                Item::Pairs { ids, first } => {
                    if let [k, v, rest @ ..] = ids {
                        if !first {
                            f.write_char(',')?;
                        }
                        stack.push(Item::Pairs { ids: rest, first: false });
                        stack.push(Item::Term(*v));
                        stack.push(Item::Text(" => "));
                        stack.push(Item::Term(*k));
                    }
                }
                Item::Tail(tail) => match view.node(tail) {
                    Node::Nil => f.write_char(']')?,
                    Node::List { elements, tail } => {
                        f.write_char(',')?;
                        stack.push(Item::Tail(tail));
                        stack.push(Item::Seq { ids: view.children(elements), first: true });
                    }
                    Node::String(bytes) => {
                        f.write_char(',')?;
                        text::write_bytes(f, view.bytes(bytes).iter().copied())?;
                        f.write_char(']')?;
                    }
                    _ => {
                        f.write_char('|')?;
                        stack.push(Item::Text("]"));
                        stack.push(Item::Term(tail));
                    }
                },
                Item::Term(id) => write_node(f, view, id, &mut stack)?,
            }
        }
        Ok(())
    }
}

/// Prints a leaf, or the opening of a compound term with its remainder pushed on `stack`.
fn write_node<'a>(
    f: &mut fmt::Formatter<'_>,
    view: View<'a>,
    id: NodeId,
    stack: &mut Vec<Item<'a>>,
) -> fmt::Result {
    match view.node(id) {
        Node::Integer(v) => write!(f, "{v}"),
        Node::BigInt { negative, magnitude } => text::write_magnitude(f, negative, view.bytes(magnitude)),
        Node::Float(v) => text::write_float(f, v),
        Node::Atom(a) => write_atom(f, view, a),
        Node::Nil => f.write_str("[]"),
        Node::Tuple(c) => {
            stack.push(Item::Text("}"));
            stack.push(Item::Seq { ids: view.children(c), first: true });
            f.write_char('{')
        }
        Node::List { elements, tail } => {
            stack.push(Item::Tail(tail));
            stack.push(Item::Seq { ids: view.children(elements), first: true });
            f.write_char('[')
        }
        Node::String(b) => {
            f.write_char('[')?;
            text::write_bytes(f, view.bytes(b).iter().copied())?;
            f.write_char(']')
        }
        Node::Binary(b) => text::write_binary(f, view.bytes(b)),
        Node::BitBinary { bytes, last_byte_bits } => {
            let (&last, whole) = view.bytes(bytes).split_last().unwrap_or((&0, &[]));
            let tail_value = last >> (8 - last_byte_bits);
            text::write_bitstring(f, whole.iter().copied(), tail_value, u32::from(last_byte_bits))
        }
        Node::Map(c) => {
            stack.push(Item::Text("}"));
            stack.push(Item::Pairs { ids: view.children(c), first: true });
            f.write_str("#{")
        }
        Node::Export { module, function, arity } => {
            f.write_str("fun ")?;
            write_atom(f, view, view.atom_of(module))?;
            f.write_char(':')?;
            write_atom(f, view, view.atom_of(function))?;
            write!(f, "/{arity}")
        }
        Node::Fun { module, old_index: index, old_uniq: uniq, .. }
        | Node::OldFun { module, index, uniq, .. } => text::write_local_fun(
            f,
            &view.atom_text(view.atom_of(module)),
            view.small(index),
            view.small(uniq),
        ),
        Node::Pid { node, id, serial, .. } => {
            f.write_char('<')?;
            write_node_name(f, view, node)?;
            write!(f, ".{id}.{serial}>")
        }
        Node::Port { node, id, .. } => {
            f.write_str("#Port<")?;
            write_node_name(f, view, node)?;
            write!(f, ".{id}>")
        }
        Node::Reference { node, ids, .. } => {
            f.write_str("#Ref<")?;
            let local = write_node_name(f, view, node)?;
            let ids = view.bytes(ids);
            // A local reference has (at least) three words: erts pads shorter ones with zeros.
            if local {
                for _ in ids.len() / 4..3 {
                    f.write_str(".0")?;
                }
            }
            for w in ref_words(ids) {
                write!(f, ".{w}")?;
            }
            f.write_char('>')
        }
    }
}

/// The local node prints as 0; returns whether it was the local node.
fn write_node_name(f: &mut fmt::Formatter<'_>, view: View<'_>, node: NodeId) -> Result<bool, fmt::Error> {
    let atom = view.atom_of(node);
    if view.atom_chars(atom).eq("nonode@nohost".chars()) {
        f.write_char('0')?;
        return Ok(true);
    }
    write_atom(f, view, atom)?;
    Ok(false)
}

fn write_atom(f: &mut fmt::Formatter<'_>, view: View<'_>, atom: AtomText) -> fmt::Result {
    text::write_atom_chars(f, || view.atom_chars(atom))
}
