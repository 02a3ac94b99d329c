//! `erlang:display/1`, `display_string/1`, `display_nl/0`, and erts' own term syntax
//! (`erl_printf_term.c`), which `display/1` and the `*_to_list` BIFs of pids, ports,
//! references and funs write.
//!
//! It differs from `io_lib`'s `~w`: floats are C's `%e` (`1.500000e+00`), atoms are quoted by
//! a simpler Latin-1 rule (no reserved words), flat lists of printable Latin-1 bytes print as
//! strings (`"ab"`, only `\n` and `"` escaped, other bytes written raw), printable ASCII
//! binaries as `<<"ab">>`, and maps without spaces (`#{a=>1}`). The output is bytes: atoms go
//! out in UTF-8, strings as raw Latin-1 bytes, exactly as erts writes them. The walk is
//! iterative over an explicit stack.

use std::io::Write;

use super::data_util::{badarg, view};
use super::{Bif, BifCtx, BifResult};
use crate::atom::AtomTable;
use crate::atoms;
use crate::term::fun::{FunTarget, FunView};
use crate::term::tags::WORD_BITS;
use crate::term::{Term, View};

/// The display BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "display", arity: 1, f: display_1 },
    Bif { module: "erlang", name: "display_string", arity: 1, f: display_string_1 },
    Bif { module: "erlang", name: "display_nl", arity: 0, f: display_nl_0 },
];

fn write_stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    // A closed stdout is not the program's failure: erts ignores write errors here too.
    let _ = out.write_all(bytes);
    let _ = out.flush();
}

fn display_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let mut out = Vec::new();
    if write_term(&mut out, &ctx.vm.atoms, args[0]).is_err() {
        return badarg();
    }
    out.push(b'\n');
    write_stdout(&out);
    BifResult::Ok(atoms::TRUE)
}

fn display_string_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = super::data_util::char_list(args[0]) else { return badarg() };
    write_stdout(text.as_bytes());
    BifResult::Ok(atoms::TRUE)
}

fn display_nl_0(_ctx: &mut BifCtx<'_>, _args: &[Term]) -> BifResult {
    write_stdout(b"\n");
    BifResult::Ok(atoms::TRUE)
}

/// Pending output.
enum Item<'a> {
    Term(Term),
    Text(&'static str),
    /// The rest of a list after an element.
    ListTail(Term),
    /// Elements still to print, each preceded by a comma.
    Elements(&'a [Term]),
    /// Map pairs still to print, each preceded by a comma.
    Pairs(&'a [Term], &'a [Term]),
}

/// Why a term could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Undisplayable;

/// Writes `term` in erts' syntax.
pub(crate) fn write_term(out: &mut Vec<u8>, atoms: &AtomTable, term: Term) -> Result<(), Undisplayable> {
    let mut stack = vec![Item::Term(term)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.extend_from_slice(text.as_bytes()),
            Item::ListTail(tail) => match view(tail).ok_or(Undisplayable)? {
                View::Nil => out.push(b']'),
                View::Cons { head, tail } => {
                    out.push(b',');
                    stack.push(Item::ListTail(tail));
                    stack.push(Item::Term(head));
                }
                _ => {
                    out.push(b'|');
                    stack.push(Item::Text("]"));
                    stack.push(Item::Term(tail));
                }
            },
            Item::Elements(elements) => {
                if let Some((&first, rest)) = elements.split_first() {
                    out.push(b',');
                    stack.push(Item::Elements(rest));
                    stack.push(Item::Term(first));
                }
            }
            Item::Pairs(keys, values) => {
                if let (Some((&k, ks)), Some((&v, vs))) = (keys.split_first(), values.split_first()) {
                    out.push(b',');
                    stack.push(Item::Pairs(ks, vs));
                    stack.push(Item::Term(v));
                    stack.push(Item::Text("=>"));
                    stack.push(Item::Term(k));
                }
            }
            Item::Term(term) => write_one(out, atoms, term, &mut stack)?,
        }
    }
    Ok(())
}

