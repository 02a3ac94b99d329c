//! The external term format BIFs: `term_to_binary/1,2`, `term_to_iovec/1,2`,
//! `binary_to_term/1,2` and `external_size/1,2`, byte for byte as OTP 25's `external.c`.
//!
//! Encoding: small integers as `SMALL_INTEGER_EXT` or `INTEGER_EXT`, larger ones as
//! `SMALL_BIG_EXT`/`LARGE_BIG_EXT`; floats as `NEW_FLOAT_EXT` (`FLOAT_EXT`'s `%.20e` text with
//! `{minor_version, 0}`); atoms as `ATOM_EXT` when all characters are Latin-1 and as
//! `SMALL_ATOM_UTF8_EXT`/`ATOM_UTF8_EXT` otherwise (always UTF-8 with `{minor_version, 2}`);
//! proper lists of up to 65535 bytes as `STRING_EXT`; pids, ports and references as
//! `NEW_PID_EXT`, `NEW_PORT_EXT`/`V4_PORT_EXT` and `NEWER_REFERENCE_EXT` of node
//! `nonode@nohost`, creation 0. `compressed` deflates with zlib itself (the `libz-sys` crate's
//! bundled zlib) at the requested level and keeps the result only if it is smaller, as erts
//! does. The encoder walks the term over an explicit stack.
//!
//! Decoding goes through the loader's decoder ([`Terms`]) and builds the result on the
//! process heap with the literal-tree builder ([`crate::literal`]), both iterative. `safe`
//! refuses to create atoms and export entries; `used` returns the bytes consumed.

use core::ptr::NonNull;

use rbeam_loader::etf::Terms;

use super::data_util::{
    badarg, build_error, make_integer, make_tuple, map_pairs, proper_list, tuple_elements, view,
};
use super::{Bif, BifCtx, BifResult};
use crate::atom::AtomTable;
use crate::dispatch::{Export, FunEntry, Mfa};
use crate::exception::Exception;
use crate::exports::ExportTable;
use crate::heap::offheap::OffHeap;
use crate::heap::{AllocError, Allocator};
use crate::literal::{ExportResolver, LiteralError};
use crate::modules::ModuleTable;
use crate::term::fun::FunTarget;
use crate::term::{Term, View, bits, list};

/// The external term format BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "term_to_binary", arity: 1, f: term_to_binary_1 },
    Bif { module: "erlang", name: "term_to_binary", arity: 2, f: term_to_binary_2 },
    Bif { module: "erlang", name: "term_to_iovec", arity: 1, f: term_to_iovec_1 },
    Bif { module: "erlang", name: "term_to_iovec", arity: 2, f: term_to_iovec_2 },
    Bif { module: "erlang", name: "binary_to_term", arity: 1, f: binary_to_term_1 },
    Bif { module: "erlang", name: "binary_to_term", arity: 2, f: binary_to_term_2 },
    Bif { module: "erlang", name: "external_size", arity: 1, f: external_size_1 },
    Bif { module: "erlang", name: "external_size", arity: 2, f: external_size_2 },
];

const VERSION: u8 = 131;
const COMPRESSED: u8 = 80;
const NEW_FLOAT_EXT: u8 = 70;
const BIT_BINARY_EXT: u8 = 77;
const NEW_PID_EXT: u8 = 88;
const NEW_PORT_EXT: u8 = 89;
const NEWER_REFERENCE_EXT: u8 = 90;
const SMALL_INTEGER_EXT: u8 = 97;
const INTEGER_EXT: u8 = 98;
const FLOAT_EXT: u8 = 99;
const ATOM_EXT: u8 = 100;
const SMALL_TUPLE_EXT: u8 = 104;
const LARGE_TUPLE_EXT: u8 = 105;
const NIL_EXT: u8 = 106;
const STRING_EXT: u8 = 107;
const LIST_EXT: u8 = 108;
const BINARY_EXT: u8 = 109;
const SMALL_BIG_EXT: u8 = 110;
const LARGE_BIG_EXT: u8 = 111;
const NEW_FUN_EXT: u8 = 112;
const EXPORT_EXT: u8 = 113;
const MAP_EXT: u8 = 116;
const ATOM_UTF8_EXT: u8 = 118;
const SMALL_ATOM_UTF8_EXT: u8 = 119;
const V4_PORT_EXT: u8 = 120;

