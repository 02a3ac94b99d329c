//! Tests of the decoder, the printer and the term order, against vectors made by a real erl
//! (`vectors.rs`, from `vectors.escript`) and against corrupt, truncated and deep input.

// Generated: keep the one-vector-per-line layout.
#[rustfmt::skip]
mod vectors;

use super::*;
use core::fmt::Write as _;
use std::time::{Duration, Instant};

fn parse(bytes: &[u8]) -> (Terms, NodeId) {
    Terms::parse(bytes.to_vec()).unwrap_or_else(|e| panic!("{bytes:?}: {e}"))
}

fn shown(bytes: &[u8]) -> String {
    let (terms, root) = parse(bytes);
    terms.display(root).to_string()
}

fn error(bytes: &[u8]) -> EtfError {
    match Terms::parse(bytes.to_vec()) {
        Ok((terms, root)) => panic!("{bytes:?} decoded as {}", terms.display(root)),
        Err(e) => e,
    }
}

fn bad_term(bytes: &[u8]) -> &'static str {
    match error(bytes).kind {
        ErrorKind::BadTerm(what) => what,
        other => panic!("{bytes:?}: expected BadTerm, got {other:?}"),
    }
}

/// Checks every vector of a table, reporting all mismatches at once.
fn check_vectors(table: &[(&[u8], &str)]) {
    let mut wrong = Vec::new();
    for &(bytes, expected) in table {
        match Terms::parse(bytes.to_vec()) {
            Ok((terms, root)) => {
                let text = terms.display(root).to_string();
                if text != expected {
                    wrong.push(format!("{bytes:?}\n  erl:   {expected}\n  rbeam: {text}"));
                }
            }
            Err(e) => wrong.push(format!("{bytes:?}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), table.len(), wrong.join("\n"));
}

/// The elements of a list node.
fn elements(terms: &Terms, id: NodeId) -> Vec<NodeId> {
    match terms.node(id) {
        Node::List { elements, .. } => terms.children(elements).to_vec(),
        other => panic!("not a list: {other:?}"),
    }
}

#[test]
fn arena_nodes_are_small() {
    assert_eq!(core::mem::size_of::<Raw>(), 16);
}

#[test]
fn erl_vectors_latin1_atoms() {
    check_vectors(vectors::MINOR_1);
}

#[test]
fn erl_vectors_utf8_atoms() {
    check_vectors(vectors::MINOR_2);
}

#[test]
fn erl_vectors_floats() {
    check_vectors(vectors::FLOATS);
    check_vectors(vectors::OLD_FLOATS);
    check_vectors(vectors::RANDOM_FLOATS);
}

#[test]
fn erl_vectors_compressed() {
    check_vectors(vectors::COMPRESSED);
    for &(bytes, _) in vectors::COMPRESSED {
        assert_eq!(bytes[1], 80, "erl did not compress {bytes:?}");
    }
}

#[test]
fn erl_vectors_old_encodings() {
    check_vectors(vectors::CRAFTED);
}

#[test]
fn term_order_matches_erts_map_key_order() {
    for &bytes in vectors::ORDERED {
        let (terms, root) = parse(bytes);
        let items = elements(&terms, root);
        for (i, &a) in items.iter().enumerate() {
            assert_eq!(terms.compare(a, a), Ordering::Equal, "{}", terms.display(a));
            for &b in &items[i + 1..] {
                let (x, y) = (terms.display(a), terms.display(b));
                assert_eq!(terms.compare(a, b), Ordering::Less, "{x} < {y}");
                assert_eq!(terms.compare(b, a), Ordering::Greater, "{y} > {x}");
            }
        }
    }
}

#[test]
fn integers_and_bignums() {
    let (t, r) = parse(&[131, 98, 255, 255, 255, 0]);
    assert_eq!(t.node(r), Node::Integer(-256));
    // 2^64: stays a bignum, magnitude as encoded.
    let (t, r) = parse(&[131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    let Node::BigInt { negative: false, magnitude } = t.node(r) else { panic!() };
    assert_eq!(t.bytes(magnitude), &[0, 0, 0, 0, 0, 0, 0, 0, 1]);
    // High zero bytes are dropped, and what fits an i64 becomes an Integer.
    let (t, r) = parse(&[131, 110, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    let Node::BigInt { negative: true, magnitude } = t.node(r) else { panic!() };
    assert_eq!(magnitude.len(), 9);
    assert_eq!(parse(&[131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128]).0.node(0), Node::Integer(i64::MIN));
    assert_eq!(parse(&[131, 110, 3, 1, 0, 0, 0]).0.node(0), Node::Integer(0));
    // The largest bignum erts allows, and one byte more (high zero bytes do not count).
    let largest = ((1 << 19) - 1) * 8;
    let mut bytes = vec![131, 111];
    bytes.extend((largest as u32 + 1).to_be_bytes());
    bytes.push(0);
    bytes.extend(std::iter::repeat_n(0xFF, largest));
    bytes.push(0);
    assert!(matches!(parse(&bytes).0.node(0), Node::BigInt { .. }));
    *bytes.last_mut().unwrap() = 1;
    assert_eq!(
        error(&bytes),
        EtfError { offset: 7, kind: ErrorKind::BadTerm("bignum larger than erts allows") }
    );
    // As in erts, any non-zero sign byte means negative.
    assert_eq!(parse(&[131, 110, 1, 7, 5]).0.node(0), Node::Integer(-5));
}

#[test]
fn atoms() {
    let (t, r) = parse(&[131, 100, 0, 2, b'A', 233]);
    let Node::Atom(a) = t.node(r) else { panic!() };
    assert_eq!(a.encoding, AtomEncoding::Latin1);
    assert_eq!(t.atom_text(a), "Aé");
    let (t, r) = parse(&[131, 119, 3, b'x', 195, 169]);
    assert_eq!(t.atom(r).as_deref(), Some("xé"));
    assert!(matches!(
        t.atom_text(AtomText { bytes: Bytes { start: 3, len: 1 }, encoding: AtomEncoding::Utf8 }),
        Cow::Borrowed("x")
    ));
    // 255 characters are fine, 256 are not, in either encoding.
    let mut latin1 = vec![131, 100, 0, 255];
    latin1.extend([b'x'; 255]);
    parse(&latin1);
    latin1[3] = 0;
    latin1[2] = 1;
    latin1.push(b'x');
    assert_eq!(bad_term(&latin1), "atom longer than 255 characters");
    let mut utf8 = vec![131, 118, 3, 0];
    utf8.extend("あ".repeat(256).bytes());
    assert_eq!(bad_term(&utf8), "atom longer than 255 characters");
    assert_eq!(error(&[131, 119, 2, 0xC3, 0x28]).kind, ErrorKind::InvalidText { what: "UTF-8 atom" });
    // Overlong encodings and surrogates are not UTF-8 either.
    assert!(matches!(error(&[131, 119, 2, 0xC0, 0x80]).kind, ErrorKind::InvalidText { .. }));
    assert!(matches!(error(&[131, 119, 3, 0xED, 0xA0, 0x80]).kind, ErrorKind::InvalidText { .. }));
}

#[test]
fn lists_and_strings() {
    // [1,2|3]
    let (t, r) = parse(&[131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3]);
    let Node::List { elements, tail } = t.node(r) else { panic!() };
    assert_eq!(elements.len(), 2);
    assert_eq!(t.node(tail), Node::Integer(3));
    let (t, r) = parse(&[131, 107, 0, 3, b'a', b'b', b'c']);
    let Node::String(b) = t.node(r) else { panic!() };
    assert_eq!(t.bytes(b), b"abc");
    // Empty LIST_EXT and STRING_EXT normalise as erts does.
    assert_eq!(parse(&[131, 108, 0, 0, 0, 0, 106]).0.node(0), Node::Nil);
    assert_eq!(parse(&[131, 107, 0, 0]).0.node(0), Node::Nil);
    // A list whose tail is a list compares equal to the flat list.
    let (mut t, nested) = parse(&[131, 108, 0, 0, 0, 1, 97, 1, 107, 0, 2, 2, 3]);
    let data_len = t.data().len();
    let mut more = t.data.clone();
    more.extend([131, 108, 0, 0, 0, 3, 97, 1, 97, 2, 97, 3, 106]);
    t.data = more;
    let flat = t.decode(data_len..t.data.len()).unwrap();
    assert_eq!(t.compare(nested, flat), Ordering::Equal);
}

#[test]
fn binaries() {
    let (t, r) = parse(&[131, 77, 0, 0, 0, 2, 3, 1, 0xE0]);
    let Node::BitBinary { bytes, last_byte_bits: 3 } = t.node(r) else { panic!() };
    assert_eq!(t.bytes(bytes), &[1, 0xE0]);
    assert_eq!(t.display(r).to_string(), "<<1,7:3>>");
    assert!(matches!(parse(&[131, 77, 0, 0, 0, 1, 8, 5]).0.node(0), Node::Binary(_)));
    assert_eq!(bad_term(&[131, 77, 0, 0, 0, 1, 0, 5]), "bad bit count in BIT_BINARY_EXT");
    assert_eq!(bad_term(&[131, 77, 0, 0, 0, 1, 9, 5]), "bad bit count in BIT_BINARY_EXT");
    assert_eq!(bad_term(&[131, 77, 0, 0, 0, 0, 3]), "bad bit count in BIT_BINARY_EXT");
    assert_eq!(error(&[131, 109, 0, 0, 0, 4, 1, 2]), EtfError { offset: 6, kind: ErrorKind::Truncated });
}

#[test]
fn maps_are_sorted_and_unique() {
    // #{b => 1, a => 2} as encoded out of order.
    let (t, r) = parse(&[131, 116, 0, 0, 0, 2, 100, 0, 1, b'b', 97, 1, 100, 0, 1, b'a', 97, 2]);
    let Node::Map(pairs) = t.node(r) else { panic!() };
    let pairs = t.children(pairs);
    assert_eq!(t.atom(pairs[0]).as_deref(), Some("a"));
    assert_eq!(t.node(pairs[1]), Node::Integer(2));
    // The same atom in Latin-1 and UTF-8 is one key.
    let dup = [131, 116, 0, 0, 0, 2, 100, 0, 1, b'a', 97, 1, 119, 1, b'a', 97, 2];
    assert_eq!(error(&dup), EtfError { offset: 1, kind: ErrorKind::BadTerm("map with duplicate keys") });
    // 1 and 1.0 are different keys; so are 0.0 and -0.0 (as in OTP 27).
    parse(&[131, 116, 0, 0, 0, 2, 97, 1, 106, 70, 63, 240, 0, 0, 0, 0, 0, 0, 106]);
    parse(&[131, 116, 0, 0, 0, 2, 70, 0, 0, 0, 0, 0, 0, 0, 0, 106, 70, 128, 0, 0, 0, 0, 0, 0, 0, 106]);
    // A string key equals the same list encoded as LIST_EXT.
    let dup = [131, 116, 0, 0, 0, 2, 107, 0, 1, 5, 106, 108, 0, 0, 0, 1, 97, 5, 106, 106];
    assert_eq!(bad_term(&dup), "map with duplicate keys");
    // Keys that differ only in unused bits of a bitstring are the same key.
    let dup = [131, 116, 0, 0, 0, 2, 77, 0, 0, 0, 1, 1, 0x80, 106, 77, 0, 0, 0, 1, 1, 0xFF, 106];
    assert_eq!(bad_term(&dup), "map with duplicate keys");
}

#[test]
fn funs_pids_ports_refs() {
    // fun(X) -> {X, Pid, Y} end from the vectors: a NEW_FUN_EXT with one free variable (the
    // compiler folded the constant Y into the code).
    let &(bytes, _) = vectors::MINOR_1.iter().find(|(_, s)| s.starts_with("#Fun<vectors.2.")).unwrap();
    let (t, r) = parse(bytes);
    let Node::Fun { module, arity, index, old_index, old_uniq, pid, free, uniq } = t.node(r) else {
        panic!()
    };
    assert_eq!(t.atom(module).as_deref(), Some("vectors"));
    assert_eq!((arity, index), (1, 2));
    assert_eq!(t.node(old_index), Node::Integer(2));
    assert!(matches!(t.node(old_uniq), Node::Integer(_)));
    assert!(matches!(t.node(pid), Node::Pid { .. }));
    assert_eq!(&uniq[..], &bytes[7..23]);
    let free = t.children(free);
    assert_eq!(free.len(), 1);
    assert_eq!(t.compare(free[0], pid), Ordering::Equal);

    let pid = [131, 88, 100, 0, 3, b'a', b'@', b'b', 0, 0, 0, 7, 0, 0, 0, 9, 0, 0, 0, 3];
    let (t, r) = parse(&pid);
    let Node::Pid { node, id: 7, serial: 9, creation: 3 } = t.node(r) else { panic!() };
    assert_eq!(t.atom(node).as_deref(), Some("a@b"));
    assert_eq!(t.display(r).to_string(), "<a@b.7.9>");
    let old_pid = [131, 103, 100, 0, 1, b'n', 0, 0, 0, 7, 0, 0, 0, 9, 2];
    assert!(matches!(parse(&old_pid).0.node(1), Node::Pid { id: 7, serial: 9, creation: 2, .. }));

    let port = [131, 120, 100, 0, 1, b'n', 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 3];
    let (t, r) = parse(&port);
    assert!(matches!(t.node(r), Node::Port { id: 0x1_0000_0007, creation: 3, .. }));
    assert_eq!(t.display(r).to_string(), "#Port<n.4294967303>");
    let old_port = [131, 102, 100, 0, 1, b'n', 0, 0, 0, 7, 2];
    assert!(matches!(parse(&old_port).0.node(1), Node::Port { id: 7, creation: 2, .. }));

    let newer = [131, 90, 0, 2, 100, 0, 1, b'n', 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2];
    let (t, r) = parse(&newer);
    let Node::Reference { creation: 4, ids, .. } = t.node(r) else { panic!() };
    assert_eq!(t.bytes(ids), &[0, 0, 0, 1, 0, 0, 0, 2]);
    assert_eq!(t.display(r).to_string(), "#Ref<n.2.1>");
    let new = [131, 114, 0, 1, 100, 0, 1, b'n', 2, 0, 0, 0, 1];
    assert!(matches!(parse(&new).0.node(1), Node::Reference { creation: 2, .. }));
    let old = [131, 101, 100, 0, 1, b'n', 0, 0, 0, 1, 3];
    assert!(matches!(parse(&old).0.node(1), Node::Reference { creation: 3, .. }));
    assert_eq!(
        bad_term(&[131, 90, 0, 0, 100, 0, 1, b'n', 0, 0, 0, 4]),
        "reference must have 1 to 5 id words"
    );
    assert_eq!(
        bad_term(&[131, 90, 0, 6, 100, 0, 1, b'n', 0, 0, 0, 4]),
        "reference must have 1 to 5 id words"
    );
}

/// The pre-R8 `FUN_EXT`, which erl no longer writes or reads.
#[test]
fn old_fun_ext() {
    let mut bytes = vec![131, 117, 0, 0, 0, 1];
    bytes.extend([103, 100, 0, 13]);
    bytes.extend(b"nonode@nohost");
    bytes.extend([0, 0, 0, 7, 0, 0, 0, 0, 0]);
    bytes.extend([100, 0, 1, b'm', 97, 3, 98, 0, 0, 1, 0, 97, 42]);
    let (t, r) = parse(&bytes);
    let Node::OldFun { module, index, uniq, pid, free } = t.node(r) else { panic!() };
    assert_eq!(t.atom(module).as_deref(), Some("m"));
    assert_eq!((t.node(index), t.node(uniq)), (Node::Integer(3), Node::Integer(256)));
    assert!(matches!(t.node(pid), Node::Pid { id: 7, .. }));
    assert_eq!(t.node(t.children(free)[0]), Node::Integer(42));
    assert_eq!(t.display(r).to_string(), "#Fun<m.3.256>");
}

#[test]
fn export_funs() {
    let (t, r) = parse(&[131, 113, 100, 0, 1, b'm', 119, 1, b'f', 97, 2]);
    let Node::Export { module, function, arity: 2 } = t.node(r) else { panic!() };
    assert_eq!((t.atom(module).as_deref(), t.atom(function).as_deref()), (Some("m"), Some("f")));
    assert_eq!(
        bad_term(&[131, 113, 100, 0, 1, b'm', 119, 1, b'f', 98, 0, 0, 1, 0]),
        "export arity is not in 0..=255"
    );
    assert_eq!(bad_term(&[131, 113, 100, 0, 1, b'm', 119, 1, b'f', 106]), "expected an integer");
    assert_eq!(bad_term(&[131, 113, 97, 1, 119, 1, b'f', 97, 2]), "expected an atom");
}

#[test]
fn floats() {
    let nan = [131, 70, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0];
    assert_eq!(bad_term(&nan), "float is not finite");
    let inf = [131, 70, 0x7F, 0xF0, 0, 0, 0, 0, 0, 0];
    assert_eq!(bad_term(&inf), "float is not finite");
    let old = |text: &str| {
        let mut bytes = vec![131, 99];
        bytes.extend(text.bytes());
        bytes.resize(33, 0);
        bytes
    };
    assert_eq!(parse(&old("-2.5e-3")).0.node(0), Node::Float(-0.0025));
    for bad in [" 1.5", "1.", "1e5", ".5", "1.0e5 ", "1.0e", "1.0e+", "x", "", "1.5e999"] {
        assert!(matches!(error(&old(bad)).kind, ErrorKind::BadTerm(_)), "{bad:?}");
    }
    // Thirty-one characters without a NUL are the whole field.
    let long = format!("1.{}", "0".repeat(29));
    assert_eq!(parse(&old(&long)).0.node(0), Node::Float(1.0));
    let mut too_long = vec![131, 99];
    too_long.extend(format!("1.{}", "0".repeat(30)).bytes());
    assert_eq!(
        error(&too_long),
        EtfError { offset: 33, kind: ErrorKind::BadTerm("trailing bytes after the term") }
    );
}

#[test]
fn float_layout() {
    let show = |v: f64| {
        let mut bytes = vec![131, 70];
        bytes.extend(v.to_be_bytes());
        shown(&bytes)
    };
    for (v, text) in [
        (0.1, "0.1"),
        (1.0e-7, "1.0e-7"),
        (1.0e16, "1.0e16"),
        (123456789.0, "123456789.0"),
        (5.0e-324, "5.0e-324"),
        (1.0e21, "1.0e21"),
        (1.5, "1.5"),
        (-0.0, "-0.0"),
        (100.0, "100.0"),
        (1000.0, "1.0e3"),
        (0.0001, "0.0001"),
        (0.00012345, "1.2345e-4"),
        (9007199254740991.0, "9007199254740991.0"),
        (9007199254740992.0, "9.007199254740992e15"),
        (-1.7976931348623157e308, "-1.7976931348623157e308"),
    ] {
        assert_eq!(show(v), text, "{v:e}");
    }
}

#[test]
fn printer_quotes_atoms_like_io_lib() {
    let atom = |text: &str| {
        let mut bytes = vec![131, 118, 0, text.len() as u8];
        bytes.extend(text.bytes());
        shown(&bytes)
    };
    for (text, printed) in [
        ("ok", "ok"),
        ("Ok", "'Ok'"),
        ("a b", "'a b'"),
        ("", "''"),
        ("a'b\\c", "'a\\'b\\\\c'"),
        ("\u{7}\u{1b}\u{7f}\u{80}\u{9f}", "'\\007\\e\\d\\200\\237'"),
        ("andalso", "'andalso'"),
        ("maybe", "maybe"),
        ("ß", "ß"),
        ("a÷", "'a÷'"),
        ("あ", "'\\x{3042}'"),
        ("a@b_C9", "a@b_C9"),
    ] {
        assert_eq!(atom(text), printed, "{text:?}");
    }
}

#[test]
fn errors_say_where() {
    let at = |bytes: &[u8]| {
        let e = error(bytes);
        (e.offset, e.kind)
    };
    assert_eq!(at(&[]), (0, ErrorKind::Truncated));
    assert_eq!(at(&[131]), (1, ErrorKind::Truncated));
    assert_eq!(
        at(&[130, 97, 1]),
        (0, ErrorKind::UnsupportedVersion { what: "external term format", version: 130 })
    );
    assert_eq!(at(&[131, 97, 1, 0]), (3, ErrorKind::BadTerm("trailing bytes after the term")));
    assert_eq!(at(&[131, 104, 2, 97, 1, 255]), (5, ErrorKind::BadTerm("unknown tag")));
    assert_eq!(at(&[131, 104, 2, 97, 1]), (5, ErrorKind::Truncated));
    assert_eq!(at(&[131, 98, 0, 0]), (2, ErrorKind::Truncated));
    for (bytes, message) in [
        (&[131, 82, 0][..], "atom cache reference outside a distribution message"),
        (&[131, 121, 0, 0], "LOCAL_EXT term: only the node that encoded it can decode it"),
        (&[131, 68, 0], "distribution header where a term was expected"),
        (&[131, 69, 0], "distribution header where a term was expected"),
        (&[131, 104, 1, 80, 0, 0, 0, 1, 0], "compressed form inside a term"),
        (
            &[131, 103, 82, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            "atom cache reference outside a distribution message",
        ),
        (&[131, 103, 97, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "expected an atom"),
    ] {
        assert_eq!(bad_term(bytes), message, "{bytes:?}");
    }
    let e = error(&[131, 97, 1, 0]).into_load_error(Some(crate::error::ChunkId::LITT), 100);
    assert_eq!(e.offset, 103);
    assert_eq!(e.to_string(), "chunk LitT at byte 103: bad external term: trailing bytes after the term");
}

#[test]
fn implausible_counts_fail_fast() {
    let start = Instant::now();
    for (bytes, what) in [
        (&[131, 108, 255, 255, 255, 255, 97, 1, 106, 0][..], "list element"),
        (&[131, 105, 255, 255, 255, 255, 97, 1, 106, 0], "tuple element"),
        (&[131, 116, 255, 255, 255, 255, 97, 1, 106, 0], "map key and value"),
        (&[131, 116, 0, 0, 0, 3, 97, 1, 106], "map key and value"),
        (&[131, 104, 9, 97, 1, 106], "tuple element"),
    ] {
        let e = error(bytes);
        assert_eq!(e.offset, 1, "{bytes:?}");
        assert!(
            matches!(e.kind, ErrorKind::ImplausibleCount { what: w, .. } if w == what),
            "{bytes:?}: {:?}",
            e.kind
        );
    }
    // A fun claiming 2^32-1 free variables.
    let &(fun, _) = vectors::MINOR_1.iter().find(|(_, s)| s.starts_with("#Fun<vectors.0.")).unwrap();
    let mut fun = fun.to_vec();
    fun[27..31].copy_from_slice(&[255; 4]);
    assert!(matches!(error(&fun).kind, ErrorKind::ImplausibleCount { what: "fun free variable", .. }));
    // A compressed term claiming 4 GiB inflated from a few bytes.
    let e = error(&[131, 80, 255, 255, 255, 255, 0x78, 0x9C, 3, 0, 0, 0, 0, 1]);
    assert!(matches!(e.kind, ErrorKind::ImplausibleCount { what: "inflated term size", .. }));
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn compressed_form_errors() {
    let &(good, _) = &vectors::COMPRESSED[0];
    let declared = u32::from_be_bytes([good[2], good[3], good[4], good[5]]);
    let with_size = |size: u32| {
        let mut bytes = good.to_vec();
        bytes[2..6].copy_from_slice(&size.to_be_bytes());
        bytes
    };
    assert_eq!(
        error(&with_size(declared + 1)).kind,
        ErrorKind::SizeMismatch {
            what: "inflated term size",
            declared: u64::from(declared) + 1,
            actual: u64::from(declared),
        }
    );
    assert_eq!(
        error(&with_size(declared - 1)),
        EtfError {
            offset: 1,
            kind: ErrorKind::SizeMismatch {
                what: "inflated term size",
                declared: u64::from(declared) - 1,
                actual: u64::from(declared),
            }
        }
    );
    let mut corrupt = good.to_vec();
    corrupt[8] ^= 0xFF;
    assert_eq!(error(&corrupt).offset, 1);
    let mut trailing = good.to_vec();
    trailing.push(0);
    assert_eq!(
        error(&trailing),
        EtfError { offset: good.len(), kind: ErrorKind::BadEncoding("bytes after the end of a zlib stream") }
    );
    assert_eq!(error(&good[..good.len() - 1]), EtfError { offset: 1, kind: ErrorKind::Truncated });
    // Errors in the inflated term are reported at the compressed form's tag.
    let inner_error = compress(&[104, 2, 97, 1, 255]);
    assert_eq!(error(&inner_error), EtfError { offset: 1, kind: ErrorKind::BadTerm("unknown tag") });
}

/// The compressed form of an encoded term (without its version byte).
fn compress(term: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(term).unwrap();
    let mut bytes = vec![131, 80];
    bytes.extend((term.len() as u32).to_be_bytes());
    bytes.extend(z.finish().unwrap());
    bytes
}

#[test]
fn many_terms_share_one_arena() {
    let mut data = vec![0xEE, 131, 97, 7];
    let second = data.len();
    data.extend(compress(&[104, 2, 100, 0, 1, b'x', 97, 9]));
    let third = data.len();
    data.extend([131, 104, 1, 255]);
    let end = data.len();
    let mut t = Terms::new(data);
    let a = t.decode(1..second).unwrap();
    let b = t.decode(second..third).unwrap();
    let before = (t.data.len(), t.nodes.len(), t.links.len());
    assert_eq!(
        t.decode(third..end),
        Err(EtfError { offset: third + 3, kind: ErrorKind::BadTerm("unknown tag") })
    );
    assert_eq!(t.decode(second..third - 1).unwrap_err().offset, second + 1);
    assert_eq!((t.data.len(), t.nodes.len(), t.links.len()), before);
    assert_eq!(
        t.decode(0..2).unwrap_err().kind,
        ErrorKind::UnsupportedVersion { what: "external term format", version: 0xEE }
    );
    let beyond = t.data().len() + 1;
    assert_eq!(t.decode(3..beyond).unwrap_err().kind, ErrorKind::Truncated);
    assert_eq!(t.decode(end..end).unwrap_err(), EtfError { offset: end, kind: ErrorKind::Truncated });
    assert_eq!(t.display(a).to_string(), "7");
    assert_eq!(t.display(b).to_string(), "{x,9}");
}

/// Counts what is printed, so printing huge terms costs no memory.
struct Sink(usize);

impl core::fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// Decodes, prints, compares and drops a term nested a million levels deep.
fn deep(open: &[u8], leaf: &[u8], close: &[u8], printed: usize) {
    const DEPTH: usize = 1_000_000;
    let mut bytes = vec![131];
    for _ in 0..DEPTH {
        bytes.extend(open);
    }
    bytes.extend(leaf);
    for _ in 0..DEPTH {
        bytes.extend(close);
    }
    let (terms, root) = parse(&bytes);
    let mut sink = Sink(0);
    write!(sink, "{}", terms.display(root)).unwrap();
    assert_eq!(sink.0, printed);
    assert_eq!(terms.compare(root, root), Ordering::Equal);
    drop(terms);
}

#[test]
fn deep_lists() {
    // [[[...[]...]]]
    deep(&[108, 0, 0, 0, 1], &[106], &[106], 2 * 1_000_000 + 2);
    // [1|[1|...[1]...]], a chain of one-element LIST_EXTs in tails: prints as one flat list.
    deep(&[108, 0, 0, 0, 1, 97, 1], &[106], &[], 2 * 1_000_000 + 1);
}

#[test]
fn deep_tuples_and_maps() {
    deep(&[104, 1], &[106], &[], 2 * 1_000_000 + 2);
    // #{0 => #{0 => ...}}: "#{0 => " and "}" per level.
    deep(&[116, 0, 0, 0, 1, 97, 0], &[106], &[], 8 * 1_000_000 + 2);
    // #{#{...} => 0}: keys nested a million deep.
    deep(&[116, 0, 0, 0, 1], &[106], &[97, 0], 8 * 1_000_000 + 2);
}

#[test]
fn deep_funs() {
    // A fun whose free variable is a fun whose free variable is ...
    let &(fun, _) = vectors::MINOR_1.iter().find(|(_, s)| s.starts_with("#Fun<vectors.2.")).unwrap();
    // Its one free variable is the last 29 bytes: a NEW_PID_EXT.
    let (head, pid) = fun[1..].split_at(fun.len() - 1 - 29);
    assert_eq!(pid[0], 88);
    let mut bytes = vec![131];
    for _ in 0..100_000 {
        bytes.extend(head);
    }
    bytes.extend(pid);
    let (terms, root) = parse(&bytes);
    assert_eq!(terms.compare(root, root), Ordering::Equal);
    write!(Sink(0), "{}", terms.display(root)).unwrap();
}

/// Terms with every kind of node, for the truncation and mutation sweeps.
fn samples() -> Vec<&'static [u8]> {
    let vectors = vectors::MINOR_2.iter().chain(vectors::MINOR_1);
    let pick = |prefix: &str| vectors.clone().find(|(_, s)| s.starts_with(prefix)).unwrap().0;
    vec![
        pick("{ok,"),
        pick("#Fun<vectors.2."),
        pick("#{-5 => 2"),
        pick("#{2 => 3.5"),
        pick("[1,2|3]"),
        pick("<<1,2,3:5>>"),
        pick("fun lists:map/2"),
        pick("-1606938044258990275541962092341162602522202993782792835301376"),
        vectors::COMPRESSED[2].0,
        vectors::CRAFTED[4].0,
        vectors::CRAFTED[8].0,
        vectors::OLD_FLOATS[4].0,
    ]
}

#[test]
fn every_truncation_fails() {
    for sample in samples() {
        parse(sample);
        for len in 0..sample.len() {
            assert!(Terms::parse(sample[..len].to_vec()).is_err(), "{:?}", &sample[..len]);
        }
    }
}

/// xorshift64*: deterministic randomness without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Decodes a mutated term: it must fail or succeed quickly, and what succeeds must print and
/// compare equal to itself.
fn survive(bytes: Vec<u8>) {
    let start = Instant::now();
    if let Ok((terms, root)) = Terms::parse(bytes.clone()) {
        write!(Sink(0), "{}", terms.display(root)).unwrap();
        assert_eq!(terms.compare(root, root), Ordering::Equal, "{bytes:?}");
    }
    assert!(start.elapsed() < Duration::from_secs(2), "slow: {bytes:?}");
}

#[test]
fn random_mutations() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let samples = samples();
    for _ in 0..4000 {
        let mut bytes = samples[rng.below(samples.len())].to_vec();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len());
            match rng.below(6) {
                0 => bytes[at] = rng.next() as u8,
                1 => bytes[at] ^= 1 << rng.below(8),
                2 => bytes.insert(at, rng.next() as u8),
                3 => {
                    let end = (at + 1 + rng.below(8)).min(bytes.len());
                    bytes.drain(at..end);
                }
                4 => {
                    // A length or count field gone wild.
                    let v = [0, 1, 0x7F, 0x80, 0xFF][rng.below(5)];
                    bytes[at] = v;
                }
                _ => {
                    let end = (at + 1 + rng.below(16)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    let to = rng.below(bytes.len());
                    bytes.splice(to..to, copy);
                }
            }
            if bytes.is_empty() {
                break;
            }
        }
        survive(bytes);
    }
}

#[test]
fn random_garbage_after_the_version() {
    let mut rng = Rng(12345);
    for _ in 0..2000 {
        let len = 1 + rng.below(40);
        let mut bytes = vec![131];
        bytes.extend((0..len).map(|_| {
            // Mostly valid tags, to get past the first byte.
            if rng.below(2) == 0 {
                [97, 98, 100, 104, 106, 107, 108, 109, 110, 116, 119][rng.below(11)]
            } else {
                rng.next() as u8
            }
        }));
        survive(bytes);
    }
}
