//! Binary BIFs: the `erlang` ones (`byte_size/1`, `binary_part/3`, `list_to_binary/1`,
//! `iolist_to_iovec/1`, `atom_to_binary/2`...) and the `binary` module's (erts'
//! `erl_bif_binary.c`: searching with `match`/`matches`/`split`, `part`, `copy`,
//! `encode_unsigned`...).
//!
//! Parts of a binary are taken as erts takes them ([`crate::bits::matching::extract`]): up to
//! 64 bytes copied onto the heap, larger ones sharing the original binary's storage. Iolists
//! of any depth are walked with an explicit stack. `binary:replace/3,4`, `encode_hex/1` and
//! `decode_hex/1` are Erlang code in `binary.beam`, built on these; `bin_to_list/1,2,3` is
//! too, but is simple enough to provide here for systems without `binary.beam`.
//!
//! Every BIF argument, and everything reachable from it, is a live term of the calling
//! process that stays where it is while the BIF runs ([`Process::alloc`] never collects
//! garbage): that is the term contract every `unsafe` read below relies on.

use super::data_util::{badarg, build_error, make_list, make_tuple, proper_list, tuple_elements};
use super::{Bif, BifCtx, BifResult};
use crate::bits::BitWriter;
use crate::bits::integer::{from_unsigned_be, int_of, unsigned_be_bytes};
use crate::bits::matching::extract;
use crate::bits::object::{Bits, binary_size, bits};
use crate::exception::Exception;
use crate::process::Process;
use crate::term::{Term, list};

/// The binary BIFs.
pub const BIFS: &[Bif] = &[
    bif("erlang", "byte_size", 1, byte_size_1),
    bif("erlang", "bit_size", 1, bit_size_1),
    bif("erlang", "binary_part", 2, binary_part_2),
    bif("erlang", "binary_part", 3, binary_part_3),
    bif("erlang", "split_binary", 2, split_binary_2),
    bif("erlang", "binary_to_list", 1, binary_to_list_1),
    bif("erlang", "binary_to_list", 3, binary_to_list_3),
    bif("erlang", "bitstring_to_list", 1, bitstring_to_list_1),
    bif("erlang", "list_to_binary", 1, list_to_binary_1),
    bif("erlang", "list_to_bitstring", 1, list_to_bitstring_1),
    bif("erlang", "iolist_to_binary", 1, iolist_to_binary_1),
    bif("erlang", "iolist_size", 1, iolist_size_1),
    bif("erlang", "iolist_to_iovec", 1, iolist_to_iovec_1),
    bif("erlang", "atom_to_binary", 1, atom_to_binary_1),
    bif("erlang", "atom_to_binary", 2, atom_to_binary_2),
    bif("erlang", "binary_to_atom", 1, binary_to_atom_1),
    bif("erlang", "binary_to_atom", 2, binary_to_atom_2),
    bif("erlang", "binary_to_existing_atom", 1, binary_to_existing_atom_1),
    bif("erlang", "binary_to_existing_atom", 2, binary_to_existing_atom_2),
    bif("binary", "compile_pattern", 1, compile_pattern_1),
    bif("binary", "match", 2, match_2),
    bif("binary", "match", 3, match_3),
    bif("binary", "matches", 2, matches_2),
    bif("binary", "matches", 3, matches_3),
    bif("binary", "split", 2, split_2),
    bif("binary", "split", 3, split_3),
    bif("binary", "part", 2, part_2),
    bif("binary", "part", 3, part_3),
    bif("binary", "at", 2, at_2),
    bif("binary", "first", 1, first_1),
    bif("binary", "last", 1, last_1),
    bif("binary", "bin_to_list", 1, bin_to_list_1),
    bif("binary", "bin_to_list", 2, bin_to_list_2),
    bif("binary", "bin_to_list", 3, bin_to_list_3),
    bif("binary", "copy", 1, copy_1),
    bif("binary", "copy", 2, copy_2),
    bif("binary", "referenced_byte_size", 1, referenced_byte_size_1),
    bif("binary", "decode_unsigned", 1, decode_unsigned_1),
    bif("binary", "decode_unsigned", 2, decode_unsigned_2),
    bif("binary", "encode_unsigned", 1, encode_unsigned_1),
    bif("binary", "encode_unsigned", 2, encode_unsigned_2),
    bif("binary", "longest_common_prefix", 1, longest_common_prefix_1),
    bif("binary", "longest_common_suffix", 1, longest_common_suffix_1),
    bif("binary", "list_to_bin", 1, list_to_binary_1),
];

