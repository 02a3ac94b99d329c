//! `unicode` BIFs (`erl_unicode.c`): `characters_to_list/2`, `characters_to_binary/2` and
//! `bin_is_7bit/1`, plus the I/O helper BIFs of OTP 25's stdlib, `io:printable_range/0` and
//! `net_kernel:dflag_unicode_io/1`.
//!
//! Chardata in `unicode`/`utf8` or `latin1` is converted here, over an explicit stack of list
//! tails, UTF-8 sequences split across binaries included. Invalid data gives
//! `{error, Done, Rest}`, a binary ending inside a character `{incomplete, Done, Rest}`, where
//! `Rest` is the failing part (the sub-binary or the list from the failing element) wrapped,
//! level by level, in the tails of the enclosing lists, as erts builds it. Other encodings
//! (`utf16`, `utf32`) trap to `unicode:characters_to_list_int/2` and
//! `characters_to_binary_int/2`, the Erlang code erts traps to as well.

use super::data_util::{badarg, boolean, build_error, cons, make_list, make_tuple, view};
use super::{Bif, BifCtx, BifResult, Trap};
use crate::atoms;
use crate::exception::Exception;
use crate::term::{Term, View, bits};

/// The unicode and I/O helper BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "unicode", name: "characters_to_list", arity: 2, f: characters_to_list_2 },
    Bif { module: "unicode", name: "characters_to_binary", arity: 2, f: characters_to_binary_2 },
    Bif { module: "unicode", name: "bin_is_7bit", arity: 1, f: bin_is_7bit_1 },
    Bif { module: "io", name: "printable_range", arity: 0, f: printable_range_0 },
    Bif { module: "net_kernel", name: "dflag_unicode_io", arity: 1, f: dflag_unicode_io_1 },
];

/// Where the conversion stopped.
enum Stop {
    /// `error` or `incomplete` with the innermost rest and the enclosing tails (innermost
    /// first).
    Failed { incomplete: bool, inner: Inner, tails: Vec<Term> },
    /// Not chardata at all.
    Badarg,
}

/// The innermost part of a `Rest`.
enum Inner {
    /// The bytes of a binary from a byte offset on.
    Bytes(Vec<u8>),
    /// A list from one of its cells on.
    List(Term),
}

/// Converts chardata to code points: UTF-8 binaries (`latin1 == false`) or Latin-1 ones.
fn convert(data: Term, latin1: bool, out: &mut Vec<u32>) -> Result<(), Stop> {
    // Tails of the enclosing lists still to convert, innermost last.
    let mut levels: Vec<Term> = Vec::new();
    // Bytes of a UTF-8 sequence begun at the end of a binary, waiting for the next binary.
    let mut pending: Vec<u8> = Vec::new();
    // The `Rest` tails for those bytes if no binary completes them: the tail after their
    // binary, wrapped once more, then the enclosing tails.
    let mut pending_tails: Vec<Term> = Vec::new();
    let mut current = data;
    loop {
        match view(current).ok_or(Stop::Badarg)? {
            View::Bits(b) => {
                if !b.is_binary() {
                    return Err(Stop::Badarg);
                }
                let mut bytes = core::mem::take(&mut pending);
                bytes.extend(b.to_bytes());
                if latin1 {
                    out.extend(bytes.iter().map(|&b| u32::from(b)));
                } else {
                    match core::str::from_utf8(&bytes) {
                        Ok(text) => out.extend(text.chars().map(u32::from)),
                        Err(e) => {
                            let valid = e.valid_up_to();
                            // SAFETY-free: `valid` bytes were just validated.
                            let text = core::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                            out.extend(text.chars().map(u32::from));
                            let rest = bytes[valid..].to_vec();
                            match e.error_len() {
                                Some(_) => {
                                    return Err(Stop::Failed {
                                        incomplete: false,
                                        inner: Inner::Bytes(rest),
                                        tails: levels.into_iter().rev().collect(),
                                    });
                                }
                                None => {
                                    if levels.iter().all(|t| t.is_nil()) {
                                        return Err(Stop::Failed {
                                            incomplete: true,
                                            inner: Inner::Bytes(rest),
                                            tails: levels.into_iter().rev().collect(),
                                        });
                                    }
                                    pending = rest;
                                    pending_tails = wrap_first(levels.iter().rev().copied().collect());
                                }
                            }
                        }
                    }
                }
            }
            View::Nil | View::Cons { .. } => {
                let mut list = current;
                let mut descended = false;
                while let Some((head, tail)) = cons(list) {
                    match view(head).ok_or(Stop::Badarg)? {
                        View::Small(c) => {
                            let valid = if latin1 {
                                (0..=255).contains(&c)
                            } else {
                                u32::try_from(c).ok().and_then(char::from_u32).is_some()
                            };
                            if !pending.is_empty() || !valid {
                                if !pending.is_empty() {
                                    // A UTF-8 sequence cut off by something that is not a
                                    // binary.
                                    return Err(Stop::Failed {
                                        incomplete: false,
                                        inner: Inner::Bytes(pending),
                                        tails: pending_tails,
                                    });
                                }
                                return Err(Stop::Failed {
                                    incomplete: false,
                                    inner: Inner::List(list),
                                    tails: levels.into_iter().rev().collect(),
                                });
                            }
                            out.push(c as u32);
                        }
                        View::Bignum(_) => {
                            return Err(Stop::Failed {
                                incomplete: false,
                                inner: Inner::List(list),
                                tails: levels.into_iter().rev().collect(),
                            });
                        }
                        View::Bits(_) | View::Nil | View::Cons { .. } => {
                            levels.push(tail);
                            current = head;
                            descended = true;
                            break;
                        }
                        _ => return Err(Stop::Badarg),
                    }
                    list = tail;
                }
                if descended {
                    continue;
                }
                if !list.is_nil() {
                    // An improper tail may only be a binary.
                    match view(list).ok_or(Stop::Badarg)? {
                        View::Bits(_) => {
                            levels.push(Term::NIL);
                            current = list;
                            continue;
                        }
                        _ => return Err(Stop::Badarg),
                    }
                }
            }
            _ => return Err(Stop::Badarg),
        }
        // This element is done: continue with the innermost unfinished list.
        match levels.pop() {
            Some(tail) => current = tail,
            None => {
                if !pending.is_empty() {
                    return Err(Stop::Failed {
                        incomplete: true,
                        inner: Inner::Bytes(pending),
                        tails: Vec::new(),
                    });
                }
                return Ok(());
            }
        }
    }
}

