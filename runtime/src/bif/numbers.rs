//! Number BIFs: the arithmetic operators as functions (`erlang:'+'/2` and friends, for
//! `apply` and funs), `abs/1`, `float/1`, the rounding BIFs, `max/2` and `min/2`, integer and
//! float conversions to and from text, and the `math` module.
//!
//! Arithmetic lives in [`crate::arith`]; these are its BIF faces, with erts' argument checks
//! and errors (`badarg` from the conversions, `badarith` from the operators and from `math`
//! results that are not finite numbers). OTP 25 behaviours kept on purpose:
//!
//! * `list_to_integer/1,2` reads each character as its low 8 bits (`[$1, 306]` is `12`);
//!   `list_to_float/1` needs characters below 256.
//! * `binary_to_float/1` and `list_to_float/1` stop at a NUL character, as C strings do.
//! * `float_to_list/2` option values are C `int`s: `{decimals, 1 bsl 32 + 2}` means 2 on
//!   64-bit words (where it is a small) and `badarg` on 32-bit words (where it is a bignum).
//! * `max/2` and `min/2` return the first argument when both compare equal (`max(1, 1.0)` is
//!   `1`).

use core::cmp::Ordering;

use super::data_util::{badarg, compare, proper_list, tuple_elements};
use super::{Bif, BifCtx, BifFn, BifResult};
use crate::arith::fmt::{self as ffmt, FloatFormat};
use crate::arith::{self, Operand, mag, parse};
use crate::exception::Exception;
use crate::process::Process;
use crate::term::tags::{IMMED1_SIZE, IMMED1_SMALL};
use crate::term::{Term, bits, list};

const fn bif(module: &'static str, name: &'static str, arity: u32, f: BifFn) -> Bif {
    Bif { module, name, arity, f }
}

/// The number BIFs.
pub const BIFS: &[Bif] = &[
    bif("erlang", "+", 2, add),
    bif("erlang", "-", 2, sub),
    bif("erlang", "*", 2, mul),
    bif("erlang", "/", 2, div),
    bif("erlang", "div", 2, int_div),
    bif("erlang", "rem", 2, rem),
    bif("erlang", "band", 2, band),
    bif("erlang", "bor", 2, bor),
    bif("erlang", "bxor", 2, bxor),
    bif("erlang", "bsl", 2, bsl),
    bif("erlang", "bsr", 2, bsr),
    bif("erlang", "bnot", 1, bnot),
    bif("erlang", "-", 1, neg),
    bif("erlang", "+", 1, plus),
    bif("erlang", "abs", 1, abs),
    bif("erlang", "float", 1, float),
    bif("erlang", "trunc", 1, trunc),
    bif("erlang", "round", 1, round),
    bif("erlang", "floor", 1, floor),
    bif("erlang", "ceil", 1, ceil),
    bif("erlang", "max", 2, max),
    bif("erlang", "min", 2, min),
    bif("erlang", "integer_to_list", 1, integer_to_list_1),
    bif("erlang", "integer_to_list", 2, integer_to_list_2),
    bif("erlang", "integer_to_binary", 1, integer_to_binary_1),
    bif("erlang", "integer_to_binary", 2, integer_to_binary_2),
    bif("erlang", "list_to_integer", 1, list_to_integer_1),
    bif("erlang", "list_to_integer", 2, list_to_integer_2),
    bif("erlang", "binary_to_integer", 1, binary_to_integer_1),
    bif("erlang", "binary_to_integer", 2, binary_to_integer_2),
    bif("erlang", "float_to_list", 1, float_to_list_1),
    bif("erlang", "float_to_list", 2, float_to_list_2),
    bif("erlang", "float_to_binary", 1, float_to_binary_1),
    bif("erlang", "float_to_binary", 2, float_to_binary_2),
    bif("erlang", "list_to_float", 1, list_to_float),
    bif("erlang", "binary_to_float", 1, binary_to_float),
    bif("math", "sin", 1, math_sin),
    bif("math", "cos", 1, math_cos),
    bif("math", "tan", 1, math_tan),
    bif("math", "asin", 1, math_asin),
    bif("math", "acos", 1, math_acos),
    bif("math", "atan", 1, math_atan),
    bif("math", "atan2", 2, math_atan2),
    bif("math", "sinh", 1, math_sinh),
    bif("math", "cosh", 1, math_cosh),
    bif("math", "tanh", 1, math_tanh),
    bif("math", "asinh", 1, math_asinh),
    bif("math", "acosh", 1, math_acosh),
    bif("math", "atanh", 1, math_atanh),
    bif("math", "exp", 1, math_exp),
    bif("math", "log", 1, math_log),
    bif("math", "log2", 1, math_log2),
    bif("math", "log10", 1, math_log10),
    bif("math", "pow", 2, math_pow),
    bif("math", "sqrt", 1, math_sqrt),
    bif("math", "erf", 1, math_erf),
    bif("math", "erfc", 1, math_erfc),
    bif("math", "ceil", 1, math_ceil),
    bif("math", "floor", 1, math_floor),
    bif("math", "fmod", 2, math_fmod),
    bif("math", "pi", 0, math_pi),
];