const fn bif(module: &'static str, name: &'static str, arity: u32, f: super::BifFn) -> Bif {
    Bif { module, name, arity, f }
}

// ---- argument decoding ----

/// The bits of a bitstring argument.
fn bitstring(term: Term) -> Option<Bits> {
    // SAFETY: a live BIF argument (module documentation).
    unsafe { bits(term) }
}

/// The bits of a binary argument (a bitstring of whole bytes).
fn binary(term: Term) -> Option<Bits> {
    bitstring(term).filter(|b| b.size() % 8 == 0)
}

/// The whole bytes of a bitstring argument (a copy: the bits may start mid-byte).
fn owned_bytes(b: &Bits) -> Vec<u8> {
    // SAFETY: a live BIF argument.
    let (bytes, offset) = unsafe { b.slice() };
    crate::bits::copy::read_bits(bytes, offset, b.size() - b.size() % 8)
}

/// A non-negative small.
fn index(term: Term) -> Option<usize> {
    term.small_value().and_then(|v| usize::try_from(v).ok())
}

/// The atom with this text, interned if new.
fn atom(ctx: &mut BifCtx<'_>, text: &str) -> Term {
    ctx.vm.atoms.intern(text).unwrap_or(crate::atoms::UNDEFINED)
}

/// Whether `term` is the atom `text`.
fn is_atom(ctx: &BifCtx<'_>, term: Term, text: &str) -> bool {
    ctx.vm.atoms.text(term) == Some(text)
}

fn small(n: usize) -> BifResult {
    match i64::try_from(n).ok().and_then(Term::small) {
        Some(t) => BifResult::Ok(t),
        None => BifResult::Err(Exception::system_limit()),
    }
}

fn ok_or_badarg(r: Result<Term, Exception>) -> BifResult {
    r.into()
}

/// Bytes `start..start + len` of the binary `b` as a term (shared storage above 64 bytes).
fn part_of(proc: &mut Process, b: &Bits, start: usize, len: usize) -> Result<Term, Exception> {
    let from = b.start + 8 * start;
    // SAFETY: a live BIF argument and a range inside it (callers check).
    unsafe { extract(proc, b, from, from + 8 * len) }.map_err(build_error)
}

/// A `{Pos, Len}` range (`Len` may be negative) checked against `size` bytes: the start and
/// length it covers.
fn range(pos: Term, len: Term, size: usize) -> Option<(usize, usize)> {
    let pos = index(pos)?;
    let len = len.small_value()?;
    if pos > size {
        return None;
    }
    if len >= 0 {
        let len = len as usize;
        (pos.checked_add(len)? <= size).then_some((pos, len))
    } else {
        let back = len.unsigned_abs() as usize;
        (back <= pos).then(|| (pos - back, back))
    }
}

/// A `{Pos, Len}` tuple.
fn pos_len(term: Term) -> Option<(Term, Term)> {
    match tuple_elements(term)? {
        [pos, len] => Some((*pos, *len)),
        _ => None,
    }
}

// ---- erlang: sizes and parts ----

fn byte_size_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match bitstring(args[0]) {
        Some(b) => small(b.size().div_ceil(8)),
        None => badarg(),
    }
}

fn bit_size_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match bitstring(args[0]) {
        Some(b) => small(b.size()),
        None => badarg(),
    }
}

fn binary_part(ctx: &mut BifCtx<'_>, bin: Term, pos: Term, len: Term) -> BifResult {
    let Some(b) = bitstring(bin) else { return badarg() };
    let Some((start, len)) = range(pos, len, b.size() / 8) else { return badarg() };
    ok_or_badarg(part_of(ctx.proc, &b, start, len))
}

fn binary_part_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some((pos, len)) = pos_len(args[1]) else { return badarg() };
    binary_part(ctx, args[0], pos, len)
}

fn binary_part_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_part(ctx, args[0], args[1], args[2])
}