/// The node every local pid, port and reference belongs to.
const THIS_NODE: &str = "nonode@nohost";
/// This node's creation.
const THIS_CREATION: u32 = 0;

/// How to encode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodeOptions {
    /// `{minor_version, N}`: 0, 1 (default) or 2.
    pub minor_version: u8,
    /// zlib level (0..=9) when compressing.
    pub compressed: Option<u32>,
    /// Map pairs in sorted key order whatever the map's layout.
    pub deterministic: bool,
}

impl Default for EncodeOptions {
    fn default() -> EncodeOptions {
        EncodeOptions { minor_version: 1, compressed: None, deterministic: false }
    }
}

/// Why a term cannot be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EncodeError;

/// Pending encoder work.
enum Work<'a> {
    Term(Term),
    /// The remaining elements of a tuple.
    Elements(&'a [Term]),
    /// The rest of a list being written as `LIST_EXT`: its cells, then its tail.
    ListRest(Term),
    /// Terms of a map (keys and values alternating) still to write.
    Owned(std::vec::IntoIter<Term>),
    /// Patch the size field of the `NEW_FUN_EXT` starting at this offset.
    FunSize(usize),
}

/// Encodes `term` (without the version byte) onto `out`.
pub fn encode(
    atoms: &AtomTable,
    term: Term,
    options: &EncodeOptions,
    out: &mut Vec<u8>,
) -> Result<(), EncodeError> {
    let mut stack: Vec<Work<'_>> = vec![Work::Term(term)];
    while let Some(work) = stack.pop() {
        let term = match work {
            Work::Term(term) => term,
            Work::Elements(elements) => {
                if let Some((&first, rest)) = elements.split_first() {
                    stack.push(Work::Elements(rest));
                    stack.push(Work::Term(first));
                }
                continue;
            }
            Work::ListRest(rest) => {
                match super::data_util::cons(rest) {
                    Some((head, tail)) => {
                        stack.push(Work::ListRest(tail));
                        stack.push(Work::Term(head));
                    }
                    None => stack.push(Work::Term(rest)),
                }
                continue;
            }
            Work::Owned(mut terms) => {
                if let Some(next) = terms.next() {
                    stack.push(Work::Owned(terms));
                    stack.push(Work::Term(next));
                }
                continue;
            }
            Work::FunSize(start) => {
                let size = (out.len() - start - 1) as u32;
                out[start + 1..start + 5].copy_from_slice(&size.to_be_bytes());
                continue;
            }
        };
        let v = view(term).ok_or(EncodeError)?;
        match v {
            View::Small(value) => encode_integer(out, value),
            View::Bignum(big) => {
                let bytes = magnitude_bytes(big.digits);
                // On 32-bit words a bignum may still fit INTEGER_EXT (erts checks the value).
                if bytes.len() <= 8 {
                    let magnitude = bytes.iter().rev().fold(0i128, |v, &b| (v << 8) | i128::from(b));
                    let value = if big.negative { -magnitude } else { magnitude };
                    if let Ok(value) = i64::try_from(value) {
                        encode_integer(out, value);
                        continue;
                    }
                }
                encode_big(out, big.negative, &bytes);
            }
            View::Float(value) => encode_float(out, value, options.minor_version),
            View::Atom(_) => encode_atom(out, atoms.text(term).ok_or(EncodeError)?, options.minor_version),
            View::Nil => out.push(NIL_EXT),
            View::Cons { .. } => {
                if let Some(bytes) = byte_string(term) {
                    out.push(STRING_EXT);
                    out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                    out.extend_from_slice(&bytes);
                    continue;
                }
                let mut count: u32 = 0;
                let mut rest = term;
                while let Some((_, tail)) = super::data_util::cons(rest) {
                    count = count.checked_add(1).ok_or(EncodeError)?;
                    rest = tail;
                }
                out.push(LIST_EXT);
                out.extend_from_slice(&count.to_be_bytes());
                stack.push(Work::ListRest(term));
            }
            View::Tuple(elements) => {
                if elements.len() <= 255 {
                    out.push(SMALL_TUPLE_EXT);
                    out.push(elements.len() as u8);
                } else {
                    out.push(LARGE_TUPLE_EXT);
                    out.extend_from_slice(&(elements.len() as u32).to_be_bytes());
                }
                stack.push(Work::Elements(elements));
            }
            View::Map(_) | View::HashMap(_) => {
                let mut pairs = map_pairs(term).ok_or(EncodeError)?;
                if options.deterministic {
                    pairs.sort_by(|a, b| super::data_util::compare_exact(atoms, a.0, b.0));
                }
                out.push(MAP_EXT);
                out.extend_from_slice(&(pairs.len() as u32).to_be_bytes());
                let flat: Vec<Term> = pairs.iter().flat_map(|&(k, v)| [k, v]).collect();
                stack.push(Work::Owned(flat.into_iter()));
            }
            View::Bits(b) => {
                let bytes = b.to_bytes();
                if b.tail_bits() == 0 {
                    out.push(BINARY_EXT);
                    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                } else {
                    out.push(BIT_BINARY_EXT);
                    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                    out.push(b.tail_bits() as u8);
                }
                out.extend_from_slice(&bytes);
            }
            View::Pid { number, serial } => {
                out.push(NEW_PID_EXT);
                encode_atom(out, THIS_NODE, options.minor_version);
                out.extend_from_slice(&number.to_be_bytes());
                out.extend_from_slice(&serial.to_be_bytes());
                out.extend_from_slice(&THIS_CREATION.to_be_bytes());
            }
            View::Port(number) => {
                if number >> 32 == 0 {
                    out.push(NEW_PORT_EXT);
                    encode_atom(out, THIS_NODE, options.minor_version);
                    out.extend_from_slice(&(number as u32).to_be_bytes());
                } else {
                    out.push(V4_PORT_EXT);
                    encode_atom(out, THIS_NODE, options.minor_version);
                    out.extend_from_slice(&number.to_be_bytes());
                }
                out.extend_from_slice(&THIS_CREATION.to_be_bytes());
            }
            View::Reference(numbers) => {
                out.push(NEWER_REFERENCE_EXT);
                out.extend_from_slice(&(numbers.len() as u16).to_be_bytes());
                encode_atom(out, THIS_NODE, options.minor_version);
                out.extend_from_slice(&THIS_CREATION.to_be_bytes());
                for n in numbers {
                    out.extend_from_slice(&n.to_be_bytes());
                }
            }
            View::Fun(fun) => match fun.target {
                FunTarget::External(export) => {
                    out.push(EXPORT_EXT);
                    encode_atom(
                        out,
                        atoms.text(export.mfa.module).ok_or(EncodeError)?,
                        options.minor_version,
                    );
                    encode_atom(
                        out,
                        atoms.text(export.mfa.function).ok_or(EncodeError)?,
                        options.minor_version,
                    );
                    encode_integer(out, export.mfa.arity as i64);
                }
                FunTarget::Local(entry) => {
                    // NEW_FUN_EXT's size counts the whole fun, free variables included: it is
                    // patched once they are written.
                    let start = out.len();
                    out.push(NEW_FUN_EXT);
                    out.extend_from_slice(&[0; 4]);
                    out.push(fun.arity);
                    out.extend_from_slice(&entry.uniq);
                    out.extend_from_slice(&entry.index.to_be_bytes());
                    out.extend_from_slice(&(fun.env.len() as u32).to_be_bytes());
                    encode_atom(out, atoms.text(entry.module).ok_or(EncodeError)?, options.minor_version);
                    encode_integer(out, i64::from(entry.old_index));
                    encode_integer(out, i64::from(entry.old_uniq));
                    // The creator: rbeam does not record it, so `<0.0.0>` stands in.
                    out.push(NEW_PID_EXT);
                    encode_atom(out, THIS_NODE, options.minor_version);
                    out.extend_from_slice(&[0; 12]);
                    stack.push(Work::FunSize(start));
                    stack.push(Work::Elements(fun.env));
                }
            },
            View::External(_) => return Err(EncodeError),
        }
    }
    Ok(())
}

