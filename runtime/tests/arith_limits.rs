//! The bignum size limit and the float conversion API. rbeam follows the OTP 27 layout, whose
//! `BIG_ARITY_MAX` is 2^16 − 1 digits on 64-bit words and 2^17 − 1 on 32-bit ones
//! (`MAX_BIGNUM_DIGITS`): an integer result needing more digits is `system_limit`, as erts
//! raises it (OTP 25, the oracle of arith_oracle.rs, still allowed 2^19 − 1 digits, so these
//! cases are checked here instead).

#[path = "support/bif_env.rs"]
mod limits_support;

use limits_support::{Env, view};
use rbeam_runtime::arith;
use rbeam_runtime::bif::BifResult;
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::tags::{MAX_BIGNUM_DIGITS, WORD_BITS};
use rbeam_runtime::term::{Term, View};

/// Bits of the largest integer magnitude.
fn limit_bits() -> i128 {
    MAX_BIGNUM_DIGITS as i128 * i128::from(WORD_BITS)
}

fn digits(t: Term) -> usize {
    match view(t) {
        View::Bignum(big) => big.digits.len(),
        View::Small(_) => 0,
        other => panic!("not an integer: {other:?}"),
    }
}

/// `a =:= b`.
fn same(env: &mut Env, a: Term, b: Term) -> bool {
    let t = env.ok("erlang", "=:=", &[a, b]);
    t == env.atom("true")
}

fn system_limit(r: BifResult) {
    assert_eq!(r, BifResult::Err(Exception::system_limit()));
}

#[test]
fn integer_results_beyond_the_limit_fail() {
    let mut env = Env::new();
    let one = env.int(1);
    let minus_one = env.int(-1);
    let top = env.int(limit_bits() - 1);
    let beyond = env.int(limit_bits());
    // x = 2^(limit-1): the largest power of two.
    let x = env.ok("erlang", "bsl", &[one, top]);
    assert_eq!(digits(x), MAX_BIGNUM_DIGITS);
    system_limit(env.call("erlang", "bsl", &[one, beyond]));
    system_limit(env.call("erlang", "bsl", &[minus_one, beyond]));
    let two = env.int(2);
    system_limit(env.call("erlang", "*", &[x, two]));
    system_limit(env.call("erlang", "+", &[x, x]));
    let minus_x = env.ok("erlang", "-", &[x]);
    system_limit(env.call("erlang", "-", &[x, minus_x]));
    system_limit(env.call("erlang", "-", &[minus_x, x]));
    system_limit(env.call("erlang", "bsl", &[x, one]));
    // y = 2^limit - 1: every bit of every digit set.
    let x_less = env.ok("erlang", "-", &[x, one]);
    let y = env.ok("erlang", "+", &[x_less, x]);
    assert_eq!(digits(y), MAX_BIGNUM_DIGITS);
    let minus_y = env.ok("erlang", "-", &[y]);
    system_limit(env.call("erlang", "+", &[y, one]));
    system_limit(env.call("erlang", "-", &[minus_y, one]));
    system_limit(env.call("erlang", "bnot", &[y]));
    system_limit(env.call("erlang", "bxor", &[y, minus_one]));
    let y_less = env.ok("erlang", "bnot", &[minus_y]);
    assert_eq!(digits(y_less), MAX_BIGNUM_DIGITS);
    let and = env.ok("erlang", "band", &[y, minus_one]);
    assert!(same(&mut env, and, y));
    assert_eq!(env.ok("erlang", "bor", &[y, minus_one]), minus_one);
    system_limit(env.call("erlang", "*", &[y, y]));
    let three = env.int(3);
    let third = env.ok("erlang", "div", &[y, three]);
    assert_eq!(digits(third), MAX_BIGNUM_DIGITS);
    assert_eq!(env.ok("erlang", "rem", &[y, three]), env.int(0));
    let half = env.ok("erlang", "bsr", &[y, one]);
    let doubled = env.ok("erlang", "bsl", &[half, one]);
    assert!(same(&mut env, doubled, y_less));
    let abs = env.ok("erlang", "abs", &[minus_y]);
    assert!(same(&mut env, abs, y));
    // Too large for a double.
    assert_eq!(env.call("erlang", "float", &[y]), BifResult::Err(Exception::badarg()));
    let float_one = env.ok("erlang", "float", &[one]);
    assert_eq!(env.call("erlang", "+", &[y, float_one]), BifResult::Err(Exception::badarith()));
    assert_eq!(env.call("math", "sqrt", &[y]), BifResult::Err(Exception::badarith()));
    assert_eq!(arith::to_float(y), None);
}

