//! The term hash HAMT maps are built with: OTP 25's `make_internal_hash` and
//! `make_map_hash` (erts `utils.c`).
//!
//! `make_internal_hash(Term, Salt)` is Bob Jenkins' 96-bit mix folded over the term: every
//! immediate (small integer, atom, pid, port, `[]`) is hashed as its **raw term word**, so the
//! hash of an atom depends on its index in the atom table and the hash of a negative integer
//! on the word size (the high half of the word is part of the input on 64-bit words). Boxed
//! terms mix a type constant and their contents; lists of bytes are hashed four bytes at a
//! time. The walk is iterative over an explicit stack, so keys nested millions of levels deep
//! hash without touching the Rust call stack.
//!
//! A HAMT uses four bits of the hash per level, least significant first. The first eight
//! levels use `map_hash(Key, 0)`, the plain internal hash; levels 8 to 15 use
//! `map_hash(Key, 1)`, a hash salted with the level's depth (`Key`'s hash mixed with
//! `UINT32_HASH_2(Depth, 1, HCONST_22)` applied to a zero seed), and so on. Checked against
//! `erts_debug:get_internal_state({internal_hash, T})` and the order of colliding keys in
//! OTP 25 (see `runtime/tests/maps_hash.rs`).
//!
//! One deliberate difference: OTP 25 hashes `-0.0` as `0.0` because the two are the same
//! map key there, while rbeam's exact equality tells them apart (as OTP 27 does). So that
//! keys differing only in the sign of a zero still end up apart, hashes from depth 2 (level
//! 16, which OTP 25 never reaches in practice) keep the sign.

use crate::term::bits::BitsView;
use crate::term::fun::FunTarget;
use crate::term::map::{KIND_FLATMAP, KIND_HAMT_HEAD_ARRAY, KIND_HAMT_HEAD_BITMAP, KIND_HAMT_NODE_BITMAP};
use crate::term::{Term, View, list};

/// The golden ratio, Jenkins' arbitrary start value (`HCONST`).
const HCONST: u32 = 0x9e37_79b9;

/// `HCONST * n mod 2^32`, the type constants (`HCONST_n`).
const fn hconst(n: u32) -> u32 {
    HCONST.wrapping_mul(n)
}

/// The salt every internal hash starts from (`INTERNAL_HASH_SALT`), so that it differs from
/// `phash2`.
const INTERNAL_HASH_SALT: u32 = 3_432_918_353;

/// Depth from which floats keep the sign of zero (see the module documentation).
const SIGNED_ZERO_DEPTH: u32 = 2;

/// Jenkins' `mix` of three 32-bit words (erts' `MIX`).
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 13);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 8);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 13);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 12);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 16);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 5);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 3);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 10);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 15);
}

/// The running hash value.
struct Hasher(u32);

impl Hasher {
    /// `UINT32_HASH_2(x, y, k)`.
    fn pair(&mut self, x: u32, y: u32, k: u32) {
        let (mut a, mut b) = (k.wrapping_add(x), k.wrapping_add(y));
        mix(&mut a, &mut b, &mut self.0);
    }

    /// `UINT32_HASH(x, k)`.
    fn one(&mut self, x: u32, k: u32) {
        self.pair(x, 0, k);
    }

    /// `CONST_HASH(k)`: a light mix of a type constant.
    fn constant(&mut self, k: u32) {
        self.0 = (self.0 ^ k).rotate_left(17);
    }

    /// A word as two 32-bit halves (the high half is zero on 32-bit words), as
    /// `UINT32_HASH_2(lo, hi, k)` on 64-bit words and `UINT32_HASH(word, k)` on 32-bit ones.
    fn word(&mut self, word: usize, k: u32) {
        let wide = word as u64;
        self.pair(wide as u32, (wide >> 32) as u32, k);
    }

    /// Jenkins' block hash of the bytes `byte(0..len)` seeded with `initval` (erts'
    /// `block_hash`), replacing the running value.
    fn block(&mut self, len: usize, byte: impl Fn(usize) -> u8, initval: u32) {
        let le32 = |at: usize| u32::from_le_bytes([byte(at), byte(at + 1), byte(at + 2), byte(at + 3)]);
        let (mut a, mut b, mut c) = (HCONST, HCONST, initval);
        let whole = len - len % 12;
        let mut at = 0;
        while at < whole {
            a = a.wrapping_add(le32(at));
            b = b.wrapping_add(le32(at + 4));
            c = c.wrapping_add(le32(at + 8));
            mix(&mut a, &mut b, &mut c);
            at += 12;
        }
        c = c.wrapping_add(len as u32);
        let rest = len - whole;
        let add = |sum: u32, index: usize, shift: u32| {
            if rest > index { sum.wrapping_add(u32::from(byte(at + index)) << shift) } else { sum }
        };
        // The first byte of `c` is taken by the length.
        c = add(add(add(c, 10, 24), 9, 16), 8, 8);
        b = add(add(add(add(b, 7, 24), 6, 16), 5, 8), 4, 0);
        a = add(add(add(add(a, 3, 24), 2, 16), 1, 8), 0, 0);
        mix(&mut a, &mut b, &mut c);
        self.0 = c;
    }
}

