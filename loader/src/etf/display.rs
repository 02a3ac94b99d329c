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
                        write_bytes(f, view.bytes(bytes))?;
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
        Node::BigInt { negative, magnitude } => write_big(f, negative, view.bytes(magnitude)),
        Node::Float(v) => write_float(f, v),
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
            write_bytes(f, view.bytes(b))?;
            f.write_char(']')
        }
        Node::Binary(b) => {
            f.write_str("<<")?;
            write_bytes(f, view.bytes(b))?;
            f.write_str(">>")
        }
        Node::BitBinary { bytes, last_byte_bits } => {
            let bytes = view.bytes(bytes);
            let (&last, whole) = bytes.split_last().unwrap_or((&0, &[]));
            f.write_str("<<")?;
            write_bytes(f, whole)?;
            if !whole.is_empty() {
                f.write_char(',')?;
            }
            write!(f, "{}:{}>>", last >> (8 - last_byte_bits), last_byte_bits)
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
        // erts prints a local fun's module name as it is, unquoted.
        Node::Fun { module, old_index: index, old_uniq: uniq, .. }
        | Node::OldFun { module, index, uniq, .. } => {
            f.write_str("#Fun<")?;
            f.write_str(&view.atom_text(view.atom_of(module)))?;
            write!(f, ".{}.{}>", view.small(index), view.small(uniq))
        }
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

fn write_bytes(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        write!(f, "{b}")?;
    }
    Ok(())
}

/// A bignum in decimal: repeated division by 10^9 of a copy of the magnitude (quadratic in
/// its length, as erts' own conversion is).
fn write_big(f: &mut fmt::Formatter<'_>, negative: bool, magnitude: &[u8]) -> fmt::Result {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u32> =
        magnitude.chunks(4).map(|c| c.iter().rev().fold(0u32, |v, &b| (v << 8) | u32::from(b))).collect();
    let mut groups = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        let mut rem = 0u64;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / BASE) as u32;
            rem = cur % BASE;
        }
        groups.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    if negative {
        f.write_char('-')?;
    }
    let mut groups = groups.iter().rev();
    write!(f, "{}", groups.next().copied().unwrap_or(0))?;
    groups.try_for_each(|g| write!(f, "{g:09}"))
}

/// The words the Erlang scanner reserves, which must be quoted as atoms (OTP 25 without the
/// `maybe` feature, so `maybe` and `else` are plain atoms).
const RESERVED: [&str; 27] = [
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch", "cond",
    "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try", "when", "xor",
];

/// `io_lib:write_atom/1`: bare when the atom reads back as one (a lowercase first letter, then
/// letters, digits, `_` and `@`, Latin-1 letters included, and not a reserved word), quoted and
/// escaped otherwise.
fn write_atom(f: &mut fmt::Formatter<'_>, view: View<'_>, atom: AtomText) -> fmt::Result {
    let chars = || view.atom_chars(atom);
    let mut rest = chars();
    let bare = rest.next().is_some_and(is_lowercase)
        && rest.all(|c| is_lowercase(c) || is_uppercase(c) || c.is_ascii_digit() || c == '_' || c == '@')
        && !RESERVED.iter().any(|w| chars().eq(w.chars()));
    if bare {
        return chars().try_for_each(|c| f.write_char(c));
    }
    f.write_char('\'')?;
    for c in chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            ' '..='~' | '\u{a0}'..='\u{ff}' => f.write_char(c)?,
            '\u{100}'..=char::MAX => write!(f, "\\x{{{:X}}}", u32::from(c))?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            '\u{b}' => f.write_str("\\v")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            '\u{1b}' => f.write_str("\\e")?,
            '\u{7f}' => f.write_str("\\d")?,
            _ => write!(f, "\\{:03o}", u32::from(c))?,
        }
    }
    f.write_char('\'')
}

fn is_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

fn is_uppercase(c: char) -> bool {
    c.is_ascii_uppercase() || (('\u{c0}'..='\u{de}').contains(&c) && c != '\u{d7}')
}