fn split_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let (Some(b), Some(pos)) = (bitstring(args[0]), index(args[1])) else { return badarg() };
    if pos * 8 > b.size() {
        return badarg();
    }
    let split = b.start + 8 * pos;
    // SAFETY: a live BIF argument and ranges inside it.
    let parts = unsafe { (extract(ctx.proc, &b, b.start, split), extract(ctx.proc, &b, split, b.end)) };
    match parts {
        (Ok(head), Ok(tail)) => make_tuple(ctx.proc, &[head, tail]).into(),
        (Err(e), _) | (_, Err(e)) => BifResult::Err(build_error(e)),
    }
}

/// The bytes as a list of small integers.
fn byte_list(proc: &mut Process, bytes: &[u8], tail: Term) -> Result<Term, Exception> {
    let elements: Vec<Term> = bytes.iter().filter_map(|&b| Term::small(i64::from(b))).collect();
    make_list(proc, &elements, tail)
}

fn binary_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(b) = binary(args[0]) else { return badarg() };
    let bytes = owned_bytes(&b);
    byte_list(ctx.proc, &bytes, Term::NIL).into()
}

fn binary_to_list_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(b) = binary(args[0]) else { return badarg() };
    let size = b.size() / 8;
    let (Some(start), Some(stop)) = (index(args[1]), index(args[2])) else { return badarg() };
    if start < 1 || start > size || stop < start || stop > size {
        return badarg();
    }
    let bytes = owned_bytes(&b);
    byte_list(ctx.proc, &bytes[start - 1..stop], Term::NIL).into()
}

fn bitstring_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(b) = bitstring(args[0]) else { return badarg() };
    let bytes = owned_bytes(&b);
    let tail = if b.size() % 8 == 0 {
        Term::NIL
    } else {
        let last = b.end - b.size() % 8;
        // SAFETY: a live BIF argument and a range inside it.
        let rest = match unsafe { extract(ctx.proc, &b, last, b.end) } {
            Ok(t) => t,
            Err(e) => return BifResult::Err(build_error(e)),
        };
        match list::cons(ctx.proc, rest, Term::NIL) {
            Ok(t) => t,
            Err(e) => return BifResult::Err(build_error(e)),
        }
    };
    byte_list(ctx.proc, &bytes, tail).into()
}

// ---- iolists ----

/// One piece of an iolist: a byte or a bitstring.
enum Piece {
    Byte(u8),
    Bits(Bits),
}

/// Walks an iolist (or, with `bits`, a bitstring list) left to right, iteratively, calling
/// `f` on every byte and bitstring; `None` if it is not one. The top level must be a list.
fn walk(term: Term, allow_bits: bool, mut f: impl FnMut(Piece)) -> Option<()> {
    let accept = |b: Bits| (allow_bits || b.size() % 8 == 0).then_some(b);
    let mut pending: Vec<Term> = Vec::new();
    let mut current = term;
    loop {
        // `current` is a list element position: a cons, [], or (as a tail) a bitstring.
        if current.is_nil() {
            match pending.pop() {
                Some(next) => {
                    current = next;
                    continue;
                }
                None => return Some(()),
            }
        }
        // SAFETY: a live BIF argument (module documentation).
        let Some((head, tail)) = (unsafe { list::head_tail(current) }) else {
            // An improper tail: only a bitstring is allowed.
            f(Piece::Bits(accept(bitstring(current)?)?));
            current = Term::NIL;
            continue;
        };
        if let Some(v) = head.small_value() {
            f(Piece::Byte(u8::try_from(v).ok()?));
            current = tail;
        } else if head.is_list() || head.is_nil() {
            if !tail.is_nil() {
                pending.push(tail);
            }
            current = head;
        } else {
            f(Piece::Bits(accept(bitstring(head)?)?));
            current = tail;
        }
    }
}

/// The contents of an iolist (`allow_bits`: of a bitstring list) as bits.
fn flatten(term: Term, allow_bits: bool) -> Option<BitWriter> {
    let mut w = BitWriter::new();
    walk(term, allow_bits, |piece| match piece {
        Piece::Byte(b) => w.put_bytes(&[b]),
        Piece::Bits(b) => {
            // SAFETY: a live BIF argument.
            let (bytes, offset) = unsafe { b.slice() };
            w.put_bits(bytes, offset, b.size());
        }
    })?;
    Some(w)
}

