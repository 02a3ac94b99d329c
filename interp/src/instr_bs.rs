//! Binary construction and matching (BeamAsm's `instr_bs.cpp`): `bs_create_bin` and
//! `bs_init_writable` (OTP 25), the match instructions OTP 25's erlc emits (`bs_start_match3/4`,
//! `bs_get_*2`, `bs_skip_*`, `bs_test_*`, `bs_match_string`, `bs_get_utf*`, `bs_get_tail`,
//! `bs_get/set_position`) and OTP 26's `bs_match`. The bit-level work is the runtime's
//! ([`rbeam_runtime::bits`]); this file decodes operands and keeps the heap contract.
//!
//! # Heap and garbage collection
//!
//! An instruction that allocates first makes room with [`Ctx::ensure_heap`], which may
//! collect garbage and move every term, so nothing read before it is used after it except
//! through registers. The match context (or the accumulator of an append) may sit in an X
//! register at or beyond `Live`, which the collector would not see: as erts does, it is
//! parked in `x[Live]` and collected as one more root, then written back ([`keep`]).
//! Construction never holds a term across the collection at all: segments are encoded into
//! a Rust buffer before it, and only the buffer is copied onto the heap after.

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::Term;
use rbeam_runtime::bits::construct::{self, SegKind, SegSize};
use rbeam_runtime::bits::matching::{self, MatchCtx};
use rbeam_runtime::bits::{BitWriter, BsError, flags as bsf, writable};
use rbeam_runtime::exception::Exception;
use rbeam_runtime::scheduler::X_REGISTERS;
use rbeam_runtime::term::tags::MAX_SMALL;
use rbeam_runtime::term::{bignum, float};

use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::translate::{TranslateError, Translator};

/// A binary instruction.
#[derive(Debug)]
pub enum BsInstr {
    /// `bs_create_bin`.
    CreateBin(CreateBin),
    /// `bs_init_writable`: `x0` becomes an empty writable binary with room for `x0` bytes.
    InitWritable,
    /// `bs_start_match3` / `bs_start_match4`; `fail: Raise` for `no_fail` and `resume`.
    StartMatch {
        fail: Fail,
        src: Src,
        live: u32,
        dst: Dst,
    },
    GetInteger {
        fail: Code,
        ms: Src,
        live: u32,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    GetFloat {
        fail: Code,
        ms: Src,
        live: u32,
        size: Src,
        unit: u32,
        flags: u32,
        dst: Dst,
    },
    GetBinary {
        fail: Code,
        ms: Src,
        live: u32,
        size: Size,
        unit: u32,
        dst: Dst,
    },
    SkipBits {
        fail: Code,
        ms: Src,
        size: Size,
        unit: u32,
    },
    TestTail {
        fail: Code,
        ms: Src,
        bits: usize,
    },
    TestUnit {
        fail: Code,
        ms: Src,
        unit: u32,
    },
    MatchString {
        fail: Code,
        ms: Src,
        bits: usize,
        bytes: Box<[u8]>,
    },
    /// `bs_get_utf8/16/32` (`dst: Some`) and `bs_skip_utf8/16/32` (`dst: None`).
    GetUtf {
        fail: Code,
        ms: Src,
        utf: Utf,
        flags: u32,
        dst: Option<Dst>,
    },
    GetTail {
        ms: Src,
        dst: Dst,
        live: u32,
    },
    GetPosition {
        ms: Src,
        dst: Dst,
        live: u32,
    },
    SetPosition {
        ms: Src,
        pos: Src,
    },
    /// OTP 26's `bs_match`.
    Match {
        fail: Code,
        ms: Src,
        commands: Box<[MatchCmd]>,
    },
}

/// The size operand of a match instruction.
#[derive(Debug, Clone, Copy)]
pub enum Size {
    Src(Src),
    /// `all`: the rest of the bitstring, which must be a multiple of the unit.
    All,
}

/// Which UTF encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf {
    Utf8,
    Utf16,
    Utf32,
}

/// `bs_create_bin Fail Alloc Live Unit Dst Segments`.
#[derive(Debug)]
pub struct CreateBin {
    pub fail: Fail,
    /// Heap words to leave free after the binary (for the instructions that follow).
    pub alloc: u32,
    pub live: u32,
    pub dst: Dst,
    pub segments: Box<[Segment]>,
}

/// The first segment of a `bs_create_bin` that extends an existing bitstring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Append {
    Append,
    PrivateAppend,
}

