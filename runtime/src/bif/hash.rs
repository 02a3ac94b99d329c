//! Hashing BIFs: `erlang:phash/2`, `phash2/1,2` (erts' `make_hash` and `make_hash2` in
//! `utils.c`, value for value, so that `sets`, `dict` and friends place terms in the same
//! buckets as on erl), `md5/1` and the incremental `md5_init/0`, `md5_update/2`,
//! `md5_final/1`, `crc32/1,2`, `crc32_combine/3`, `adler32/1,2` and `adler32_combine/3`.
//!
//! Both term hashes are portable: they depend on values, never on the word size or on where
//! terms live, and the walks are iterative.

use super::data_util::{badarg, build_error, make_integer, view};
use super::{Bif, BifCtx, BifResult};
use crate::atom::AtomTable;
use crate::term::fun::FunTarget;
use crate::term::tags::WORD_BITS;
use crate::term::{Term, View, bits};

/// The hashing BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "phash", arity: 2, f: phash_2 },
    Bif { module: "erlang", name: "phash2", arity: 1, f: phash2_1 },
    Bif { module: "erlang", name: "phash2", arity: 2, f: phash2_2 },
    Bif { module: "erlang", name: "md5", arity: 1, f: md5_1 },
    Bif { module: "erlang", name: "md5_init", arity: 0, f: md5_init_0 },
    Bif { module: "erlang", name: "md5_update", arity: 2, f: md5_update_2 },
    Bif { module: "erlang", name: "md5_final", arity: 1, f: md5_final_1 },
    Bif { module: "erlang", name: "crc32", arity: 1, f: crc32_1 },
    Bif { module: "erlang", name: "crc32", arity: 2, f: crc32_2 },
    Bif { module: "erlang", name: "crc32_combine", arity: 3, f: crc32_combine_3 },
    Bif { module: "erlang", name: "adler32", arity: 1, f: adler32_1 },
    Bif { module: "erlang", name: "adler32", arity: 2, f: adler32_2 },
    Bif { module: "erlang", name: "adler32_combine", arity: 3, f: adler32_combine_3 },
];

