//! Erlang term order and the two equalities.

mod common;

use core::cmp::Ordering;

use common::{World, small};
use rbeam_runtime::dispatch::{Export, FunEntry, Mfa};
use rbeam_runtime::term::tags::MAX_SMALL;
use rbeam_runtime::term::{Term, fun, tuple};

/// Asserts that `terms` are in strictly ascending term order, pairwise.
fn assert_ascending(world: &World, terms: &[Term]) {
    for (i, &a) in terms.iter().enumerate() {
        for (j, &b) in terms.iter().enumerate() {
            assert_eq!(world.compare(a, b), i.cmp(&j), "{} vs {}", world.print(a), world.print(b));
        }
    }
}

#[test]
fn classes_order_number_atom_reference_fun_port_pid_tuple_map_nil_list_bitstring() {
    let mut world = World::new(4096);
    let module = world.atom("m");
    let entry = FunEntry::new(module, 0, 1, 0, 0);
    let mut b = world.builder();
    let number = b.float(1.0e300).expect("fits");
    let atom = b.atom("zzz").expect("atom");
    let reference = b.reference([0, 0, 0]).expect("fits");
    let port = Term::local_port(0).expect("port");
    let pid = Term::local_pid(0, 0).expect("pid");
    let tuple = tuple::empty();
    let list = b.list(&[small(0)]).expect("fits");
    let bitstring = b.binary(b"").expect("fits");
    let fun = fun::build_local(&mut world.heap, &entry, &[]).expect("fits");
    let map = world.map(&[]);
    assert_ascending(
        &world,
        &[number, atom, reference, fun, port, pid, tuple, map, Term::NIL, list, bitstring],
    );
}

#[test]
fn one_equals_one_point_zero_but_not_exactly() {
    let mut world = World::new(64);
    let one_float = world.builder().float(1.0).expect("fits");
    assert!(world.eq(small(1), one_float));
    assert!(!world.exact_eq(small(1), one_float));
    assert_eq!(world.compare(small(1), one_float), Ordering::Equal);
    assert!(world.exact_eq(small(1), small(1)));
    let other_one = world.builder().float(1.0).expect("fits");
    assert!(world.exact_eq(one_float, other_one));
}

#[test]
fn zero_and_negative_zero() {
    let mut world = World::new(64);
    let mut b = world.builder();
    let zero = b.float(0.0).expect("fits");
    let negative_zero = b.float(-0.0).expect("fits");
    // OTP 25: `0.0 =:= -0.0` is true and neither is less (OTP 27 parts them).
    assert!(world.eq(zero, negative_zero));
    assert!(world.exact_eq(zero, negative_zero));
    assert_eq!(world.compare(negative_zero, zero), Ordering::Equal);
    assert_eq!(world.compare_map_keys(negative_zero, zero), Ordering::Equal);
}

#[test]
fn integers_and_floats_interleave_by_value() {
    let mut world = World::new(1024);
    let mut b = world.builder();
    let big_positive = b.integer(1i128 << 70).expect("fits");
    let bigger = b.integer((1i128 << 70) + 1).expect("fits");
    let big_negative = b.integer(-(1i128 << 70)).expect("fits");
    let two_pow_70 = b.float(2f64.powi(70)).expect("fits");
    let just_below = b.float(1.0e21).expect("fits");
    let above = b.float(1.2e21).expect("fits");
    let minus_huge = b.float(-1.0e300).expect("fits");
    let half = b.float(0.5).expect("fits");
    let beyond_max_small = b.float(MAX_SMALL as f64 * 4.0).expect("fits");
    let just_above_max_small = b.integer(i128::from(MAX_SMALL) + 1).expect("fits");
    assert_ascending(
        &world,
        &[
            minus_huge,
            big_negative,
            small(-1),
            small(0),
            half,
            small(1),
            just_below,
            big_positive,
            bigger,
            above,
        ],
    );
    assert!(world.eq(big_positive, two_pow_70));
    assert!(!world.exact_eq(big_positive, two_pow_70));
    assert_eq!(world.compare(just_above_max_small, beyond_max_small), Ordering::Less);
    assert_eq!(world.compare(small(MAX_SMALL), just_above_max_small), Ordering::Less);
}

#[test]
fn map_key_order_puts_integers_before_floats() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let one_float = b.float(1.0).expect("fits");
    let three_float = b.float(3.0).expect("fits");
    let big = b.integer(1i128 << 80).expect("fits");
    assert_eq!(world.compare_map_keys(small(2), one_float), Ordering::Less);
    assert_eq!(world.compare_map_keys(big, one_float), Ordering::Less);
    assert_eq!(world.compare_map_keys(small(1), one_float), Ordering::Less);
    let a = world.atom("a");
    let map = world.map(&[(one_float, a), (small(2), a), (small(1), a), (three_float, a)]);
    assert_eq!(world.print(map), "#{1 => a,2 => a,1.0 => a,3.0 => a}");
}

#[test]
fn atoms_order_by_text_not_index() {
    let mut world = World::new(16);
    let zebra = world.atom("zebra");
    let apple = world.atom("apple");
    let apples = world.atom("apples");
    let capital = world.atom("Zebra");
    let accented = world.atom("é");
    assert!(zebra.atom_index() < apple.atom_index());
    assert_ascending(&world, &[capital, apple, apples, zebra, accented]);
    let ok = world.atom("ok");
    let error = world.atom("error");
    assert_eq!(world.compare(error, ok), Ordering::Less);
}