fn write_one<'a>(
    out: &mut Vec<u8>,
    atoms: &AtomTable,
    term: Term,
    stack: &mut Vec<Item<'a>>,
) -> Result<(), Undisplayable> {
    match view(term).ok_or(Undisplayable)? {
        View::Small(value) => out.extend_from_slice(value.to_string().as_bytes()),
        View::Bignum(big) => {
            let limbs =
                big.digits.iter().flat_map(|&d| (0..WORD_BITS / 32).map(move |i| (d >> (i * 32)) as u32));
            let mut text = String::new();
            rbeam_loader::text::write_limbs(&mut text, big.negative, limbs).map_err(|_| Undisplayable)?;
            out.extend_from_slice(text.as_bytes());
        }
        View::Float(value) => out.extend_from_slice(c_exponent(value, 6).as_bytes()),
        View::Atom(index) => write_atom(out, atoms.name(index).ok_or(Undisplayable)?),
        View::Nil => out.extend_from_slice(b"[]"),
        View::Cons { head, tail } => {
            if let Some(bytes) = printable_string(term) {
                out.push(b'"');
                for b in bytes {
                    match b {
                        b'\n' => out.extend_from_slice(b"\\n"),
                        b'"' => out.extend_from_slice(b"\\\""),
                        _ => out.push(b),
                    }
                }
                out.push(b'"');
            } else {
                out.push(b'[');
                stack.push(Item::ListTail(tail));
                stack.push(Item::Term(head));
            }
        }
        View::Tuple(elements) => {
            out.push(b'{');
            stack.push(Item::Text("}"));
            if let Some((&first, rest)) = elements.split_first() {
                stack.push(Item::Elements(rest));
                stack.push(Item::Term(first));
            }
        }
        View::Map(map) => {
            out.extend_from_slice(b"#{");
            stack.push(Item::Text("}"));
            if let (Some((&k, ks)), Some((&v, vs))) = (map.keys.split_first(), map.values.split_first()) {
                stack.push(Item::Pairs(ks, vs));
                stack.push(Item::Term(v));
                stack.push(Item::Text("=>"));
                stack.push(Item::Term(k));
            }
        }
        View::HashMap(_) => {
            // erts prints the HAMT's nodes; rbeam prints the pairs as for a flatmap.
            let pairs = super::data_util::map_pairs(term).ok_or(Undisplayable)?;
            out.extend_from_slice(b"#{");
            stack.push(Item::Text("}"));
            for (i, &(k, v)) in pairs.iter().enumerate().rev() {
                stack.push(Item::Term(v));
                stack.push(Item::Text("=>"));
                stack.push(Item::Term(k));
                if i > 0 {
                    stack.push(Item::Text(","));
                }
            }
        }
        View::Bits(bits) => {
            let bytes: Vec<u8> = (0..bits.byte_size()).map(|i| bits.byte(i)).collect();
            let printable =
                bits.tail_bits() == 0 && !bytes.is_empty() && bytes.iter().all(|&b| (32..127).contains(&b));
            if printable {
                out.extend_from_slice(b"<<\"");
                for b in bytes {
                    if b == b'"' {
                        out.push(b'\\');
                    }
                    out.push(b);
                }
                out.extend_from_slice(b"\">>");
            } else {
                out.extend_from_slice(b"<<");
                let mut parts: Vec<String> = bytes.iter().map(|b| b.to_string()).collect();
                if bits.tail_bits() != 0 {
                    parts.push(format!("{}:{}", bits.tail_value(), bits.tail_bits()));
                }
                out.extend_from_slice(parts.join(",").as_bytes());
                out.extend_from_slice(b">>");
            }
        }
        View::Fun(fun) => write_fun(out, atoms, &fun)?,
        View::Pid { number, serial } => out.extend_from_slice(format!("<0.{number}.{serial}>").as_bytes()),
        View::Port(number) => out.extend_from_slice(format!("#Port<0.{number}>").as_bytes()),
        View::Reference([n0, n1, n2]) => out.extend_from_slice(format!("#Ref<0.{n2}.{n1}.{n0}>").as_bytes()),
        View::External(_) => return Err(Undisplayable),
    }
    Ok(())
}

/// The bytes of a flat, proper, non-empty list of printable Latin-1 characters (erts'
/// `is_printable_string`: not a control character, or a space, newline, tab or return).
fn printable_string(mut term: Term) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    loop {
        match view(term)? {
            View::Nil => return (!bytes.is_empty()).then_some(bytes),
            View::Cons { head, tail } => {
                let c = u8::try_from(head.small_value()?).ok()?;
                let control = c < b' ' || c == 127 || (128..160).contains(&c);
                let space = matches!(c, b' ' | b'\n' | b'\t' | b'\r');
                if control && !space {
                    return None;
                }
                bytes.push(c);
                term = tail;
            }
            _ => return None,
        }
    }
}

