//! Tag round trips for every immediate and boxed type, and the small-integer limits of the
//! word size the test runs on (32 bits on the ARM32 lane, 64 on the host).

mod common;

use common::{World, small};
use rbeam_runtime::atoms;
use rbeam_runtime::term::tags::{self, MAX_SMALL, MIN_SMALL, SMALL_BITS};
use rbeam_runtime::term::{Class, Term, View, bignum, bits, float, list, map, reference, tuple};

#[test]
fn small_integers_round_trip_at_the_limits() {
    for value in [0, 1, -1, 42, -42, MAX_SMALL, MIN_SMALL, MAX_SMALL - 1, MIN_SMALL + 1] {
        let term = Term::small(value).expect("in range");
        assert!(term.is_small());
        assert_eq!(term.small_value(), Some(value));
        assert_eq!(term.raw() & 0xF, 0xF);
    }
    assert_eq!(Term::small(MAX_SMALL + 1), None);
    assert_eq!(Term::small(MIN_SMALL - 1), None);
    assert_eq!(small(-1).raw(), usize::MAX);
    assert_eq!(small(0).raw(), 0xF);
}

#[cfg(target_pointer_width = "32")]
#[test]
fn small_integers_have_28_bits_on_32_bit_words() {
    assert_eq!(SMALL_BITS, 28);
    assert_eq!(MAX_SMALL, 134_217_727);
    assert_eq!(MIN_SMALL, -134_217_728);
    assert_eq!(core::mem::size_of::<Term>(), 4);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn small_integers_have_60_bits_on_64_bit_words() {
    assert_eq!(SMALL_BITS, 60);
    assert_eq!(MAX_SMALL, (1 << 59) - 1);
    assert_eq!(MIN_SMALL, -(1 << 59));
    assert_eq!(core::mem::size_of::<Term>(), 8);
}

#[test]
fn immediates_round_trip() {
    let atom = Term::atom(1234).expect("taggable");
    assert_eq!(atom.raw(), 1234 << 6 | 0x0B);
    assert_eq!(atom.atom_index(), Some(1234));
    assert!(atom.is_atom() && !atom.is_small() && !atom.is_catch());

    assert_eq!(Term::NIL.raw(), 0x3B);
    assert!(Term::NIL.is_nil() && !Term::NIL.is_atom());

    let catch = Term::catch(7).expect("taggable");
    assert_eq!(catch.raw(), 7 << 6 | 0x1B);
    assert_eq!(catch.catch_index(), Some(7));
    assert!(!catch.is_atom());

    let pid = Term::local_pid(77, 0).expect("valid");
    assert_eq!(pid.raw() & 0xF, 0x3);
    assert_eq!(pid.local_pid_parts(), Some((77, 0)));
    assert_eq!(Term::local_pid(1 << 28, 0), None);

    let port = Term::local_port(5).expect("valid");
    assert_eq!(port.raw(), 5 << 4 | 0x7);
    assert_eq!(port.local_port_number(), Some(5));

    assert!(Term::NON_VALUE.is_non_value());
    assert_eq!(Term::NON_VALUE.raw(), 0);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn pids_carry_a_serial_on_64_bit_words() {
    let pid = Term::local_pid(3, 9).expect("valid");
    assert_eq!(pid.local_pid_parts(), Some((3, 9)));
}

#[cfg(target_pointer_width = "32")]
#[test]
fn pids_have_no_serial_on_32_bit_words() {
    assert_eq!(Term::local_pid(3, 1), None);
}

#[test]
fn continuation_pointers_are_not_terms() {
    let code = [0u32; 4];
    let cp = Term::cp(code.as_ptr().cast()).expect("aligned");
    assert!(cp.is_cp());
    assert_eq!(cp.cp_address(), Some(code.as_ptr().cast()));
    assert_eq!(Term::cp(code.as_ptr().cast::<u8>().wrapping_add(2)), None);
    for term in [small(1), atoms::OK, Term::NIL, Term::catch(1).expect("ok"), Term::NON_VALUE] {
        assert!(!term.is_cp(), "{term:?}");
    }
}

#[test]
fn boxed_types_round_trip() {
    let mut world = World::new(4096);
    let mut b = world.builder();
    let ok = b.atom("ok").expect("atom");
    let tuple = b.tuple(&[ok, small(1)]).expect("fits");
    let cons = b.list(&[small(1), small(2)]).expect("fits");
    let float = b.float(-2.5).expect("fits");
    let big = b.integer(1i128 << 100).expect("fits");
    let negative_big = b.integer(-(1i128 << 70)).expect("fits");
    let binary = b.binary(b"abc").expect("fits");
    let bitstring = b.bitstring(&[1, 0b0100_0000], 11).expect("fits");
    let large = b.binary(&[7u8; 200]).expect("fits");
    let reference = b.reference([1, 2, 3]).expect("fits");
    let map = world.map(&[(ok, small(2))]);

    assert!(tuple.is_boxed() && cons.is_list());
    // SAFETY: all terms were built into `world.heap`, which is alive.
    unsafe {
        assert_eq!(tuple::elements(tuple), Some(&[ok, small(1)][..]));
        assert_eq!(list::head_tail(cons), Some((small(1), list::head_tail(cons).expect("cons").1)));
        assert_eq!(float::value(float), Some(-2.5));
        let big_view = bignum::view(big).expect("bignum");
        assert!(!big_view.negative);
        assert_eq!(big_view.digits.len(), 128 / tags::WORD_BITS as usize);
        assert!(bignum::view(negative_big).expect("bignum").negative);
        assert_eq!(bits::view(binary).expect("binary").to_bytes(), b"abc");
        let partial = bits::view(bitstring).expect("bitstring");
        assert_eq!((partial.bit_size(), partial.tail_value()), (11, 0b010));
        assert_eq!(bits::view(large).expect("binary").to_bytes(), vec![7u8; 200]);
        assert!(bits::off_heap_binary(large).is_some());
        assert!(bits::off_heap_binary(binary).is_none());
        assert_eq!(reference::ordinary_numbers(reference), Some([1, 2, 3]));
        let map_view = map::view_flatmap(map).expect("flatmap");
        assert_eq!((map_view.keys, map_view.values), (&[ok][..], &[small(2)][..]));

        let classes = [
            (tuple, Class::Tuple),
            (cons, Class::List),
            (float, Class::Number),
            (big, Class::Number),
            (binary, Class::Bitstring),
            (large, Class::Bitstring),
            (reference, Class::Reference),
            (map, Class::Map),
            (Term::NIL, Class::Nil),
            (ok, Class::Atom),
        ];
        for (term, class) in classes {
            assert_eq!(term.class(), Ok(class));
            assert_eq!(term.view().expect("decodes").class(), class);
        }
        assert!(matches!(tuple::empty().view(), Ok(View::Tuple(&[]))));
        assert!(Term::NON_VALUE.view().is_err());
        assert!(Term::catch(1).expect("ok").view().is_err());
    }
}

#[test]
fn integers_that_fit_are_never_bignums() {
    let mut world = World::new(64);
    let mut b = world.builder();
    assert_eq!(b.integer(i128::from(MAX_SMALL)).expect("small"), small(MAX_SMALL));
    assert_eq!(b.integer(i128::from(MIN_SMALL)).expect("small"), small(MIN_SMALL));
    assert_eq!(b.big_integer(true, &[1, 0, 0]).expect("small"), small(-1));
    assert!(b.integer(i128::from(MAX_SMALL) + 1).expect("big").is_boxed());
    assert!(b.integer(i128::from(MIN_SMALL) - 1).expect("big").is_boxed());
    assert_eq!(bignum::heap_words_i128(i128::from(MAX_SMALL)), 0);
    assert_eq!(bignum::heap_words_i128(i128::from(MAX_SMALL) + 1), 2);
}
