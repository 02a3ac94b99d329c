//! Exact term order, as erts compares map keys: the standard term order, except that an
//! integer and a float are never equal (all integers come first). Iterative: the pairs still to
//! compare wait on an explicit stack, so deep terms cannot overflow the Rust stack.

use super::{AtomText, Node, NodeId, View};
use core::cmp::Ordering;

/// A term, or a piece of one the arena has no node for: an element of a `STRING_EXT`, or the
/// rest of a list from some element on (lists compare cell by cell, whatever their encoding).
#[derive(Clone, Copy, Debug)]
pub(super) enum Val {
    Node(NodeId),
    Byte(u8),
    /// The list or string node's elements from the given position on, then its tail.
    Suffix(NodeId, u32),
}

/// A [`Val`] classified for comparison and printing.
pub(super) enum Shape {
    Term(Node),
    Cons(Val, Val),
}

impl<'a> View<'a> {
    pub(super) fn shape(self, v: Val) -> Shape {
        match v {
            Val::Byte(b) => Shape::Term(Node::Integer(i64::from(b))),
            Val::Node(id) => match self.node(id) {
                Node::List { .. } | Node::String(_) => self.shape(Val::Suffix(id, 0)),
                node => Shape::Term(node),
            },
            Val::Suffix(id, pos) => match self.node(id) {
                Node::List { elements, tail } if pos as usize >= elements.len() => match self.node(tail) {
                    // A tail that is itself a list continues the same list.
                    Node::List { .. } | Node::String(_) => self.shape(Val::Suffix(tail, 0)),
                    node => Shape::Term(node),
                },
                Node::List { elements, .. } => {
                    Shape::Cons(Val::Node(self.children(elements)[pos as usize]), Val::Suffix(id, pos + 1))
                }
                Node::String(bytes) => match self.bytes(bytes).get(pos as usize) {
                    Some(&b) => Shape::Cons(Val::Byte(b), Val::Suffix(id, pos + 1)),
                    None => Shape::Term(Node::Nil),
                },
                node => Shape::Term(node),
            },
        }
    }

    /// Compares `a` and `b`; `stack` is scratch space, reused across calls by callers that
    /// compare many times.
    pub(super) fn compare(self, stack: &mut Vec<(Val, Val)>, a: NodeId, b: NodeId) -> Ordering {
        stack.clear();
        stack.push((Val::Node(a), Val::Node(b)));
        while let Some((x, y)) = stack.pop() {
            let ord = self.compare_shapes(stack, self.shape(x), self.shape(y));
            if ord != Ordering::Equal {
                stack.clear();
                return ord;
            }
        }
        Ordering::Equal
    }

    /// Compares what can be compared at once, pushing the pairs of parts that decide a tie.
    fn compare_shapes(self, stack: &mut Vec<(Val, Val)>, x: Shape, y: Shape) -> Ordering {
        let (x, y) = match (x, y) {
            (Shape::Cons(hx, tx), Shape::Cons(hy, ty)) => {
                stack.push((tx, ty));
                stack.push((hx, hy));
                return Ordering::Equal;
            }
            (Shape::Cons(..), Shape::Term(y)) => return RANK_LIST.cmp(&rank(&y)),
            (Shape::Term(x), Shape::Cons(..)) => return rank(&x).cmp(&RANK_LIST),
            (Shape::Term(x), Shape::Term(y)) => (x, y),
        };
        let by_rank = rank(&x).cmp(&rank(&y));
        if by_rank != Ordering::Equal {
            return by_rank;
        }
        let push_all = |stack: &mut Vec<(Val, Val)>, xs: &[NodeId], ys: &[NodeId]| {
            stack.extend(xs.iter().zip(ys).rev().map(|(&a, &b)| (Val::Node(a), Val::Node(b))));
        };
        match (x, y) {
            (Node::Float(a), Node::Float(b)) => a.total_cmp(&b),
            (Node::Float(_), _) => Ordering::Greater,
            (_, Node::Float(_)) => Ordering::Less,
            (Node::Atom(a), Node::Atom(b)) => self.compare_atoms(a, b),
            (Node::Tuple(a), Node::Tuple(b)) => {
                let (a, b) = (self.children(a), self.children(b));
                a.len().cmp(&b.len()).then_with(|| {
                    push_all(stack, a, b);
                    Ordering::Equal
                })
            }
            (Node::Map(a), Node::Map(b)) => {
                let (a, b) = (self.children(a), self.children(b));
                a.len().cmp(&b.len()).then_with(|| {
                    // All keys (in key order) first, then the values.
                    let keys = a.iter().zip(b).step_by(2);
                    let values = a.iter().zip(b).skip(1).step_by(2);
                    let pairs: Vec<_> =
                        keys.chain(values).map(|(&a, &b)| (Val::Node(a), Val::Node(b))).collect();
                    stack.extend(pairs.into_iter().rev());
                    Ordering::Equal
                })
            }
            (Node::Nil, Node::Nil) => Ordering::Equal,
            (
                Node::Export { module: ma, function: fa, arity: aa },
                Node::Export { module: mb, function: fb, arity: ab },
            ) => self
                .compare_atom_nodes(ma, mb)
                .then_with(|| self.compare_atom_nodes(fa, fb))
                .then(aa.cmp(&ab)),
            (Node::Export { .. }, _) => Ordering::Greater,
            (_, Node::Export { .. }) => Ordering::Less,
            (
                Node::Pid { node: na, id: ia, serial: sa, creation: ca },
                Node::Pid { node: nb, id: ib, serial: sb, creation: cb },
            ) => {
                // Pids order by serial and number before their node.
                sa.cmp(&sb).then(ia.cmp(&ib)).then_with(|| self.compare_atom_nodes(na, nb)).then(ca.cmp(&cb))
            }
            (
                Node::Port { node: na, id: ia, creation: ca },
                Node::Port { node: nb, id: ib, creation: cb },
            ) => self.compare_atom_nodes(na, nb).then(ca.cmp(&cb)).then(ia.cmp(&ib)),
            (
                Node::Reference { node: na, creation: ca, ids: a },
                Node::Reference { node: nb, creation: cb, ids: b },
            ) => {
                let (a, b) = (self.bytes(a), self.bytes(b));
                // Node, creation, word count, then the words from the most significant: the
                // order erts keeps such map keys in.
                self.compare_atom_nodes(na, nb)
                    .then(ca.cmp(&cb))
                    .then(a.len().cmp(&b.len()))
                    .then_with(|| ref_words(a).cmp(ref_words(b)))
            }
            (x, y) => match (self.integer(&x), self.integer(&y)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => match (self.local_fun(&x), self.local_fun(&y)) {
                    (Some(a), Some(b)) => {
                        let ord = self
                            .compare_atom_nodes(a.module, b.module)
                            .then(a.index.cmp(&b.index))
                            .then(a.uniq.cmp(&b.uniq))
                            .then(a.free.len().cmp(&b.free.len()));
                        if ord == Ordering::Equal {
                            push_all(stack, a.free, b.free);
                        }
                        ord
                    }
                    _ => self.compare_bits(&x, &y),
                },
            },
        }
    }

