//! Calendar time BIFs: `localtime/0`, `universaltime/0`, `date/0`, `time/0` and the
//! conversions between POSIX seconds, universal time and local time that `calendar` and
//! OTP's `logger_formatter` use. Dates are `{{Year, Month, Day}, {Hour, Minute, Second}}`.
//! The C library does the calendar work, as in erts: `gmtime_r`/`timegm` for universal
//! time, `localtime_r`/`mktime` for the local time zone. Where `time_t` is 32 bits (armv7
//! glibc), times it cannot hold are `badarg`.

use std::time::{SystemTime, UNIX_EPOCH};

use super::{Bif, BifCtx, BifResult};
use crate::atoms;
use crate::exception::Exception;
use crate::term::bignum;
use crate::term::{Term, TermBuilder, tuple};

use BifResult::Err as Fail;

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

/// The six fields of a date and time.
type DateTime = [i64; 6];

fn now_seconds() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

fn to_tm(d: &DateTime) -> Option<libc::tm> {
    // SAFETY: `tm` is plain data; all-zero is a valid value.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    tm.tm_year = i32::try_from(d[0] - 1900).ok()?;
    tm.tm_mon = i32::try_from(d[1] - 1).ok()?;
    tm.tm_mday = i32::try_from(d[2]).ok()?;
    tm.tm_hour = i32::try_from(d[3]).ok()?;
    tm.tm_min = i32::try_from(d[4]).ok()?;
    tm.tm_sec = i32::try_from(d[5]).ok()?;
    Some(tm)
}

fn from_tm(tm: &libc::tm) -> DateTime {
    [
        i64::from(tm.tm_year) + 1900,
        i64::from(tm.tm_mon) + 1,
        i64::from(tm.tm_mday),
        i64::from(tm.tm_hour),
        i64::from(tm.tm_min),
        i64::from(tm.tm_sec),
    ]
}

/// Universal time of POSIX seconds `secs`.
fn universal(secs: i64) -> Option<DateTime> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: as in `to_tm`.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; gmtime_r is thread-safe.
    let ok = unsafe { !libc::gmtime_r(&t, &mut tm).is_null() };
    ok.then(|| from_tm(&tm))
}

/// Local time of POSIX seconds `secs`.
fn local(secs: i64) -> Option<DateTime> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: as in `to_tm`.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is thread-safe.
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    ok.then(|| from_tm(&tm))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether the fields name a real date and time (erts refuses the rest with `badarg`).
fn valid(d: &DateTime) -> bool {
    (1..=12).contains(&d[1])
        && (1..=days_in_month(d[0], d[1])).contains(&d[2])
        && (0..24).contains(&d[3])
        && (0..60).contains(&d[4])
        && (0..60).contains(&d[5])
}

/// POSIX seconds of universal time `d`.
fn posix_of_universal(d: &DateTime) -> Option<i64> {
    let mut tm = to_tm(d)?;
    // SAFETY: `tm` is a valid, initialised struct.
    let t = unsafe { libc::timegm(&mut tm) };
    // `time_t` is 32 bits on armv7 glibc, 64 elsewhere.
    Some(t as i64)
}

/// POSIX seconds of local time `d` (`dst`: `true`, `false` or unknown as `None`).
fn posix_of_local(d: &DateTime, dst: Option<bool>) -> Option<i64> {
    let mut tm = to_tm(d)?;
    tm.tm_isdst = match dst {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    };
    // SAFETY: `tm` is a valid, initialised struct.
    let t = unsafe { libc::mktime(&mut tm) };
    (t != -1 || d[0] == 1969).then_some(t as i64)
}

/// `{{Y, M, D}, {H, Mi, S}}` as fields, if well formed.
fn parse(t: Term) -> Option<DateTime> {
    // SAFETY: BIF arguments are valid terms of the calling process.
    let &[date, time] = unsafe { tuple::elements(t) }? else { return None };
    // SAFETY: as above.
    let &[y, mo, d] = unsafe { tuple::elements(date) }? else { return None };
    // SAFETY: as above.
    let &[h, mi, s] = unsafe { tuple::elements(time) }? else { return None };
    let mut out = [0; 6];
    for (slot, v) in out.iter_mut().zip([y, mo, d, h, mi, s]) {
        *slot = v.small_value()?;
    }
    valid(&out).then_some(out)
}