fn build_bits(proc: &mut Process, w: &BitWriter) -> BifResult {
    crate::bits::construct::build(proc, w).map_err(build_error).into()
}

fn list_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if !args[0].is_list() && !args[0].is_nil() {
        return badarg();
    }
    match flatten(args[0], false) {
        Some(w) => build_bits(ctx.proc, &w),
        None => badarg(),
    }
}

fn list_to_bitstring_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if !args[0].is_list() && !args[0].is_nil() {
        return badarg();
    }
    match flatten(args[0], true) {
        Some(w) => build_bits(ctx.proc, &w),
        None => badarg(),
    }
}

fn iolist_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if let Some(b) = bitstring(args[0]) {
        return if b.size() % 8 == 0 { BifResult::Ok(args[0]) } else { badarg() };
    }
    list_to_binary_1(ctx, args)
}

fn iolist_size_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if let Some(b) = bitstring(args[0]) {
        return if b.size() % 8 == 0 { small(b.size() / 8) } else { badarg() };
    }
    if !args[0].is_list() && !args[0].is_nil() {
        return badarg();
    }
    let mut bits = 0usize;
    let walked = walk(args[0], false, |piece| match piece {
        Piece::Byte(_) => bits += 8,
        Piece::Bits(b) => bits += b.size(),
    });
    match walked {
        Some(()) => small(bits / 8),
        None => badarg(),
    }
}

/// Binaries below this size are merged into their neighbours by `iolist_to_iovec`
/// (erts' `IOL2V_SMALL_BIN_LIMIT`).
const IOVEC_SMALL: usize = 4 * crate::term::bits::ON_HEAP_LIMIT_BYTES;
/// The accumulator is emitted rather than grown past this capacity.
const IOVEC_ACC_LIMIT: usize = IOVEC_SMALL * 32;

/// The state of `iolist_to_iovec`: the binaries emitted so far (as terms or pending bytes)
/// and the accumulator of small pieces, with erts' capacity bookkeeping.
struct Iovec {
    out: Vec<IovecItem>,
    acc: Vec<u8>,
    capacity: usize,
}

enum IovecItem {
    Bytes(Vec<u8>),
    /// Bits `start..end` of an argument's binary, kept as a reference.
    Part(Bits, usize, usize),
}

impl Iovec {
    fn emit_acc(&mut self) {
        self.out.push(IovecItem::Bytes(core::mem::take(&mut self.acc)));
        self.capacity = 0;
    }

    /// Makes room for `extra` more bytes (erts' `iol2v_expand_acc`).
    fn expand(&mut self, extra: usize) {
        let required = self.acc.len() + extra;
        if self.capacity == 0 {
            self.capacity = required.max(IOVEC_SMALL);
        } else if required > self.capacity {
            if self.capacity >= IOVEC_ACC_LIMIT {
                self.emit_acc();
                self.expand(extra);
                return;
            }
            self.capacity = required.max(self.capacity * 2);
        }
    }

    fn byte(&mut self, b: u8) {
        self.expand(1);
        self.acc.push(b);
    }

    /// erts' `iol2v_append_binary`.
    fn binary(&mut self, b: Bits) {
        let size = b.size() / 8;
        if size == 0 {
            return;
        }
        let acc_small = self.acc.len() < IOVEC_SMALL;
        let bin_small = size < IOVEC_SMALL;
        if !bin_small && (self.acc.is_empty() || !acc_small) {
            if !self.acc.is_empty() {
                self.emit_acc();
            }
            self.out.push(IovecItem::Part(b, b.start, b.end));
        } else if bin_small || self.acc.len() + size < IOVEC_SMALL * 2 {
            self.expand(size);
            self.acc.extend_from_slice(&owned_bytes(&b));
        } else {
            let spill = IOVEC_SMALL - self.acc.len();
            self.expand(spill);
            let bytes = owned_bytes(&b);
            self.acc.extend_from_slice(&bytes[..spill]);
            self.emit_acc();
            self.out.push(IovecItem::Part(b, b.start + 8 * spill, b.end));
        }
    }
}

