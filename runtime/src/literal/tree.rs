//! Building a literal area from a tree of constant terms, iteratively.
//!
//! The loader decodes a module's literal table (external term format) into a tree; this module
//! turns any such tree into heap terms. It first walks the tree once to compute the exact
//! number of words, allocates the area in one piece, then builds bottom-up (children before
//! parents), both walks over explicit stacks so that a literal nested a million levels deep
//! needs no Rust recursion.
//!
//! The tree is seen through [`LiteralTree`], so this code does not depend on the loader's
//! types; the loader's tree implements it.

use core::fmt;
use std::borrow::Cow;
use std::ptr::NonNull;

use super::LiteralArea;
use crate::atom::AtomTable;
use crate::dispatch::{Export, FunEntry, Mfa};
use crate::heap::{Allocator, Heap};
use crate::term::{BuildError, Term, bignum, bits, float, fun, list, map, reference, tuple};

/// One node of a literal tree, children addressed by `Id`.
#[derive(Debug, Clone)]
pub enum LiteralNode<'a, Id> {
    /// An integer that fits 64 bits.
    Integer(i64),
    /// A larger integer: sign and little-endian magnitude bytes.
    BigInt {
        /// Whether the value is negative.
        negative: bool,
        /// Magnitude, least significant byte first.
        magnitude: &'a [u8],
    },
    /// A float.
    Float(f64),
    /// An atom.
    Atom(Cow<'a, str>),
    /// `[]`.
    Nil,
    /// A tuple.
    Tuple(&'a [Id]),
    /// `[elements... | tail]`, at least one element.
    List {
        /// The elements.
        elements: &'a [Id],
        /// The tail.
        tail: Id,
    },
    /// A proper list of byte-valued small integers (`STRING_EXT`).
    String(&'a [u8]),
    /// A binary.
    Binary(&'a [u8]),
    /// A bitstring whose last byte holds `last_byte_bits` (1..=7) bits at its high end.
    BitBinary {
        /// The bytes.
        bytes: &'a [u8],
        /// Bits of the last byte that belong to the value.
        last_byte_bits: u8,
    },
    /// A map: keys and values alternating.
    Map(&'a [Id]),
    /// `fun M:F/A`; `module` and `function` are atom nodes.
    Export {
        /// Module atom node.
        module: Id,
        /// Function atom node.
        function: Id,
        /// Arity.
        arity: u8,
    },
    /// A pid; `node` is an atom node. Only a running system's resolver can make one
    /// ([`ExportResolver::local_node`]); literals never hold pids.
    Pid {
        /// Node name atom node.
        node: Id,
        /// Pid number.
        id: u32,
        /// Serial.
        serial: u32,
        /// Node creation.
        creation: u32,
    },
    /// A port; `node` is an atom node.
    Port {
        /// Node name atom node.
        node: Id,
        /// Port number.
        id: u64,
        /// Node creation.
        creation: u32,
    },
    /// A reference; `node` is an atom node, `ids` the big-endian 32-bit id words, least
    /// significant first.
    Reference {
        /// Node name atom node.
        node: Id,
        /// Node creation.
        creation: u32,
        /// Id words.
        ids: &'a [u8],
    },
    /// A local fun (`NEW_FUN_EXT`); `module` is an atom node, `free` its captured values.
    Fun {
        /// Module atom node.
        module: Id,
        /// Index in the module's fun table.
        index: u32,
        /// MD5 of the module.
        uniq: [u8; 16],
        /// Captured values.
        free: &'a [Id],
    },
    /// A term that cannot be a literal yet (local funs, pids, ports, references), named for
    /// the error message.
    Unsupported(&'static str),
}

/// A tree of constant terms.
pub trait LiteralTree {
    /// How nodes are addressed.
    type Id: Copy;

    /// The node `id`.
    fn node(&self, id: Self::Id) -> LiteralNode<'_, Self::Id>;
}

/// Why a literal area could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralError {
    /// A term could not be built (size limits, atom table full).
    Build(BuildError),
    /// A node kind that literals cannot hold yet.
    Unsupported(&'static str),
    /// An export node whose module or function is not an atom.
    MalformedExport,
    /// No export entry for a `fun M:F/A` literal.
    UnknownExport(Mfa),
}

impl From<BuildError> for LiteralError {
    fn from(error: BuildError) -> LiteralError {
        LiteralError::Build(error)
    }
}

impl fmt::Display for LiteralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiteralError::Build(error) => error.fmt(f),
            LiteralError::Unsupported(kind) => write!(f, "{kind} cannot be a literal yet"),
            LiteralError::MalformedExport => f.write_str("export literal without atom names"),
            LiteralError::UnknownExport(mfa) => write!(f, "no export entry for {mfa:?}"),
        }
    }
}

impl std::error::Error for LiteralError {}

/// Finds the export entry a `fun M:F/A` literal points to, and decides what else a tree may
/// create: atoms, pids, ports, references and local funs (which only `binary_to_term` builds).
pub trait ExportResolver {
    /// The entry for `mfa`, or `None` if there is none.
    fn resolve(&mut self, mfa: Mfa) -> Option<NonNull<Export>>;

    /// The atom with this text: interned by default.
    fn atom(&mut self, atoms: &mut AtomTable, text: &str) -> Result<Term, LiteralError> {
        atoms.intern(text).map_err(|e| LiteralError::Build(BuildError::from(e)))
    }

    /// Whether pids, ports and references of `node` with `creation` are this system's own
    /// (local); by default nothing is, and such nodes are unsupported.
    fn local_node(&mut self, _node: &str, _creation: u32) -> bool {
        false
    }

    /// The fun entry of `module`'s fun number `index` whose module MD5 is `uniq`.
    fn local_fun(&mut self, _module: Term, _index: u32, _uniq: &[u8; 16]) -> Option<NonNull<FunEntry>> {
        None
    }
}

/// A resolver for code without `fun M:F/A` literals: it finds nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExports;

impl ExportResolver for NoExports {
    fn resolve(&mut self, _mfa: Mfa) -> Option<NonNull<Export>> {
        None
    }
}

/// Words the node itself takes, not counting its children.
fn own_words<Id>(node: &LiteralNode<'_, Id>) -> Result<usize, LiteralError> {
    Ok(match node {
        LiteralNode::Integer(value) => bignum::heap_words_i128(i128::from(*value)),
        LiteralNode::BigInt { negative, magnitude } => {
            bignum::heap_words(*negative, &bignum::digits_from_le_bytes(magnitude))
        }
        LiteralNode::Float(_) => float::HEAP_WORDS,
        LiteralNode::Atom(_) | LiteralNode::Nil => 0,
        LiteralNode::Tuple(children) => tuple::heap_words(children.len()),
        LiteralNode::List { elements, .. } => list::CONS_WORDS * elements.len(),
        LiteralNode::String(bytes) => list::CONS_WORDS * bytes.len(),
        LiteralNode::Binary(bytes) => bits::heap_words(bytes.len() * 8),
        LiteralNode::BitBinary { bytes, last_byte_bits } => {
            bits::heap_words(bit_size(bytes, *last_byte_bits))
        }
        LiteralNode::Map(children) => map::flatmap_heap_words(children.len() / 2),
        LiteralNode::Export { .. } => fun::heap_words(0),
        LiteralNode::Pid { .. } | LiteralNode::Port { .. } => 0,
        LiteralNode::Reference { .. } => reference::ORDINARY_WORDS,
        LiteralNode::Fun { free, .. } => fun::heap_words(free.len()),
        LiteralNode::Unsupported(kind) => return Err(LiteralError::Unsupported(kind)),
    })
}

fn bit_size(bytes: &[u8], last_byte_bits: u8) -> usize {
    match bytes.len() {
        0 => 0,
        len => (len - 1) * 8 + usize::from(last_byte_bits.clamp(1, 8)),
    }
}

/// Calls `visit` on every child of `node`, in order.
fn for_each_child<Id: Copy>(node: &LiteralNode<'_, Id>, mut visit: impl FnMut(Id)) {
    match node {
        LiteralNode::Tuple(children) | LiteralNode::Map(children) => children.iter().copied().for_each(visit),
        LiteralNode::List { elements, tail } => {
            elements.iter().copied().for_each(&mut visit);
            visit(*tail);
        }
        LiteralNode::Export { module, function, .. } => {
            visit(*module);
            visit(*function);
        }
        LiteralNode::Fun { module, free, .. } => {
            visit(*module);
            free.iter().copied().for_each(visit);
        }
        _ => {}
    }
}

/// Exact words needed for the subtrees at `roots`.
fn total_words<T: LiteralTree>(tree: &T, roots: &[T::Id]) -> Result<usize, LiteralError> {
    let mut pending: Vec<T::Id> = roots.to_vec();
    let mut words = 0usize;
    while let Some(id) = pending.pop() {
        let node = tree.node(id);
        words = words.checked_add(own_words(&node)?).ok_or(BuildError::TooLarge)?;
        for_each_child(&node, |child| pending.push(child));
    }
    Ok(words)
}

/// Exact words needed to build the subtree at `root` (see [`build_tree`]).
pub(crate) fn tree_words<T: LiteralTree>(tree: &T, root: T::Id) -> Result<usize, LiteralError> {
    total_words(tree, &[root])
}

/// Builds the subtree at `root` into `alloc`, bottom-up and iteratively, with `resolver`
/// deciding what may be created. `alloc` needs [`tree_words`] words.
///
/// # Safety
/// Every export and fun entry `resolver` returns must stay alive and unmoved for as long as
/// the built term.
pub(crate) unsafe fn build_tree<T: LiteralTree>(
    tree: &T,
    root: T::Id,
    alloc: &mut impl Allocator,
    atoms: &mut AtomTable,
    resolver: &mut impl ExportResolver,
) -> Result<Term, LiteralError> {
    // SAFETY: forwarded contract.
    unsafe { build_one(tree, root, alloc, atoms, resolver) }
}

/// Steps of the bottom-up build.
enum Step<Id> {
    /// Push the children, then come back to build this node.
    Visit(Id),
    /// Children are built (their terms on the value stack); build this node.
    Build(Id),
}

impl LiteralArea {
    /// Builds an area holding the subtrees at `roots` of `tree`, interning atoms into `atoms`;
    /// `roots()[i]` of the result is the term of `roots[i]`.
    ///
    /// # Safety
    /// Every export entry `exports` returns must stay alive and unmoved for as long as the
    /// area (the `fun M:F/A` terms point to it).
    pub unsafe fn from_tree<T: LiteralTree>(
        tree: &T,
        roots: &[T::Id],
        atoms: &mut AtomTable,
        exports: &mut impl ExportResolver,
    ) -> Result<LiteralArea, LiteralError> {
        let mut heap = Heap::with_capacity(total_words(tree, roots)?);
        let mut built = Vec::with_capacity(roots.len());
        for &root in roots {
            // SAFETY: forwarded contract on `exports`.
            built.push(unsafe { build_one(tree, root, &mut heap, atoms, exports) }?);
        }
        Ok(LiteralArea { heap, roots: built })
    }
}

/// Builds one subtree bottom-up into `heap`.
///
/// # Safety
/// As for [`LiteralArea::from_tree`].
unsafe fn build_one<T: LiteralTree>(
    tree: &T,
    root: T::Id,
    heap: &mut impl Allocator,
    atoms: &mut AtomTable,
    exports: &mut impl ExportResolver,
) -> Result<Term, LiteralError> {
    let mut steps = vec![Step::Visit(root)];
    let mut values: Vec<Term> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Visit(id) => {
                steps.push(Step::Build(id));
                let node = tree.node(id);
                let mut children = Vec::new();
                for_each_child(&node, |child| children.push(child));
                steps.extend(children.into_iter().rev().map(Step::Visit));
            }
            Step::Build(id) => {
                let node = tree.node(id);
                let mut child_count = 0;
                for_each_child(&node, |_| child_count += 1);
                let start = values.len() - child_count;
                let children = values.split_off(start);
                // SAFETY: forwarded contract; the children were built into `heap`.
                let term = unsafe { build_node(tree, &node, &children, heap, atoms, exports) }?;
                values.push(term);
            }
        }
    }
    values.pop().ok_or(LiteralError::Unsupported("an empty tree"))
}