/// One segment of a `bs_create_bin`.
#[derive(Debug)]
pub struct Segment {
    /// `None` for an `append` / `private_append` first segment.
    pub kind: Option<SegKind>,
    pub append: Option<Append>,
    pub unit: u32,
    pub flags: u32,
    pub src: Src,
    pub size: SegSizeOp,
    /// The bytes of a string segment.
    pub string: Box<[u8]>,
}

/// The size operand of a construction segment.
#[derive(Debug, Clone, Copy)]
pub enum SegSizeOp {
    Src(Src),
    All,
    None,
}

/// One command of `bs_match` (sizes already multiplied by their unit).
#[derive(Debug)]
pub enum MatchCmd {
    EnsureAtLeast {
        bits: usize,
        unit: usize,
    },
    EnsureExactly {
        bits: usize,
    },
    Integer {
        live: u32,
        flags: u32,
        bits: usize,
        dst: Dst,
    },
    Binary {
        live: u32,
        bits: usize,
        dst: Dst,
    },
    GetTail {
        live: u32,
        dst: Dst,
    },
    Skip {
        bits: usize,
    },
    /// `=:=`: the next `bits` bits must be the unsigned `value`.
    Eq {
        bits: usize,
        value: u64,
    },
}

impl BsInstr {
    pub(crate) fn for_each_code(&mut self, f: &mut dyn FnMut(&mut Code)) {
        match self {
            BsInstr::CreateBin(cb) => {
                if let Fail::To(c) = &mut cb.fail {
                    f(c)
                }
            }
            BsInstr::StartMatch { fail, .. } => {
                if let Fail::To(c) = fail {
                    f(c)
                }
            }
            BsInstr::GetInteger { fail, .. }
            | BsInstr::GetFloat { fail, .. }
            | BsInstr::GetBinary { fail, .. }
            | BsInstr::SkipBits { fail, .. }
            | BsInstr::TestTail { fail, .. }
            | BsInstr::TestUnit { fail, .. }
            | BsInstr::MatchString { fail, .. }
            | BsInstr::GetUtf { fail, .. }
            | BsInstr::Match { fail, .. } => f(fail),
            BsInstr::InitWritable
            | BsInstr::GetTail { .. }
            | BsInstr::GetPosition { .. }
            | BsInstr::SetPosition { .. } => {}
        }
    }
}

// ---- translation ----

/// The module's string table (`StrT`), which string segments and `bs_match_string` index.
fn string_table<'t>(t: &'t Translator<'_, '_, '_>) -> &'t [u8] {
    t.strings()
}

/// `len` bytes of the string table from `offset`.
fn string_bytes(t: &Translator<'_, '_, '_>, offset: u64, len: u64) -> Result<Box<[u8]>, TranslateError> {
    let table = string_table(t);
    let (Ok(start), Ok(len)) = (usize::try_from(offset), usize::try_from(len)) else {
        return Err(t.error("string operand out of range"));
    };
    match start.checked_add(len).and_then(|end| table.get(start..end)) {
        Some(bytes) => Ok(bytes.into()),
        None => Err(t.error("string operand outside the string table")),
    }
}

/// A non-negative integer operand (`{u,N}` or `{integer,N}`).
fn number(t: &Translator<'_, '_, '_>, op: &Operand<'_>) -> Result<u64, TranslateError> {
    match *op {
        Operand::Unsigned(n) => Ok(n),
        Operand::Integer(n) if n >= 0 => Ok(n as u64),
        other => Err(t.error(format_args!("{} where a number was expected", other.kind_name()))),
    }
}

fn number_usize(t: &Translator<'_, '_, '_>, op: &Operand<'_>) -> Result<usize, TranslateError> {
    usize::try_from(number(t, op)?).map_err(|_| t.error("number operand too large"))
}

fn number_u32(t: &Translator<'_, '_, '_>, op: &Operand<'_>) -> Result<u32, TranslateError> {
    u32::try_from(number(t, op)?).map_err(|_| t.error("number operand too large"))
}

/// The text of an atom operand.
fn atom_text(t: &mut Translator<'_, '_, '_>, op: &Operand<'_>) -> Option<String> {
    let Operand::Atom(i) = *op else { return None };
    let atom = t.atom(i);
    t.vm().atoms.text(atom).map(str::to_owned)
}

