//! The term model against the real BEAM of the same word size: the heap words each term takes
//! in an rbeam literal area must equal `erts_debug:flat_size/1` on OTP, 64-bit on x86_64 and
//! 32-bit on ARM32 (Debian's armhf OTP under qemu-arm). The expected values were printed by
//! tests/oracle/word_size.erl on both and are committed (tests/oracle/generate.sh).

use rbeam_loader::etf::Terms;
use rbeam_runtime::atom::AtomTable;
use rbeam_runtime::literal::LiteralArea;

fn expected() -> &'static str {
    #[cfg(target_pointer_width = "64")]
    return include_str!("../../tests/oracle/word_size.64.txt");
    #[cfg(target_pointer_width = "32")]
    return include_str!("../../tests/oracle/word_size.32.txt");
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn heap_sizes_match_the_real_beam() {
    let mut checked = 0;
    for line in expected().lines() {
        let (hex, size) = line.split_once(' ').unwrap();
        let size: usize = size.parse().unwrap();
        let (terms, root) = Terms::parse(unhex(hex)).unwrap();
        let mut atoms = AtomTable::new();
        let area = LiteralArea::from_etf(&terms, &[root], &mut atoms).unwrap();
        assert_eq!(area.words(), size, "words of {}", terms.display(root));
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} terms in the oracle file");
}