    fn compare_atoms(self, a: AtomText, b: AtomText) -> Ordering {
        if a == b {
            return Ordering::Equal;
        }
        self.atom_chars(a).cmp(self.atom_chars(b))
    }

    fn compare_atom_nodes(self, a: NodeId, b: NodeId) -> Ordering {
        self.compare_atoms(self.atom_of(a), self.atom_of(b))
    }

    fn integer(self, node: &Node) -> Option<Integer<'a>> {
        match *node {
            Node::Integer(v) => Some(Integer::Small(v)),
            Node::BigInt { negative, magnitude } => {
                Some(Integer::Big { negative, magnitude: self.bytes(magnitude) })
            }
            _ => None,
        }
    }

    fn local_fun(self, node: &Node) -> Option<LocalFun<'a>> {
        let (module, index, uniq, free) = match *node {
            Node::Fun { module, old_index, old_uniq, free, .. } => (module, old_index, old_uniq, free),
            Node::OldFun { module, index, uniq, free, .. } => (module, index, uniq, free),
            _ => return None,
        };
        Some(LocalFun { module, index: self.small(index), uniq: self.small(uniq), free: self.children(free) })
    }

    /// Bitstrings compare bit by bit over their common length, then the shorter first.
    fn compare_bits(self, x: &Node, y: &Node) -> Ordering {
        let bits = |n: &Node| match *n {
            Node::Binary(b) => (self.bytes(b), b.len() as u64 * 8),
            Node::BitBinary { bytes, last_byte_bits } => {
                (self.bytes(bytes), (bytes.len() as u64 - 1) * 8 + u64::from(last_byte_bits))
            }
            _ => (&[][..], 0),
        };
        let ((a, a_bits), (b, b_bits)) = (bits(x), bits(y));
        let common = a_bits.min(b_bits);
        let whole = (common / 8) as usize;
        let partial = (common % 8) as u32;
        let mask = if partial == 0 { 0 } else { 0xFFu8 << (8 - partial) };
        let tail = |s: &[u8]| s.get(whole).map_or(0, |&c| c & mask);
        a[..whole].cmp(&b[..whole]).then_with(|| tail(a).cmp(&tail(b))).then(a_bits.cmp(&b_bits))
    }
}

/// A reference's id words, most significant first (they are encoded least significant first).
pub(super) fn ref_words(ids: &[u8]) -> impl Iterator<Item = u32> + '_ {
    ids.rchunks_exact(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
}

const RANK_LIST: u8 = 9;

/// The position of a term's type in the term order.
fn rank(node: &Node) -> u8 {
    match node {
        Node::Integer(_) | Node::BigInt { .. } | Node::Float(_) => 0,
        Node::Atom(_) => 1,
        Node::Reference { .. } => 2,
        Node::Fun { .. } | Node::OldFun { .. } | Node::Export { .. } => 3,
        Node::Port { .. } => 4,
        Node::Pid { .. } => 5,
        Node::Tuple(_) => 6,
        Node::Map(_) => 7,
        Node::Nil => 8,
        Node::List { .. } | Node::String(_) => RANK_LIST,
        Node::Binary(_) | Node::BitBinary { .. } => 10,
    }
}

struct LocalFun<'a> {
    module: NodeId,
    index: i64,
    uniq: i64,
    free: &'a [NodeId],
}

/// An integer of either representation; bignums are always outside `i64`.
#[derive(PartialEq, Eq)]
enum Integer<'a> {
    Small(i64),
    Big { negative: bool, magnitude: &'a [u8] },
}

impl Ord for Integer<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        use Integer::*;
        match (self, other) {
            (Small(a), Small(b)) => a.cmp(b),
            (Small(_), Big { negative, .. }) => {
                if *negative {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Big { negative, .. }, Small(_)) => {
                if *negative {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Big { negative: na, magnitude: a }, Big { negative: nb, magnitude: b }) => {
                // Magnitudes have no high zero bytes: longer is larger.
                let by_magnitude = a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()));
                match (na, nb) {
                    (false, false) => by_magnitude,
                    (true, true) => by_magnitude.reverse(),
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                }
            }
        }
    }
}

impl PartialOrd for Integer<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