/// Pending work of the walk; the top is done first.
enum Step {
    /// Hash a term.
    Term(Term),
    /// Mark the end of an improper list's tail (`HASH_CDR`).
    Cdr,
}

/// erts' `make_internal_hash(Term, Salt)` as of OTP 25.
///
/// # Safety
/// `term` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn internal_hash(term: Term, salt: u32) -> u32 {
    // SAFETY: forwarded contract.
    unsafe { hash_term(term, salt, true) }
}

/// The hash of `key` a HAMT uses at depth `depth` (levels `8 * depth` to `8 * depth + 7`):
/// OTP 25's `make_map_hash(Key, Depth)`.
///
/// # Safety
/// `key` must satisfy the crate's term contract (see [`crate::term`]).
pub unsafe fn map_hash(key: Term, depth: u32) -> u32 {
    let salt = if depth == 0 {
        0
    } else {
        let mut seed = Hasher(0);
        seed.pair(depth, 1, hconst(22));
        seed.0
    };
    // SAFETY: forwarded contract.
    unsafe { hash_term(key, salt, depth < SIGNED_ZERO_DEPTH) }
}

/// The walk of [`internal_hash`]; `positive_zero` hashes `-0.0` as `0.0`.
///
/// # Safety
/// `term` must satisfy the crate's term contract.
unsafe fn hash_term(term: Term, salt: u32, positive_zero: bool) -> u32 {
    let mut h = Hasher(salt ^ INTERNAL_HASH_SALT);
    if term.is_immediate() {
        h.word(term.raw(), HCONST);
        return h.0;
    }
    let mut stack: Vec<Step> = Vec::new();
    let mut term = term;
    loop {
        // SAFETY: terms reached from a valid term are valid (contract).
        let next = unsafe { hash_one(&mut h, term, positive_zero, &mut stack) };
        term = match next {
            Some(next) => next,
            None => loop {
                match stack.pop() {
                    None => return h.0,
                    Some(Step::Cdr) => h.constant(hconst(18)),
                    Some(Step::Term(t)) => break t,
                }
            },
        };
    }
}

/// A byte, as the list optimisation sees it: a small integer in `0..=255`.
fn byte_value(term: Term) -> Option<u32> {
    term.small_value().and_then(|v| u8::try_from(v).ok()).map(u32::from)
}

/// Hashes the top of one term, pushing its remaining parts; returns the term to continue
/// with directly, if any (erts continues with the first child without a push).
///
/// # Safety
/// `term` must satisfy the crate's term contract.
unsafe fn hash_one(h: &mut Hasher, term: Term, positive_zero: bool, stack: &mut Vec<Step>) -> Option<Term> {
    if term.is_immediate() {
        h.word(term.raw(), HCONST);
        return None;
    }
    if term.is_list() {
        // SAFETY: forwarded contract.
        return unsafe { hash_list(h, term, stack) };
    }
    // SAFETY: forwarded contract: a boxed term points at a live header.
    let header = unsafe { term.boxed_header() }?;
    if crate::term::map::is_header(header) {
        // SAFETY: forwarded contract.
        unsafe { push_map(h, term, header, stack) };
        return None;
    }
    if crate::term::tuple::is_header(header) {
        // The common compound key, without a full decode.
        // SAFETY: forwarded contract: a live tuple.
        let elements = unsafe { crate::term::tuple::elements(term) }?;
        h.one(elements.len() as u32, hconst(9));
        let (&first, rest) = elements.split_first()?;
        stack.extend(rest.iter().rev().map(|&e| Step::Term(e)));
        return Some(first);
    }
    // SAFETY: forwarded contract.
    let Ok(view) = (unsafe { term.view() }) else {
        // Not a term: hash the word so that the walk still ends.
        h.word(term.raw(), hconst(2));
        return None;
    };
    match view {
        View::Float(value) => {
            let value = if positive_zero && value == 0.0 { 0.0 } else { value };
            let bits = value.to_bits();
            h.pair(bits as u32, (bits >> 32) as u32, hconst(12));
            None
        }
        View::Bignum(big) => {
            let con = if big.negative { hconst(10) } else { hconst(11) };
            let mut limbs = big.digits.iter().flat_map(|&d| {
                let wide = d as u64;
                let high = (usize::BITS > 32).then_some((wide >> 32) as u32);
                core::iter::once(wide as u32).chain(high)
            });
            while let Some(x) = limbs.next() {
                let y = limbs.next().unwrap_or(0);
                h.pair(x, y, con);
            }
            None
        }
        View::Bits(bits) => {
            hash_bits(h, &bits);
            None
        }
        View::Reference([n0, n1, n2]) => {
            h.one(n0, hconst(7));
            h.pair(n1, n2, hconst(8));
            None
        }
        View::Fun(fun) => match fun.target {
            FunTarget::Local(entry) => {
                h.pair(fun.env.len() as u32, entry.module.raw() as u32, hconst(20));
                h.pair(entry.old_index, entry.old_uniq, hconst(21));
                let (&first, rest) = fun.env.split_first()?;
                stack.extend(rest.iter().rev().map(|&e| Step::Term(e)));
                Some(first)
            }
            FunTarget::External(export) => {
                h.word(export as *const _ as usize, hconst(14));
                None
            }
        },
        View::External(external) => {
            h.word(external.node, hconst(5));
            for &word in external.data {
                h.word(word, hconst(5));
            }
            None
        }
        // Immediates and lists were handled above, maps and tuples by their header.
        _ => None,
    }
}