#[test]
fn tuples_by_size_then_elements() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let big_first = b.tuple(&[small(9), small(9)]).expect("fits");
    let short = b.tuple(&[small(100)]).expect("fits");
    let long_low = b.tuple(&[small(1), small(2), small(3)]).expect("fits");
    let long_high = b.tuple(&[small(1), small(2), small(4)]).expect("fits");
    assert_ascending(&world, &[tuple::empty(), short, big_first, long_low, long_high]);
}

#[test]
fn lists_element_wise_and_shorter_first() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let one = b.list(&[small(1)]).expect("fits");
    let one_two = b.list(&[small(1), small(2)]).expect("fits");
    let one_three = b.list(&[small(1), small(3)]).expect("fits");
    let two = b.list(&[small(2)]).expect("fits");
    let improper = b.improper_list(&[small(1)], small(5)).expect("fits");
    let atom = b.atom("x").expect("atom");
    let improper_atom = b.improper_list(&[small(1)], atom).expect("fits");
    // Tails decide: 5 < x < [] < [2], so [1|5] < [1|x] < [1] < [1,2] (checked against erl).
    assert_ascending(&world, &[Term::NIL, improper, improper_atom, one, one_two, one_three, two]);
}

#[test]
fn maps_by_size_then_keys_then_values() {
    let mut world = World::new(512);
    let (a, b, c) = (world.atom("a"), world.atom("b"), world.atom("c"));
    let one_big = world.map(&[(c, small(0))]);
    let ab = world.map(&[(a, small(1)), (b, small(1))]);
    let ab_higher = world.map(&[(a, small(1)), (b, small(2))]);
    let ac = world.map(&[(a, small(0)), (c, small(0))]);
    let empty = world.map(&[]);
    assert_ascending(&world, &[empty, one_big, ab, ab_higher, ac]);
    let one_float = world.builder().float(1.0).expect("fits");
    let int_key = world.map(&[(small(1), a)]);
    let float_key = world.map(&[(one_float, a)]);
    assert!(!world.eq(int_key, float_key), "map keys compare exactly even under ==");
    let int_value = world.map(&[(a, small(1))]);
    let float_value = world.map(&[(a, one_float)]);
    assert!(world.eq(int_value, float_value), "map values compare arithmetically under ==");
    assert!(!world.exact_eq(int_value, float_value));
}

#[test]
fn bitstrings_bytewise_then_by_length() {
    let mut world = World::new(512);
    let mut b = world.builder();
    let empty = b.binary(b"").expect("fits");
    let zero_bit = b.bitstring(&[0], 1).expect("fits");
    let a = b.binary(b"a").expect("fits");
    let a_then_bit = b.bitstring(&[b'a', 0x80], 9).expect("fits");
    let ab = b.binary(b"ab").expect("fits");
    let b_only = b.binary(b"b").expect("fits");
    let large_low: Vec<u8> = vec![b'a'; 100];
    let large = b.binary(&large_low).expect("fits");
    // <<97,1:1>> sorts after <<"ab">>: its ninth bit is 1, that of $b is 0 (checked against erl).
    assert_ascending(&world, &[empty, zero_bit, a, large, ab, a_then_bit, b_only]);
    let heap_copy = world.builder().binary(&large_low[..64]).expect("fits");
    let large_prefix = world.builder().binary(&large_low[..65]).expect("fits");
    assert_eq!(world.compare(heap_copy, large_prefix), Ordering::Less);
}

#[test]
fn pids_ports_and_references_among_themselves() {
    let mut world = World::new(256);
    let pids =
        [Term::local_pid(5, 0), Term::local_pid(6, 0), Term::local_pid(1 << 20, 0)].map(|p| p.expect("pid"));
    assert_ascending(&world, &pids);
    let ports = [1, 2, 300].map(|n| Term::local_port(n).expect("port"));
    assert_ascending(&world, &ports);
    let mut b = world.builder();
    let r1 = b.reference([9, 0, 0]).expect("fits");
    let r2 = b.reference([0, 1, 0]).expect("fits");
    let r3 = b.reference([0, 0, 1]).expect("fits");
    assert_ascending(&world, &[r1, r2, r3]);
}

#[test]
fn funs_local_before_external() {
    let mut world = World::new(256);
    let (m, n, f, g) = (world.atom("m"), world.atom("n"), world.atom("f"), world.atom("g"));
    let entry_m0 = FunEntry::new(m, 0, 99, 0, 1);
    let entry_m1 = FunEntry::new(m, 1, 1, 1, 1);
    let entry_n0 = FunEntry::new(n, 0, 1, 0, 1);
    let export_mf = Export::new(Mfa { module: m, function: f, arity: 1 });
    let export_mg = Export::new(Mfa { module: m, function: g, arity: 0 });
    let export_mg1 = Export::new(Mfa { module: m, function: g, arity: 1 });
    let heap = &mut world.heap;
    let local_m0_env1 = fun::build_local(heap, &entry_m0, &[small(1)]).expect("fits");
    let local_m0_env2 = fun::build_local(heap, &entry_m0, &[small(2)]).expect("fits");
    let local_m1 = fun::build_local(heap, &entry_m1, &[]).expect("fits");
    let local_n0 = fun::build_local(heap, &entry_n0, &[]).expect("fits");
    let ext_mf = fun::build_external(heap, &export_mf).expect("fits");
    let ext_mg = fun::build_external(heap, &export_mg).expect("fits");
    let ext_mg1 = fun::build_external(heap, &export_mg1).expect("fits");
    assert_ascending(&world, &[local_m0_env1, local_m0_env2, local_m1, local_n0, ext_mf, ext_mg, ext_mg1]);
}
