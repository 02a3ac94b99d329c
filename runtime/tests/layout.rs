//! Heap layouts word by word, against the values erts (OTP 27) uses on the same word size.

mod common;

use common::{World, small};
use rbeam_runtime::dispatch::{Export, FunEntry, Mfa};
use rbeam_runtime::heap::binary::Binary;
use rbeam_runtime::term::tags::WORD_BYTES;
use rbeam_runtime::term::{Term, bits, float, fun, map, reference, tuple};

/// The words of the object a boxed term points to.
fn words(term: Term, count: usize) -> Vec<usize> {
    let object = term.boxed_ptr().expect("boxed");
    // SAFETY: callers pass terms built into a live `World` heap with at least `count` words.
    unsafe { core::slice::from_raw_parts(object, count) }.to_vec()
}

#[test]
fn header_constants_match_erts() {
    assert_eq!(tuple::header(3), 0xC0);
    assert_eq!(rbeam_runtime::term::bignum::header(false, 2), 0x88);
    assert_eq!(rbeam_runtime::term::bignum::header(true, 2), 0x8C);
    assert_eq!(fun::header(2, 1, false), 0x0001_0214);
    assert_eq!(fun::header(3, 0, true), 0x0100_0314);
    assert_eq!(map::FLATMAP_HEADER, 0x12C);
    assert_eq!(map::HAMT_HEAD_ARRAY_HEADER, 0xFFFF_01AC);
    assert_eq!(map::hamt_node_bitmap_header(0xA5), 0x00A5_006C);
    assert_eq!(map::HAMT_NODE_ARRAY_HEADER, tuple::header(16));
    assert_eq!(bits::SUB_BITS_HEADER, 0x124);
    assert_eq!(bits::BIN_REF_HEADER, 0xA8);
    assert_eq!(bits::heap_bits_header(24), 0xA0);
    if WORD_BYTES == 4 {
        assert_eq!(float::HEADER, 0x98);
        assert_eq!(reference::ORDINARY_HEADER, 0xD0);
    } else {
        assert_eq!(float::HEADER, 0x58);
        assert_eq!(reference::ORDINARY_HEADER, 0x90);
    }
}

#[test]
fn tuples_lists_and_floats() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let tuple = b.tuple(&[small(1), small(2), small(3)]).expect("fits");
    assert_eq!(words(tuple, 4), vec![0xC0, 0x1F, 0x2F, 0x3F]);

    let list = b.list(&[small(1), small(2)]).expect("fits");
    let cell = list.cons_ptr().expect("cons");
    // SAFETY: two cells of two words were just built into the live heap.
    let cells = unsafe { core::slice::from_raw_parts(cell, 4) };
    assert_eq!(cells[0], 0x1F);
    assert_eq!(cells[1], cell.wrapping_add(2) as usize | 1);
    assert_eq!((cells[2], cells[3]), (0x2F, 0x3B));

    let value = 1.5f64;
    let float = b.float(value).expect("fits");
    let float_words = words(float, float::HEAP_WORDS);
    let bytes: Vec<u8> = float_words[1..].iter().flat_map(|w| w.to_ne_bytes()).collect();
    assert_eq!(bytes, value.to_ne_bytes());

    let empty = tuple::empty();
    assert_eq!(words(empty, 1), vec![0]);
    assert_eq!(b.tuple(&[]).expect("shared"), empty);
}

#[test]
fn bignum_digits_are_little_endian_words() {
    let mut world = World::new(64);
    let value: i128 = -((1 << 64) + 5);
    let big = world.builder().integer(value).expect("fits");
    let digit_count = 128 / (8 * WORD_BYTES) - usize::from(WORD_BYTES == 4);
    let object = words(big, 1 + digit_count);
    assert_eq!(object[0], rbeam_runtime::term::bignum::header(true, digit_count));
    assert_eq!(object[1], 5);
    if WORD_BYTES == 8 {
        assert_eq!(object[2], 1);
    } else {
        assert_eq!(&object[2..], &[0, 1]);
    }
}

#[test]
fn references_hold_three_numbers() {
    let mut world = World::new(64);
    let reference = world.builder().reference([0x11, 0x22, 0x33]).expect("fits");
    let object = words(reference, reference::ORDINARY_WORDS);
    #[cfg(target_pointer_width = "64")]
    assert_eq!(object[1..], [0x11_FFFF_FFFF, 0x33_0000_0022]);
    #[cfg(target_pointer_width = "32")]
    assert_eq!(object[1..], [0x11, 0x22, 0x33]);
}

