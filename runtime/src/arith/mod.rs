//! Erlang arithmetic as erts does it (`erl_arith.c`, `big.c`, `erl_bif_guard.c`): the
//! operators on small integers, bignums and floats, with erts' errors and size limits, and the
//! conversions between numbers and text the BIFs in `crate::bif::numbers` build on.
//!
//! The interpreter calls [`add`], [`sub`], [`mul`], [`div`], [`int_div`], [`rem`], [`band`],
//! [`bor`], [`bxor`], [`bsl`], [`bsr`], [`neg`], [`plus`], [`bnot`] and [`abs`] directly. Each
//! first checks whether both operands are small integers and the result fits a small (one tag
//! test and a machine-word operation, inlined into the caller); everything else goes to an
//! out-of-line slow path that decodes the operands, computes on magnitudes (`mag`) and
//! allocates the result on the process heap with [`Process::alloc`] (heap fragments when the
//! heap is full, so operand terms never move).
//!
//! Rules taken from erts:
//!
//! * A result that fits a small is always a small; bignums are canonical.
//! * `badarith` for any non-number operand (non-integer for `div`, `rem`, `band`, `bor`,
//!   `bxor`, `bsl`, `bsr`, `bnot`), for integer division by zero, and whenever a float result
//!   is NaN or infinite (`1.0e308 * 10`, `1 / 0`). A bignum operand of a float operation that
//!   does not convert to a finite double is also `badarith`.
//! * `system_limit` when an integer result would need more than `MAX_BIGNUM_DIGITS` digits
//!   (erts' `BIG_ARITY_MAX` of the OTP 27 layout this runtime follows; OTP 25's limit is
//!   larger). `bsl` checks the size before computing, as erts does, so `1 bsl (1 bsl 59)`
//!   fails at once instead of trying to allocate the result.
//! * Integers convert to floats the way `big_to_double` does: digit by digit from the most
//!   significant, `d = d * 2^W + digit` rounding at every step (so on 32-bit words a large
//!   bignum can convert to a different double than on 64-bit words, exactly as in erts).
//! * `abs/1` of a non-number is `badarg` (it is a BIF); `-0.0` is kept by `abs`, negated by
//!   unary minus.
//! * Bignum work is charged to the process's reductions in proportion to the digits touched
//!   (`fcalls` may go below zero; the interpreter yields at its next check), so a process
//!   multiplying huge numbers cannot hold its scheduler. Small-integer paths charge nothing.
//!
//! Multiplication uses Karatsuba's method above 32-digit operands and division Knuth's
//! algorithm D; both beat OTP 25 by a wide margin on 100k-bit numbers.
//!
//! All terms passed in must satisfy the crate's term contract (see [`crate::term`]): they are
//! live terms of the calling process or of a literal area, as the interpreter guarantees for
//! its registers.

pub mod fmt;
pub mod mag;
pub mod parse;

use core::cmp::Ordering;

use mag::{DIGIT_BITS, Digit};

use crate::exception::Exception;
use crate::process::{CONTEXT_REDUCTIONS, Process};
use crate::term::bignum::{self, BigView};
use crate::term::tags::{
    IMMED1_MASK, IMMED1_SIZE, IMMED1_SMALL, MAX_BIGNUM_DIGITS, MAX_SMALL, MIN_SMALL, SMALL_BITS,
};
use crate::term::{BuildError, Term, float};

// ---------------------------------------------------------------------------------------------
// Small-integer helpers (the fast paths)
// ---------------------------------------------------------------------------------------------

/// Whether both words are small integers (`is_both_small`).
#[inline(always)]
fn both_small(a: Term, b: Term) -> bool {
    a.raw() & b.raw() & IMMED1_MASK == IMMED1_SMALL
}

/// The value of a word known to be a small integer.
#[inline(always)]
fn small_value(t: Term) -> isize {
    (t.raw() as isize) >> IMMED1_SIZE
}

/// The small integer `v`, if it is in range.
#[inline(always)]
fn make_small(v: isize) -> Option<Term> {
    let shifted = v << IMMED1_SIZE;
    if shifted >> IMMED1_SIZE == v { Some(Term::from_raw(shifted as usize | IMMED1_SMALL)) } else { None }
}

/// A small integer from a value known to be in range.
#[inline(always)]
fn small(v: isize) -> Term {
    Term::from_raw(((v << IMMED1_SIZE) as usize) | IMMED1_SMALL)
}