fn encode_integer(out: &mut Vec<u8>, value: i64) {
    if (0..=255).contains(&value) {
        out.push(SMALL_INTEGER_EXT);
        out.push(value as u8);
    } else if let Ok(v) = i32::try_from(value) {
        out.push(INTEGER_EXT);
        out.extend_from_slice(&v.to_be_bytes());
    } else {
        let magnitude = value.unsigned_abs().to_le_bytes();
        let len = magnitude.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        encode_big(out, value < 0, &magnitude[..len]);
    }
}

/// Little-endian bytes of a bignum's magnitude, without high zeros.
fn magnitude_bytes(digits: &[usize]) -> Vec<u8> {
    let mut bytes: Vec<u8> = digits.iter().flat_map(|d| d.to_le_bytes()).collect();
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    bytes
}

fn encode_big(out: &mut Vec<u8>, negative: bool, magnitude: &[u8]) {
    if magnitude.len() <= 255 {
        out.push(SMALL_BIG_EXT);
        out.push(magnitude.len() as u8);
    } else {
        out.push(LARGE_BIG_EXT);
        out.extend_from_slice(&(magnitude.len() as u32).to_be_bytes());
    }
    out.push(u8::from(negative));
    out.extend_from_slice(magnitude);
}

fn encode_float(out: &mut Vec<u8>, value: f64, minor_version: u8) {
    if minor_version == 0 {
        out.push(FLOAT_EXT);
        let text = super::display::c_exponent(value, 20);
        let mut field = [0u8; 31];
        let len = text.len().min(31);
        field[..len].copy_from_slice(&text.as_bytes()[..len]);
        out.extend_from_slice(&field);
    } else {
        out.push(NEW_FLOAT_EXT);
        out.extend_from_slice(&value.to_bits().to_be_bytes());
    }
}