/// The tails for a sequence cut off inside a list: the first tail gets one more level.
fn wrap_first(tails: Vec<Term>) -> Vec<Term> {
    // Marked by a NON_VALUE placeholder that `build_rest` turns into `[Tail]`.
    let mut out = Vec::with_capacity(tails.len() + 1);
    let mut iter = tails.into_iter();
    if let Some(first) = iter.next() {
        out.push(Term::NON_VALUE);
        out.push(first);
    }
    out.extend(iter);
    out
}

/// Builds `Rest`: the inner part consed onto each enclosing tail, innermost first.
fn build_rest(ctx: &mut BifCtx<'_>, inner: Inner, tails: &[Term]) -> Result<Term, Exception> {
    let mut rest = match inner {
        Inner::Bytes(bytes) => bits::build_binary(ctx.proc, &bytes).map_err(build_error)?,
        Inner::List(list) => list,
    };
    let mut i = 0;
    while i < tails.len() {
        if tails[i].is_non_value() {
            let wrapped = make_list(ctx.proc, &[tails[i + 1]], Term::NIL)?;
            rest = make_list(ctx.proc, &[rest], wrapped)?;
            i += 2;
            continue;
        }
        rest = make_list(ctx.proc, &[rest], tails[i])?;
        i += 1;
    }
    Ok(rest)
}

/// The encoding argument: `Some(true)` for Latin-1, `Some(false)` for UTF-8, `None` for any
/// other (handled in Erlang).
fn native_encoding(ctx: &BifCtx<'_>, term: Term) -> Option<bool> {
    match ctx.vm.atoms.text(term)? {
        "latin1" => Some(true),
        "unicode" | "utf8" => Some(false),
        _ => None,
    }
}

fn trap(ctx: &mut BifCtx<'_>, function: &str, args: &[Term]) -> BifResult {
    let (Ok(module), Ok(function)) = (ctx.vm.atoms.intern("unicode"), ctx.vm.atoms.intern(function)) else {
        return badarg();
    };
    match make_list(ctx.proc, args, Term::NIL) {
        Ok(args) => BifResult::Trap(Trap::Apply { module, function, args }),
        Err(e) => BifResult::Err(e),
    }
}

/// Converts, then builds the result with `finish` (code points to a list or a binary).
fn characters(
    ctx: &mut BifCtx<'_>,
    args: &[Term],
    int_function: &str,
    finish: fn(&mut BifCtx<'_>, &[u32]) -> Result<Term, Exception>,
) -> BifResult {
    let Some(latin1) = native_encoding(ctx, args[1]) else { return trap(ctx, int_function, args) };
    let mut out = Vec::new();
    match convert(args[0], latin1, &mut out) {
        Ok(()) => finish(ctx, &out).into(),
        Err(Stop::Badarg) => badarg(),
        Err(Stop::Failed { incomplete, inner, tails }) => {
            let result = (|| {
                let done = finish(ctx, &out)?;
                let rest = build_rest(ctx, inner, &tails)?;
                let tag = if incomplete {
                    ctx.vm.atoms.intern("incomplete").map_err(|_| Exception::system_limit())?
                } else {
                    atoms::ERROR
                };
                make_tuple(ctx.proc, &[tag, done, rest])
            })();
            result.into()
        }
    }
}

fn to_list(ctx: &mut BifCtx<'_>, chars: &[u32]) -> Result<Term, Exception> {
    let terms: Vec<Term> = chars.iter().filter_map(|&c| Term::small(i64::from(c))).collect();
    make_list(ctx.proc, &terms, Term::NIL)
}

fn to_utf8(ctx: &mut BifCtx<'_>, chars: &[u32]) -> Result<Term, Exception> {
    let text: String = chars.iter().filter_map(|&c| char::from_u32(c)).collect();
    bits::build_binary(ctx.proc, text.as_bytes()).map_err(build_error)
}

fn characters_to_list_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    characters(ctx, args, "characters_to_list_int", to_list)
}

fn characters_to_binary_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    characters(ctx, args, "characters_to_binary_int", to_utf8)
}

fn bin_is_7bit_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let seven_bit = match view(args[0]) {
        Some(View::Bits(b)) if b.is_binary() => (0..b.byte_size()).all(|i| b.byte(i) < 0x80),
        _ => false,
    };
    BifResult::Ok(boolean(seven_bit))
}

/// `io:printable_range/0`: `latin1`, erl's default without `+pc unicode`.
fn printable_range_0(ctx: &mut BifCtx<'_>, _args: &[Term]) -> BifResult {
    match ctx.vm.atoms.intern("latin1") {
        Ok(atom) => BifResult::Ok(atom),
        Err(_) => badarg(),
    }
}

/// `net_kernel:dflag_unicode_io/1`: every peer of this node takes Unicode I/O.
fn dflag_unicode_io_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match view(args[0]) {
        Some(View::Pid { .. }) => BifResult::Ok(atoms::TRUE),
        _ => badarg(),
    }
}