/// Field flags: a bitmask (`bs_get_integer2` and friends), `nil`, or a literal list of
/// atoms (`bs_create_bin`, `bs_match`).
fn field_flags(t: &mut Translator<'_, '_, '_>, op: &Operand<'_>) -> Result<u32, TranslateError> {
    let list = match *op {
        Operand::Unsigned(n) => return u32::try_from(n).map_err(|_| t.error("field flags")),
        Operand::Nil => return Ok(0),
        Operand::Literal(_) => t.constant(op)?,
        other => return Err(t.error(format_args!("{} as field flags", other.kind_name()))),
    };
    let mut flags = 0;
    let mut rest = list;
    // SAFETY: a literal of the module being loaded, alive in its literal area.
    while let Some((head, tail)) = unsafe { rbeam_runtime::term::list::head_tail(rest) } {
        match t.vm().atoms.text(head) {
            Some("little") => flags |= bsf::LITTLE,
            Some("native") => flags |= bsf::NATIVE,
            Some("signed") => flags |= bsf::SIGNED,
            _ => {}
        }
        rest = tail;
    }
    Ok(flags)
}

/// A match size operand: `{atom,all}` or a source.
fn size(t: &mut Translator<'_, '_, '_>, op: &Operand<'_>) -> Result<Size, TranslateError> {
    if atom_text(t, op).as_deref() == Some("all") {
        return Ok(Size::All);
    }
    Ok(Size::Src(t.src(op)?))
}

fn create_bin(t: &mut Translator<'_, '_, '_>, a: &[Operand<'_>]) -> Result<BsInstr, TranslateError> {
    let items = t.items(&a[5]).to_vec();
    if items.len() % 6 != 0 || items.is_empty() {
        return Err(t.error("bs_create_bin segment list"));
    }
    let mut segments = Vec::with_capacity(items.len() / 6);
    for (i, seg) in items.chunks(6).enumerate() {
        let name = atom_text(t, &seg[0]).ok_or_else(|| t.error("bs_create_bin segment type"))?;
        let (kind, append) = match name.as_str() {
            "integer" => (Some(SegKind::Integer), None),
            "float" => (Some(SegKind::Float), None),
            "binary" => (Some(SegKind::Binary), None),
            "utf8" => (Some(SegKind::Utf8), None),
            "utf16" => (Some(SegKind::Utf16), None),
            "utf32" => (Some(SegKind::Utf32), None),
            "string" => (Some(SegKind::String), None),
            "append" if i == 0 => (None, Some(Append::Append)),
            "private_append" if i == 0 => (None, Some(Append::PrivateAppend)),
            other => return Err(t.error(format_args!("bs_create_bin segment type {other}"))),
        };
        let unit = number_u32(t, &seg[2])?;
        let flags = field_flags(t, &seg[3])?;
        let (src, size, string) = if kind == Some(SegKind::String) {
            let bytes = string_bytes(t, number(t, &seg[4])?, number(t, &seg[5])?)?;
            (Src::constant(Term::NIL), SegSizeOp::None, bytes)
        } else {
            let size = match atom_text(t, &seg[5]).as_deref() {
                Some("all") => SegSizeOp::All,
                Some("undefined") => SegSizeOp::None,
                _ if matches!(seg[5], Operand::Nil) => SegSizeOp::None,
                _ => SegSizeOp::Src(t.src(&seg[5])?),
            };
            (t.src(&seg[4])?, size, Box::default())
        };
        segments.push(Segment { kind, append, unit, flags, src, size, string });
    }
    Ok(BsInstr::CreateBin(CreateBin {
        fail: t.fail(&a[0])?,
        alloc: t.heap_words(&a[1])?,
        live: t.unsigned(&a[2])?,
        dst: t.dst(&a[4])?,
        segments: segments.into_boxed_slice(),
    }))
}