fn iolist_to_iovec_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if let Some(b) = bitstring(args[0]) {
        return match (b.size() % 8, b.size()) {
            (0, 0) => BifResult::Ok(Term::NIL),
            (0, _) => make_list(ctx.proc, &[args[0]], Term::NIL).into(),
            _ => badarg(),
        };
    }
    if !args[0].is_list() && !args[0].is_nil() {
        return badarg();
    }
    let mut state = Iovec { out: Vec::new(), acc: Vec::new(), capacity: 0 };
    let walked = walk(args[0], false, |piece| match piece {
        Piece::Byte(b) => state.byte(b),
        Piece::Bits(b) => state.binary(b),
    });
    if walked.is_none() {
        return badarg();
    }
    if !state.acc.is_empty() {
        state.emit_acc();
    }
    let mut terms = Vec::with_capacity(state.out.len());
    for item in &state.out {
        let built = match item {
            IovecItem::Bytes(bytes) => crate::term::bits::build_binary(ctx.proc, bytes),
            // SAFETY: a live BIF argument and a range inside it.
            IovecItem::Part(b, start, end) => unsafe { extract(ctx.proc, b, *start, *end) },
        };
        match built {
            Ok(t) => terms.push(t),
            Err(e) => return BifResult::Err(build_error(e)),
        }
    }
    make_list(ctx.proc, &terms, Term::NIL).into()
}

// ---- atoms ----

/// The encoding argument of the atom conversions: `Some(true)` for UTF-8.
fn encoding(ctx: &BifCtx<'_>, term: Term) -> Option<bool> {
    match ctx.vm.atoms.text(term)? {
        "latin1" => Some(false),
        "unicode" | "utf8" => Some(true),
        _ => None,
    }
}

fn atom_to_binary(ctx: &mut BifCtx<'_>, atom: Term, utf8: bool) -> BifResult {
    let Some(text) = ctx.vm.atoms.text(atom) else { return badarg() };
    let bytes: Vec<u8> = if utf8 {
        text.as_bytes().to_vec()
    } else {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            match u8::try_from(u32::from(c)) {
                Ok(b) => out.push(b),
                Err(_) => return badarg(),
            }
        }
        out
    };
    crate::term::bits::build_binary(ctx.proc, &bytes).map_err(build_error).into()
}

fn atom_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    atom_to_binary(ctx, args[0], true)
}

fn atom_to_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match encoding(ctx, args[1]) {
        Some(utf8) => atom_to_binary(ctx, args[0], utf8),
        None => badarg(),
    }
}

/// The text of an atom given as a binary in an encoding.
fn atom_text(bin: Term, utf8: bool) -> Result<String, Exception> {
    let b = binary(bin).ok_or_else(Exception::badarg)?;
    let bytes = owned_bytes(&b);
    let text = if utf8 {
        String::from_utf8(bytes).map_err(|_| Exception::badarg())?
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    if text.chars().count() > crate::atom::MAX_ATOM_CHARACTERS {
        return Err(Exception::system_limit());
    }
    Ok(text)
}

fn binary_to_atom(ctx: &mut BifCtx<'_>, bin: Term, utf8: bool, existing: bool) -> BifResult {
    let text = match atom_text(bin, utf8) {
        Ok(text) => text,
        Err(e) => return BifResult::Err(e),
    };
    if existing {
        return match ctx.vm.atoms.lookup(&text) {
            Some(atom) => BifResult::Ok(atom),
            None => badarg(),
        };
    }
    match ctx.vm.atoms.intern(&text) {
        Ok(atom) => BifResult::Ok(atom),
        Err(_) => BifResult::Err(Exception::system_limit()),
    }
}

fn binary_to_atom_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_to_atom(ctx, args[0], true, false)
}

fn binary_to_atom_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match encoding(ctx, args[1]) {
        Some(utf8) => binary_to_atom(ctx, args[0], utf8, false),
        None => badarg(),
    }
}

fn binary_to_existing_atom_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_to_atom(ctx, args[0], true, true)
}

fn binary_to_existing_atom_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match encoding(ctx, args[1]) {
        Some(utf8) => binary_to_atom(ctx, args[0], utf8, true),
        None => badarg(),
    }
}

// ---- binary: searching ----

/// Search patterns, grouped by first byte (longest first within a group) so that a match at
/// a position is found by looking at the candidates for the byte there only.
struct Patterns {
    all: Vec<Vec<u8>>,
    by_first: Vec<Vec<usize>>,
}