/// Builds one node whose children are already built (`children`, in order).
///
/// # Safety
/// As for [`LiteralArea::from_tree`]; `children` are terms in `heap`.
unsafe fn build_node<T: LiteralTree>(
    tree: &T,
    node: &LiteralNode<'_, T::Id>,
    children: &[Term],
    heap: &mut impl Allocator,
    atoms: &mut AtomTable,
    exports: &mut impl ExportResolver,
) -> Result<Term, LiteralError> {
    Ok(match node {
        LiteralNode::Integer(value) => bignum::build_i128(heap, i128::from(*value))?,
        LiteralNode::BigInt { negative, magnitude } => {
            bignum::build(heap, *negative, &bignum::digits_from_le_bytes(magnitude))?
        }
        LiteralNode::Float(value) => float::build(heap, *value)?,
        LiteralNode::Atom(text) => exports.atom(atoms, text)?,
        LiteralNode::Nil => Term::NIL,
        LiteralNode::Tuple(_) => tuple::build(heap, children)?,
        LiteralNode::List { .. } => match children.split_last() {
            Some((&tail, elements)) => list::build(heap, elements, tail)?,
            None => Term::NIL,
        },
        LiteralNode::String(bytes) => {
            let elements: Vec<Term> = bytes.iter().filter_map(|&b| Term::small(i64::from(b))).collect();
            list::build(heap, &elements, Term::NIL)?
        }
        LiteralNode::Binary(bytes) => bits::build_binary(heap, bytes)?,
        LiteralNode::BitBinary { bytes, last_byte_bits } => {
            bits::build(heap, bytes, bit_size(bytes, *last_byte_bits))?
        }
        LiteralNode::Map(_) => {
            let pairs: Vec<(Term, Term)> = children.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect();
            // SAFETY: the keys were just built into `heap`, which is alive.
            unsafe { map::build_flatmap(heap, atoms, &pairs) }?
        }
        LiteralNode::Export { arity, .. } => {
            let [module, function] = children else {
                return Err(LiteralError::MalformedExport);
            };
            if !module.is_atom() || !function.is_atom() {
                return Err(LiteralError::MalformedExport);
            }
            let mfa = Mfa { module: *module, function: *function, arity: usize::from(*arity) };
            let export = exports.resolve(mfa).ok_or(LiteralError::UnknownExport(mfa))?;
            // SAFETY: the resolver's entries outlive the area (caller).
            fun::build_external(heap, unsafe { export.as_ref() })?
        }
        LiteralNode::Pid { node, id, serial, creation } => {
            if !is_local(tree, *node, *creation, exports) {
                return Err(LiteralError::Unsupported("a pid"));
            }
            Term::local_pid(*id, *serial).ok_or(LiteralError::Unsupported("a pid out of range"))?
        }
        LiteralNode::Port { node, id, creation } => {
            if !is_local(tree, *node, *creation, exports) {
                return Err(LiteralError::Unsupported("a port"));
            }
            Term::local_port(*id).ok_or(LiteralError::Unsupported("a port out of range"))?
        }
        LiteralNode::Reference { node, creation, ids } => {
            if !is_local(tree, *node, *creation, exports) {
                return Err(LiteralError::Unsupported("a reference"));
            }
            let words: Vec<u32> =
                ids.chunks_exact(4).map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]])).collect();
            let numbers: [u32; reference::REF_NUMBERS] =
                words.try_into().map_err(|_| LiteralError::Unsupported("a reference of this size"))?;
            reference::build(heap, numbers)?
        }
        LiteralNode::Fun { index, uniq, .. } => {
            let Some((&module, env)) = children.split_first() else {
                return Err(LiteralError::Unsupported("a fun without a module"));
            };
            let entry = exports
                .local_fun(module, *index, uniq)
                .ok_or(LiteralError::Unsupported("a fun of code that is not loaded"))?;
            // SAFETY: the resolver's entries outlive the term (caller).
            fun::build_local(heap, unsafe { entry.as_ref() }, env)?
        }
        LiteralNode::Unsupported(kind) => return Err(LiteralError::Unsupported(kind)),
    })
}