const ZERO: Term = Term::from_raw(IMMED1_SMALL);

// ---------------------------------------------------------------------------------------------
// The operator API
// ---------------------------------------------------------------------------------------------

/// `A + B`.
#[inline]
pub fn add(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        // Two smalls never overflow a machine word when added.
        if let Some(t) = make_small(small_value(a) + small_value(b)) {
            return Ok(t);
        }
    }
    slow::add(p, a, b)
}

/// `A - B`.
#[inline]
pub fn sub(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        if let Some(t) = make_small(small_value(a) - small_value(b)) {
            return Ok(t);
        }
    }
    slow::sub(p, a, b)
}

/// `A * B`.
#[inline]
pub fn mul(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        if let Some(t) = small_value(a).checked_mul(small_value(b)).and_then(make_small) {
            return Ok(t);
        }
    }
    slow::mul(p, a, b)
}

/// `A / B`: float division, always a float.
#[inline]
pub fn div(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    slow::div(p, a, b)
}

/// `A div B`: integer division truncating toward zero.
#[inline]
pub fn int_div(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) && b != ZERO {
        if let Some(t) = make_small(small_value(a) / small_value(b)) {
            return Ok(t);
        }
    }
    slow::int_div(p, a, b)
}

/// `A rem B`: the remainder of `div`, with the sign of `A`.
#[inline]
pub fn rem(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) && b != ZERO {
        return Ok(small(small_value(a) % small_value(b)));
    }
    slow::rem(p, a, b)
}

/// `A band B`.
#[inline]
pub fn band(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        return Ok(Term::from_raw(a.raw() & b.raw()));
    }
    slow::bitwise(p, a, b, Bitwise::And)
}

/// `A bor B`.
#[inline]
pub fn bor(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        return Ok(Term::from_raw(a.raw() | b.raw()));
    }
    slow::bitwise(p, a, b, Bitwise::Or)
}

/// `A bxor B`.
#[inline]
pub fn bxor(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        return Ok(Term::from_raw((a.raw() ^ b.raw()) | IMMED1_SMALL));
    }
    slow::bitwise(p, a, b, Bitwise::Xor)
}

/// `A bsl B`: an arithmetic shift left (right for negative `B`).
#[inline]
pub fn bsl(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        let (v, s) = (small_value(a), small_value(b));
        if (0..SMALL_BITS as isize - 1).contains(&s) {
            let shifted = v << s;
            if shifted >> s == v {
                if let Some(t) = make_small(shifted) {
                    return Ok(t);
                }
            }
        }
    }
    slow::shift(p, a, b, false)
}

/// `A bsr B`: an arithmetic shift right (left for negative `B`), rounding toward negative
/// infinity.
#[inline]
pub fn bsr(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
    if both_small(a, b) {
        let s = small_value(b);
        if s >= 0 {
            let s = s.min(SMALL_BITS as isize - 1);
            return Ok(small(small_value(a) >> s));
        }
    }
    slow::shift(p, a, b, true)
}

/// Unary `- A`.
#[inline]
pub fn neg(p: &mut Process, a: Term) -> Result<Term, Exception> {
    if a.is_small() {
        if let Some(t) = make_small(-small_value(a)) {
            return Ok(t);
        }
    }
    slow::neg(p, a)
}

/// Unary `+ A`: the number itself, `badarith` for anything else.
#[inline]
pub fn plus(_p: &mut Process, a: Term) -> Result<Term, Exception> {
    if a.is_small() {
        return Ok(a);
    }
    // SAFETY: `a` is a live term (module contract).
    match unsafe { operand(a) } {
        Operand::Other => Err(Exception::badarith()),
        _ => Ok(a),
    }
}

/// `bnot A`.
#[inline]
pub fn bnot(p: &mut Process, a: Term) -> Result<Term, Exception> {
    if a.is_small() {
        return Ok(small(!small_value(a)));
    }
    slow::bnot(p, a)
}

/// `abs(A)`: `badarg` (not `badarith`) for a non-number, as the BIF raises.
#[inline]
pub fn abs(p: &mut Process, a: Term) -> Result<Term, Exception> {
    if a.is_small() {
        if let Some(t) = make_small(small_value(a).abs()) {
            return Ok(t);
        }
    }
    slow::abs(p, a)
}