#[test]
fn heap_bits_and_refc_bits() {
    let mut world = World::new(256);
    let mut b = world.builder();
    let heap_bits = b.binary(b"abc").expect("fits");
    let object = words(heap_bits, 3);
    assert_eq!(object[0], bits::heap_bits_header(24));
    assert_eq!(object[1], 24);
    assert_eq!(object[2] & 0xFF_FFFF, 0x63_6261);

    let data: Vec<u8> = (0..100).collect();
    let refc = b.binary(&data).expect("fits");
    let sub = words(refc, bits::SUB_BITS_WORDS);
    assert_eq!(sub[0], bits::SUB_BITS_HEADER);
    assert_eq!(sub[1] & bits::SUB_BITS_FLAG_MASK, 0, "a plain binary has no flags");
    assert_eq!((sub[2], sub[3]), (0, 800));
    let bin_ref = Term::from_raw(sub[4]);
    assert_eq!(
        bin_ref.boxed_ptr().expect("boxed"),
        refc.boxed_ptr().expect("boxed").wrapping_sub(bits::BIN_REF_WORDS)
    );
    let handle = words(bin_ref, bits::BIN_REF_WORDS);
    assert_eq!(handle[0], bits::BIN_REF_HEADER);
    // SAFETY: `refc` lives in the world heap, which holds a reference to the binary.
    let binary = unsafe { bits::off_heap_binary(refc) }.expect("off heap");
    assert_eq!(handle[1], binary.as_ptr() as usize);
    // SAFETY: as above.
    unsafe {
        assert_eq!(Binary::bytes(binary), &data[..]);
        assert_eq!(Binary::ref_count(binary), 1);
    }
}

#[test]
fn match_context_is_a_flagged_sub_bits() {
    let mut world = World::new(256);
    let binary = world.builder().binary(b"hello, world").expect("fits");
    // SAFETY: `binary` lives in the world heap, which outlives the sub term.
    let context =
        unsafe { bits::build_sub(&mut world.heap, binary, 8, 40, bits::SUB_BITS_FLAGS_MATCH_CONTEXT) }
            .expect("fits")
            .expect("in range");
    let object = words(context, bits::SUB_BITS_WORDS);
    assert_eq!(object[1] & bits::SUB_BITS_FLAG_MASK, bits::SUB_BITS_FLAG_MUTABLE);
    assert_eq!(object[3] - object[2], 32);
    assert_eq!(Term::from_raw(object[4]), binary);
    assert_eq!(world.print(context), "<<101,108,108,111>>");
    // SAFETY: as above.
    let unaligned =
        unsafe { bits::build_sub(&mut world.heap, binary, 3, 14, 0) }.expect("fits").expect("in range");
    // "he" = 0x68 0x65 = 01101000 01100101; bits 3..14 = 01000011 001
    assert_eq!(world.print(unaligned), "<<67,1:3>>");
    // SAFETY: as above.
    let outside = unsafe { bits::build_sub(&mut world.heap, binary, 8, 97, 0) }.expect("fits");
    assert_eq!(outside, None);
}

#[test]
fn funs_point_to_their_entry_and_carry_the_environment() {
    let mut world = World::new(64);
    let module = world.atom("m");
    let entry = FunEntry::new(module, 0, 1234, 5, 3);
    let export = Export::new(Mfa { module, function: world.atom("f"), arity: 2 });
    let env = [small(10), small(20)];
    let local = fun::build_local(&mut world.heap, &entry, &env).expect("fits");
    let object = words(local, fun::heap_words(2));
    assert_eq!(object[0], fun::header(1, 2, false));
    assert_eq!(object[1], &entry as *const FunEntry as usize);
    assert_eq!(object[2..], [small(10).raw(), small(20).raw()]);
    let external = fun::build_external(&mut world.heap, &export).expect("fits");
    assert_eq!(words(external, 2), vec![fun::header(2, 0, true), &export as *const Export as usize]);
    assert_eq!(world.print(local), "#Fun<m.5.1234>");
    assert_eq!(world.print(external), "fun m:f/2");
    let too_many = [small(0); 4];
    assert!(fun::build_local(&mut world.heap, &entry, &too_many).is_err());
}

#[test]
fn flatmaps_sort_keys_and_share_the_empty_tuple() {
    let mut world = World::new(256);
    let b_key = world.atom("b");
    let a_key = world.atom("a");
    let map = world.map(&[(b_key, small(2)), (a_key, small(1)), (b_key, small(3))]);
    let object = words(map, 3 + 2);
    assert_eq!(object[0], map::FLATMAP_HEADER);
    assert_eq!(object[1], 2);
    assert_eq!(object[3..], [small(1).raw(), small(3).raw()]);
    let keys = Term::from_raw(object[2]);
    assert_eq!(words(keys, 3), vec![tuple::header(2), a_key.raw(), b_key.raw()]);
    let empty = world.map(&[]);
    assert_eq!(words(empty, 3), vec![map::FLATMAP_HEADER, 0, tuple::empty().raw()]);
    assert_eq!(world.print(empty), "#{}");
}