/// Whether the atom node `node` names this system with `creation`, as the resolver sees it.
fn is_local<T: LiteralTree>(tree: &T, node: T::Id, creation: u32, exports: &mut impl ExportResolver) -> bool {
    match tree.node(node) {
        LiteralNode::Atom(text) => exports.local_node(&text, creation),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print;

    /// A literal tree as plain Rust data.
    enum Node {
        Int(i64),
        Big(bool, Vec<u8>),
        Float(f64),
        Atom(&'static str),
        Nil,
        Tuple(Vec<usize>),
        List(Vec<usize>, usize),
        Str(&'static [u8]),
        Bin(Vec<u8>),
        Bits(Vec<u8>, u8),
        Map(Vec<usize>),
        Export(usize, usize, u8),
        Pid,
    }

    struct Tree(Vec<Node>);

    impl LiteralTree for Tree {
        type Id = usize;

        fn node(&self, id: usize) -> LiteralNode<'_, usize> {
            match &self.0[id] {
                Node::Int(v) => LiteralNode::Integer(*v),
                Node::Big(negative, magnitude) => LiteralNode::BigInt { negative: *negative, magnitude },
                Node::Float(v) => LiteralNode::Float(*v),
                Node::Atom(text) => LiteralNode::Atom(Cow::Borrowed(text)),
                Node::Nil => LiteralNode::Nil,
                Node::Tuple(children) => LiteralNode::Tuple(children),
                Node::List(elements, tail) => LiteralNode::List { elements, tail: *tail },
                Node::Str(bytes) => LiteralNode::String(bytes),
                Node::Bin(bytes) => LiteralNode::Binary(bytes),
                Node::Bits(bytes, bits) => LiteralNode::BitBinary { bytes, last_byte_bits: *bits },
                Node::Map(children) => LiteralNode::Map(children),
                Node::Export(module, function, arity) => {
                    LiteralNode::Export { module: *module, function: *function, arity: *arity }
                }
                Node::Pid => LiteralNode::Unsupported("a pid"),
            }
        }
    }

    /// Resolves every MFA to one export entry.
    struct OneExport(NonNull<Export>);

    impl ExportResolver for OneExport {
        fn resolve(&mut self, _mfa: Mfa) -> Option<NonNull<Export>> {
            Some(self.0)
        }
    }

    #[test]
    fn builds_every_node_kind_in_exactly_the_computed_words() {
        let mut atoms = AtomTable::new();
        let mut magnitude_2_70 = vec![0u8; 9];
        magnitude_2_70[8] = 0x40;
        let tree = Tree(vec![
            /* 0 */ Node::Atom("ok"),
            /* 1 */ Node::Int(1),
            /* 2 */ Node::Int(1 << 62),
            /* 3 */ Node::Atom("x"),
            /* 4 */ Node::List(vec![1, 2], 3),
            /* 5 */ Node::Str(b"ab"),
            /* 6 */ Node::Bits(vec![1, 0b0100_0000], 3),
            /* 7 */ Node::Big(true, magnitude_2_70),
            /* 8 */ Node::Float(1.5),
            /* 9 */ Node::Atom("b"),
            /* 10 */ Node::Atom("a"),
            /* 11 */ Node::Map(vec![9, 1, 10, 8]),
            /* 12 */ Node::Atom("erlang"),
            /* 13 */ Node::Atom("abs"),
            /* 14 */ Node::Export(12, 13, 1),
            /* 15 */ Node::Bin(vec![7; 100]),
            /* 16 */ Node::Nil,
            /* 17 */
            Node::Tuple(vec![0, 4, 5, 6, 7, 8, 11, 14, 15, 16]),
        ]);
        let mut export = Export::new(Mfa {
            module: atoms.intern("erlang").expect("atom"),
            function: atoms.intern("abs").expect("atom"),
            arity: 1,
        });
        let mut resolver = OneExport(NonNull::from(&mut export));
        // SAFETY: `export` outlives `area` (both locals, `area` declared later drops first).
        let area =
            unsafe { LiteralArea::from_tree(&tree, &[17, 2], &mut atoms, &mut resolver) }.expect("builds");
        assert_eq!(area.heap.used(), area.heap.capacity());
        // SAFETY: the roots point into `area`, which is alive.
        let (first, second) = unsafe {
            (
                print::to_string(&atoms, area.roots()[0]).expect("prints"),
                print::to_string(&atoms, area.roots()[1]).expect("prints"),
            )
        };
        let hundred_sevens = vec!["7"; 100].join(",");
        assert_eq!(
            first,
            format!(
                "{{ok,[1,4611686018427387904|x],[97,98],<<1,2:3>>,-1180591620717411303424,1.5,\
                 #{{a => 1.5,b => 1}},fun erlang:abs/1,<<{hundred_sevens}>>,[]}}"
            )
        );
        assert_eq!(second, "4611686018427387904");
    }

    #[test]
    fn a_million_levels_deep_literal_builds_without_recursion() {
        const DEPTH: usize = 1_000_000;
        let mut nodes = vec![Node::Nil];
        for level in 0..DEPTH {
            nodes.push(Node::Tuple(vec![level]));
        }
        let mut atoms = AtomTable::new();
        // SAFETY: no export entries are involved.
        let area = unsafe { LiteralArea::from_tree(&Tree(nodes), &[DEPTH], &mut atoms, &mut NoExports) }
            .expect("builds");
        assert_eq!(area.words(), 2 * DEPTH);
        // SAFETY: the root points into `area`, which is alive.
        let text = unsafe { print::to_string(&atoms, area.roots()[0]) }.expect("prints");
        assert_eq!(text.len(), 2 * DEPTH + 2);
    }

    #[test]
    fn unsupported_nodes_and_unknown_exports_are_errors() {
        let mut atoms = AtomTable::new();
        let tree = Tree(vec![Node::Pid, Node::Atom("m"), Node::Atom("f"), Node::Export(1, 2, 0)]);
        // SAFETY: no export entries are returned.
        let pid = unsafe { LiteralArea::from_tree(&tree, &[0], &mut atoms, &mut NoExports) };
        assert_eq!(pid.err(), Some(LiteralError::Unsupported("a pid")));
        // SAFETY: as above.
        let export = unsafe { LiteralArea::from_tree(&tree, &[3], &mut atoms, &mut NoExports) };
        assert!(matches!(export, Err(LiteralError::UnknownExport(_))));
    }
}