/// An atom's hash as erts computes it once per atom (`atom_hash`: hashpjw over the UTF-8
/// text, a two-byte sequence for a Latin-1 character counted as that character).
pub fn atom_hash(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut h: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let mut v = bytes[i];
        i += 1;
        if i < bytes.len() && (v & 0xFE) == 0xC2 && (bytes[i] & 0xC0) == 0x80 {
            v = (v << 6) | (bytes[i] & 0x3F);
            i += 1;
        }
        h = (h << 4).wrapping_add(u32::from(v));
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

fn atom_value(atoms: &AtomTable, atom: Term) -> u32 {
    atoms.text(atom).map_or(0, atom_hash)
}

/// A magnitude (word digits, least significant first) as 32-bit limbs, without high zeros.
fn limbs32(digits: &[usize]) -> Vec<u32> {
    let mut limbs: Vec<u32> =
        digits.iter().flat_map(|&d| (0..WORD_BITS / 32).map(move |i| (d >> (i * 32)) as u32)).collect();
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs
}

// ---------------------------------------------------------------------------------------------
// make_hash (phash/2)

const FUNNY_NUMBER1: u32 = 268440163;
const FUNNY_NUMBER2: u32 = 268439161;
const FUNNY_NUMBER3: u32 = 268435459;
const FUNNY_NUMBER4: u32 = 268436141;
const FUNNY_NUMBER5: u32 = 268438633;
const FUNNY_NUMBER6: u32 = 268437017;
const FUNNY_NUMBER8: u32 = 268437511;
const FUNNY_NUMBER9: u32 = 268439627;
const FUNNY_NUMBER10: u32 = 268440479;
const FUNNY_NUMBER11: u32 = 268440577;
const FUNNY_NUMBER12: u32 = 268440581;
const FUNNY_NUMBER13: u32 = 268440593;
const FUNNY_NUMBER14: u32 = 268440611;

/// Pending work of `make_hash`.
enum Op<'a> {
    Term(Term),
    /// Hash the tail of a list, which may itself be a list.
    CdrPre(Term),
    /// After a list's tail.
    CdrPost,
    /// Remaining tuple elements, then the tuple's arity.
    Tuple(&'a [Term], u32),
    /// Remaining fun environment elements.
    Array(&'a [Term]),
}

fn step(hash: u32, x: u32, prime: u32) -> u32 {
    let mut h = hash;
    for shift in [0, 8, 16, 24] {
        h = h.wrapping_mul(prime).wrapping_add((x >> shift) & 0xFF);
    }
    h
}

/// Bytewise hash of an integer's magnitude, 4 bytes per 32-bit limb.
fn integer_bytes(mut hash: u32, limbs: &[u32], negative: bool) -> u32 {
    for &limb in limbs {
        hash = step(hash, limb, FUNNY_NUMBER2);
    }
    hash.wrapping_mul(if negative { FUNNY_NUMBER4 } else { FUNNY_NUMBER3 })
}

/// erts' `make_hash`, the hash of `erlang:phash/2`.
pub fn make_hash(atoms: &AtomTable, term: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut ops = vec![Op::Term(term)];
    while let Some(op) = ops.pop() {
        let term = match op {
            Op::Term(term) => term,
            Op::CdrPost => {
                hash = hash.wrapping_mul(FUNNY_NUMBER8);
                continue;
            }
            Op::CdrPre(tail) => {
                if !tail.is_list() {
                    ops.push(Op::CdrPost);
                }
                tail
            }
            Op::Tuple(elements, arity) => {
                match elements.split_first() {
                    Some((&first, rest)) => {
                        ops.push(Op::Tuple(rest, arity));
                        ops.push(Op::Term(first));
                    }
                    None => hash = hash.wrapping_mul(FUNNY_NUMBER9).wrapping_add(arity),
                }
                continue;
            }
            Op::Array(elements) => {
                if let Some((&first, rest)) = elements.split_first() {
                    ops.push(Op::Array(rest));
                    ops.push(Op::Term(first));
                }
                continue;
            }
        };
        let Some(v) = view(term) else { continue };
        match v {
            View::Nil => hash = hash.wrapping_mul(FUNNY_NUMBER3).wrapping_add(1),
            View::Atom(_) => hash = hash.wrapping_mul(FUNNY_NUMBER1).wrapping_add(atom_value(atoms, term)),
            View::Small(value) => {
                let magnitude = value.unsigned_abs();
                let mut limbs = vec![magnitude as u32];
                if magnitude >> 32 != 0 {
                    limbs.push((magnitude >> 32) as u32);
                }
                hash = integer_bytes(hash, &limbs, value < 0);
            }
            View::Bignum(big) => hash = integer_bytes(hash, &limbs32(big.digits), big.negative),
            View::Bits(b) => {
                let size = b.byte_size();
                for i in 0..size {
                    hash = hash.wrapping_mul(FUNNY_NUMBER1).wrapping_add(u32::from(b.byte(i)));
                }
                if b.tail_bits() > 0 {
                    hash = hash
                        .wrapping_mul(FUNNY_NUMBER1)
                        .wrapping_add(u32::from(b.tail_value()))
                        .wrapping_mul(FUNNY_NUMBER12)
                        .wrapping_add(b.tail_bits() as u32);
                }
                hash = hash.wrapping_mul(FUNNY_NUMBER4).wrapping_add(size as u32);
            }
            View::Fun(fun) => match fun.target {
                FunTarget::External(export) => {
                    hash = hash.wrapping_mul(FUNNY_NUMBER11).wrapping_add(export.mfa.arity as u32);
                    hash =
                        hash.wrapping_mul(FUNNY_NUMBER1).wrapping_add(atom_value(atoms, export.mfa.module));
                    hash =
                        hash.wrapping_mul(FUNNY_NUMBER1).wrapping_add(atom_value(atoms, export.mfa.function));
                }
                FunTarget::Local(entry) => {
                    hash = hash.wrapping_mul(FUNNY_NUMBER10).wrapping_add(fun.env.len() as u32);
                    hash = hash.wrapping_mul(FUNNY_NUMBER1).wrapping_add(atom_value(atoms, entry.module));
                    hash = hash.wrapping_mul(FUNNY_NUMBER2).wrapping_add(entry.old_index);
                    hash = hash.wrapping_mul(FUNNY_NUMBER2).wrapping_add(entry.old_uniq);
                    ops.push(Op::Array(fun.env));
                }
            },
            View::Pid { number, .. } => hash = step(hash, number, FUNNY_NUMBER5).wrapping_mul(FUNNY_NUMBER6),
            View::Port(number) => {
                hash = step(hash, number as u32, FUNNY_NUMBER9).wrapping_mul(FUNNY_NUMBER10)
            }
            View::Reference(numbers) => {
                hash = step(hash, numbers[0], FUNNY_NUMBER9).wrapping_mul(FUNNY_NUMBER10)
            }
            View::External(external) => {
                let number = external.data.first().copied().unwrap_or(0) as u32;
                let (p1, p2) = match external.class {
                    crate::term::Class::Pid => (FUNNY_NUMBER5, FUNNY_NUMBER6),
                    _ => (FUNNY_NUMBER9, FUNNY_NUMBER10),
                };
                hash = step(hash, number, p1).wrapping_mul(p2);
            }
            View::Float(value) => {
                let value = if value == 0.0 { 0.0 } else { value };
                let bits = value.to_bits();
                hash = hash.wrapping_mul(FUNNY_NUMBER6).wrapping_add((bits as u32) ^ ((bits >> 32) as u32));
            }
            View::Map(_) | View::HashMap(_) => {
                hash = hash
                    .wrapping_mul(FUNNY_NUMBER13)
                    .wrapping_add(FUNNY_NUMBER14)
                    .wrapping_add(make_hash2(atoms, term));
            }
            View::Tuple(elements) => ops.push(Op::Tuple(elements, elements.len() as u32)),
            View::Cons { .. } => {
                // A run of byte-valued heads hashes inline; the first other head is hashed as
                // a term, its tail after it.
                let mut list = term;
                while let Some((head, tail)) = super::data_util::cons(list) {
                    match byte_value(head) {
                        Some(b) => {
                            hash = hash.wrapping_mul(FUNNY_NUMBER2).wrapping_add(b);
                            if !tail.is_list() {
                                ops.push(Op::CdrPost);
                                ops.push(Op::Term(tail));
                                break;
                            }
                            list = tail;
                        }
                        None => {
                            ops.push(Op::CdrPre(tail));
                            ops.push(Op::Term(head));
                            break;
                        }
                    }
                }
            }
        }
    }
    hash
}

/// The value of a small integer in `0..=255`.
fn byte_value(term: Term) -> Option<u32> {
    term.small_value().filter(|v| (0..=255).contains(v)).map(|v| v as u32)
}

// ---------------------------------------------------------------------------------------------
// make_hash2 (phash2/1,2)

const HCONST: u32 = 0x9e37_79b9;
const HCONST_2: u32 = 0x3c6e_f372;
const HCONST_3: u32 = 0xdaa6_6d2b;
const HCONST_4: u32 = 0x78dd_e6e4;
const HCONST_5: u32 = 0x1715_609d;
const HCONST_6: u32 = 0xb54c_da56;
const HCONST_7: u32 = 0x5384_540f;
const HCONST_9: u32 = 0x8ff3_4781;
const HCONST_10: u32 = 0x2e2a_c13a;
const HCONST_11: u32 = 0xcc62_3af3;
const HCONST_12: u32 = 0x6a99_b4ac;
const HCONST_13: u32 = 0x08d1_2e65;
const HCONST_14: u32 = 0xa708_a81e;
const HCONST_15: u32 = 0x4540_21d7;
const HCONST_16: u32 = 0xe377_9b90;
const HCONST_19: u32 = 0xbe1e_08bb;

/// erts' tag value of `[]` (`NIL_DEF`), which `make_hash2` mixes in.
const NIL_DEF: u32 = 0x2;

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

/// Bob Jenkins' hash of a byte block (`block_hash`).
fn block_hash(k: &[u8], initval: u32) -> u32 {
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let (mut a, mut b, mut c) = (HCONST, HCONST, initval);
    let mut chunks = k.chunks_exact(12);
    for chunk in &mut chunks {
        a = a.wrapping_add(word(&chunk[0..4]));
        b = b.wrapping_add(word(&chunk[4..8]));
        c = c.wrapping_add(word(&chunk[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let rest = chunks.remainder();
    c = c.wrapping_add(k.len() as u32);
    for (i, &byte) in rest.iter().enumerate() {
        let byte = u32::from(byte);
        match i {
            0..=3 => a = a.wrapping_add(byte << (8 * i)),
            4..=7 => b = b.wrapping_add(byte << (8 * (i - 4))),
            // The first byte of c is reserved for the length.
            _ => c = c.wrapping_add(byte << (8 * (i - 7))),
        }
    }
    mix(&mut a, &mut b, &mut c);
    c
}

fn hash_2(hash: &mut u32, x: u32, y: u32, constant: u32) {
    let mut a = constant.wrapping_add(x);
    let mut b = constant.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

fn hash_1(hash: &mut u32, x: u32, constant: u32) {
    hash_2(hash, x, 0, constant);
}

/// Pending work of `make_hash2`.
enum Work {
    Term(Term),
    /// End of a map: restore the outer hash and pair accumulator.
    MapTail {
        hash: u32,
        xor_pairs: u32,
    },
    /// End of a key-value pair of a map.
    MapPair,
}

/// erts' `make_hash2`, the hash of `erlang:phash2/1,2`.
pub fn make_hash2(atoms: &AtomTable, term: Term) -> u32 {
    let mut hash: u32 = 0;
    let mut xor_pairs: u32 = 0;
    let mut stack = vec![Work::Term(term)];
    while let Some(work) = stack.pop() {
        let term = match work {
            Work::Term(term) => term,
            Work::MapTail { hash: outer, xor_pairs: outer_pairs } => {
                hash = outer;
                hash_1(&mut hash, xor_pairs, HCONST_19);
                xor_pairs = outer_pairs;
                continue;
            }
            Work::MapPair => {
                xor_pairs ^= hash;
                hash = 0;
                continue;
            }
        };
        let Some(v) = view(term) else { continue };
        match v {
            View::Cons { .. } => {
                let mut c = 0;
                let mut sh: u32 = 0;
                let mut list = term;
                let mut rest = None;
                while let Some((head, tail)) = super::data_util::cons(list) {
                    match byte_value(head) {
                        Some(byte) => {
                            sh = (sh << 8).wrapping_add(byte);
                            if c == 3 {
                                hash_1(&mut hash, sh, HCONST_4);
                                c = 0;
                                sh = 0;
                            } else {
                                c += 1;
                            }
                            list = tail;
                        }
                        None => {
                            rest = Some((head, tail));
                            break;
                        }
                    }
                }
                if c > 0 {
                    hash_1(&mut hash, sh, HCONST_4);
                }
                match rest {
                    Some((head, tail)) => {
                        stack.push(Work::Term(tail));
                        stack.push(Work::Term(head));
                    }
                    None => stack.push(Work::Term(list)),
                }
            }
            View::Tuple(elements) => {
                hash_1(&mut hash, elements.len() as u32, HCONST_9);
                stack.extend(elements.iter().rev().map(|&e| Work::Term(e)));
            }
            View::Map(_) | View::HashMap(_) => {
                let pairs = super::data_util::map_pairs(term).unwrap_or_default();
                hash_1(&mut hash, pairs.len() as u32, HCONST_16);
                if !pairs.is_empty() {
                    stack.push(Work::MapTail { hash, xor_pairs });
                    hash = 0;
                    xor_pairs = 0;
                    for &(k, v) in pairs.iter().rev() {
                        stack.push(Work::MapPair);
                        stack.push(Work::Term(v));
                        stack.push(Work::Term(k));
                    }
                }
            }
            View::Fun(fun) => match fun.target {
                FunTarget::External(export) => {
                    hash_2(&mut hash, export.mfa.arity as u32, atom_value(atoms, export.mfa.module), HCONST);
                    hash_1(&mut hash, atom_value(atoms, export.mfa.function), HCONST_14);
                }
                FunTarget::Local(entry) => {
                    hash_2(&mut hash, fun.env.len() as u32, atom_value(atoms, entry.module), HCONST);
                    hash_2(&mut hash, entry.old_index, entry.old_uniq, HCONST);
                    stack.extend(fun.env.iter().rev().map(|&e| Work::Term(e)));
                }
            },
            View::Bits(b) => {
                let constant = HCONST_13.wrapping_add(hash);
                let size = b.byte_size();
                let tail = b.tail_bits();
                if size == 0 && tail == 0 {
                    hash = constant;
                } else {
                    let bytes: Vec<u8> = (0..size).map(|i| b.byte(i)).collect();
                    hash = block_hash(&bytes, constant);
                    if tail > 0 {
                        hash_2(&mut hash, tail as u32, u32::from(b.tail_value()), HCONST_15);
                    }
                }
            }
            View::Small(value) => {
                if (-(1 << 27)..(1 << 27)).contains(&value) {
                    let y = value as i32;
                    if y < 0 {
                        hash_1(&mut hash, y.wrapping_neg() as u32, HCONST);
                    }
                    hash_1(&mut hash, y as u32, HCONST);
                } else {
                    let magnitude = value.unsigned_abs();
                    hash_bignum(&mut hash, &[magnitude as u32, (magnitude >> 32) as u32], value < 0);
                }
            }
            View::Bignum(big) => hash_bignum(&mut hash, &limbs32(big.digits), big.negative),
            View::Reference(numbers) => hash_1(&mut hash, numbers[0], HCONST_7),
            View::External(external) => {
                let number = external.data.first().copied().unwrap_or(0) as u32;
                let constant = match external.class {
                    crate::term::Class::Pid => HCONST_5,
                    crate::term::Class::Port => HCONST_6,
                    _ => HCONST_7,
                };
                hash_1(&mut hash, number, constant);
            }
            View::Float(value) => {
                let value = if value == 0.0 { 0.0 } else { value };
                let bits = value.to_bits();
                hash_2(&mut hash, (bits >> 32) as u32, bits as u32, HCONST_12);
            }
            View::Pid { number, .. } => hash_1(&mut hash, number, HCONST_5),
            View::Port(number) => hash_1(&mut hash, number as u32, HCONST_6),
            View::Atom(_) => {
                let value = atom_value(atoms, term);
                if hash == 0 {
                    hash = value;
                } else {
                    hash_1(&mut hash, value, HCONST_3);
                }
            }
            View::Nil => {
                if hash == 0 {
                    hash = 3_468_870_702;
                } else {
                    hash_1(&mut hash, NIL_DEF, HCONST_2);
                }
            }
        }
    }
    hash
}

/// A bignum (or a small beyond 28 bits) in `make_hash2`: 32-bit limbs in pairs.
fn hash_bignum(hash: &mut u32, limbs: &[u32], negative: bool) {
    let constant = if negative { HCONST_10 } else { HCONST_11 };
    let mut limbs = limbs.to_vec();
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    for pair in limbs.chunks(2) {
        hash_2(hash, pair[0], pair.get(1).copied().unwrap_or(0), constant);
    }
}

/// A range argument of `phash/2` and `phash2/2`: `1..=2^32`, `0` meaning `2^32`.
fn range(term: Term) -> Option<u64> {
    match view(term)? {
        View::Small(n) if (1..=1 << 32).contains(&n) => Some(n as u64 & 0xFFFF_FFFF),
        View::Bignum(big) if !big.negative && limbs32(big.digits) == [0, 1] => Some(0),
        _ => None,
    }
}

fn phash_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(range) = range(args[1]) else { return badarg() };
    let hash = u64::from(make_hash(&ctx.vm.atoms, args[0]));
    let result = if range == 0 { hash + 1 } else { 1 + hash % range };
    make_integer(ctx.proc, i128::from(result)).into()
}

fn phash2_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let hash = make_hash2(&ctx.vm.atoms, args[0]) & ((1 << 27) - 1);
    make_integer(ctx.proc, i128::from(hash)).into()
}

fn phash2_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(range) = range(args[1]) else { return badarg() };
    let hash = u64::from(make_hash2(&ctx.vm.atoms, args[0]));
    let result = if range == 0 { hash } else { hash % range };
    make_integer(ctx.proc, i128::from(result)).into()
}

// ---------------------------------------------------------------------------------------------
// iodata, MD5, CRC-32, Adler-32

/// The bytes of an iodata term (a binary, or a possibly deep list of bytes, binaries and
/// lists with a binary or `[]` tail), flattened without recursion.
pub(crate) fn iodata_bytes(term: Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    if let Some(View::Bits(b)) = view(term) {
        if !b.is_binary() {
            return None;
        }
        out.extend((0..b.byte_size()).map(|i| b.byte(i)));
        return Some(out);
    }
    let mut stack = vec![term];
    while let Some(list) = stack.pop() {
        match view(list)? {
            View::Nil => {}
            View::Cons { head, tail } => {
                stack.push(tail);
                match view(head)? {
                    View::Small(byte) if (0..=255).contains(&byte) => out.push(byte as u8),
                    View::Bits(b) if b.is_binary() => out.extend((0..b.byte_size()).map(|i| b.byte(i))),
                    View::Nil | View::Cons { .. } => stack.push(head),
                    _ => return None,
                }
            }
            // A binary tail of a list.
            View::Bits(b) if b.is_binary() && !stack.is_empty() || b.is_binary() && list != term => {
                out.extend((0..b.byte_size()).map(|i| b.byte(i)))
            }
            _ => return None,
        }
    }
    Some(out)
}

/// MD5 state in erts' context layout: four state words, the bit count (two words) and the
/// 64-byte block buffer, all little-endian: 88 bytes.
#[derive(Clone)]
struct Md5 {
    state: [u32; 4],
    bits: u64,
    buffer: [u8; 64],
}

const MD5_CONTEXT_BYTES: usize = 88;

impl Md5 {
    fn new() -> Md5 {
        Md5 { state: [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476], bits: 0, buffer: [0; 64] }
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(MD5_CONTEXT_BYTES);
        for word in self.state {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.extend_from_slice(&(self.bits as u32).to_le_bytes());
        out.extend_from_slice(&((self.bits >> 32) as u32).to_le_bytes());
        out.extend_from_slice(&self.buffer);
        out
    }

    fn from_bytes(bytes: &[u8]) -> Option<Md5> {
        if bytes.len() != MD5_CONTEXT_BYTES {
            return None;
        }
        let word = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let mut buffer = [0u8; 64];
        buffer.copy_from_slice(&bytes[24..88]);
        Some(Md5 {
            state: [word(0), word(4), word(8), word(12)],
            bits: u64::from(word(16)) | u64::from(word(20)) << 32,
            buffer,
        })
    }

    fn update(&mut self, mut data: &[u8]) {
        let mut used = ((self.bits >> 3) & 63) as usize;
        self.bits = self.bits.wrapping_add((data.len() as u64) << 3);
        if used > 0 {
            let take = (64 - used).min(data.len());
            self.buffer[used..used + take].copy_from_slice(&data[..take]);
            used += take;
            data = &data[take..];
            if used < 64 {
                return;
            }
            let block = self.buffer;
            self.block(&block);
        }
        let mut chunks = data.chunks_exact(64);
        for chunk in &mut chunks {
            let mut block = [0u8; 64];
            block.copy_from_slice(chunk);
            self.block(&block);
        }
        let rest = chunks.remainder();
        self.buffer[..rest.len()].copy_from_slice(rest);
    }

    fn finish(mut self) -> [u8; 16] {
        let bits = self.bits;
        let used = ((bits >> 3) & 63) as usize;
        let pad = if used < 56 { 56 - used } else { 120 - used };
        let mut padding = vec![0u8; pad];
        padding[0] = 0x80;
        self.update(&padding);
        self.update(&bits.to_le_bytes());
        let mut digest = [0u8; 16];
        for (i, word) in self.state.iter().enumerate() {
            digest[4 * i..4 * i + 4].copy_from_slice(&word.to_le_bytes());
        }
        digest
    }

    fn block(&mut self, block: &[u8; 64]) {
        const S: [u32; 64] = [
            7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14,
            20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
            10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
        ];
        let mut m = [0u32; 16];
        for (i, word) in m.iter_mut().enumerate() {
            *word = u32::from_le_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        let [mut a, mut b, mut c, mut d] = self.state;
        for (i, &shift) in S.iter().enumerate() {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let k = ((i as f64 + 1.0).sin().abs() * 4_294_967_296.0) as u32;
            let rotated = a.wrapping_add(f).wrapping_add(k).wrapping_add(m[g]).rotate_left(shift);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(rotated);
        }
        self.state[0] = self.state[0].wrapping_add(a);
        self.state[1] = self.state[1].wrapping_add(b);
        self.state[2] = self.state[2].wrapping_add(c);
        self.state[3] = self.state[3].wrapping_add(d);
    }
}

/// The MD5 digest of `data`.
pub fn md5(data: &[u8]) -> [u8; 16] {
    let mut state = Md5::new();
    state.update(data);
    state.finish()
}

fn binary_result(ctx: &mut BifCtx<'_>, bytes: &[u8]) -> BifResult {
    bits::build_binary(ctx.proc, bytes).map_err(build_error).into()
}

fn md5_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(data) = iodata_bytes(args[0]) else { return badarg() };
    binary_result(ctx, &md5(&data))
}

fn md5_init_0(ctx: &mut BifCtx<'_>, _args: &[Term]) -> BifResult {
    binary_result(ctx, &Md5::new().to_bytes())
}

fn context(term: Term) -> Option<Md5> {
    match view(term)? {
        View::Bits(b) if b.is_binary() => Md5::from_bytes(&b.to_bytes()),
        _ => None,
    }
}

fn md5_update_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let (Some(mut state), Some(data)) = (context(args[0]), iodata_bytes(args[1])) else { return badarg() };
    state.update(&data);
    binary_result(ctx, &state.to_bytes())
}

fn md5_final_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(state) = context(args[0]) else { return badarg() };
    binary_result(ctx, &state.finish())
}

/// The CRC-32 (zlib's) of `data`, continuing from `crc`.
pub fn crc32(crc: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (n, entry) in table.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *entry = c;
        }
        table
    });
    let mut c = !crc;
    for &byte in data {
        c = table[((c ^ u32::from(byte)) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

/// The Adler-32 of `data`, continuing from `adler`.
pub fn adler32(adler: u32, data: &[u8]) -> u32 {
    const BASE: u32 = 65521;
    let (mut a, mut b) = (adler & 0xFFFF, adler >> 16);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= BASE;
        b %= BASE;
    }
    (b << 16) | a
}

fn gf2_times(matrix: &[u32; 32], mut vector: u32) -> u32 {
    let mut sum = 0;
    let mut i = 0;
    while vector != 0 {
        if vector & 1 != 0 {
            sum ^= matrix[i];
        }
        vector >>= 1;
        i += 1;
    }
    sum
}

fn gf2_square(square: &mut [u32; 32], matrix: &[u32; 32]) {
    for n in 0..32 {
        square[n] = gf2_times(matrix, matrix[n]);
    }
}

/// zlib's `crc32_combine`: the CRC of two concatenated blocks from their CRCs.
pub fn crc32_combine(mut crc1: u32, crc2: u32, mut len2: u64) -> u32 {
    if len2 == 0 {
        return crc1;
    }
    let mut even = [0u32; 32];
    let mut odd = [0u32; 32];
    odd[0] = 0xedb8_8320;
    let mut row = 1;
    for entry in odd.iter_mut().skip(1) {
        *entry = row;
        row <<= 1;
    }
    gf2_square(&mut even, &odd);
    gf2_square(&mut odd, &even);
    loop {
        gf2_square(&mut even, &odd);
        if len2 & 1 != 0 {
            crc1 = gf2_times(&even, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
        gf2_square(&mut odd, &even);
        if len2 & 1 != 0 {
            crc1 = gf2_times(&odd, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
    }
    crc1 ^ crc2
}

/// zlib's `adler32_combine`.
pub fn adler32_combine(adler1: u32, adler2: u32, len2: u64) -> u32 {
    const BASE: u64 = 65521;
    let rem = len2 % BASE;
    let mut sum1 = u64::from(adler1 & 0xFFFF);
    let mut sum2 = (rem * sum1) % BASE;
    sum1 += u64::from(adler2 & 0xFFFF) + BASE - 1;
    sum2 += u64::from(adler1 >> 16) + u64::from(adler2 >> 16) + BASE - rem;
    if sum1 >= BASE {
        sum1 -= BASE;
    }
    if sum1 >= BASE {
        sum1 -= BASE;
    }
    if sum2 >= BASE << 1 {
        sum2 -= BASE << 1;
    }
    if sum2 >= BASE {
        sum2 -= BASE;
    }
    (sum1 | (sum2 << 16)) as u32
}

/// A 32-bit unsigned argument (`0..2^32`).
fn uint32(term: Term) -> Option<u32> {
    match view(term)? {
        View::Small(n) => u32::try_from(n).ok(),
        View::Bignum(big) if !big.negative => {
            let limbs = limbs32(big.digits);
            (limbs.len() == 1).then(|| limbs[0])
        }
        _ => None,
    }
}

/// A non-negative size argument.
fn size_arg(term: Term) -> Option<u64> {
    match view(term)? {
        View::Small(n) => u64::try_from(n).ok(),
        View::Bignum(big) if !big.negative => {
            let limbs = limbs32(big.digits);
            match limbs.as_slice() {
                [lo] => Some(u64::from(*lo)),
                [lo, hi] => Some(u64::from(*lo) | u64::from(*hi) << 32),
                _ => None,
            }
        }
        _ => None,
    }
}

fn checksum(
    ctx: &mut BifCtx<'_>,
    seed: Option<Term>,
    data: Term,
    f: fn(u32, &[u8]) -> u32,
    init: u32,
) -> BifResult {
    let seed = match seed {
        Some(t) => match uint32(t) {
            Some(v) => v,
            None => return badarg(),
        },
        None => init,
    };
    let Some(bytes) = iodata_bytes(data) else { return badarg() };
    make_integer(ctx.proc, i128::from(f(seed, &bytes))).into()
}

fn crc32_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    checksum(ctx, None, args[0], crc32, 0)
}

fn crc32_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    checksum(ctx, Some(args[0]), args[1], crc32, 0)
}

fn adler32_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    checksum(ctx, None, args[0], adler32, 1)
}

fn adler32_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    checksum(ctx, Some(args[0]), args[1], adler32, 1)
}

fn combine(ctx: &mut BifCtx<'_>, args: &[Term], f: fn(u32, u32, u64) -> u32) -> BifResult {
    let (Some(a), Some(b), Some(len)) = (uint32(args[0]), uint32(args[1]), size_arg(args[2])) else {
        return badarg();
    };
    make_integer(ctx.proc, i128::from(f(a, b, len))).into()
}

fn crc32_combine_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    combine(ctx, args, crc32_combine)
}

fn adler32_combine_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    combine(ctx, args, adler32_combine)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn md5_known_answers() {
        assert_eq!(hex(&md5(b"")), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(&md5(b"abc")), "900150983cd24fb0d6963f7d28e17f72");
        let long: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let mut state = Md5::new();
        for chunk in long.chunks(37) {
            state = Md5::from_bytes(&state.to_bytes()).expect("88 bytes");
            state.update(chunk);
        }
        assert_eq!(state.finish(), md5(&long));
    }

    #[test]
    fn checksums_known_answers() {
        assert_eq!(crc32(0, b"123456789"), 0xcbf4_3926);
        assert_eq!(adler32(1, b"Wikipedia"), 0x11e6_0398);
        let (a, b) = (b"hello ".as_slice(), b"world".as_slice());
        assert_eq!(crc32_combine(crc32(0, a), crc32(0, b), 5), crc32(0, b"hello world"));
        assert_eq!(adler32_combine(adler32(1, a), adler32(1, b), 5), adler32(1, b"hello world"));
    }

    #[test]
    fn atom_hash_is_hashpjw() {
        assert_eq!(atom_hash("abc"), 26499);
        assert_eq!(atom_hash("héllo"), atom_hash_latin1(b"h\xe9llo"));
    }

    fn atom_hash_latin1(bytes: &[u8]) -> u32 {
        let mut h: u32 = 0;
        for &v in bytes {
            h = (h << 4).wrapping_add(u32::from(v));
            let g = h & 0xf000_0000;
            if g != 0 {
                h ^= g >> 24;
                h ^= g;
            }
        }
        h
    }
}