#[test]
fn huge_shifts_fail_at_once() {
    let mut env = Env::new();
    let one = env.int(1);
    let zero = env.int(0);
    let max_small = env.int(if WORD_BITS == 64 { (1 << 59) - 1 } else { (1 << 27) - 1 });
    let big = env.int(1 << 70);
    let minus_big = env.int(-(1 << 70));
    system_limit(env.call("erlang", "bsl", &[one, max_small]));
    system_limit(env.call("erlang", "bsl", &[one, big]));
    system_limit(env.call("erlang", "bsr", &[one, minus_big]));
    assert_eq!(env.ok("erlang", "bsl", &[zero, big]), zero);
    assert_eq!(env.ok("erlang", "bsr", &[zero, minus_big]), zero);
    let minus_one = env.int(-1);
    assert_eq!(env.ok("erlang", "bsl", &[minus_one, minus_big]), minus_one);
    assert_eq!(env.ok("erlang", "bsr", &[minus_one, big]), minus_one);
    let float_one = env.ok("erlang", "float", &[one]);
    assert_eq!(env.call("erlang", "bsl", &[float_one, big]), BifResult::Err(Exception::badarith()));
}

#[test]
fn texts_beyond_the_limit_fail() {
    let mut env = Env::new();
    // 10^n has more than 3.3 n bits.
    let digits = (limit_bits() / 3 + 10) as usize;
    let text: Vec<Term> = std::iter::once(1)
        .chain(std::iter::repeat_n(0, digits))
        .map(|d| Term::small(i64::from(b'0' + d)).expect("char"))
        .collect();
    let list = env.list(&text);
    system_limit(env.call("erlang", "list_to_integer", &[list]));
    let mut bytes = vec![b'1'];
    bytes.extend(std::iter::repeat_n(b'0', digits));
    let binary = env.binary(&bytes);
    system_limit(env.call("erlang", "binary_to_integer", &[binary]));
    // A syntax error anywhere is still badarg.
    bytes.push(b'x');
    let binary = env.binary(&bytes);
    assert_eq!(env.call("erlang", "binary_to_integer", &[binary]), BifResult::Err(Exception::badarg()));
    // Leading zeros do not count.
    let mut zeros = vec![b'0'; digits];
    zeros.push(b'7');
    let binary = env.binary(&zeros);
    assert_eq!(env.ok("erlang", "binary_to_integer", &[binary]), env.int(7));
}

#[test]
fn float_api() {
    let mut env = Env::new();
    let atom = env.atom("a");
    assert_eq!(arith::to_float(atom), None);
    let seven = env.int(7);
    assert_eq!(arith::to_float(seven), Some(7.0));
    let big = env.int(1 << 100);
    assert_eq!(arith::to_float(big), Some(2f64.powi(100)));
    assert_eq!(arith::make_float(&mut env.proc, f64::NAN), Err(Exception::badarith()));
    assert_eq!(arith::make_float(&mut env.proc, f64::INFINITY), Err(Exception::badarith()));
    let f = arith::make_float(&mut env.proc, -0.0).expect("finite");
    assert_eq!(arith::to_float(f).map(f64::to_bits), Some((-0.0f64).to_bits()));
    assert_eq!(arith::plus(&mut env.proc, f), Ok(f));
    assert_eq!(arith::plus(&mut env.proc, atom), Err(Exception::badarith()));
    assert_eq!(arith::float_result(f64::NEG_INFINITY), Err(Exception::badarith()));
    assert_eq!(arith::float_result(f64::NAN), Err(Exception::badarith()));
    assert_eq!(arith::float_result(-1.5), Ok(-1.5));
}

#[test]
fn bignum_work_costs_reductions() {
    let mut env = Env::new();
    let one = env.int(1);
    let shift = env.int(100_000);
    let x = env.ok("erlang", "bsl", &[one, shift]);
    let start = env.proc.fcalls;
    let small = env.int(5);
    env.ok("erlang", "*", &[small, small]);
    assert_eq!(env.proc.fcalls, start, "small arithmetic is free");
    let square = env.ok("erlang", "*", &[x, x]);
    let after_mul = env.proc.fcalls;
    assert!(after_mul < start, "a large product costs reductions");
    let sixteen = env.int(16);
    env.ok("erlang", "integer_to_list", &[square, sixteen]);
    assert!(env.proc.fcalls < after_mul, "a long text costs reductions");
}