/// The value of an integer or float term as a double (`fconv`), converting bignums as erts
/// does; `None` for a non-number or a bignum beyond the double range.
pub fn to_float(t: Term) -> Option<f64> {
    if t.is_small() {
        return Some(small_value(t) as f64);
    }
    // SAFETY: `t` is a live term (module contract).
    match unsafe { operand(t) } {
        Operand::Float(v) => Some(v),
        Operand::Big(big) => big_to_f64(big.negative, big.digits),
        _ => None,
    }
}

/// `v` itself if it is a finite double, else `badarith`: the check erts makes after every
/// float operation (`ERTS_FP_ERROR`), for the float instructions that compute on raw doubles.
#[inline]
pub fn float_result(v: f64) -> Result<f64, Exception> {
    if v.is_finite() { Ok(v) } else { Err(Exception::badarith()) }
}

/// A float term for `v`, or `badarith` if `v` is NaN or infinite (erts' `ERTS_FP_ERROR`).
pub fn make_float(p: &mut Process, v: f64) -> Result<Term, Exception> {
    if !v.is_finite() {
        return Err(Exception::badarith());
    }
    float::build(p, v).map_err(build_error)
}

// ---------------------------------------------------------------------------------------------
// Operands
// ---------------------------------------------------------------------------------------------

/// A decoded number operand.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Operand<'a> {
    Small(isize),
    Big(BigView<'a>),
    Float(f64),
    Other,
}

/// Decodes a term as a number operand.
///
/// # Safety
/// `t` must satisfy the crate's term contract for `'a`.
#[inline]
pub(crate) unsafe fn operand<'a>(t: Term) -> Operand<'a> {
    if t.is_small() {
        return Operand::Small(small_value(t));
    }
    if !t.is_boxed() {
        return Operand::Other;
    }
    // SAFETY: forwarded contract.
    if let Some(big) = unsafe { bignum::view(t) } {
        return Operand::Big(big);
    }
    // SAFETY: forwarded contract.
    match unsafe { float::value(t) } {
        Some(v) => Operand::Float(v),
        None => Operand::Other,
    }
}

/// A signed integer: sign and magnitude (digits least significant first, maybe with high
/// zeros; zero has an empty magnitude).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Int<'a> {
    pub neg: bool,
    pub mag: &'a [Digit],
}

impl<'a> Int<'a> {
    /// The integer of a small value, its magnitude held in `buf`.
    pub fn of_small(v: isize, buf: &'a mut [Digit; 1]) -> Int<'a> {
        buf[0] = v.unsigned_abs();
        Int { neg: v < 0, mag: if v == 0 { &buf[..0] } else { &buf[..] } }
    }

    pub fn of_big(big: BigView<'a>) -> Int<'a> {
        Int { neg: big.negative, mag: big.digits }
    }

    fn is_zero(&self) -> bool {
        mag::trim(self.mag).is_empty()
    }
}

/// An integer value outside any heap: sign and normalized magnitude (zero is not negative
/// and has no digits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Integer {
    pub neg: bool,
    pub mag: Vec<Digit>,
}

impl Integer {
    /// `±mag`, normalized.
    pub fn new(neg: bool, mut mag: Vec<Digit>) -> Integer {
        mag::normalize(&mut mag);
        let neg = neg && !mag.is_empty();
        Integer { neg, mag }
    }
}

/// Maps a build failure to the Erlang error: the only possible one for a process heap is the
/// bignum size limit.
fn build_error(_: BuildError) -> Exception {
    Exception::system_limit()
}

/// Builds `±mag` on the process heap: a small when it fits, `system_limit` beyond the bignum
/// size limit.
pub(crate) fn build_int(p: &mut Process, neg: bool, mag: &[Digit]) -> Result<Term, Exception> {
    bignum::build(p, neg, mag).map_err(build_error)
}

/// Builds an `i128` integer.
pub(crate) fn build_i128(p: &mut Process, v: i128) -> Result<Term, Exception> {
    bignum::build_i128(p, v).map_err(build_error)
}

// ---------------------------------------------------------------------------------------------
// Signed integer operations
// ---------------------------------------------------------------------------------------------

/// `a + b` (subtraction is `a + (-b)`).
pub(crate) fn int_add(a: Int<'_>, b: Int<'_>) -> Integer {
    if a.neg == b.neg {
        return Integer::new(a.neg, mag::add(a.mag, b.mag));
    }
    match mag::cmp(a.mag, b.mag) {
        Ordering::Equal => Integer::new(false, Vec::new()),
        Ordering::Greater => Integer::new(a.neg, mag::sub(a.mag, b.mag)),
        Ordering::Less => Integer::new(b.neg, mag::sub(b.mag, a.mag)),
    }
}

/// Truncating quotient and remainder (`b` non-zero).
pub(crate) fn int_divrem(a: Int<'_>, b: Int<'_>) -> (Integer, Integer) {
    let (q, r) = mag::divrem(a.mag, b.mag);
    (Integer::new(a.neg != b.neg, q), Integer::new(a.neg, r))
}

/// The bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bitwise {
    And,
    Or,
    Xor,
}

