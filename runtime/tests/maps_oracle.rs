//! Maps against the real BEAM of the same word size (OTP 25, 64-bit on x86_64 and 32-bit on
//! ARM32): erts' internal hash of assorted terms, and every iteration order of large maps
//! built by `maps:from_list/1`, successive puts, merges, removals, `maps:from_keys/2` and
//! updates must equal erl's byte for byte. The expected lines were printed by
//! tests/oracle/maps_oracle.erl and are committed (tests/oracle/generate_maps.sh).
//!
//! erts hashes an atom by its index in the atom table, so the oracle lists every atom its
//! terms use with the index erl gave it, and the test interns fillers to give each the same
//! index here.

use rbeam_loader::etf::Terms;
use rbeam_runtime::atom::AtomTable;
use rbeam_runtime::literal::LiteralArea;
use rbeam_runtime::map::{self, next};
use rbeam_runtime::term::{Term, bignum, list, tuple};
use rbeam_runtime::{Heap, print};

fn oracle() -> &'static str {
    #[cfg(target_pointer_width = "64")]
    return include_str!("../../tests/oracle/maps.64.txt");
    #[cfg(target_pointer_width = "32")]
    return include_str!("../../tests/oracle/maps.32.txt");
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// The atom table with every oracle atom at erl's index.
fn atom_table() -> AtomTable {
    let mut atoms = AtomTable::new();
    let mut wanted: Vec<(usize, u32, &str)> = oracle()
        .lines()
        .filter_map(|line| line.strip_prefix("atom "))
        .map(|rest| {
            let mut parts = rest.splitn(3, ' ');
            let index = parts.next().unwrap().parse().unwrap();
            let hash = parts.next().unwrap().parse().unwrap();
            (index, hash, parts.next().unwrap())
        })
        .collect();
    wanted.sort();
    assert!(wanted.len() >= 300, "only {} atoms in the oracle", wanted.len());
    for (index, hash, name) in wanted {
        while atoms.len() < index {
            let filler = format!("filler {}", atoms.len());
            atoms.intern(&filler).unwrap();
        }
        let atom = atoms.intern(name).unwrap();
        assert_eq!(atom.atom_index(), Some(index as u32), "index of {name}");
        // SAFETY: an immediate.
        assert_eq!(unsafe { map::internal_hash(atom, 0) }, hash, "hash of atom {name} (index {index})");
    }
    atoms
}

/// A term decoded from hex external format, kept alive by its literal area.
fn decode(hex: &str, atoms: &mut AtomTable) -> (LiteralArea, Term) {
    let (terms, root) = Terms::parse(unhex(hex)).unwrap();
    let area = LiteralArea::from_etf(&terms, &[root], atoms).unwrap();
    let term = area.root(0).unwrap();
    (area, term)
}

fn show(atoms: &AtomTable, term: Term) -> String {
    // SAFETY: terms of live heaps and literal areas (each test keeps them).
    unsafe { print::to_string(atoms, term) }.unwrap()
}

/// The elements of a proper list.
fn elements(mut term: Term) -> Vec<Term> {
    let mut out = Vec::new();
    // SAFETY: live terms.
    while let Some((head, tail)) = unsafe { list::head_tail(term) } {
        out.push(head);
        term = tail;
    }
    out
}

fn pair(term: Term) -> (Term, Term) {
    // SAFETY: a live tuple.
    match unsafe { tuple::elements(term) } {
        Some(&[k, v]) => (k, v),
        _ => panic!("not a pair"),
    }
}

/// A map with more than 32 keys decoded from a literal is a flatmap: rebuild it as erl has it
/// (a HAMT).
fn as_erl_map(heap: &mut Heap, atoms: &AtomTable, term: Term) -> Term {
    // SAFETY: a live term.
    if unsafe { map::is_map(term) && map::size(term) > map::SMALL_MAP_LIMIT } {
        // SAFETY: as above.
        let pairs = unsafe { map::pairs(term) };
        // SAFETY: as above.
        return unsafe { map::from_pairs_in(heap, atoms, &pairs) }.unwrap();
    }
    term
}