/// A list: runs of bytes four at a time, then the first non-byte element (erts' string
/// optimisation), pushing the tail.
///
/// # Safety
/// `term` must be a valid cons term.
unsafe fn hash_list(h: &mut Hasher, term: Term, stack: &mut Vec<Step>) -> Option<Term> {
    let mut count = 0u32;
    let mut bytes = 0u32;
    let mut cell = term;
    // SAFETY: `cell` is a valid cons term whenever it is a list (contract).
    let (mut head, mut tail) = unsafe { list::head_tail(cell) }?;
    while let Some(byte) = byte_value(head) {
        bytes = (bytes << 8).wrapping_add(byte);
        if count == 3 {
            h.one(bytes, hconst(4));
            count = 0;
            bytes = 0;
        } else {
            count += 1;
        }
        cell = tail;
        // SAFETY: as above.
        match unsafe { list::head_tail(cell) } {
            Some((next_head, next_tail)) => (head, tail) = (next_head, next_tail),
            None => break,
        }
    }
    if count > 0 {
        h.pair(bytes, count, hconst(22));
    }
    if !cell.is_list() {
        // The byte run reached the tail, which is hashed like any term.
        return Some(cell);
    }
    h.constant(hconst(17));
    stack.push(Step::Term(tail));
    if !tail.is_list() {
        stack.push(Step::Cdr);
    }
    Some(head)
}

/// A bitstring: Jenkins' block hash of its bytes, then its trailing bits.
fn hash_bits(h: &mut Hasher, bits: &BitsView<'_>) {
    let con = hconst(13).wrapping_add(h.0);
    let size = bits.byte_size();
    let tail = bits.tail_bits();
    if size == 0 && tail == 0 {
        h.0 = con;
        return;
    }
    h.block(size, |i| bits.byte(i), con);
    if tail > 0 {
        h.pair(tail as u32, u32::from(bits.tail_value()), hconst(15));
    }
}

/// A map or HAMT node: its size (flatmaps and heads), then its keys and values pushed.
///
/// # Safety
/// `term` must be a valid boxed map object (a map or a HAMT node) with header `header`.
unsafe fn push_map(h: &mut Hasher, term: Term, header: usize, stack: &mut Vec<Step>) {
    let Some(object) = term.boxed_ptr() else { return };
    match crate::term::map::kind(header) {
        KIND_FLATMAP => {
            // SAFETY: a flatmap term (contract).
            let Some(flat) = (unsafe { crate::term::map::view_flatmap(term) }) else { return };
            h.one(flat.len() as u32, hconst(16));
            if flat.len() > super::SMALL_MAP_LIMIT {
                // From a literal area: hashed as the HAMT erts would have, whose leaves come
                // out in reverse iteration order.
                // SAFETY: a map (contract).
                for (key, value) in unsafe { super::pairs(term) } {
                    stack.push(Step::Term(value));
                    stack.push(Step::Term(key));
                }
                return;
            }
            for (&key, &value) in flat.keys.iter().zip(flat.values).rev() {
                stack.push(Step::Term(value));
                stack.push(Step::Term(key));
            }
        }
        kind @ (KIND_HAMT_HEAD_ARRAY | KIND_HAMT_HEAD_BITMAP | KIND_HAMT_NODE_BITMAP) => {
            if kind != KIND_HAMT_NODE_BITMAP {
                // SAFETY: a HAMT head is followed by its size word.
                h.one(unsafe { object.add(1).read() } as u32, hconst(16));
            }
            // SAFETY: a HAMT node object (contract).
            let children = unsafe { super::node::children(object) };
            for &child in children {
                // SAFETY: children of a live node are live terms.
                match unsafe { list::head_tail(child) } {
                    Some((key, value)) => {
                        stack.push(Step::Term(value));
                        stack.push(Step::Term(key));
                    }
                    None => stack.push(Step::Term(child)),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immediates_match_erts() {
        // erts_debug:get_internal_state({internal_hash, T}) on OTP 25, 64-bit and 32-bit alike.
        let small = |v: i64| Term::small(v).unwrap();
        // SAFETY: immediates.
        unsafe {
            assert_eq!(internal_hash(small(0), 0), 3_620_831_944);
            assert_eq!(internal_hash(small(1), 0), 2_441_450_838);
            assert_eq!(internal_hash(small(2), 0), 1_268_203_079);
            assert_eq!(internal_hash(Term::NIL, 0), 2_464_209_347);
            #[cfg(target_pointer_width = "64")]
            assert_eq!(internal_hash(small(-1), 0), 559_702_020);
            #[cfg(target_pointer_width = "32")]
            assert_eq!(internal_hash(small(-1), 0), 1_037_008_492);
        }
    }
}