/// A float as OTP 25's `io_lib_format:fwrite_g/1`: the shortest digits that read back exactly,
/// laid out in plain or exponent form, whichever is shorter, with ties going to plain; plain
/// form always has a digit after the point, and integral values of 2^53 or more always use the
/// exponent form.
fn write_float(f: &mut fmt::Formatter<'_>, v: f64) -> fmt::Result {
    if v == 0.0 {
        return f.write_str(if v.is_sign_negative() { "-0.0" } else { "0.0" });
    }
    let (digits, exp) = shortest_digits(v.abs())?;
    let s = digits.as_str();
    let len = s.len() as i32;
    // The value is 0.S × 10^place.
    let place = exp + 1;
    if v < 0.0 {
        f.write_char('-')?;
    }
    let zeros = |f: &mut fmt::Formatter<'_>, n: i32| (0..n).try_for_each(|_| f.write_char('0'));
    let exponent_form = |f: &mut fmt::Formatter<'_>| {
        let (first, rest) = s.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        write!(f, "{first}.{rest}e{}", place - 1)
    };
    if place == 0 {
        return write!(f, "0.{s}");
    }
    if place > 0 && place < len {
        let (int, frac) = s.split_at(place as usize);
        return write!(f, "{int}.{frac}");
    }
    let exp_len = decimal_len(place - 1);
    let exp_cost = exp_len + 1 + if len == 1 { 2 } else { 1 };
    if place < 0 {
        if 2 - place <= exp_cost {
            f.write_str("0.")?;
            zeros(f, -place)?;
            return f.write_str(s);
        }
        return exponent_form(f);
    }
    if place - len + 2 <= exp_cost && v.abs() < 9007199254740992.0 {
        f.write_str(s)?;
        zeros(f, place - len)?;
        return f.write_str(".0");
    }
    exponent_form(f)
}

/// The shortest digits that read back as `v` (positive, finite), and the decimal exponent of
/// the first digit. Among equally short candidates the closest wins, and an exact tie goes to
/// the even last digit, as in Ryu, which erl uses. Rust's `{:e}` finds the same digits except
/// that it breaks ties upwards, so ties are detected (a neighbour that also reads back, and an
/// exact expansion that ends in 5 right after the last digit) and corrected.
fn shortest_digits(v: f64) -> Result<(Buf<32>, i32), fmt::Error> {
    let (mut digits, exp) = scientific::<32>(v, None)?;
    let n = digits.len;
    let last = digits.bytes[n - 1] - b'0';
    if last % 2 == 1 {
        for even in [last - 1, last + 1] {
            if even == 0 || even > 9 {
                continue;
            }
            let mut text = Buf::<40>::new();
            let (head, _) = digits.as_str().split_at(n - 1);
            write!(text, "{head}{even}e{}", exp + 1 - n as i32)?;
            if text.as_str().parse::<f64>() != Ok(v) {
                continue;
            }
            // No double has more than 767 significant digits: 800 digits are exact.
            let (exact, exact_exp) = scientific::<1024>(v, Some(800))?;
            let mut tie = Buf::<40>::new();
            write!(tie, "{head}{}5", last.min(even))?;
            if exact_exp == exp && exact.as_str() == tie.as_str() {
                digits.bytes[n - 1] = b'0' + even;
            }
            break;
        }
    }
    Ok((digits, exp))
}

/// The significant digits of `v` in scientific notation (shortest, or with `precision` digits
/// after the point, then without trailing zeros) and the exponent of the first.
fn scientific<const N: usize>(v: f64, precision: Option<usize>) -> Result<(Buf<N>, i32), fmt::Error> {
    let mut sci = Buf::<N>::new();
    match precision {
        None => write!(sci, "{v:e}")?,
        Some(p) => write!(sci, "{v:.p$e}")?,
    }
    let (mantissa, exp) = sci.as_str().split_once('e').ok_or(fmt::Error)?;
    let exp: i32 = exp.parse().map_err(|_| fmt::Error)?;
    let mut digits = Buf::<N>::new();
    mantissa.chars().filter(|&c| c != '.').try_for_each(|c| digits.write_char(c))?;
    while digits.len > 1 && digits.bytes[digits.len - 1] == b'0' {
        digits.len -= 1;
    }
    Ok((digits, exp))
}

/// Characters in the decimal form of `n`, sign included.
fn decimal_len(n: i32) -> i32 {
    let sign = i32::from(n < 0);
    let mut n = n.unsigned_abs();
    let mut len = 1;
    while n >= 10 {
        n /= 10;
        len += 1;
    }
    sign + len
}

/// A stack buffer for formatting floats without allocating.
struct Buf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    fn new() -> Self {
        Buf { bytes: [0; N], len: 0 }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