fn encode_atom(out: &mut Vec<u8>, text: &str, minor_version: u8) {
    let latin1: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    match latin1 {
        Some(bytes) if minor_version < 2 => {
            out.push(ATOM_EXT);
            out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
            out.extend_from_slice(&bytes);
        }
        _ => {
            let bytes = text.as_bytes();
            if bytes.len() <= 255 {
                out.push(SMALL_ATOM_UTF8_EXT);
                out.push(bytes.len() as u8);
            } else {
                out.push(ATOM_UTF8_EXT);
                out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
            }
            out.extend_from_slice(bytes);
        }
    }
}

/// The bytes of a proper list of at most 65535 byte-valued integers (`STRING_EXT`).
fn byte_string(mut term: Term) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    loop {
        if term.is_nil() {
            return Some(bytes);
        }
        let (head, tail) = super::data_util::cons(term)?;
        let byte = u8::try_from(head.small_value()?).ok()?;
        if bytes.len() == 0xFFFF {
            return None;
        }
        bytes.push(byte);
        term = tail;
    }
}

/// zlib's `compress2` at `level`.
fn deflate(data: &[u8], level: u32) -> Option<Vec<u8>> {
    let source_len = libz_sys::uLong::try_from(data.len()).ok()?;
    // SAFETY: `compressBound` is a pure function of its argument.
    let bound = unsafe { libz_sys::compressBound(source_len) };
    let mut out = vec![0u8; usize::try_from(bound).ok()?];
    let mut out_len = bound;
    // SAFETY: `out` has `out_len` writable bytes and `data` `source_len` readable ones; zlib
    // writes at most `out_len` bytes and reports how many in `out_len`.
    let status = unsafe {
        libz_sys::compress2(
            out.as_mut_ptr(),
            &mut out_len,
            data.as_ptr(),
            source_len,
            level as core::ffi::c_int,
        )
    };
    if status != libz_sys::Z_OK {
        return None;
    }
    out.truncate(usize::try_from(out_len).ok()?);
    Some(out)
}

