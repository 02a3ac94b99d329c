//! Literal areas from the loader's external-term-format arena ([`Terms`]).
//!
//! The loader decodes a module's `LitT` chunk into one [`Terms`] arena; this adapter lets
//! [`LiteralArea::from_tree`] read it directly (atoms, binaries and bignum magnitudes are
//! borrowed from the arena, never copied twice).

use rbeam_loader::etf::{Node, NodeId, Terms};

use super::LiteralArea;
use super::tree::{ExportResolver, LiteralError, LiteralNode, LiteralTree, NoExports};
use crate::atom::AtomTable;

impl LiteralTree for Terms {
    type Id = NodeId;

    fn node(&self, id: NodeId) -> LiteralNode<'_, NodeId> {
        match Terms::node(self, id) {
            Node::Integer(value) => LiteralNode::Integer(value),
            Node::BigInt { negative, magnitude } => {
                LiteralNode::BigInt { negative, magnitude: self.bytes(magnitude) }
            }
            Node::Float(value) => LiteralNode::Float(value),
            Node::Atom(text) => LiteralNode::Atom(self.atom_text(text)),
            Node::Nil => LiteralNode::Nil,
            Node::Tuple(children) => LiteralNode::Tuple(self.children(children)),
            Node::List { elements, tail } => LiteralNode::List { elements: self.children(elements), tail },
            Node::String(bytes) => LiteralNode::String(self.bytes(bytes)),
            Node::Binary(bytes) => LiteralNode::Binary(self.bytes(bytes)),
            Node::BitBinary { bytes, last_byte_bits } => {
                LiteralNode::BitBinary { bytes: self.bytes(bytes), last_byte_bits }
            }
            Node::Map(children) => LiteralNode::Map(self.children(children)),
            Node::Export { module, function, arity } => LiteralNode::Export { module, function, arity },
            Node::Fun { module, index, uniq, free, .. } => {
                LiteralNode::Fun { module, index, uniq, free: self.children(free) }
            }
            Node::OldFun { .. } => LiteralNode::Unsupported("an old-style fun"),
            Node::Pid { node, id, serial, creation } => LiteralNode::Pid { node, id, serial, creation },
            Node::Port { node, id, creation } => LiteralNode::Port { node, id, creation },
            Node::Reference { node, creation, ids } => {
                LiteralNode::Reference { node, creation, ids: self.bytes(ids) }
            }
        }
    }
}

impl LiteralArea {
    /// Builds an area holding the decoded terms `roots` of `terms`, interning atoms into
    /// `atoms`. A `fun M:F/A` literal is an error ([`LiteralError::UnknownExport`]) here, as
    /// there are no export entries to point to; see [`LiteralArea::from_etf_with_exports`].
    pub fn from_etf(
        terms: &Terms,
        roots: &[NodeId],
        atoms: &mut AtomTable,
    ) -> Result<LiteralArea, LiteralError> {
        // SAFETY: `NoExports` returns no export entries, so there is no lifetime to uphold.
        unsafe { LiteralArea::from_tree(terms, roots, atoms, &mut NoExports) }
    }

    /// As [`LiteralArea::from_etf`], with `fun M:F/A` literals pointing to the entries
    /// `exports` finds.
    ///
    /// # Safety
    /// Every export entry `exports` returns must stay alive and unmoved for as long as the
    /// area.
    pub unsafe fn from_etf_with_exports(
        terms: &Terms,
        roots: &[NodeId],
        atoms: &mut AtomTable,
        exports: &mut impl ExportResolver,
    ) -> Result<LiteralArea, LiteralError> {
        // SAFETY: forwarded contract.
        unsafe { LiteralArea::from_tree(terms, roots, atoms, exports) }
    }
}

#[cfg(test)]
mod tests {
    use core::ptr::NonNull;

    use super::*;
    use crate::dispatch::{Export, Mfa};
    use crate::print;