// ---------------------------------------------------------------------------------------------
// Operators

fn add(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::add(ctx.proc, args[0], args[1]).into()
}

fn sub(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::sub(ctx.proc, args[0], args[1]).into()
}

fn mul(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::mul(ctx.proc, args[0], args[1]).into()
}

fn div(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::div(ctx.proc, args[0], args[1]).into()
}

fn int_div(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::int_div(ctx.proc, args[0], args[1]).into()
}

fn rem(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::rem(ctx.proc, args[0], args[1]).into()
}

fn band(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::band(ctx.proc, args[0], args[1]).into()
}

fn bor(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::bor(ctx.proc, args[0], args[1]).into()
}

fn bxor(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::bxor(ctx.proc, args[0], args[1]).into()
}

fn bsl(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::bsl(ctx.proc, args[0], args[1]).into()
}

fn bsr(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::bsr(ctx.proc, args[0], args[1]).into()
}

fn bnot(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::bnot(ctx.proc, args[0]).into()
}

fn neg(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::neg(ctx.proc, args[0]).into()
}

fn plus(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::plus(ctx.proc, args[0]).into()
}

fn abs(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    arith::abs(ctx.proc, args[0]).into()
}

// ---------------------------------------------------------------------------------------------
// Conversions between integers and floats

/// Decodes a BIF argument as a number.
fn number<'a>(t: Term) -> Operand<'a> {
    // SAFETY: BIF arguments are live terms of the calling process, unmoved while the BIF runs.
    unsafe { arith::operand(t) }
}

fn float(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match number(args[0]) {
        Operand::Float(_) => BifResult::Ok(args[0]),
        Operand::Small(_) | Operand::Big(_) => match arith::to_float(args[0]) {
            Some(v) => arith::make_float(ctx.proc, v).into(),
            None => badarg(),
        },
        Operand::Other => badarg(),
    }
}

/// A rounding BIF: integers are returned as they are, floats rounded by `op` and converted.
fn rounding(ctx: &mut BifCtx<'_>, arg: Term, op: fn(f64) -> f64) -> BifResult {
    match number(arg) {
        Operand::Float(v) => arith::f64_to_integer(ctx.proc, op(v)).into(),
        Operand::Small(_) | Operand::Big(_) => BifResult::Ok(arg),
        Operand::Other => badarg(),
    }
}

fn trunc(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    rounding(ctx, args[0], f64::trunc)
}

fn round(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    // C's round(): halves away from zero.
    rounding(ctx, args[0], f64::round)
}

fn floor(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    rounding(ctx, args[0], f64::floor)
}

fn ceil(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    rounding(ctx, args[0], f64::ceil)
}

fn max(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let greater = compare(&ctx.vm.atoms, args[1], args[0]) == Ordering::Greater;
    BifResult::Ok(if greater { args[1] } else { args[0] })
}

fn min(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let less = compare(&ctx.vm.atoms, args[1], args[0]) == Ordering::Less;
    BifResult::Ok(if less { args[1] } else { args[0] })
}

