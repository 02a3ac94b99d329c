//! `~w` output, checked against what `io:format("~w", ...)` prints on OTP.

mod common;

use common::{World, small};
use rbeam_runtime::dispatch::{Export, FunEntry, Mfa};
use rbeam_runtime::term::{Term, fun, tuple};

#[test]
fn a_mixed_list_prints_as_otp_does() {
    let mut world = World::new(4096);
    let (erlang, abs, x, y, a) =
        (world.atom("erlang"), world.atom("abs"), world.atom("x"), world.atom("y"), world.atom("a"));
    let export = Export::new(Mfa { module: erlang, function: abs, arity: 1 });
    let abs_fun = fun::build_external(&mut world.heap, &export).expect("fits");
    let one_float = world.builder().float(1.0).expect("fits");
    let map = world.map(&[(a, small(1)), (one_float, x), (small(2), y)]);
    let empty_map = world.map(&[]);
    let mut b = world.builder();
    let elements = [
        b.bitstring(&[1, 0b0100_0000], 11).expect("fits"),
        b.binary(b"").expect("fits"),
        b.bitstring(&[0x80], 1).expect("fits"),
        b.binary(b"abc").expect("fits"),
        b.improper_list(&[small(1), small(2)], small(3)).expect("fits"),
        tuple::empty(),
        empty_map,
        map,
        b.string("ab").expect("fits"),
        b.string("").expect("fits"),
        b.tuple(&[a]).expect("fits"),
        Term::local_pid(9, 0).expect("pid"),
        abs_fun,
        small(-5),
        b.integer(1 << 70).expect("fits"),
        b.integer(-(1 << 70)).expect("fits"),
    ];
    let list = b.list(&elements).expect("fits");
    assert_eq!(
        world.print(list),
        "[<<1,2:3>>,<<>>,<<1:1>>,<<97,98,99>>,[1,2|3],{},#{},#{2 => y,1.0 => x,a => 1},\
         [97,98],[],{a},<0.9.0>,fun erlang:abs/1,-5,1180591620717411303424,\
         -1180591620717411303424]"
    );
}

#[test]
fn identifiers_print_with_their_numbers() {
    let mut world = World::new(64);
    let reference = world.builder().reference([136880, 548405249, 3632757883]).expect("fits");
    assert_eq!(world.print(reference), "#Ref<0.3632757883.548405249.136880>");
    assert_eq!(world.print(Term::local_port(3).expect("port")), "#Port<0.3>");
    let module = world.atom("f");
    let entry = FunEntry::new(module, 0, 104227928, 0, 1);
    let closure = fun::build_local(&mut world.heap, &entry, &[]).expect("fits");
    assert_eq!(world.print(closure), "#Fun<f.0.104227928>");
    // erts writes a local fun's module as it is, where an atom would be quoted.
    let spaced = world.atom("My Mod");
    let entry = FunEntry::new(spaced, 0, 31865620, 0, 0);
    let closure = fun::build_local(&mut world.heap, &entry, &[]).expect("fits");
    assert_eq!(world.print(closure), "#Fun<My Mod.0.31865620>");
    let function = world.atom("if");
    let export = Export::new(Mfa { module: spaced, function, arity: 0 });
    let external = fun::build_external(&mut world.heap, &export).expect("fits");
    assert_eq!(world.print(external), "fun 'My Mod':'if'/0");
}

/// `1 bsl 504` and `1 bsl 248` as erl prints them: eight digit words with the top byte set.
const TWO_POW_504: &str = "52374249726338269920211035149241586435466272736689036631732661889538\
    140742474792878132321477214466514414186946040961136147476104734166288853256441430016";
const TWO_POW_248: &str = "452312848583266388373324160190187140051835877600158453279131187530910662656";

#[test]
fn numbers_print_exactly() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let cases = [
        (b.integer(0).expect("fits"), "0"),
        (b.integer(1 << 100).expect("fits"), "1267650600228229401496703205376"),
        (
            b.big_integer(false, &[0, 0, 0, 0, 0, 0, 0, 1 << (usize::BITS - 8)]).expect("fits"),
            if usize::BITS == 64 { TWO_POW_504 } else { TWO_POW_248 },
        ),
        (b.float(0.1).expect("fits"), "0.1"),
        (b.float(-1.0e-10).expect("fits"), "-1.0e-10"),
        (b.integer(i128::MIN).expect("fits"), "-170141183460469231731687303715884105728"),
    ];
    for (term, expected) in cases {
        assert_eq!(world.print(term), expected);
    }
}

#[test]
fn nested_structures_and_atoms() {
    let mut world = World::new(256);
    let hello = world.atom("hello world");
    let upper = world.atom("Upper");
    let at = world.atom("a@b");
    let mut b = world.builder();
    let inner = b.tuple(&[hello, upper, at]).expect("fits");
    let list = b.list(&[inner, Term::NIL, tuple::empty()]).expect("fits");
    let outer = b.tuple(&[list, small(-1)]).expect("fits");
    assert_eq!(world.print(outer), "{[{'hello world','Upper',a@b},[],{}],-1}");
}

/// OTP 25, the oracle, does not reserve `maybe` and `else` (OTP 27 quotes them).
#[test]
fn atoms_are_quoted_as_otp_25_does() {
    let mut world = World::new(64);
    let atoms =
        [world.atom("maybe"), world.atom("else"), world.atom("after"), world.atom("ñ"), world.atom("Ω")];
    let list = world.builder().list(&atoms).expect("fits");
    assert_eq!(world.print(list), "[maybe,else,'after',ñ,'\\x{3A9}']");
}