#[test]
fn internal_hash_matches_erts() {
    let mut atoms = atom_table();
    let mut heap = Heap::with_capacity(1 << 16);
    let mut checked = 0;
    for line in oracle().lines().filter_map(|line| line.strip_prefix("hash ")) {
        let (hex, hash) = line.split_once(' ').unwrap();
        let (_area, literal) = decode(hex, &mut atoms);
        // A literal map of more than 32 keys is a flatmap; it hashes as erl's HAMT, too.
        for term in [literal, as_erl_map(&mut heap, &atoms, literal)] {
            // SAFETY: a live term.
            let got = unsafe { map::internal_hash(term, 0) };
            assert_eq!(got, hash.parse::<u32>().unwrap(), "hash of {}", show(&atoms, term));
        }
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} hashes in the oracle");
}

/// A list of terms, built on `heap`.
fn list_of(heap: &mut Heap, items: &[Term]) -> Term {
    list::build(heap, items, Term::NIL).unwrap()
}

/// The map of an oracle operation.
fn build(heap: &mut Heap, atoms: &mut AtomTable, op: &str, pairs: &[(Term, Term)]) -> Term {
    let v = atoms.intern("v").unwrap();
    let x = atoms.intern("x").unwrap();
    let atoms = &*atoms;
    // SAFETY: the pairs are terms of a live literal area; everything built is on `heap`.
    unsafe {
        let from = |heap: &mut Heap, pairs: &[(Term, Term)]| map::from_pairs_in(heap, atoms, pairs).unwrap();
        match op {
            "from_list" => from(heap, pairs),
            "puts" => pairs.iter().fold(from(heap, &[]), |m, &p| map::put_in(heap, atoms, m, &[p]).unwrap()),
            "merge" => {
                let (a, b) = pairs.split_at(pairs.len() / 2);
                let (a, b) = (from(heap, a), from(heap, b));
                map::merge_in(heap, atoms, a, b).unwrap()
            }
            "remove" => {
                let full = from(heap, pairs);
                pairs
                    .iter()
                    .skip(2)
                    .step_by(3)
                    .fold(full, |m, &(k, _)| map::remove_in(heap, atoms, m, k).unwrap())
            }
            "from_keys" => {
                let keyed: Vec<(Term, Term)> = pairs.iter().map(|&(k, _)| (k, v)).collect();
                from(heap, &keyed)
            }
            "update" => {
                let full = from(heap, pairs);
                pairs
                    .iter()
                    .fold(full, |m, &(k, _)| map::update_in(heap, atoms, m, &[(k, x)]).unwrap().unwrap())
            }
            _ => panic!("unknown op {op}"),
        }
    }
}

/// The keys `maps:next/1` visits, walking `erts_internal:map_next/3` chains; and the path
/// of the first chain's tail.
fn next_walk(heap: &mut Heap, atoms: &mut AtomTable, m: Term) -> (Vec<Term>, Option<Term>) {
    let none = atoms.intern("none").unwrap();
    let mut keys = Vec::new();
    let mut first_path = None;
    let mut path = Term::small(0).unwrap();
    loop {
        let mut fcalls = 4000;
        // SAFETY: live terms.
        let chain = match unsafe { next::map_next(heap, &mut fcalls, none, path, m, next::Mode::Iterator) }
            .unwrap()
        {
            next::Next::Done(chain) => chain,
            next::Next::Badarg => panic!("map_next refused its own path"),
        };
        let mut link = chain;
        // SAFETY: live terms.
        while let Some(&[k, _, rest]) = unsafe { tuple::elements(link) } {
            keys.push(k);
            link = rest;
        }
        if link == none {
            return (keys, first_path);
        }
        // SAFETY: a live cons: [Path | Map].
        let (next_path, same_map) = unsafe { list::head_tail(link) }.unwrap();
        assert_eq!(same_map, m);
        first_path.get_or_insert(next_path);
        path = next_path;
    }
}