fn build(ctx: &mut BifCtx<'_>, d: DateTime) -> BifResult {
    let f = d.map(|v| Term::small(v).unwrap_or(Term::NIL));
    let mut b = TermBuilder::new(ctx.proc, &mut ctx.vm.atoms);
    let built = (|| {
        let date = b.tuple(&f[..3])?;
        let time = b.tuple(&f[3..])?;
        b.tuple(&[date, time])
    })();
    built.map_err(|_| Exception::system_limit()).into()
}

fn answer(ctx: &mut BifCtx<'_>, d: Option<DateTime>) -> BifResult {
    match d {
        Some(d) => build(ctx, d),
        None => badarg(),
    }
}

fn localtime(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    answer(ctx, local(now_seconds()))
}

fn universaltime(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    answer(ctx, universal(now_seconds()))
}

fn date(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let Some(d) = local(now_seconds()) else { return badarg() };
    let f = d.map(|v| Term::small(v).unwrap_or(Term::NIL));
    tuple::build(ctx.proc, &f[..3]).map_err(|_| Exception::system_limit()).into()
}

fn time(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let Some(d) = local(now_seconds()) else { return badarg() };
    let f = d.map(|v| Term::small(v).unwrap_or(Term::NIL));
    tuple::build(ctx.proc, &f[3..]).map_err(|_| Exception::system_limit()).into()
}

fn posixtime_to_universaltime(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    // SAFETY: BIF arguments are valid terms of the calling process.
    let Some(secs) = (unsafe { bignum::integer_value(a[0]) }).and_then(|v| i64::try_from(v).ok()) else {
        return badarg();
    };
    answer(ctx, universal(secs))
}

fn universaltime_to_posixtime(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(secs) = parse(a[0]).and_then(|d| posix_of_universal(&d)) else { return badarg() };
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms)
        .integer(i128::from(secs))
        .map_err(|_| Exception::system_limit())
        .into()
}

fn universaltime_to_localtime(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let local = parse(a[0]).and_then(|d| posix_of_universal(&d)).and_then(local);
    answer(ctx, local)
}

/// `localtime_to_universaltime(DateTime, IsDst)`; `IsDst` is `true`, `false` or
/// `undefined` (let the time zone decide).
fn localtime_to_universaltime(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let dst = match a[1] {
        t if t == atoms::TRUE => Some(true),
        f if f == atoms::FALSE => Some(false),
        u if u == atoms::UNDEFINED => None,
        _ => return badarg(),
    };
    let universal = parse(a[0]).and_then(|d| posix_of_local(&d, dst)).and_then(universal);
    answer(ctx, universal)
}

pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "localtime", arity: 0, f: localtime },
    Bif { module: "erlang", name: "universaltime", arity: 0, f: universaltime },
    Bif { module: "erlang", name: "date", arity: 0, f: date },
    Bif { module: "erlang", name: "time", arity: 0, f: time },
    Bif { module: "erlang", name: "posixtime_to_universaltime", arity: 1, f: posixtime_to_universaltime },
    Bif { module: "erlang", name: "universaltime_to_posixtime", arity: 1, f: universaltime_to_posixtime },
    Bif { module: "erlang", name: "universaltime_to_localtime", arity: 1, f: universaltime_to_localtime },
    Bif { module: "erlang", name: "localtime_to_universaltime", arity: 2, f: localtime_to_universaltime },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_time_round_trips() {
        let d = universal(1_000_000_000).expect("in range");
        assert_eq!(d, [2001, 9, 9, 1, 46, 40]);
        assert_eq!(posix_of_universal(&d), Some(1_000_000_000));
        assert_eq!(universal(0), Some([1970, 1, 1, 0, 0, 0]));
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(!valid(&[2023, 2, 29, 0, 0, 0]));
        assert!(valid(&[2024, 2, 29, 23, 59, 59]));
        assert!(!valid(&[2024, 13, 1, 0, 0, 0]));
    }
}