// ---------------------------------------------------------------------------------------------
// Integers and text

/// The base argument of the `_2` conversions: a small integer in 2..=36.
fn base_arg(t: Term) -> Option<u32> {
    let base = t.small_value()?;
    (2..=36).contains(&base).then_some(base as u32)
}

/// The text of an integer term in `base`, or `None` if it is no integer.
fn integer_text(t: Term, base: u32) -> Option<Vec<u8>> {
    let (negative, text) = match number(t) {
        Operand::Small(v) => (v < 0, mag::to_radix(&[v.unsigned_abs()], base)),
        Operand::Big(big) => (big.negative, mag::to_radix(big.digits, base)),
        _ => return None,
    };
    let mut out = Vec::with_capacity(text.len() + 1);
    if negative {
        out.push(b'-');
    }
    out.extend_from_slice(&text);
    Some(out)
}

/// A list of the characters `text` on the process heap.
fn char_list(proc: &mut Process, text: &[u8]) -> Result<Term, Exception> {
    let chars: Vec<Term> =
        text.iter().map(|&c| Term::from_raw((usize::from(c) << IMMED1_SIZE) | IMMED1_SMALL)).collect();
    list::build(proc, &chars, Term::NIL).map_err(|_| Exception::system_limit())
}

/// A binary of `bytes` on the process heap.
fn binary(proc: &mut Process, bytes: &[u8]) -> Result<Term, Exception> {
    bits::build_binary(proc, bytes).map_err(|_| Exception::system_limit())
}

fn to_text(ctx: &mut BifCtx<'_>, value: Term, base: Option<u32>, as_binary: bool) -> BifResult {
    let Some(base) = base else {
        return badarg();
    };
    let Some(text) = integer_text(value, base) else {
        return badarg();
    };
    // erts charges one reduction per 16 digits written.
    arith::charge(ctx.proc, text.len());
    if as_binary { binary(ctx.proc, &text).into() } else { char_list(ctx.proc, &text).into() }
}

fn integer_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    to_text(ctx, args[0], Some(10), false)
}

fn integer_to_list_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    to_text(ctx, args[0], base_arg(args[1]), false)
}

fn integer_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    to_text(ctx, args[0], Some(10), true)
}

fn integer_to_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    to_text(ctx, args[0], base_arg(args[1]), true)
}

/// The characters of a `list_to_integer` argument: a proper list of small integers, each
/// read as its low 8 bits except that a leading sign must be exactly `$-` or `$+`. Returns
/// the sign and the digit characters.
fn integer_list(t: Term) -> Option<(bool, Vec<u32>)> {
    let elements = proper_list(t)?;
    let values: Option<Vec<i64>> = elements.iter().map(|e| e.small_value()).collect();
    let values = values?;
    let (negative, body) = match values.split_first() {
        Some((&0x2D, rest)) => (true, rest),
        Some((&0x2B, rest)) => (false, rest),
        _ => (false, &values[..]),
    };
    Some((negative, body.iter().map(|&v| u32::from(v as u8)).collect()))
}

/// The bytes of a binary argument (a bitstring of whole bytes), or `None`.
fn binary_bytes(t: Term) -> Option<Vec<u8>> {
    // SAFETY: BIF arguments are live terms of the calling process, unmoved while the BIF runs.
    let view = unsafe { bits::view(t) }?;
    view.is_binary().then(|| view.to_bytes())
}

fn from_text(ctx: &mut BifCtx<'_>, negative: bool, digits: &[u32], base: u32) -> BifResult {
    match parse::parse_digits(negative, digits, base) {
        Ok(value) => {
            arith::charge(ctx.proc, digits.len());
            arith::build_int(ctx.proc, value.neg, &value.mag).into()
        }
        Err(parse::IntegerError::Syntax) => badarg(),
        Err(parse::IntegerError::TooLarge) => BifResult::Err(Exception::system_limit()),
    }
}

fn list_to_integer(ctx: &mut BifCtx<'_>, text: Term, base: Option<u32>) -> BifResult {
    let (Some(base), Some((negative, digits))) = (base, integer_list(text)) else {
        return badarg();
    };
    from_text(ctx, negative, &digits, base)
}