impl Patterns {
    fn new(all: Vec<Vec<u8>>) -> Option<Patterns> {
        if all.is_empty() || all.iter().any(|p| p.is_empty()) {
            return None;
        }
        let mut by_first = vec![Vec::new(); 256];
        for (i, p) in all.iter().enumerate() {
            by_first[usize::from(p[0])].push(i);
        }
        for group in &mut by_first {
            group.sort_by_key(|&i| core::cmp::Reverse(all[i].len()));
        }
        Some(Patterns { all, by_first })
    }

    /// The leftmost match in `subject[from..to]`, longest first: `(position, length)`.
    fn find(&self, subject: &[u8], from: usize, to: usize) -> Option<(usize, usize)> {
        for pos in from..to {
            for &i in &self.by_first[usize::from(subject[pos])] {
                let p = &self.all[i];
                if pos + p.len() <= to && subject[pos..pos + p.len()] == p[..] {
                    return Some((pos, p.len()));
                }
            }
        }
        None
    }

    /// Every non-overlapping match in `subject[from..to]`, left to right.
    fn find_all(&self, subject: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = from;
        while let Some((pos, len)) = self.find(subject, at, to) {
            out.push((pos, len));
            at = pos + len;
        }
        out
    }
}

/// The tag of a compiled pattern (`{bm, Pattern}` for one, `{ac, Patterns}` for several).
const COMPILED_ONE: &str = "bm";
const COMPILED_MANY: &str = "ac";

/// The patterns of a pattern argument: a binary, a non-empty list of binaries, or a compiled
/// pattern.
fn patterns(ctx: &BifCtx<'_>, term: Term) -> Option<Patterns> {
    if let Some(b) = binary(term) {
        return Patterns::new(vec![owned_bytes(&b)]);
    }
    if let Some([tag, inner]) = tuple_elements(term) {
        if is_atom(ctx, *tag, COMPILED_ONE) || is_atom(ctx, *tag, COMPILED_MANY) {
            return patterns(ctx, *inner);
        }
        return None;
    }
    let list = proper_list(term)?;
    let all = list.iter().map(|&p| binary(p).map(|b| owned_bytes(&b))).collect::<Option<Vec<_>>>()?;
    Patterns::new(all)
}

fn compile_pattern_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(p) = patterns(ctx, args[0]) else { return badarg() };
    let tag = atom(ctx, if p.all.len() == 1 { COMPILED_ONE } else { COMPILED_MANY });
    make_tuple(ctx.proc, &[tag, args[0]]).into()
}

/// Options of `match/3`, `matches/3` and `split/3`.
#[derive(Default)]
struct SearchOptions {
    scope: Option<(Term, Term)>,
    global: bool,
    trim: bool,
    trim_all: bool,
}

fn search_options(ctx: &BifCtx<'_>, term: Term, split: bool) -> Option<SearchOptions> {
    let mut opts = SearchOptions::default();
    for opt in proper_list(term)? {
        if let Some([tag, scope]) = tuple_elements(opt) {
            if !is_atom(ctx, *tag, "scope") {
                return None;
            }
            opts.scope = Some(pos_len(*scope)?);
            continue;
        }
        match ctx.vm.atoms.text(opt)? {
            "global" if split => opts.global = true,
            "trim" if split => opts.trim = true,
            "trim_all" if split => opts.trim_all = true,
            _ => return None,
        }
    }
    Some(opts)
}

/// The subject's bytes and the scope to search in.
fn search_setup(subject: Term, opts: &SearchOptions) -> Option<(Bits, Vec<u8>, usize, usize)> {
    let b = binary(subject)?;
    let bytes = owned_bytes(&b);
    let (from, len) = match opts.scope {
        Some((pos, len)) => range(pos, len, bytes.len())?,
        None => (0, bytes.len()),
    };
    Some((b, bytes, from, from + len))
}

fn match_tuple(ctx: &mut BifCtx<'_>, pos: usize, len: usize) -> Result<Term, Exception> {
    let (Some(p), Some(l)) = (Term::small(pos as i64), Term::small(len as i64)) else {
        return Err(Exception::system_limit());
    };
    make_tuple(ctx.proc, &[p, l])
}