/// Two's complement digits of `x` over `len` digits (`len` longer than the magnitude).
fn twos_complement(x: Int<'_>, len: usize) -> Vec<Digit> {
    let mag = mag::trim(x.mag);
    let mut out = vec![0; len];
    out[..mag.len()].copy_from_slice(mag);
    if x.neg && !mag.is_empty() {
        // −m = !(m − 1)
        mag::sub_in_place(&mut out, &[1]);
        for d in &mut out {
            *d = !*d;
        }
    }
    out
}

/// A bitwise operation on integers of any size, with infinite two's complement semantics.
pub(crate) fn int_bitwise(a: Int<'_>, b: Int<'_>, op: Bitwise) -> Integer {
    let len = mag::trim(a.mag).len().max(mag::trim(b.mag).len()) + 1;
    let x = twos_complement(a, len);
    let y = twos_complement(b, len);
    let mut r: Vec<Digit> = x
        .iter()
        .zip(&y)
        .map(|(&x, &y)| match op {
            Bitwise::And => x & y,
            Bitwise::Or => x | y,
            Bitwise::Xor => x ^ y,
        })
        .collect();
    let negative = r[len - 1] >> (DIGIT_BITS - 1) != 0;
    if negative {
        // |r| = !r + 1
        for d in &mut r {
            *d = !*d;
        }
        mag::normalize(&mut r);
        r = mag::add_digit(&r, 1);
    }
    Integer::new(negative, r)
}

/// `a · 2^n` for `n ≥ 0`, or `⌊a / 2^-n⌋` for `n < 0`.
pub(crate) fn int_shift(a: Int<'_>, n: i64) -> Integer {
    if n >= 0 {
        return Integer::new(a.neg, mag::shl(a.mag, n as u64));
    }
    let (q, inexact) = mag::shr(a.mag, n.unsigned_abs());
    if a.neg && inexact {
        // Floor division of a negative number: one further from zero.
        Integer::new(true, mag::add_digit(&q, 1))
    } else {
        Integer::new(a.neg, q)
    }
}

/// The double erts' `big_to_double` computes for `±mag`, or `None` if it overflows.
pub(crate) fn big_to_f64(neg: bool, mag: &[Digit]) -> Option<f64> {
    let base = 2f64.powi(DIGIT_BITS as i32);
    let mut d = 0.0f64;
    for &digit in mag.iter().rev() {
        d = d * base + digit as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if neg { -d } else { d })
}

/// The integer term for an integral double (`double_to_integer`): a small when it fits.
pub(crate) fn f64_to_integer(p: &mut Process, x: f64) -> Result<Term, Exception> {
    if x < (MAX_SMALL + 1) as f64 && x > (MIN_SMALL - 1) as f64 {
        return Ok(small(x as isize));
    }
    let bits = x.abs().to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let shift = exponent - 1075;
    let mantissa_digits = u64_digits(mantissa);
    let magnitude = if shift >= 0 {
        mag::shl(&mantissa_digits, shift as u64)
    } else {
        mag::shr(&mantissa_digits, shift.unsigned_abs()).0
    };
    build_int(p, x < 0.0, &magnitude)
}

/// A `u64` as digits.
pub(crate) fn u64_digits(v: u64) -> Vec<Digit> {
    let mut out = Vec::with_capacity(2);
    let mut rest = v;
    while rest != 0 {
        out.push(rest as Digit);
        rest = if DIGIT_BITS >= 64 { 0 } else { rest >> DIGIT_BITS.min(63) };
    }
    out
}

/// Digit operations of bignum work per reduction charged to the process: like erts, a process
/// working on huge integers uses up its time slice in proportion to the work and yields.
const WORK_PER_REDUCTION: usize = 16;