/// The whole `term_to_binary` output for `term`.
pub fn term_to_binary(
    atoms: &AtomTable,
    term: Term,
    options: &EncodeOptions,
) -> Result<Vec<u8>, EncodeError> {
    let mut body = Vec::new();
    encode(atoms, term, options, &mut body)?;
    if let Some(level) = options.compressed {
        if let Some(compressed) = deflate(&body, level) {
            // erts keeps the compressed form only when it is smaller than the plain one.
            if compressed.len() + 5 < body.len() {
                let mut out = Vec::with_capacity(6 + compressed.len());
                out.push(VERSION);
                out.push(COMPRESSED);
                out.extend_from_slice(&(body.len() as u32).to_be_bytes());
                out.extend_from_slice(&compressed);
                return Ok(out);
            }
        }
    }
    let mut out = Vec::with_capacity(1 + body.len());
    out.push(VERSION);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Parses `term_to_binary/2`'s options (`external_size/2` accepts only `minor_version`).
fn encode_options(atoms: &AtomTable, term: Term, size_only: bool) -> Option<EncodeOptions> {
    let mut options = EncodeOptions::default();
    for option in proper_list(term)? {
        if let Some(text) = atoms.text(option) {
            match text {
                "compressed" if !size_only => options.compressed = Some(6),
                "deterministic" if !size_only => options.deterministic = true,
                _ => return None,
            }
            continue;
        }
        let [key, value] = tuple_elements(option)? else { return None };
        let value = value.small_value()?;
        match atoms.text(*key)? {
            "compressed" if !size_only && (0..=9).contains(&value) => options.compressed = Some(value as u32),
            "minor_version" if (0..=2).contains(&value) => options.minor_version = value as u8,
            _ => return None,
        }
    }
    Some(options)
}

fn to_binary(ctx: &mut BifCtx<'_>, term: Term, options: &EncodeOptions) -> Result<Term, Exception> {
    let bytes = term_to_binary(&ctx.vm.atoms, term, options).map_err(|_| Exception::badarg())?;
    bits::build_binary(ctx.proc, &bytes).map_err(build_error)
}

fn term_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    to_binary(ctx, args[0], &EncodeOptions::default()).into()
}

fn term_to_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(options) = encode_options(&ctx.vm.atoms, args[1], false) else { return badarg() };
    to_binary(ctx, args[0], &options).into()
}

fn term_to_iovec_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let binary = match to_binary(ctx, args[0], &EncodeOptions::default()) {
        Ok(b) => b,
        Err(e) => return BifResult::Err(e),
    };
    list::build(ctx.proc, &[binary], Term::NIL).map_err(build_error).into()
}

fn term_to_iovec_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(options) = encode_options(&ctx.vm.atoms, args[1], false) else { return badarg() };
    let binary = match to_binary(ctx, args[0], &options) {
        Ok(b) => b,
        Err(e) => return BifResult::Err(e),
    };
    list::build(ctx.proc, &[binary], Term::NIL).map_err(build_error).into()
}

fn external_size(ctx: &mut BifCtx<'_>, term: Term, options: &EncodeOptions) -> BifResult {
    let mut body = Vec::new();
    if encode(&ctx.vm.atoms, term, options, &mut body).is_err() {
        return badarg();
    }
    make_integer(ctx.proc, body.len() as i128 + 1).into()
}

fn external_size_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    external_size(ctx, args[0], &EncodeOptions::default())
}

fn external_size_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(options) = encode_options(&ctx.vm.atoms, args[1], true) else { return badarg() };
    external_size(ctx, args[0], &options)
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// What `binary_to_term` may create.
struct Resolver<'a> {
    exports: &'a mut ExportTable,
    modules: &'a ModuleTable,
    safe: bool,
}