fn write_fun(out: &mut Vec<u8>, atoms: &AtomTable, fun: &FunView<'_>) -> Result<(), Undisplayable> {
    let text = |atom: Term| atoms.text(atom).ok_or(Undisplayable);
    match fun.target {
        FunTarget::Local(entry) => {
            out.extend_from_slice(b"#Fun<");
            out.extend_from_slice(text(entry.module)?.as_bytes());
            out.extend_from_slice(format!(".{}.{}>", entry.old_index, entry.old_uniq).as_bytes());
        }
        FunTarget::External(export) => {
            out.extend_from_slice(b"fun ");
            write_atom(out, text(export.mfa.module)?);
            out.push(b':');
            write_atom(out, text(export.mfa.function)?);
            out.extend_from_slice(format!("/{}", export.mfa.arity).as_bytes());
        }
    }
    Ok(())
}

/// The Latin-1 value erts' atom printer sees at a byte of UTF-8 text (`latin1_char`).
fn latin1_char(c1: u8, c2: u8) -> u32 {
    if c1 & 0x80 == 0 {
        u32::from(c1)
    } else if c1 & 0xE0 == 0xC0 {
        (u32::from(c1) & 0x1F) << 6 | (u32::from(c2) & 0x3F)
    } else if c1 & 0xC0 == 0x80 {
        u32::from(b'a')
    } else {
        0
    }
}

fn is_lower(c: u32) -> bool {
    (u32::from(b'a')..=u32::from(b'z')).contains(&c) || ((128 + 95..=255).contains(&c) && c != 247)
}

fn is_upper(c: u32) -> bool {
    (u32::from(b'A')..=u32::from(b'Z')).contains(&c) || ((128 + 64..=128 + 94).contains(&c) && c != 247 - 32)
}

fn is_alnum(c: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&c) || is_lower(c) || is_upper(c)
}