fn list_to_integer_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    list_to_integer(ctx, args[0], Some(10))
}

fn list_to_integer_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    list_to_integer(ctx, args[0], base_arg(args[1]))
}

fn binary_to_integer(ctx: &mut BifCtx<'_>, text: Term, base: Option<u32>) -> BifResult {
    let (Some(base), Some(bytes)) = (base, binary_bytes(text)) else {
        return badarg();
    };
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, &bytes[..]),
    };
    let digits: Vec<u32> = body.iter().map(|&b| u32::from(b)).collect();
    from_text(ctx, negative, &digits, base)
}

fn binary_to_integer_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_to_integer(ctx, args[0], Some(10))
}

fn binary_to_integer_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    binary_to_integer(ctx, args[0], base_arg(args[1]))
}

// ---------------------------------------------------------------------------------------------
// Floats and text

/// Reads `float_to_list/2` options as erts does: the last format option wins, and the
/// precision of `{decimals, N}` and `{scientific, N}` is a C `int`.
fn float_options(ctx: &BifCtx<'_>, options: Term) -> Option<FloatFormat> {
    let atoms = &ctx.vm.atoms;
    let text = |t: Term| atoms.text(t);
    let mut decimals = ffmt::DEFAULT_DECIMALS;
    let mut compact = false;
    // 0: legacy, 1: short, 2: decimals, 3: scientific.
    let mut kind = 0;
    for option in proper_list(options)? {
        if option.is_atom() {
            match text(option)? {
                "compact" => compact = true,
                "short" => kind = 1,
                _ => return None,
            }
            continue;
        }
        let elements = tuple_elements(option)?;
        let [tag, value] = elements else {
            return None;
        };
        let value = value.small_value()?;
        let new_kind = match text(*tag) {
            Some("decimals") => 2,
            Some("scientific") => 3,
            _ => return None,
        };
        // erts stores the value in an `int` (truncating on 64-bit words).
        decimals = value as i32;
        kind = new_kind;
    }
    Some(match kind {
        0 => FloatFormat::Scientific(decimals),
        1 => FloatFormat::Short,
        2 => FloatFormat::Decimals { decimals, compact },
        _ => FloatFormat::Scientific(decimals),
    })
}

/// The text `float_to_list/2` writes, or `None` for `badarg`.
fn float_text(ctx: &BifCtx<'_>, value: Term, options: Term) -> Option<String> {
    let Operand::Float(v) = number(value) else {
        return None;
    };
    ffmt::format(v, float_options(ctx, options)?)
}

fn float_to(ctx: &mut BifCtx<'_>, value: Term, options: Term, as_binary: bool) -> BifResult {
    let Some(text) = float_text(ctx, value, options) else {
        return badarg();
    };
    if as_binary {
        binary(ctx.proc, text.as_bytes()).into()
    } else {
        char_list(ctx.proc, text.as_bytes()).into()
    }
}

fn float_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    float_to(ctx, args[0], Term::NIL, false)
}

fn float_to_list_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    float_to(ctx, args[0], args[1], false)
}

fn float_to_binary_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    float_to(ctx, args[0], Term::NIL, true)
}

fn float_to_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    float_to(ctx, args[0], args[1], true)
}

/// Parses a float text as erts' C string: it ends at the first NUL.
fn text_to_float(ctx: &mut BifCtx<'_>, text: &[u8]) -> BifResult {
    let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
    match parse::parse_float(&text[..end]) {
        Some(v) => arith::make_float(ctx.proc, v).into(),
        None => badarg(),
    }
}

fn list_to_float(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = proper_list(args[0]) else {
        return badarg();
    };
    let bytes: Option<Vec<u8>> =
        elements.iter().map(|e| e.small_value().and_then(|v| u8::try_from(v).ok())).collect();
    match bytes {
        Some(bytes) => text_to_float(ctx, &bytes),
        None => badarg(),
    }
}

fn binary_to_float(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match binary_bytes(args[0]) {
        Some(bytes) if !bytes.is_empty() => text_to_float(ctx, &bytes),
        _ => badarg(),
    }
}