fn do_match(ctx: &mut BifCtx<'_>, args: &[Term], opts: Option<Term>, all: bool) -> BifResult {
    let opts = match opts {
        Some(t) => search_options(ctx, t, false),
        None => Some(SearchOptions::default()),
    };
    let Some(opts) = opts else { return badarg() };
    let Some((_, bytes, from, to)) = search_setup(args[0], &opts) else { return badarg() };
    let Some(p) = patterns(ctx, args[1]) else { return badarg() };
    if !all {
        return match p.find(&bytes, from, to) {
            Some((pos, len)) => match_tuple(ctx, pos, len).into(),
            None => BifResult::Ok(atom(ctx, "nomatch")),
        };
    }
    let mut found = Vec::new();
    for (pos, len) in p.find_all(&bytes, from, to) {
        match match_tuple(ctx, pos, len) {
            Ok(t) => found.push(t),
            Err(e) => return BifResult::Err(e),
        }
    }
    make_list(ctx.proc, &found, Term::NIL).into()
}

fn match_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_match(ctx, args, None, false)
}

fn match_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_match(ctx, args, Some(args[2]), false)
}

fn matches_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_match(ctx, args, None, true)
}

fn matches_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_match(ctx, args, Some(args[2]), true)
}

fn do_split(ctx: &mut BifCtx<'_>, args: &[Term], opts: Option<Term>) -> BifResult {
    let opts = match opts {
        Some(t) => search_options(ctx, t, true),
        None => Some(SearchOptions::default()),
    };
    let Some(opts) = opts else { return badarg() };
    let Some((b, bytes, from, to)) = search_setup(args[0], &opts) else { return badarg() };
    let Some(p) = patterns(ctx, args[1]) else { return badarg() };
    let found = if opts.global {
        p.find_all(&bytes, from, to)
    } else {
        p.find(&bytes, from, to).into_iter().collect()
    };
    let mut ranges = Vec::with_capacity(found.len() + 1);
    let mut at = 0;
    for (pos, len) in found {
        ranges.push((at, pos - at));
        at = pos + len;
    }
    ranges.push((at, bytes.len() - at));
    if opts.trim_all {
        ranges.retain(|&(_, len)| len != 0);
    } else if opts.trim {
        while ranges.last().is_some_and(|&(_, len)| len == 0) {
            ranges.pop();
        }
    }
    let mut parts = Vec::with_capacity(ranges.len());
    for (start, len) in ranges {
        match part_of(ctx.proc, &b, start, len) {
            Ok(t) => parts.push(t),
            Err(e) => return BifResult::Err(e),
        }
    }
    make_list(ctx.proc, &parts, Term::NIL).into()
}

fn split_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_split(ctx, args, None)
}

fn split_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    do_split(ctx, args, Some(args[2]))
}

// ---- binary: parts, bytes, copies ----

fn part(ctx: &mut BifCtx<'_>, bin: Term, pos: Term, len: Term) -> BifResult {
    let Some(b) = bitstring(bin) else { return badarg() };
    let Some((start, len)) = range(pos, len, b.size() / 8) else { return badarg() };
    ok_or_badarg(part_of(ctx.proc, &b, start, len))
}

fn part_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some((pos, len)) = pos_len(args[1]) else { return badarg() };
    part(ctx, args[0], pos, len)
}

fn part_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    part(ctx, args[0], args[1], args[2])
}

fn byte_at(b: &Bits, index: usize) -> Term {
    // SAFETY: a live BIF argument.
    let (bytes, offset) = unsafe { b.slice() };
    let byte = crate::bits::copy::read_bits(bytes, offset + 8 * index, 8)[0];
    Term::small(i64::from(byte)).unwrap_or(Term::NIL)
}

fn at_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let (Some(b), Some(i)) = (binary(args[0]), index(args[1])) else { return badarg() };
    if i >= b.size() / 8 {
        return badarg();
    }
    BifResult::Ok(byte_at(&b, i))
}

fn first_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match binary(args[0]) {
        Some(b) if b.size() > 0 => BifResult::Ok(byte_at(&b, 0)),
        _ => badarg(),
    }
}

fn last_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match binary(args[0]) {
        Some(b) if b.size() > 0 => BifResult::Ok(byte_at(&b, b.size() / 8 - 1)),
        _ => badarg(),
    }
}