/// An atom as erts prints it (`print_atom_name`).
pub(crate) fn write_atom(out: &mut Vec<u8>, text: &str) {
    let s = text.as_bytes();
    if s.is_empty() {
        out.extend_from_slice(b"''");
        return;
    }
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let need_quote = !is_lower(latin1_char(s[0], at(1)))
        || (1..s.len()).any(|i| {
            let lc = latin1_char(s[i], at(i + 1));
            !is_alnum(lc) && lc != u32::from(b'_')
        });
    if need_quote {
        out.push(b'\'');
    }
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        match c {
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0B => out.extend_from_slice(b"\\v"),
            _ if c < b' ' => out.extend_from_slice(format!("\\{c:03o}").as_bytes()),
            _ if c >= 0x80 => {
                let n = if c & 0xE0 == 0xC0 {
                    2
                } else if c & 0xF0 == 0xE0 {
                    3
                } else {
                    4
                };
                if c == 0xC2 && at(i + 1) < 0xA0 {
                    out.extend_from_slice(format!("\\{:03o}", at(i + 1)).as_bytes());
                    i += 1;
                } else {
                    out.extend_from_slice(&s[i..(i + n).min(s.len())]);
                    i += n - 1;
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    if need_quote {
        out.push(b'\'');
    }
}

/// A float as C's `printf("%.{precision}e")` writes it: `1.500000e+00`.
pub(crate) fn c_exponent(value: f64, precision: usize) -> String {
    let text = format!("{value:.precision$e}");
    let Some((mantissa, exponent)) = text.split_once('e') else { return text };
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(digits) => ('-', digits),
        None => ('+', exponent),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// Writes `term` as erts does into a string (for `pid_to_list/1` and friends).
pub fn to_string_lossy(atoms: &AtomTable, term: Term) -> Option<String> {
    let mut out = Vec::new();
    write_term(&mut out, atoms, term).ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_exponent_matches_printf() {
        assert_eq!(c_exponent(1.5, 6), "1.500000e+00");
        assert_eq!(c_exponent(-0.000123, 6), "-1.230000e-04");
        assert_eq!(c_exponent(1e300, 6), "1.000000e+300");
        assert_eq!(c_exponent(0.0, 20), "0.00000000000000000000e+00");
    }

    #[test]
    fn atoms_are_quoted_as_erts_quotes_them() {
        let shown = |text: &str| {
            let mut out = Vec::new();
            write_atom(&mut out, text);
            String::from_utf8(out).expect("utf-8")
        };
        assert_eq!(shown("abc"), "abc");
        assert_eq!(shown("and"), "and");
        assert_eq!(shown("Q"), "'Q'");
        assert_eq!(shown("a b"), "'a b'");
        assert_eq!(shown("héllo"), "héllo");
        assert_eq!(shown("h€"), "'h€'");
        assert_eq!(shown("a\nb"), "'a\\nb'");
        assert_eq!(shown("a\u{1}"), "'a\\001'");
        assert_eq!(shown(""), "''");
    }

    #[test]
    fn terms_print_as_erts_display_prints_them() {
        use crate::dispatch::{Export, Mfa};
        use crate::heap::Heap;
        use crate::term::TermBuilder;

        let mut atoms = AtomTable::new();
        let mut heap = Heap::with_capacity(4096);
        let abs = Export::new(Mfa {
            module: atoms.intern("erlang").expect("atom"),
            function: atoms.intern("abs").expect("atom"),
            arity: 1,
        });
        let odd = Export::new(Mfa {
            module: atoms.intern("a b").expect("atom"),
            function: atoms.intern("c d").expect("atom"),
            arity: 0,
        });
        let mut b = TermBuilder::new(&mut heap, &mut atoms);
        let small = |v: i64| Term::small(v).expect("small");
        let mut elements = Vec::new();
        elements.push(b.atom("a").expect("atom"));
        elements.push(b.string("abc").expect("list"));
        let improper = b.improper_list(&[small(1), small(2)], small(3)).expect("list");
        elements.push(improper);
        elements.push(b.binary(&[1, 2, 3]).expect("binary"));
        elements.push(b.float(1.5).expect("float"));
        elements.push(small(-5));
        elements.push(b.atom("Q").expect("atom"));
        elements.push(b.string("x\ny").expect("list"));
        let (ka, kk, vb) =
            (b.atom("a").expect("atom"), b.string("k").expect("list"), b.atom("b").expect("atom"));
        let vk = b.list(&[vb]).expect("list");
        // SAFETY: the keys were just built into `heap`, which is alive.
        elements.push(unsafe { b.map(&[(ka, small(1)), (kk, vk)]) }.expect("map"));
        elements.push(b.bitstring(&[0b0010_0000], 3).expect("bits"));
        elements.push(b.binary(b"hi\"x").expect("binary"));
        elements.push(crate::term::fun::build_external(&mut heap, &abs).expect("fun"));
        let mut b = TermBuilder::new(&mut heap, &mut atoms);
        elements.push(b.integer(12345678901234567890).expect("integer"));
        elements.push(b.atom("hello world").expect("atom"));
        elements.push(Term::NIL);
        elements.push(crate::term::tuple::empty());
        elements.push(b.string("tab\there").expect("list"));
        elements.push(b.list(&[small(200), small(201)]).expect("list"));
        elements.push(b.atom("h\u{e9}llo").expect("atom"));
        elements.push(b.float(-0.0).expect("float"));
        elements.push(b.float(1.0e100).expect("float"));
        elements.push(b.binary(&[]).expect("binary"));
        let (xa, xb) = (b.atom("a").expect("atom"), b.atom("b").expect("atom"));
        elements.push(b.improper_list(&[xa], xb).expect("list"));
        elements.push(b.string("a\"b\\c").expect("list"));
        elements.push(b.atom("it's").expect("atom"));
        elements.push(b.float(0.1).expect("float"));
        elements.push(b.list(&[small(1000)]).expect("list"));
        elements.push(b.atom("a\nb").expect("atom"));
        elements.push(b.integer(-1234567890123456789012).expect("integer"));
        elements.push(b.list(&[small(31)]).expect("list"));
        elements.push(b.bitstring(&[1, 2, 0b0011_0000], 20).expect("bits"));
        elements.push(b.atom("\u{c9}a").expect("atom"));
        elements.push(b.atom("a\u{c9}").expect("atom"));
        let last = crate::term::fun::build_external(&mut heap, &odd).expect("fun");
        elements.push(last);
        let term = crate::term::tuple::build(&mut heap, &elements).expect("tuple");
        let mut out = Vec::new();
        write_term(&mut out, &atoms, term).expect("displayable");
        // What OTP 25's erlang:display/1 wrote for the same tuple (Latin-1 string bytes raw,
        // atoms in UTF-8).
        let expected: &[u8] =
            b"{a,\"abc\",[1,2|3],<<1,2,3>>,1.500000e+00,-5,'Q',\"x\\ny\",#{a=>1,\"k\"=>[b]},\
            <<1:3>>,<<\"hi\\\"x\">>,fun erlang:abs/1,12345678901234567890,'hello world',[],{},\
            \"tab\there\",\"\xc8\xc9\",h\xc3\xa9llo,-0.000000e+00,1.000000e+100,<<>>,[a|b],\
            \"a\\\"b\\c\",'it\\'s',1.000000e-01,[1000],'a\\nb',-1234567890123456789012,[31],\
            <<1,2,3:4>>,'\xc3\x89a',a\xc3\x89,fun 'a b':'c d'/0}";
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(expected));
        assert_eq!(out, expected);
    }
}