/// The commands of `bs_match`: a flat list of atoms, each followed by its operands.
fn match_commands(
    t: &mut Translator<'_, '_, '_>,
    op: &Operand<'_>,
) -> Result<Box<[MatchCmd]>, TranslateError> {
    let items = t.items(op).to_vec();
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let name = atom_text(t, &items[i]).ok_or_else(|| t.error("bs_match command"))?;
        i += 1;
        let live = |t: &Translator<'_, '_, '_>, op: &Operand<'_>| -> Result<u32, TranslateError> {
            match op {
                Operand::Nil => Ok(0),
                _ => number_u32(t, op),
            }
        };
        let bits = |t: &Translator<'_, '_, '_>, size: &Operand<'_>, unit: &Operand<'_>| {
            number_usize(t, size)?.checked_mul(number_usize(t, unit)?).ok_or_else(|| t.error("bs_match size"))
        };
        let cmd = match name.as_str() {
            "ensure_at_least" => {
                let a = command_args(t, &items, i, 2)?;
                i += 2;
                MatchCmd::EnsureAtLeast { bits: number_usize(t, &a[0])?, unit: number_usize(t, &a[1])? }
            }
            "ensure_exactly" => {
                let a = command_args(t, &items, i, 1)?;
                i += 1;
                MatchCmd::EnsureExactly { bits: number_usize(t, &a[0])? }
            }
            "integer" | "binary" => {
                let a = command_args(t, &items, i, 5)?;
                i += 5;
                let (live, bits, dst) = (live(t, &a[0])?, bits(t, &a[2], &a[3])?, t.dst(&a[4])?);
                if name == "integer" {
                    MatchCmd::Integer { live, flags: field_flags(t, &a[1])?, bits, dst }
                } else {
                    MatchCmd::Binary { live, bits, dst }
                }
            }
            "get_tail" => {
                let a = command_args(t, &items, i, 3)?;
                i += 3;
                MatchCmd::GetTail { live: live(t, &a[0])?, dst: t.dst(&a[2])? }
            }
            "skip" => {
                let a = command_args(t, &items, i, 1)?;
                i += 1;
                MatchCmd::Skip { bits: number_usize(t, &a[0])? }
            }
            "=:=" => {
                let a = command_args(t, &items, i, 3)?;
                i += 3;
                MatchCmd::Eq { bits: number_usize(t, &a[1])?, value: number(t, &a[2])? }
            }
            other => return Err(t.error(format_args!("bs_match command {other}"))),
        };
        out.push(cmd);
    }
    Ok(out.into_boxed_slice())
}