/// Charges `work` digit operations to the process's reductions (at most one time slice).
pub(crate) fn charge(p: &mut Process, work: usize) {
    let reductions = (work / WORK_PER_REDUCTION).min(CONTEXT_REDUCTIONS as usize);
    p.fcalls -= reductions as isize;
}

/// Bits of the largest integer magnitude a bignum can hold.
pub(crate) const MAX_RESULT_BITS: u64 = MAX_BIGNUM_DIGITS as u64 * DIGIT_BITS as u64;

// ---------------------------------------------------------------------------------------------
// Slow paths
// ---------------------------------------------------------------------------------------------

mod slow {
    use super::*;

    /// Both operands as doubles for a float operation, or `badarith`.
    fn floats(a: Operand<'_>, b: Operand<'_>) -> Result<(f64, f64), Exception> {
        Ok((operand_f64(a)?, operand_f64(b)?))
    }

    fn operand_f64(x: Operand<'_>) -> Result<f64, Exception> {
        match x {
            Operand::Small(v) => Ok(v as f64),
            Operand::Big(big) => big_to_f64(big.negative, big.digits).ok_or_else(Exception::badarith),
            Operand::Float(v) => Ok(v),
            Operand::Other => Err(Exception::badarith()),
        }
    }

    /// The two operands, decoded.
    fn operands<'a>(a: Term, b: Term) -> (Operand<'a>, Operand<'a>) {
        // SAFETY: both are live terms (module contract).
        unsafe { (operand(a), operand(b)) }
    }

    fn is_float(x: &Operand<'_>) -> bool {
        matches!(x, Operand::Float(_))
    }

    /// Integer view of an integer operand (`None` for floats and non-numbers).
    fn int<'a>(x: Operand<'a>, buf: &'a mut [Digit; 1]) -> Option<Int<'a>> {
        match x {
            Operand::Small(v) => Some(Int::of_small(v, buf)),
            Operand::Big(big) => Some(Int::of_big(big)),
            _ => None,
        }
    }

    fn build(p: &mut Process, r: Integer) -> Result<Term, Exception> {
        build_int(p, r.neg, &r.mag)
    }

    #[cold]
    #[inline(never)]
    pub fn add(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        additive(p, a, b, false)
    }

    #[cold]
    #[inline(never)]
    pub fn sub(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        additive(p, a, b, true)
    }

    fn additive(p: &mut Process, a: Term, b: Term, subtract: bool) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        if is_float(&x) || is_float(&y) {
            let (f, g) = floats(x, y)?;
            return make_float(p, if subtract { f - g } else { f + g });
        }
        let (mut bx, mut by) = ([0], [0]);
        let (Some(i), Some(mut j)) = (int(x, &mut bx), int(y, &mut by)) else {
            return Err(Exception::badarith());
        };
        if subtract {
            j.neg = !j.neg;
        }
        charge(p, i.mag.len().max(j.mag.len()));
        build(p, int_add(i, j))
    }

    #[cold]
    #[inline(never)]
    pub fn mul(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        if is_float(&x) || is_float(&y) {
            let (f, g) = floats(x, y)?;
            return make_float(p, f * g);
        }
        let (mut bx, mut by) = ([0], [0]);
        let (Some(i), Some(j)) = (int(x, &mut bx), int(y, &mut by)) else {
            return Err(Exception::badarith());
        };
        // Refuse products that clearly exceed the limit before computing them.
        let digits = mag::trim(i.mag).len() + mag::trim(j.mag).len();
        if digits > MAX_BIGNUM_DIGITS + 1 && !i.is_zero() && !j.is_zero() {
            return Err(Exception::system_limit());
        }
        charge(p, i.mag.len().saturating_mul(j.mag.len()));
        build(p, Integer::new(i.neg != j.neg, mag::mul(i.mag, j.mag)))
    }

    #[inline(never)]
    pub fn div(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        let (f, g) = if both_small(a, b) {
            (small_value(a) as f64, small_value(b) as f64)
        } else {
            let (x, y) = operands(a, b);
            floats(x, y)?
        };
        make_float(p, f / g)
    }

    #[cold]
    #[inline(never)]
    pub fn int_div(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        let (mut bx, mut by) = ([0], [0]);
        let (Some(i), Some(j)) = (int(x, &mut bx), int(y, &mut by)) else {
            return Err(Exception::badarith());
        };
        if j.is_zero() {
            return Err(Exception::badarith());
        }
        charge_division(p, i, j);
        build(p, int_divrem(i, j).0)
    }

    #[cold]
    #[inline(never)]
    pub fn rem(p: &mut Process, a: Term, b: Term) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        let (mut bx, mut by) = ([0], [0]);
        let (Some(i), Some(j)) = (int(x, &mut bx), int(y, &mut by)) else {
            return Err(Exception::badarith());
        };
        if j.is_zero() {
            return Err(Exception::badarith());
        }
        charge_division(p, i, j);
        build(p, int_divrem(i, j).1)
    }

    #[cold]
    #[inline(never)]
    pub fn bitwise(p: &mut Process, a: Term, b: Term, op: Bitwise) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        let (mut bx, mut by) = ([0], [0]);
        let (Some(i), Some(j)) = (int(x, &mut bx), int(y, &mut by)) else {
            return Err(Exception::badarith());
        };
        charge(p, i.mag.len().max(j.mag.len()));
        build(p, int_bitwise(i, j, op))
    }

    #[cold]
    #[inline(never)]
    pub fn shift(p: &mut Process, a: Term, b: Term, right: bool) -> Result<Term, Exception> {
        let (x, y) = operands(a, b);
        let mut bx = [0];
        let Some(i) = int(x, &mut bx) else {
            return Err(Exception::badarith());
        };
        // The shift amount, positive to the left. A bignum amount is beyond any size: to the
        // left it fails unless the value is 0, to the right it leaves 0 or -1 (erts turns it
        // into a shift by MIN_SMALL).
        let left: i64 = match y {
            Operand::Small(s) => {
                if right {
                    -(s as i64)
                } else {
                    s as i64
                }
            }
            Operand::Big(big) => {
                if big.negative == right {
                    if i.is_zero() {
                        return Ok(ZERO);
                    }
                    return Err(Exception::system_limit());
                }
                MIN_SMALL
            }
            _ => return Err(Exception::badarith()),
        };
        if i.is_zero() || left == 0 {
            return Ok(a);
        }
        if left > 0 {
            let bits = mag::bit_len(i.mag) + left as u64;
            if bits > MAX_RESULT_BITS {
                return Err(Exception::system_limit());
            }
        }
        charge(p, i.mag.len() + (left.max(0) as u64 / u64::from(DIGIT_BITS)) as usize);
        build(p, int_shift(i, left))
    }

    /// Charges a long division: quotient digits times divisor digits.
    fn charge_division(p: &mut Process, a: Int<'_>, b: Int<'_>) {
        let (la, lb) = (mag::trim(a.mag).len(), mag::trim(b.mag).len());
        charge(p, (la + 1).saturating_sub(lb).saturating_mul(lb));
    }

    #[cold]
    #[inline(never)]
    pub fn neg(p: &mut Process, a: Term) -> Result<Term, Exception> {
        // SAFETY: `a` is a live term (module contract).
        match unsafe { operand(a) } {
            Operand::Small(v) => build_i128(p, -(v as i128)),
            Operand::Big(big) => build_int(p, !big.negative, big.digits),
            Operand::Float(v) => make_float(p, -v),
            Operand::Other => Err(Exception::badarith()),
        }
    }

    #[cold]
    #[inline(never)]
    pub fn bnot(p: &mut Process, a: Term) -> Result<Term, Exception> {
        // SAFETY: `a` is a live term (module contract).
        match unsafe { operand(a) } {
            Operand::Big(big) => {
                // bnot x = -x - 1
                let r = int_add(Int { neg: !big.negative, mag: big.digits }, Int { neg: true, mag: &[1] });
                build(p, r)
            }
            _ => Err(Exception::badarith()),
        }
    }

    #[cold]
    #[inline(never)]
    pub fn abs(p: &mut Process, a: Term) -> Result<Term, Exception> {
        // SAFETY: `a` is a live term (module contract).
        match unsafe { operand(a) } {
            Operand::Small(v) => build_i128(p, (v as i128).abs()),
            Operand::Big(big) if !big.negative => Ok(a),
            Operand::Big(big) => build_int(p, false, big.digits),
            Operand::Float(v) if v < 0.0 => make_float(p, v.abs()),
            Operand::Float(_) => Ok(a),
            Operand::Other => Err(Exception::badarg()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn process() -> Process {
        Process::new(Term::local_pid(1, 0).expect("pid"), 1024)
    }

    fn int(p: &mut Process, v: i128) -> Term {
        build_i128(p, v).expect("fits")
    }

    fn value(t: Term) -> i128 {
        if let Some(v) = t.small_value() {
            return i128::from(v);
        }
        // SAFETY: built on the live test process.
        let big = unsafe { bignum::view(t) }.expect("an integer");
        let magnitude = big.digits.iter().rev().fold(0u128, |acc, &d| (acc << DIGIT_BITS) | d as u128);
        if big.negative { -(magnitude as i128) } else { magnitude as i128 }
    }

    #[test]
    fn small_fast_paths_agree_with_i128() {
        let mut p = process();
        let edges = [0i128, 1, -1, 7, -7, MAX_SMALL as i128, MIN_SMALL as i128, MAX_SMALL as i128 - 1];
        for &x in &edges {
            for &y in &edges {
                let (a, b) = (int(&mut p, x), int(&mut p, y));
                assert_eq!(value(add(&mut p, a, b).unwrap()), x + y);
                assert_eq!(value(sub(&mut p, a, b).unwrap()), x - y);
                assert_eq!(value(mul(&mut p, a, b).unwrap()), x * y);
                if y != 0 {
                    assert_eq!(value(int_div(&mut p, a, b).unwrap()), x / y);
                    assert_eq!(value(rem(&mut p, a, b).unwrap()), x % y);
                } else {
                    assert_eq!(int_div(&mut p, a, b), Err(Exception::badarith()));
                    assert_eq!(rem(&mut p, a, b), Err(Exception::badarith()));
                }
                assert_eq!(value(band(&mut p, a, b).unwrap()), x & y);
                assert_eq!(value(bor(&mut p, a, b).unwrap()), x | y);
                assert_eq!(value(bxor(&mut p, a, b).unwrap()), x ^ y);
            }
            let a = int(&mut p, x);
            assert_eq!(value(neg(&mut p, a).unwrap()), -x);
            assert_eq!(value(bnot(&mut p, a).unwrap()), !x);
            assert_eq!(value(abs(&mut p, a).unwrap()), x.abs());
            for s in [0i128, 1, 3, 26, 27, 28, 40, 59, 60, 64] {
                let shift = int(&mut p, s);
                let expected = if s < 64 && (x << s) >> s == x { Some(x << s) } else { None };
                if let Some(e) = expected {
                    assert_eq!(value(bsl(&mut p, a, shift).unwrap()), e, "{x} bsl {s}");
                }
                assert_eq!(value(bsr(&mut p, a, shift).unwrap()), x >> s, "{x} bsr {s}");
            }
        }
    }

    #[test]
    fn bignum_results_are_canonical() {
        let mut p = process();
        let big = int(&mut p, 1 << 70);
        let back = sub(&mut p, big, big).unwrap();
        assert_eq!(back, ZERO);
        let max = int(&mut p, MAX_SMALL as i128);
        let one = int(&mut p, 1);
        let over = add(&mut p, max, one).unwrap();
        assert!(!over.is_small());
        let again = sub(&mut p, over, one).unwrap();
        assert_eq!(again, max);
    }

    #[test]
    fn shift_limits() {
        let mut p = process();
        let one = int(&mut p, 1);
        let limit = (MAX_BIGNUM_DIGITS as i128) * DIGIT_BITS as i128;
        let fits = int(&mut p, limit - 1);
        let too_far = int(&mut p, limit);
        assert!(bsl(&mut p, one, fits).is_ok());
        assert_eq!(bsl(&mut p, one, too_far), Err(Exception::system_limit()));
        let huge = int(&mut p, 1 << 80);
        assert_eq!(bsl(&mut p, one, huge), Err(Exception::system_limit()));
        assert_eq!(bsl(&mut p, ZERO, huge), Ok(ZERO));
        assert_eq!(bsr(&mut p, one, huge), Ok(ZERO));
        let minus_one = int(&mut p, -1);
        let minus_huge = int(&mut p, -(1 << 80));
        assert_eq!(bsl(&mut p, minus_one, minus_huge), Ok(minus_one));
        assert_eq!(bsr(&mut p, minus_one, minus_huge), Err(Exception::system_limit()));
    }
}