    /// `term_to_binary({ok, [1,2|x], "ab", <<1,2:3>>, -(1 bsl 70), 1.5,
    /// #{b => 1, a => 2.0, 1 => c}, fun erlang:abs/1, list_to_binary(lists:seq(1,70)), [], {},
    /// <<"héllo"/utf8>>, 'héllo'})` from OTP 25.
    const ENCODED: &[u8] = &[
        131, 104, 13, 100, 0, 2, 111, 107, 108, 0, 0, 0, 2, 97, 1, 97, 2, 100, 0, 1, 120, 107, 0, 2, 97, 98,
        77, 0, 0, 0, 2, 3, 1, 64, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 64, 70, 63, 248, 0, 0, 0, 0, 0, 0, 116,
        0, 0, 0, 3, 97, 1, 100, 0, 1, 99, 100, 0, 1, 97, 70, 64, 0, 0, 0, 0, 0, 0, 0, 100, 0, 1, 98, 97, 1,
        113, 100, 0, 6, 101, 114, 108, 97, 110, 103, 100, 0, 3, 97, 98, 115, 97, 1, 109, 0, 0, 0, 70, 1, 2,
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54,
        55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 106, 104, 0, 109, 0, 0, 0, 6, 104,
        195, 169, 108, 108, 111, 100, 0, 5, 104, 233, 108, 108, 111,
    ];

    /// What `io:format("~w", [T])` printed for it (the atom in Latin-1 output).
    const PRINTED: &str = "{ok,[1,2|x],[97,98],<<1,2:3>>,-1180591620717411303424,1.5,\
        #{1 => c,a => 2.0,b => 1},fun erlang:abs/1,<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,\
        18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,\
        47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70>>,[],{},\
        <<104,195,169,108,108,111>>,héllo}";

    struct OneExport(NonNull<Export>);

    impl ExportResolver for OneExport {
        fn resolve(&mut self, mfa: Mfa) -> Option<NonNull<Export>> {
            // SAFETY: the entry outlives the resolver (test locals).
            (unsafe { self.0.as_ref() }.mfa == mfa).then_some(self.0)
        }
    }

    #[test]
    fn a_decoded_literal_prints_as_erl_printed_it() {
        let (terms, root) = Terms::parse(ENCODED.to_vec()).expect("decodes");
        let mut atoms = AtomTable::new();
        let mut export = Export::new(Mfa {
            module: atoms.intern("erlang").expect("atom"),
            function: atoms.intern("abs").expect("atom"),
            arity: 1,
        });
        let mut resolver = OneExport(NonNull::from(&mut export));
        // SAFETY: `export` is declared before `area`, so it outlives it.
        let area = unsafe { LiteralArea::from_etf_with_exports(&terms, &[root], &mut atoms, &mut resolver) }
            .expect("builds");
        // SAFETY: the root points into `area`, which is alive.
        let text = unsafe { print::to_string(&atoms, area.roots()[0]) }.expect("prints");
        assert_eq!(text, PRINTED);
    }

    #[test]
    fn export_literals_need_export_entries() {
        let (terms, root) = Terms::parse(ENCODED.to_vec()).expect("decodes");
        let mut atoms = AtomTable::new();
        let result = LiteralArea::from_etf(&terms, &[root], &mut atoms);
        assert!(matches!(result, Err(LiteralError::UnknownExport(_))));
    }

    #[test]
    fn pids_are_not_literals() {
        // term_to_binary(self()) on a non-distributed node.
        let encoded = [
            131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0, 0, 9,
            0, 0, 0, 0, 0, 0, 0, 0,
        ];
        let (terms, root) = Terms::parse(encoded.to_vec()).expect("decodes");
        let mut atoms = AtomTable::new();
        let result = LiteralArea::from_etf(&terms, &[root], &mut atoms);
        assert_eq!(result.err(), Some(LiteralError::Unsupported("a pid")));
    }
}