/// `maps:to_list/1` as maps.erl runs it: `erts_internal:map_next/3` in list mode, resumed
/// from `[Path, Map | Acc]` until it returns the whole list.
fn map_next_to_list(heap: &mut Heap, atoms: &mut AtomTable, m: Term) -> Term {
    let none = atoms.intern("none").unwrap();
    let mut path = Term::small(0).unwrap();
    let mut acc = Term::NIL;
    loop {
        // Few reductions left, so that the walk resumes often.
        let mut fcalls = 40;
        // SAFETY: live terms.
        let out = match unsafe { next::map_next(heap, &mut fcalls, none, path, m, next::Mode::List(acc)) }
            .unwrap()
        {
            next::Next::Done(out) => out,
            next::Next::Badarg => panic!("map_next refused its own path"),
        };
        // SAFETY: live terms.
        let is_integer = |t: Term| t.is_small() || unsafe { bignum::view(t) }.is_some();
        // SAFETY: live terms.
        match unsafe { list::head_tail(out) } {
            Some((p, rest)) if is_integer(p) => {
                // SAFETY: [Path, Map | Acc].
                let (same_map, rest) = unsafe { list::head_tail(rest) }.unwrap();
                assert_eq!(same_map, m);
                path = p;
                acc = rest;
            }
            _ => return out,
        }
    }
}

#[test]
fn large_maps_iterate_as_on_erl() {
    let mut atoms = atom_table();
    let text = oracle();
    let mut lines = text.lines().filter(|l| !l.starts_with("atom ") && !l.starts_with("hash ")).peekable();
    let mut cases = 0;
    let mut compared = 0;
    while let Some(line) = lines.next() {
        let (name, hex) = line.strip_prefix("case ").unwrap().split_once(' ').unwrap();
        let (_area, input) = decode(hex, &mut atoms);
        let pairs: Vec<(Term, Term)> = elements(input).into_iter().map(pair).collect();
        cases += 1;
        while let Some(op) = lines.peek().and_then(|l| l.strip_prefix("op ")) {
            lines.next();
            let mut heap = Heap::with_capacity(1 << 22);
            let m = build(&mut heap, &mut atoms, op, &pairs);
            // SAFETY: `m` lives on `heap`.
            let forward: Vec<Term> = unsafe { map::iter(m) }.map(|(k, _)| k).collect();
            while let Some((field, expected)) =
                lines.peek().and_then(|l| l.split_once(' ')).filter(|(f, _)| {
                    ["size", "keys", "tolist", "values", "map", "fold", "next", "path"].contains(f)
                })
            {
                lines.next();
                // SAFETY: `m` and all built here live on `heap`.
                let got = unsafe {
                    match field {
                        "size" => map::size(m).to_string(),
                        "keys" => show(&atoms, map::keys_in(&mut heap, m).unwrap()),
                        "tolist" => {
                            let direct = show(&atoms, map::to_list_in(&mut heap, m).unwrap());
                            let walked = map_next_to_list(&mut heap, &mut atoms, m);
                            let walked = show(&atoms, walked);
                            assert_eq!(direct, walked, "{name} {op}: to_list by map_next");
                            direct
                        }
                        "values" => show(&atoms, map::values_in(&mut heap, m).unwrap()),
                        "map" => show(&atoms, m),
                        "fold" => show(&atoms, list_of(&mut heap, &forward)),
                        "next" => {
                            let (keys, _) = next_walk(&mut heap, &mut atoms, m);
                            show(&atoms, list_of(&mut heap, &keys))
                        }
                        "path" => match next_walk(&mut heap, &mut atoms, m).1 {
                            Some(path) => show(&atoms, path),
                            None => "none".to_string(),
                        },
                        _ => unreachable!(),
                    }
                };
                assert!(got == expected, "{name} {op} {field}:\n   got {got}\nwanted {expected}");
                compared += 1;
            }
        }
    }
    eprintln!("{cases} cases, {compared} comparisons");
    assert!(cases >= 15 && compared >= 200, "only {cases} cases, {compared} comparisons");
}