impl ExportResolver for Resolver<'_> {
    fn resolve(&mut self, mfa: Mfa) -> Option<NonNull<Export>> {
        if self.safe { self.exports.get(&mfa) } else { Some(self.exports.entry(mfa)) }
    }

    fn atom(&mut self, atoms: &mut AtomTable, text: &str) -> Result<Term, LiteralError> {
        if self.safe {
            return atoms.lookup(text).ok_or(LiteralError::Unsupported("a new atom in safe mode"));
        }
        atoms.intern(text).map_err(|e| LiteralError::Build(e.into()))
    }

    fn local_node(&mut self, node: &str, creation: u32) -> bool {
        node == THIS_NODE && creation == THIS_CREATION
    }

    fn local_fun(&mut self, module: Term, index: u32, uniq: &[u8; 16]) -> Option<NonNull<FunEntry>> {
        let loaded = self.modules.get(module)?;
        let entry = loaded.funs.get(index as usize)?;
        (entry.uniq == *uniq || entry.uniq == [0; 16]).then(|| NonNull::from(entry))
    }
}

/// A bump allocator over a region reserved on a process heap.
struct Region<'a> {
    next: *mut usize,
    end: *mut usize,
    off_heap: &'a mut OffHeap,
}

impl Allocator for Region<'_> {
    fn alloc_words(&mut self, words: usize) -> Result<*mut usize, AllocError> {
        let available = (self.end as usize - self.next as usize) / core::mem::size_of::<usize>();
        if words > available {
            return Err(AllocError { requested: words, available });
        }
        let start = self.next;
        self.next = self.next.wrapping_add(words);
        Ok(start)
    }

    fn off_heap(&mut self) -> &mut OffHeap {
        self.off_heap
    }
}

/// Decodes an external term format binary onto the calling process's heap: the term and the
/// bytes it used, or `None` for anything erts rejects with `badarg`.
pub fn binary_to_term(ctx: &mut BifCtx<'_>, bytes: &[u8], safe: bool) -> Option<(Term, usize)> {
    let mut terms = Terms::new(bytes.to_vec());
    let (root, used) = terms.decode_prefix(0..bytes.len()).ok()?;
    let mut resolver = Resolver { exports: &mut ctx.vm.exports, modules: &ctx.vm.modules, safe };
    let words = crate::literal::tree_words(&terms, root).ok()?;
    let start = ctx.proc.alloc(words);
    let mut region =
        Region { next: start, end: start.wrapping_add(words), off_heap: ctx.proc.off_heap_mut() };
    // SAFETY: export entries live as long as the VM's export table and fun entries as long
    // as their module, which outlive the process's terms (modules are not unloaded while
    // terms point into them, as for literals).
    let term =
        unsafe { crate::literal::build_tree(&terms, root, &mut region, &mut ctx.vm.atoms, &mut resolver) }
            .ok()?;
    Some((term, used))
}

fn binary_argument(term: Term) -> Option<Vec<u8>> {
    match view(term)? {
        View::Bits(b) if b.is_binary() => Some(b.to_bytes()),
        _ => None,
    }
}

fn binary_to_term_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(bytes) = binary_argument(args[0]) else { return badarg() };
    match binary_to_term(ctx, &bytes, false) {
        Some((term, _)) => BifResult::Ok(term),
        None => badarg(),
    }
}

fn binary_to_term_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(bytes) = binary_argument(args[0]) else { return badarg() };
    let Some(options) = proper_list(args[1]) else { return badarg() };
    let (mut safe, mut used) = (false, false);
    for option in options {
        match ctx.vm.atoms.text(option) {
            Some("safe") => safe = true,
            Some("used") => used = true,
            _ => return badarg(),
        }
    }
    match binary_to_term(ctx, &bytes, safe) {
        Some((term, count)) if used => {
            let count = match make_integer(ctx.proc, count as i128) {
                Ok(c) => c,
                Err(e) => return BifResult::Err(e),
            };
            make_tuple(ctx.proc, &[term, count]).into()
        }
        Some((term, _)) => BifResult::Ok(term),
        None => badarg(),
    }
}