/// The `n` operands of a `bs_match` command starting at item `i`.
fn command_args<'a>(
    t: &Translator<'_, '_, '_>,
    items: &[Operand<'a>],
    i: usize,
    n: usize,
) -> Result<Vec<Operand<'a>>, TranslateError> {
    items.get(i..i + n).map(<[Operand<'a>]>::to_vec).ok_or_else(|| t.error("bs_match command operands"))
}

/// Translates the family's generic instructions; `false` if `op` is not one of them.
pub(crate) fn translate(
    t: &mut Translator<'_, '_, '_>,
    op: Opcode,
    a: &[Operand<'_>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    let i = match op {
        O::BsCreateBin => create_bin(t, a)?,
        O::BsInitWritable => BsInstr::InitWritable,
        O::BsStartMatch3 => BsInstr::StartMatch {
            fail: t.fail(&a[0])?,
            src: t.src(&a[1])?,
            live: t.unsigned(&a[2])?,
            dst: t.dst(&a[3])?,
        },
        O::BsStartMatch4 => {
            let fail = match atom_text(t, &a[0]).as_deref() {
                Some("no_fail") | Some("resume") => Fail::Raise,
                Some(other) => return Err(t.error(format_args!("bs_start_match4 {other}"))),
                None => t.fail(&a[0])?,
            };
            BsInstr::StartMatch { fail, live: t.unsigned(&a[1])?, src: t.src(&a[2])?, dst: t.dst(&a[3])? }
        }
        O::BsGetInteger2 | O::BsGetFloat2 => {
            let (fail, ms, live, size, unit) =
                (t.label(&a[0])?, t.src(&a[1])?, t.unsigned(&a[2])?, t.src(&a[3])?, number_u32(t, &a[4])?);
            let (flags, dst) = (field_flags(t, &a[5])?, t.dst(&a[6])?);
            if op == O::BsGetInteger2 {
                BsInstr::GetInteger { fail, ms, live, size, unit, flags, dst }
            } else {
                BsInstr::GetFloat { fail, ms, live, size, unit, flags, dst }
            }
        }
        O::BsGetBinary2 => BsInstr::GetBinary {
            fail: t.label(&a[0])?,
            ms: t.src(&a[1])?,
            live: t.unsigned(&a[2])?,
            size: size(t, &a[3])?,
            unit: number_u32(t, &a[4])?,
            dst: t.dst(&a[6])?,
        },
        O::BsSkipBits2 => BsInstr::SkipBits {
            fail: t.label(&a[0])?,
            ms: t.src(&a[1])?,
            size: size(t, &a[2])?,
            unit: number_u32(t, &a[3])?,
        },
        O::BsTestTail2 => {
            BsInstr::TestTail { fail: t.label(&a[0])?, ms: t.src(&a[1])?, bits: number_usize(t, &a[2])? }
        }
        O::BsTestUnit => {
            BsInstr::TestUnit { fail: t.label(&a[0])?, ms: t.src(&a[1])?, unit: number_u32(t, &a[2])? }
        }
        O::BsMatchString => {
            let bits = number(t, &a[2])?;
            let bytes = string_bytes(t, number(t, &a[3])?, bits.div_ceil(8))?;
            BsInstr::MatchString { fail: t.label(&a[0])?, ms: t.src(&a[1])?, bits: bits as usize, bytes }
        }
        O::BsGetUtf8 | O::BsGetUtf16 | O::BsGetUtf32 | O::BsSkipUtf8 | O::BsSkipUtf16 | O::BsSkipUtf32 => {
            let utf = match op {
                O::BsGetUtf8 | O::BsSkipUtf8 => Utf::Utf8,
                O::BsGetUtf16 | O::BsSkipUtf16 => Utf::Utf16,
                _ => Utf::Utf32,
            };
            let dst = match op {
                O::BsGetUtf8 | O::BsGetUtf16 | O::BsGetUtf32 => Some(t.dst(&a[4])?),
                _ => None,
            };
            BsInstr::GetUtf {
                fail: t.label(&a[0])?,
                ms: t.src(&a[1])?,
                utf,
                flags: field_flags(t, &a[3])?,
                dst,
            }
        }
        O::BsGetTail => BsInstr::GetTail { ms: t.src(&a[0])?, dst: t.dst(&a[1])?, live: t.unsigned(&a[2])? },
        O::BsGetPosition => {
            BsInstr::GetPosition { ms: t.src(&a[0])?, dst: t.dst(&a[1])?, live: t.unsigned(&a[2])? }
        }
        O::BsSetPosition => BsInstr::SetPosition { ms: t.src(&a[0])?, pos: t.src(&a[1])? },
        O::BsMatch => {
            let commands = match_commands(t, &a[2])?;
            BsInstr::Match { fail: t.label(&a[0])?, ms: t.src(&a[1])?, commands }
        }
        _ => return Ok(false),
    };
    t.emit(Instr::Bs(Box::new(i)));
    Ok(true)
}

// ---- execution ----

pub(crate) fn exec(c: &mut Ctx<'_>, bs: &BsInstr) -> Step {
    match bs {
        BsInstr::CreateBin(cb) => create(c, cb),
        BsInstr::InitWritable => init_writable(c),
        BsInstr::StartMatch { fail, src, live, dst } => start_match(c, *fail, *src, *live, *dst),
        BsInstr::GetInteger { fail, ms, live, size, unit, flags, dst } => {
            get_integer(c, *fail, *ms, *live, *size, *unit, *flags, *dst)
        }
        BsInstr::GetFloat { fail, ms, live, size, unit, flags, dst } => {
            get_float(c, *fail, *ms, *live, *size, *unit, *flags, *dst)
        }
        BsInstr::GetBinary { fail, ms, live, size, unit, dst } => {
            get_binary(c, *fail, *ms, *live, *size, *unit, *dst)
        }
        BsInstr::SkipBits { fail, ms, size, unit } => {
            let ok = context(c, *ms).is_some_and(|ctx| match field(c, *size, *unit, &ctx) {
                Some(bits) => ctx.skip(bits),
                None => false,
            });
            test(c, ok, *fail)
        }
        BsInstr::TestTail { fail, ms, bits } => {
            let ok = context(c, *ms).is_some_and(|ctx| ctx.test_tail(*bits));
            test(c, ok, *fail)
        }
        BsInstr::TestUnit { fail, ms, unit } => {
            let ok = context(c, *ms).is_some_and(|ctx| ctx.test_unit(*unit as usize));
            test(c, ok, *fail)
        }
        BsInstr::MatchString { fail, ms, bits, bytes } => {
            let ok = context(c, *ms).is_some_and(|ctx| ctx.match_string(bytes, *bits));
            test(c, ok, *fail)
        }
        BsInstr::GetUtf { fail, ms, utf, flags, dst } => {
            let got = context(c, *ms).and_then(|ctx| match utf {
                Utf::Utf8 => ctx.get_utf8(),
                Utf::Utf16 => ctx.get_utf16(*flags),
                Utf::Utf32 => ctx.get_utf32(*flags),
            });
            match (got, dst) {
                (Some(cp), Some(dst)) => {
                    c.set(*dst, Term::small(i64::from(cp)).unwrap_or(Term::NIL));
                    Ok(())
                }
                (Some(_), None) => Ok(()),
                (None, _) => test(c, false, *fail),
            }
        }
        BsInstr::GetTail { ms, dst, live } => get_tail(c, *ms, *dst, *live),
        BsInstr::GetPosition { ms, dst, live: _ } => {
            let Some(ctx) = context(c, *ms) else { return Err(Stop::Raise(Exception::badarg())) };
            let position = ctx.position();
            let t = bignum::build_i128(c.proc, position as i128)
                .map_err(|_| Stop::Raise(Exception::system_limit()))?;
            c.set(*dst, t);
            Ok(())
        }
        BsInstr::SetPosition { ms, pos } => {
            let position = integer_usize(c.get(*pos));
            match (context(c, *ms), position) {
                (Some(ctx), Some(p)) if ctx.set_position(p) => Ok(()),
                _ => Err(Stop::Raise(Exception::badarg())),
            }
        }
        BsInstr::Match { fail, ms, commands } => bs_match(c, *fail, *ms, commands),
    }
}

/// Takes the fail label unless `ok`.
#[inline]
fn test(c: &mut Ctx<'_>, ok: bool, fail: Code) -> Step {
    if !ok {
        c.jump(fail);
    }
    Ok(())
}

/// The match context in `ms`, if it is one.
fn context(c: &Ctx<'_>, ms: Src) -> Option<MatchCtx> {
    // SAFETY: terms in registers are live (the term contract); the handle is used before
    // anything can move the context.
    unsafe { MatchCtx::from_term(c.get(ms)) }
}

/// A non-negative integer term (small or bignum) as a `usize`.
fn integer_usize(t: Term) -> Option<usize> {
    if let Some(v) = t.small_value() {
        return usize::try_from(v).ok();
    }
    // SAFETY: a term from a register, live.
    let big = unsafe { bignum::view(t) }?;
    if big.negative || big.digits.len() != 1 {
        return None;
    }
    Some(big.digits[0])
}

/// `size * unit` bits of a field, or `None` when the size is no non-negative small or the
/// product too large (the match fails).
fn field_bits(size: Term, unit: u32) -> Option<usize> {
    let v = usize::try_from(size.small_value()?).ok()?;
    v.checked_mul(unit as usize).filter(|&bits| bits <= MAX_SMALL as usize)
}

/// The bits a match size operand asks for.
fn field(c: &Ctx<'_>, size: Size, unit: u32, ctx: &MatchCtx) -> Option<usize> {
    match size {
        Size::Src(s) => field_bits(c.get(s), unit),
        Size::All => ctx.test_unit(unit as usize).then(|| ctx.remaining()),
    }
}

/// Makes `need` free heap words, collecting with `live` X registers and `keep` as roots
/// (parked in `x[live]` when it is an X register the collector would not otherwise see), and
/// returns `keep`'s value afterwards (written back to its register).
fn keep(c: &mut Ctx<'_>, need: usize, live: u32, keep: Src) -> Term {
    let live = live as usize;
    if let SrcKind::X(n) = keep.kind() {
        let n = n as usize;
        if n >= live && live < X_REGISTERS {
            c.x[live] = c.x[n];
            c.ensure_heap(need, (live + 1) as u32);
            let moved = c.x[live];
            c.x[n] = moved;
            return moved;
        }
    }
    c.ensure_heap(need, live as u32);
    c.get(keep)
}

fn raise(e: BsError) -> Stop {
    Stop::Raise(e.exception())
}

fn fail_with(c: &mut Ctx<'_>, fail: Fail, e: BsError) -> Step {
    match fail {
        Fail::To(label) => {
            c.jump(label);
            Ok(())
        }
        Fail::Raise => Err(raise(e)),
    }
}

fn create(c: &mut Ctx<'_>, cb: &CreateBin) -> Step {
    match encode(c, cb) {
        Ok(w) => finish(c, cb, &w),
        Err(e) => fail_with(c, cb.fail, e),
    }
}

/// Both passes of `bs_create_bin` over every segment but an append's first: sizes, then
/// values, into a buffer.
fn encode(c: &Ctx<'_>, cb: &CreateBin) -> Result<BitWriter, BsError> {
    let mut sizes = Vec::with_capacity(cb.segments.len());
    for seg in cb.segments.iter() {
        let Some(kind) = seg.kind else {
            sizes.push(0);
            continue;
        };
        let size = match seg.size {
            SegSizeOp::Src(s) => SegSize::Term(c.get(s)),
            SegSizeOp::All => SegSize::All,
            SegSizeOp::None => SegSize::None,
        };
        // SAFETY: terms in registers and constants are live.
        sizes.push(unsafe {
            construct::segment_bits(kind, seg.unit as usize, c.get(seg.src), size, seg.string.len())
        }?);
    }
    let total = construct::total_bits(sizes.iter().copied())?;
    let mut w = BitWriter::with_capacity(total);
    for (seg, &bits) in cb.segments.iter().zip(&sizes) {
        let Some(kind) = seg.kind else { continue };
        let all = matches!(seg.size, SegSizeOp::All);
        // SAFETY: as above.
        unsafe {
            construct::put_segment(
                &mut w,
                kind,
                seg.flags,
                seg.unit as usize,
                c.get(seg.src),
                bits,
                all,
                &seg.string,
            )
        }?;
    }
    Ok(w)
}

/// Builds the result of a `bs_create_bin` from its encoded segments.
fn finish(c: &mut Ctx<'_>, cb: &CreateBin, w: &BitWriter) -> Step {
    let first = &cb.segments[0];
    let result = match first.append {
        Some(mode) => {
            let acc = keep(c, writable::APPEND_WORDS + cb.alloc as usize, cb.live, first.src);
            // SAFETY: `acc` was just read from its register after the collection.
            let r = unsafe {
                match mode {
                    Append::Append => writable::append(c.proc, acc, first.unit as usize, w),
                    Append::PrivateAppend => writable::private_append(c.proc, acc, w),
                }
            };
            match r {
                Ok(t) => t,
                Err(e) => return fail_with(c, cb.fail, e),
            }
        }
        None => {
            c.ensure_heap(construct::build_words(w.bit_len()) + cb.alloc as usize, cb.live);
            match construct::build(c.proc, w) {
                Ok(t) => t,
                Err(_) => return fail_with(c, cb.fail, BsError::SystemLimit),
            }
        }
    };
    c.set(cb.dst, result);
    Ok(())
}

fn init_writable(c: &mut Ctx<'_>) -> Step {
    let hint = c.x[0];
    c.ensure_heap(writable::INIT_WRITABLE_WORDS, 1);
    let t = writable::init_writable(c.proc, hint).map_err(raise)?;
    c.x[0] = t;
    Ok(())
}

fn start_match(c: &mut Ctx<'_>, fail: Fail, src: Src, live: u32, dst: Dst) -> Step {
    let t = c.get(src);
    // SAFETY: a live term from a register.
    if unsafe { matching::is_match_context(t) } {
        c.set(dst, t);
        return Ok(());
    }
    // SAFETY: as above.
    if unsafe { rbeam_runtime::bits::object::bits(t) }.is_none() {
        return fail_with(c, fail, BsError::Badarg);
    }
    let t = keep(c, matching::START_MATCH_WORDS, live, src);
    // SAFETY: `t` was just read after the collection; it outlives the context (the context
    // holds its data's owner).
    match unsafe { matching::start_match(c.proc, t) } {
        Ok(Some(ctx)) => {
            c.set(dst, ctx);
            Ok(())
        }
        _ => fail_with(c, fail, BsError::Badarg),
    }
}

#[allow(clippy::too_many_arguments)]
fn get_integer(
    c: &mut Ctx<'_>,
    fail: Code,
    ms: Src,
    live: u32,
    size: Src,
    unit: u32,
    flags: u32,
    dst: Dst,
) -> Step {
    let Some(bits) = field_bits(c.get(size), unit) else { return test(c, false, fail) };
    let Some(v) = context(c, ms).and_then(|ctx| ctx.get_integer(bits, flags)) else {
        return test(c, false, fail);
    };
    let t = match v.as_small() {
        Some(t) => t,
        None => {
            keep(c, v.heap_words(), live, ms);
            v.build(c.proc).map_err(|_| Stop::Raise(Exception::system_limit()))?
        }
    };
    c.set(dst, t);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn get_float(
    c: &mut Ctx<'_>,
    fail: Code,
    ms: Src,
    live: u32,
    size: Src,
    unit: u32,
    flags: u32,
    dst: Dst,
) -> Step {
    let Some(bits) = field_bits(c.get(size), unit) else { return test(c, false, fail) };
    let Some(f) = context(c, ms).and_then(|ctx| ctx.get_float(bits, flags)) else {
        return test(c, false, fail);
    };
    keep(c, float::HEAP_WORDS, live, ms);
    let t = float::build(c.proc, f).map_err(|_| Stop::Raise(Exception::system_limit()))?;
    c.set(dst, t);
    Ok(())
}

fn get_binary(c: &mut Ctx<'_>, fail: Code, ms: Src, live: u32, size: Size, unit: u32, dst: Dst) -> Step {
    let Some(ctx) = context(c, ms) else { return test(c, false, fail) };
    let Some(bits) = field(c, size, unit, &ctx).filter(|&bits| ctx.has(bits)) else {
        return test(c, false, fail);
    };
    let moved = keep(c, matching::extract_words(bits), live, ms);
    // SAFETY: the context was just read from its register after the collection.
    let Some(ctx) = (unsafe { MatchCtx::from_term(moved) }) else { return test(c, false, fail) };
    match ctx.take_bits(c.proc, bits) {
        Ok(Some(t)) => {
            c.set(dst, t);
            Ok(())
        }
        Ok(None) => test(c, false, fail),
        Err(_) => Err(Stop::Raise(Exception::system_limit())),
    }
}

fn get_tail(c: &mut Ctx<'_>, ms: Src, dst: Dst, live: u32) -> Step {
    let Some(ctx) = context(c, ms) else { return Err(Stop::Raise(Exception::badarg())) };
    let moved = keep(c, matching::extract_words(ctx.remaining()), live, ms);
    // SAFETY: as in `get_binary`.
    let Some(ctx) = (unsafe { MatchCtx::from_term(moved) }) else {
        return Err(Stop::Raise(Exception::badarg()));
    };
    let t = ctx.tail(c.proc).map_err(|_| Stop::Raise(Exception::system_limit()))?;
    c.set(dst, t);
    Ok(())
}

/// OTP 26's `bs_match`: the commands in order, failing as soon as one does.
fn bs_match(c: &mut Ctx<'_>, fail: Code, ms: Src, commands: &[MatchCmd]) -> Step {
    for cmd in commands {
        let Some(ctx) = context(c, ms) else { return test(c, false, fail) };
        let ok = match *cmd {
            MatchCmd::EnsureAtLeast { bits, unit } => {
                ctx.has(bits) && (unit <= 1 || (ctx.remaining() - bits) % unit == 0)
            }
            MatchCmd::EnsureExactly { bits } => ctx.test_tail(bits),
            MatchCmd::Skip { bits } => ctx.skip(bits),
            MatchCmd::Eq { bits, value } => ctx.match_unsigned(value, bits),
            MatchCmd::Integer { live, flags, bits, dst } => match ctx.get_integer(bits, flags) {
                Some(v) => {
                    let t = match v.as_small() {
                        Some(t) => t,
                        None => {
                            keep(c, v.heap_words(), live, ms);
                            v.build(c.proc).map_err(|_| Stop::Raise(Exception::system_limit()))?
                        }
                    };
                    c.set(dst, t);
                    true
                }
                None => false,
            },
            MatchCmd::Binary { live, bits, dst } => {
                if !ctx.has(bits) {
                    false
                } else {
                    let moved = keep(c, matching::extract_words(bits), live, ms);
                    // SAFETY: as in `get_binary`.
                    let Some(ctx) = (unsafe { MatchCtx::from_term(moved) }) else {
                        return test(c, false, fail);
                    };
                    match ctx.take_bits(c.proc, bits) {
                        Ok(Some(t)) => {
                            c.set(dst, t);
                            true
                        }
                        Ok(None) => false,
                        Err(_) => return Err(Stop::Raise(Exception::system_limit())),
                    }
                }
            }
            MatchCmd::GetTail { live, dst } => {
                get_tail(c, ms, dst, live)?;
                true
            }
        };
        if !ok {
            c.jump(fail);
            return Ok(());
        }
    }
    Ok(())
}
