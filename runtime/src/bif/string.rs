//! `string:list_to_integer/1` and `string:list_to_float/1`, the BIFs behind
//! `string:to_integer/1` and `string:to_float/1`: the longest prefix of a string that reads
//! as a number, and the rest.

use super::{Bif, BifCtx, BifResult};
use crate::arith::{self, parse};
use crate::atoms;
use crate::term::{Term, float, list, tuple};

use BifResult::Ok as Done;

/// `{error, Reason}`.
fn error(ctx: &mut BifCtx<'_>, reason: &str) -> BifResult {
    let r = ctx.vm.atoms.intern(reason).unwrap_or(atoms::UNDEFINED);
    Done(tuple::build(ctx.proc, &[atoms::ERROR, r]).unwrap_or(Term::NIL))
}

/// The characters of a string and the tail after each one (the rest is a sublist of the
/// argument, shared, as erts returns it).
fn chars(t: Term) -> Option<(Vec<u32>, Vec<Term>)> {
    let mut codes = Vec::new();
    let mut tails = Vec::new();
    let mut l = t;
    // SAFETY: BIF arguments are valid terms of the caller.
    while let Some((h, rest)) = unsafe { list::head_tail(l) } {
        codes.push(u32::try_from(h.small_value()?).ok()?);
        tails.push(rest);
        l = rest;
    }
    l.is_nil().then_some((codes, tails))
}

/// The tail of `text` after `n` characters.
fn rest_after(text: Term, tails: &[Term], n: usize) -> Term {
    if n == 0 { text } else { tails[n - 1] }
}

fn list_to_integer(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some((codes, tails)) = chars(a[0]) else { return error(ctx, "not_a_list") };
    let sign = usize::from(matches!(codes.first(), Some(&c) if c == u32::from(b'+') || c == u32::from(b'-')));
    let digits = codes[sign..].iter().take_while(|&&c| (0x30..=0x39).contains(&c)).count();
    if digits == 0 {
        return error(ctx, "no_integer");
    }
    let negative = sign == 1 && codes[0] == u32::from(b'-');
    let value = match parse::parse_digits(negative, &codes[sign..sign + digits], 10) {
        Ok(v) => v,
        Err(_) => return error(ctx, "no_integer"),
    };
    let n = match arith::build_int(ctx.proc, value.neg, &value.mag) {
        Ok(n) => n,
        Err(e) => return BifResult::Err(e),
    };
    let rest = rest_after(a[0], &tails, sign + digits);
    Done(tuple::build(ctx.proc, &[n, rest]).unwrap_or(Term::NIL))
}

/// The length of the longest float prefix (`[+-]digits.digits[e[+-]digits]`), or 0.
fn float_prefix(codes: &[u32]) -> usize {
    let at = |i: usize| codes.get(i).copied().and_then(char::from_u32);
    let digits_from = |mut i: usize| {
        let start = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    let mut i = usize::from(matches!(at(0), Some('+' | '-')));
    let Some(after_int) = digits_from(i) else { return 0 };
    i = after_int;
    if at(i) != Some('.') {
        return 0;
    }
    let Some(after_frac) = digits_from(i + 1) else { return 0 };
    i = after_frac;
    if matches!(at(i), Some('e' | 'E')) {
        let mut j = i + 1;
        if matches!(at(j), Some('+' | '-')) {
            j += 1;
        }
        if let Some(after_exp) = digits_from(j) {
            i = after_exp;
        }
    }
    i
}

fn list_to_float(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some((codes, tails)) = chars(a[0]) else { return error(ctx, "not_a_list") };
    let n = float_prefix(&codes);
    let text: Vec<u8> = codes[..n].iter().map(|&c| c as u8).collect();
    let Some(v) = (n > 0).then(|| parse::parse_float(&text)).flatten() else { return error(ctx, "no_float") };
    let f = match float::build(ctx.proc, v) {
        Ok(f) => f,
        Err(_) => return error(ctx, "no_float"),
    };
    let rest = rest_after(a[0], &tails, n);
    Done(tuple::build(ctx.proc, &[f, rest]).unwrap_or(Term::NIL))
}

pub const BIFS: &[Bif] = &[
    Bif { module: "string", name: "list_to_integer", arity: 1, f: list_to_integer },
    Bif { module: "string", name: "list_to_float", arity: 1, f: list_to_float },
];