// ---------------------------------------------------------------------------------------------
// math

// SAFETY: these are the C library's pure math functions (glibc's libm, which std already links
// on Linux); they take and return doubles and touch no memory of ours (at most `errno`).
unsafe extern "C" {
    safe fn sin(x: f64) -> f64;
    safe fn cos(x: f64) -> f64;
    safe fn tan(x: f64) -> f64;
    safe fn asin(x: f64) -> f64;
    safe fn acos(x: f64) -> f64;
    safe fn atan(x: f64) -> f64;
    safe fn atan2(y: f64, x: f64) -> f64;
    safe fn sinh(x: f64) -> f64;
    safe fn cosh(x: f64) -> f64;
    safe fn tanh(x: f64) -> f64;
    safe fn asinh(x: f64) -> f64;
    safe fn acosh(x: f64) -> f64;
    safe fn atanh(x: f64) -> f64;
    safe fn exp(x: f64) -> f64;
    safe fn log(x: f64) -> f64;
    safe fn log2(x: f64) -> f64;
    safe fn log10(x: f64) -> f64;
    safe fn pow(x: f64, y: f64) -> f64;
    safe fn erf(x: f64) -> f64;
    safe fn erfc(x: f64) -> f64;
    safe fn fmod(x: f64, y: f64) -> f64;
}

/// A `math` argument as a double: `badarg` for a non-number, `badarith` for a bignum beyond
/// the double range (erts' `math_call_1`).
fn math_arg(t: Term) -> Result<f64, Exception> {
    match number(t) {
        Operand::Other => Err(Exception::badarg()),
        _ => arith::to_float(t).ok_or_else(Exception::badarith),
    }
}

fn math1(ctx: &mut BifCtx<'_>, args: &[Term], f: fn(f64) -> f64) -> BifResult {
    match math_arg(args[0]) {
        Ok(x) => arith::make_float(ctx.proc, f(x)).into(),
        Err(e) => BifResult::Err(e),
    }
}

fn math2(ctx: &mut BifCtx<'_>, args: &[Term], f: fn(f64, f64) -> f64) -> BifResult {
    let x = match math_arg(args[0]) {
        Ok(x) => x,
        Err(e) => return BifResult::Err(e),
    };
    match math_arg(args[1]) {
        Ok(y) => arith::make_float(ctx.proc, f(x, y)).into(),
        Err(e) => BifResult::Err(e),
    }
}

fn math_sin(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| sin(x))
}

fn math_cos(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| cos(x))
}

fn math_tan(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| tan(x))
}

fn math_asin(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| asin(x))
}

fn math_acos(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| acos(x))
}

fn math_atan(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| atan(x))
}

fn math_atan2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math2(ctx, args, |x, y| atan2(x, y))
}

fn math_sinh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| sinh(x))
}

fn math_cosh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| cosh(x))
}

fn math_tanh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| tanh(x))
}

fn math_asinh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| asinh(x))
}

fn math_acosh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| acosh(x))
}

fn math_atanh(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| atanh(x))
}

fn math_exp(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| exp(x))
}

fn math_log(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| log(x))
}

fn math_log2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| log2(x))
}

fn math_log10(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| log10(x))
}

fn math_pow(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math2(ctx, args, |x, y| pow(x, y))
}

fn math_sqrt(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, f64::sqrt)
}

fn math_erf(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| erf(x))
}

fn math_erfc(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, |x| erfc(x))
}

fn math_ceil(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, f64::ceil)
}

fn math_floor(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math1(ctx, args, f64::floor)
}

fn math_fmod(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    math2(ctx, args, |x, y| fmod(x, y))
}

fn math_pi(ctx: &mut BifCtx<'_>, _args: &[Term]) -> BifResult {
    arith::make_float(ctx.proc, core::f64::consts::PI).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bif_is_registered_once() {
        let mut seen = std::collections::HashSet::new();
        for b in BIFS {
            assert!(seen.insert((b.module, b.name, b.arity)), "{b:?} twice");
        }
    }
}