fn bin_to_list(ctx: &mut BifCtx<'_>, bin: Term, pos: Term, len: Term) -> BifResult {
    let Some(b) = binary(bin) else { return badarg() };
    let Some((start, len)) = range(pos, len, b.size() / 8) else { return badarg() };
    let bytes = owned_bytes(&b);
    byte_list(ctx.proc, &bytes[start..start + len], Term::NIL).into()
}

fn bin_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_to_list_1(ctx, args)
}

fn bin_to_list_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some((pos, len)) = pos_len(args[1]) else { return badarg() };
    bin_to_list(ctx, args[0], pos, len)
}

fn bin_to_list_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    bin_to_list(ctx, args[0], args[1], args[2])
}

fn copy(ctx: &mut BifCtx<'_>, bin: Term, times: Term) -> BifResult {
    let (Some(b), Some(n)) = (binary(bin), index(times)) else { return badarg() };
    let bytes = owned_bytes(&b);
    let Some(total) = bytes.len().checked_mul(n).filter(|&t| t <= crate::bits::MAX_BYTES) else {
        return BifResult::Err(Exception::system_limit());
    };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(&bytes);
    }
    crate::term::bits::build_binary(ctx.proc, &out).map_err(build_error).into()
}

fn copy_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    copy(ctx, args[0], Term::small(1).unwrap_or(Term::NIL))
}

fn copy_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    copy(ctx, args[0], args[1])
}

fn referenced_byte_size_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(b) = bitstring(args[0]) else { return badarg() };
    // SAFETY: a live BIF argument.
    match unsafe { b.binary() } {
        // SAFETY: the argument's bin ref holds a reference to the binary.
        Some(binary) => small(unsafe { binary_size(binary) }),
        None => {
            // A heap bitstring: the size of the heap object's data.
            // SAFETY: `orig` of a live bitstring is a live heap bits.
            let size = unsafe { bits(b.orig) }.map_or(b.size(), |o| o.size());
            small(size.div_ceil(8))
        }
    }
}

/// `big` (`Some(false)`) or `little` (`Some(true)`).
fn endianness(ctx: &BifCtx<'_>, term: Term) -> Option<bool> {
    match ctx.vm.atoms.text(term)? {
        "big" => Some(false),
        "little" => Some(true),
        _ => None,
    }
}

fn decode_unsigned(ctx: &mut BifCtx<'_>, bin: Term, little: bool) -> BifResult {
    let Some(b) = binary(bin) else { return badarg() };
    let mut bytes = owned_bytes(&b);
    if little {
        bytes.reverse();
    }
    from_unsigned_be(ctx.proc, &bytes).map_err(build_error).into()
}

fn decode_unsigned_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    decode_unsigned(ctx, args[0], false)
}

fn decode_unsigned_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match endianness(ctx, args[1]) {
        Some(little) => decode_unsigned(ctx, args[0], little),
        None => badarg(),
    }
}

fn encode_unsigned(ctx: &mut BifCtx<'_>, value: Term, little: bool) -> BifResult {
    // SAFETY: a live BIF argument.
    let Some(v) = (unsafe { int_of(value) }) else { return badarg() };
    let Some(mut bytes) = unsigned_be_bytes(v) else { return badarg() };
    if little {
        bytes.reverse();
    }
    crate::term::bits::build_binary(ctx.proc, &bytes).map_err(build_error).into()
}

fn encode_unsigned_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    encode_unsigned(ctx, args[0], false)
}

fn encode_unsigned_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match endianness(ctx, args[1]) {
        Some(little) => encode_unsigned(ctx, args[0], little),
        None => badarg(),
    }
}

/// The binaries of a non-empty list argument.
fn binary_list(term: Term) -> Option<Vec<Vec<u8>>> {
    let list = proper_list(term)?;
    if list.is_empty() {
        return None;
    }
    list.iter().map(|&t| binary(t).map(|b| owned_bytes(&b))).collect()
}

fn longest_common_prefix_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(bins) = binary_list(args[0]) else { return badarg() };
    let first = &bins[0];
    let n = bins[1..]
        .iter()
        .fold(first.len(), |n, b| n.min(first.iter().zip(b).take_while(|(x, y)| x == y).count()));
    small(n)
}

fn longest_common_suffix_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(bins) = binary_list(args[0]) else { return badarg() };
    let first = &bins[0];
    let n = bins[1..].iter().fold(first.len(), |n, b| {
        n.min(first.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count())
    });
    small(n)
}
