//! Maps: flatmaps up to 32 keys and HAMTs above, checked against a plain model of pairs
//! (get, put, update, remove, take, merge, from_pairs), their representation changes, term
//! order and printing, garbage collection, keys nested a million levels deep, and the map
//! BIFs' results and errors.

use rbeam_runtime::bif::{BifCtx, BifResult, maps as map_bifs};
use rbeam_runtime::exception::Class;
use rbeam_runtime::map;
use rbeam_runtime::term::{Term, TermBuilder, View, list, tuple};
use rbeam_runtime::{AtomTable, Heap, Process, Vm, gc, order, print};

fn small(v: i64) -> Term {
    Term::small(v).expect("small")
}

/// A heap and atom table; every term of a test lives on `heap`, which is never reset.
struct World {
    heap: Heap,
    atoms: AtomTable,
}

impl World {
    fn new() -> World {
        World::with_capacity(1 << 22)
    }

    fn with_capacity(words: usize) -> World {
        World { heap: Heap::with_capacity(words), atoms: AtomTable::new() }
    }

    fn builder(&mut self) -> TermBuilder<'_, Heap> {
        TermBuilder::new(&mut self.heap, &mut self.atoms)
    }

    /// The `i`th key of a mix of every kind of term.
    fn key(&mut self, i: i64) -> Term {
        let b = &mut self.builder();
        match i % 10 {
            0 => small(i),
            1 => small(-i * 1_000_003),
            2 => b.float(i as f64 / 3.0).unwrap(),
            3 => b.atom(&format!("key_{i}")).unwrap(),
            4 => {
                let inner = b.string(&format!("s{i}")).unwrap();
                b.tuple(&[small(i), inner]).unwrap()
            }
            5 => b.string(&format!("string {i}")).unwrap(),
            6 => b.binary(format!("bin{i}").as_bytes()).unwrap(),
            7 => b.integer((1i128 << 90) + i128::from(i)).unwrap(),
            8 => {
                let k = small(i);
                // SAFETY: a small map of immediates.
                unsafe { b.map(&[(k, k)]) }.unwrap()
            }
            _ => b.improper_list(&[small(i)], small(i + 1)).unwrap(),
        }
    }

    fn eq(&self, a: Term, b: Term) -> bool {
        // SAFETY: world terms.
        unsafe { order::exact_eq(&self.atoms, a, b) }
    }

    fn get(&self, m: Term, k: Term) -> Option<Term> {
        // SAFETY: world terms.
        unsafe { map::get(&self.atoms, m, k) }
    }

    fn put(&mut self, m: Term, pairs: &[(Term, Term)]) -> Term {
        // SAFETY: world terms.
        unsafe { map::put_in(&mut self.heap, &self.atoms, m, pairs) }.unwrap()
    }

    fn update(&mut self, m: Term, pairs: &[(Term, Term)]) -> Result<Term, Term> {
        // SAFETY: world terms.
        unsafe { map::update_in(&mut self.heap, &self.atoms, m, pairs) }.unwrap()
    }

    fn remove(&mut self, m: Term, k: Term) -> Term {
        // SAFETY: world terms.
        unsafe { map::remove_in(&mut self.heap, &self.atoms, m, k) }.unwrap()
    }

    fn build_map(&mut self, pairs: &[(Term, Term)]) -> Term {
        // SAFETY: world terms.
        unsafe { map::from_pairs_in(&mut self.heap, &self.atoms, pairs) }.unwrap()
    }

    fn show(&self, t: Term) -> String {
        // SAFETY: a world term.
        unsafe { print::to_string(&self.atoms, t) }.unwrap()
    }

    /// Checks `m` against the model: size, representation, every value, forward and list
    /// orders agreeing.
    fn check(&mut self, m: Term, model: &[(Term, Term)], absent: &[Term]) {
        // SAFETY: a world term.
        let (size, view) = unsafe { (map::size(m), m.view().unwrap()) };
        assert_eq!(size, model.len());
        match view {
            View::Map(flat) => {
                for w in flat.keys.windows(2) {
                    // SAFETY: world terms.
                    let order = unsafe { order::compare_map_keys(&self.atoms, w[0], w[1]) };
                    assert_eq!(order, core::cmp::Ordering::Less, "flatmap keys out of order");
                }
            }
            View::HashMap(h) => {
                assert!(size > map::SMALL_MAP_LIMIT, "a HAMT of {size} keys");
                assert_eq!(h.len(), size);
            }
            _ => panic!("not a map"),
        }
        for &(k, v) in model {
            let got = self.get(m, k).unwrap_or_else(|| panic!("{} missing", self.show(k)));
            assert!(self.eq(got, v), "value of {}", self.show(k));
        }
        for &k in absent {
            assert!(self.get(m, k).is_none(), "{} present", self.show(k));
        }
        // SAFETY: a world term.
        let forward: Vec<(Term, Term)> = unsafe { map::iter(m) }.collect();
        assert_eq!(forward.len(), size);
        // SAFETY: a world term.
        let keys = unsafe { map::keys_in(&mut self.heap, m) }.unwrap();
        let mut listed = Vec::new();
        let mut rest = keys;
        // SAFETY: a list on the world heap.
        while let Some((h, t)) = unsafe { list::head_tail(rest) } {
            listed.push(h);
            rest = t;
        }
        let mut expected: Vec<Term> = forward.iter().map(|p| p.0).collect();
        if size > map::SMALL_MAP_LIMIT {
            expected.reverse();
        }
        assert_eq!(listed, expected, "maps:keys/1 order");
    }
}

/// Replaces or appends `(k, v)` in the model.
fn model_put(w: &World, model: &mut Vec<(Term, Term)>, k: Term, v: Term) {
    match model.iter().position(|&(mk, _)| w.eq(mk, k)) {
        Some(i) => model[i].1 = v,
        None => model.push((k, v)),
    }
}

#[test]
fn mixed_keys_from_empty_to_one_hundred_and_back() {
    let mut w = World::new();
    let keys: Vec<Term> = (0..100).map(|i| w.key(i)).collect();
    let absent: Vec<Term> = (100..120).map(|i| w.key(i)).collect();
    let mut m = w.build_map(&[]);
    let mut model = Vec::new();
    w.check(m, &model, &absent);
    for (i, &k) in keys.iter().enumerate() {
        let v = small(i as i64);
        m = w.put(m, &[(k, v)]);
        model_put(&w, &mut model, k, v);
        w.check(m, &model, &absent);
        // The same pair again changes nothing.
        assert_eq!(w.put(m, &[(k, v)]), m);
    }
    // Every value replaced by an update, a few at a time.
    for chunk in keys.chunks(7) {
        let pairs: Vec<(Term, Term)> = chunk.iter().map(|&k| (k, k)).collect();
        m = w.update(m, &pairs).unwrap();
        for &(k, v) in &pairs {
            model_put(&w, &mut model, k, v);
        }
        w.check(m, &model, &absent);
    }
    // An update naming a missing key fails on it, whatever comes before.
    let missing = absent[3];
    assert_eq!(w.update(m, &[(keys[0], small(1)), (missing, small(2))]), Err(missing));
    // A put of several pairs, later ones winning, some new.
    let pairs = [(keys[5], small(-5)), (absent[0], small(1)), (keys[5], small(-6)), (absent[0], small(2))];
    let m2 = w.put(m, &pairs);
    let mut model2 = model.clone();
    for &(k, v) in &pairs {
        model_put(&w, &mut model2, k, v);
    }
    w.check(m2, &model2, &absent[1..]);
    // Removing in another order goes back to a flatmap at 32 keys and to empty.
    let mut order: Vec<usize> = (0..100).collect();
    order.sort_by_key(|&i| (i * 37) % 101);
    for i in order {
        let k = keys[i];
        let before = m;
        m = w.remove(m, k);
        model.retain(|&(mk, _)| !w.eq(mk, k));
        w.check(m, &model, &[k]);
        // Removing it again returns the map itself.
        assert_eq!(w.remove(m, k), m);
        assert_ne!(before, m);
    }
    assert_eq!(model.len(), 0);
}

#[test]
fn take_merge_and_duplicates() {
    let mut w = World::new();
    let keys: Vec<Term> = (0..80).map(|i| w.key(i)).collect();
    let pairs: Vec<(Term, Term)> = keys.iter().map(|&k| (k, small(1))).collect();
    // Duplicates: the later pair wins, and the map has one entry per key.
    let mut doubled = pairs.clone();
    doubled.extend(keys.iter().step_by(2).map(|&k| (k, small(2))));
    let m = w.build_map(&doubled);
    let model: Vec<(Term, Term)> =
        keys.iter().enumerate().map(|(i, &k)| (k, small(if i % 2 == 0 { 2 } else { 1 }))).collect();
    w.check(m, &model, &[]);
    // 40 pairs of which 20 duplicates: a flatmap.
    let few: Vec<(Term, Term)> = keys[..20].iter().chain(&keys[..20]).map(|&k| (k, k)).collect();
    let flat = w.build_map(&few);
    // SAFETY: a world term.
    assert!(matches!(unsafe { flat.view() }, Ok(View::Map(_))));
    // Merge: the second map wins, sizes add up across the limit.
    let a = w.build_map(&pairs[..30]);
    let b_pairs: Vec<(Term, Term)> = keys[20..50].iter().map(|&k| (k, small(3))).collect();
    let b = w.build_map(&b_pairs);
    // SAFETY: world terms.
    let merged = unsafe { map::merge_in(&mut w.heap, &w.atoms, a, b) }.unwrap();
    let mut model: Vec<(Term, Term)> = pairs[..30].to_vec();
    for &(k, v) in &b_pairs {
        model_put(&w, &mut model, k, v);
    }
    w.check(merged, &model, &keys[50..]);
    // Take from a HAMT of 33 keys: the value, and a flatmap of the rest.
    let m33 = w.build_map(&pairs[..33]);
    // SAFETY: world terms.
    let (value, rest) = unsafe { map::take_in(&mut w.heap, &w.atoms, m33, keys[7]) }.unwrap().unwrap();
    assert_eq!(value, small(1));
    let model: Vec<(Term, Term)> = pairs[..33].iter().copied().filter(|&(k, _)| k != keys[7]).collect();
    w.check(rest, &model, &[keys[7]]);
    // SAFETY: world terms.
    assert!(unsafe { map::take_in(&mut w.heap, &w.atoms, m33, keys[70]) }.unwrap().is_none());
}

#[test]
fn equal_maps_compare_equal_however_built() {
    let mut w = World::new();
    let keys: Vec<Term> = (0..60).map(|i| w.key(i)).collect();
    let pairs: Vec<(Term, Term)> = keys.iter().map(|&k| (k, k)).collect();
    let a = w.build_map(&pairs);
    let mut b = w.build_map(&[]);
    for &p in pairs.iter().rev() {
        b = w.put(b, &[p]);
    }
    assert!(w.eq(a, b));
    assert_eq!(w.show(a), w.show(b), "one shape, one order");
    // A flatmap of the same pairs (as literal areas build them) is the same map.
    // SAFETY: world terms.
    let flat = unsafe { rbeam_runtime::term::map::build_flatmap(&mut w.heap, &w.atoms, &pairs) }.unwrap();
    assert!(w.eq(a, flat));
    // Term order: size first, then keys in map-key order, then values.
    let c = w.put(a, &[(keys[10], small(0))]);
    // SAFETY: world terms.
    let (ac, ca) = unsafe { (order::compare(&w.atoms, a, c), order::compare(&w.atoms, c, a)) };
    assert_eq!(ac, ca.reverse());
    assert_ne!(ac, core::cmp::Ordering::Equal);
    let d = w.remove(a, keys[0]);
    // SAFETY: world terms.
    assert_eq!(unsafe { order::compare(&w.atoms, d, a) }, core::cmp::Ordering::Less);
    // Maps as keys of maps.
    let outer = w.build_map(&[(a, small(1)), (d, small(2))]);
    assert_eq!(w.get(outer, b), Some(small(1)));
    assert_eq!(w.get(outer, flat), Some(small(1)));
}

#[test]
fn printing_follows_iteration_order() {
    let mut w = World::new();
    let pairs: Vec<(Term, Term)> = (1..=40).map(|i| (small(i), small(i))).collect();
    let m = w.build_map(&pairs);
    // io:format("~w", [maps:from_list([{I, I} || I <- lists:seq(1, 40)])]) on OTP 25.
    let expected = "#{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,35 => 35,10 => 10,24 => 24,36 => 36,\
4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,\
40 => 40,13 => 13,38 => 38,6 => 6,28 => 28,25 => 25,34 => 34,32 => 32,9 => 9,37 => 37,11 => 11,\
31 => 31,26 => 26,39 => 39,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33}";
    assert_eq!(w.show(m), expected);
    // erlang:display(maps:from_list([{I, I} || I <- lists:seq(1, 40)])) on OTP 25 shows the
    // trie: the same shape here.
    let display = "#<fffb>{<1201>{[16|16],[18|18],[5|5]},<4400>{[19|19],[27|27]},<1084>{[35|35],\
<4080>{[10|10],[24|24]},[36|36]},<14>{[4|4],[21|21]},<240>{[22|22],[17|17]},<2a>{[3|3],[8|8],[1|1]},\
<8512>{[7|7],[2|2],[14|14],[15|15],[20|20]},<c0>{[40|40],<1001>{[13|13],[38|38]}},[6|6],<9400>{[28|28],\
[25|25],[34|34]},<312>{[32|32],[9|9],[37|37],[11|11]},[31|31],[26|26],<2060>{[39|39],[30|30],<8020>{[29|29],\
[23|23]}},<8200>{[12|12],[33|33]}}";
    let mut shown = String::from("#");
    let mut stack = vec![Err(m)];
    while let Some(item) = stack.pop() {
        match item {
            Ok(text) => shown.push_str(text),
            // SAFETY: `m` and its nodes are live.
            Err(node) => match unsafe { map::hamt_children(node) } {
                Some((bitmap, children)) => {
                    shown.push_str(&format!("<{bitmap:x}>{{"));
                    stack.push(Ok("}"));
                    for (i, &child) in children.iter().enumerate().rev() {
                        stack.push(Err(child));
                        if i > 0 {
                            stack.push(Ok(","));
                        }
                    }
                }
                None => shown.push_str(&w.show(node).replace(',', "|")),
            },
        }
    }
    assert_eq!(shown, display);
    let b = w.atoms.intern("b").unwrap();
    let a = w.atoms.intern("a").unwrap();
    let small_map = w.build_map(&[(b, small(2)), (small(1), a), (a, small(1))]);
    assert_eq!(w.show(small_map), "#{1 => a,a => 1,b => 2}");
    let empty = w.build_map(&[]);
    assert_eq!(w.show(empty), "#{}");
}

/// A tuple nested `depth` levels deep around `[]`.
fn deep_tuple(heap: &mut Heap, depth: usize, leaf: Term) -> Term {
    let mut t = leaf;
    for _ in 0..depth {
        t = tuple::build(heap, &[t]).unwrap();
    }
    t
}

#[test]
fn keys_a_million_levels_deep() {
    // Hashing, comparing and storing keys nested a million levels deep stays off the Rust
    // call stack.
    let mut w = World::with_capacity(9 << 20);
    let deep = deep_tuple(&mut w.heap, 1_000_000, Term::NIL);
    let twin = deep_tuple(&mut w.heap, 1_000_000, Term::NIL);
    let other = deep_tuple(&mut w.heap, 1_000_000, small(1));
    let deep_list = (0..1_000_000).fold(Term::NIL, |t, _| list::cons(&mut w.heap, t, Term::NIL).unwrap());
    // SAFETY: world terms.
    let (h1, h2, h3) =
        unsafe { (map::internal_hash(deep, 0), map::internal_hash(twin, 0), map::internal_hash(other, 0)) };
    assert_eq!(h1, h2);
    assert_ne!(h1, h3);
    let mut pairs: Vec<(Term, Term)> = (0..40).map(|i| (small(i), small(i))).collect();
    pairs.push((deep, small(-1)));
    pairs.push((deep_list, small(-2)));
    let m = w.build_map(&pairs);
    assert_eq!(w.get(m, twin), Some(small(-1)));
    assert_eq!(w.get(m, deep_list), Some(small(-2)));
    let m = w.remove(m, twin);
    assert_eq!(w.get(m, deep), None);
    assert_eq!(w.get(m, small(3)), Some(small(3)));
}

#[test]
fn literal_flatmaps_above_the_limit_act_as_hamts() {
    // Literal areas build flatmaps of any size; one of more than 32 keys iterates, prints,
    // lists and hashes like the HAMT erts builds for the same pairs.
    let mut w = World::new();
    let keys: Vec<Term> = (0..70).map(|i| w.key(i)).collect();
    let pairs: Vec<(Term, Term)> = keys.iter().map(|&k| (k, small(7))).collect();
    let hamt = w.build_map(&pairs);
    // SAFETY: world terms.
    let flat = unsafe { rbeam_runtime::term::map::build_flatmap(&mut w.heap, &w.atoms, &pairs) }.unwrap();
    // SAFETY: world terms.
    unsafe {
        assert!(matches!(flat.view(), Ok(View::Map(_))));
        assert_eq!(map::pairs(flat), map::pairs(hamt));
        assert_eq!(map::list_pairs(flat), map::list_pairs(hamt));
        assert_eq!(map::internal_hash(flat, 0), map::internal_hash(hamt, 0));
        let (fk, hk) = (map::keys_in(&mut w.heap, flat).unwrap(), map::keys_in(&mut w.heap, hamt).unwrap());
        assert_eq!(w.show(fk), w.show(hk));
    }
    assert_eq!(w.show(flat), w.show(hamt));
    w.check(flat, &pairs, &[]);
    // Adding a key makes it a HAMT; removing one keeps the rest.
    let extra = w.key(200);
    let grown = w.put(flat, &[(extra, small(1))]);
    // SAFETY: a world term.
    assert!(matches!(unsafe { grown.view() }, Ok(View::HashMap(_))));
    let shrunk = w.remove(flat, keys[3]);
    assert_eq!(w.get(shrunk, keys[3]), None);
    assert_eq!(w.get(shrunk, keys[4]), Some(small(7)));
}

#[test]
fn signed_zeros_are_one_key() {
    // OTP 25's `=:=` holds between 0.0 and -0.0, so they are one map key, in a flatmap and
    // in a HAMT alike: `maps:from_list([{0.0,a},{-0.0,b}])` is `#{-0.0 => b}` on erl 25.
    let mut w = World::new();
    let pos = w.builder().float(0.0).unwrap();
    let neg = w.builder().float(-0.0).unwrap();
    let mut pairs: Vec<(Term, Term)> = (0..40).map(|i| (small(i), small(i))).collect();
    pairs.push((pos, small(100)));
    pairs.push((neg, small(-100)));
    let merged: Vec<(Term, Term)> = pairs[..40].iter().copied().chain([(neg, small(-100))]).collect();
    let m = w.build_map(&pairs);
    w.check(m, &merged, &[]);
    assert_eq!(w.get(m, pos), Some(small(-100)));
    let flat = w.build_map(&pairs[38..]);
    w.check(flat, &merged[38..], &[]);
    let m = w.remove(m, pos);
    assert_eq!(w.get(m, neg), None);
    assert_eq!(w.get(m, pos), None);
}

#[test]
fn hamts_survive_garbage_collection() {
    let mut atoms = AtomTable::new();
    let mut p = Process::new(Term::local_pid(1, 0).unwrap(), 4096);
    let pairs: Vec<(Term, Term)> = (0..500).map(|i| (small(i), small(i * 2))).collect();
    // SAFETY: immediates.
    let m = unsafe { map::from_pairs(&mut p, &atoms, &pairs) };
    let big = rbeam_runtime::term::bignum::build_i128(&mut p, 1 << 100).unwrap();
    // SAFETY: process terms.
    let m = unsafe { map::put(&mut p, &atoms, m, &[(big, big)]) };
    let mut roots = [m];
    // SAFETY: the map is the only live term, and it is a root.
    unsafe {
        gc::collect(&mut p, &mut roots, 0);
        gc::verify(&mut p, &mut roots);
    }
    let m = roots[0];
    for &(k, v) in &pairs {
        // SAFETY: a live map.
        assert_eq!(unsafe { map::get(&atoms, m, k) }, Some(v));
    }
    let big2 = rbeam_runtime::term::bignum::build_i128(&mut p, 1 << 100).unwrap();
    // SAFETY: live terms.
    let found = unsafe { map::get(&atoms, m, big2) }.unwrap();
    // SAFETY: live terms.
    assert!(unsafe { order::exact_eq(&atoms, found, big2) });
    let _ = atoms.intern("unused");
}

/// Runs a map BIF by name.
fn call(vm: &mut Vm, p: &mut Process, name: &str, args: &[Term]) -> BifResult {
    let (module, function) = name.split_once(':').unwrap();
    let bif = map_bifs::BIFS
        .iter()
        .find(|b| b.module == module && b.name == function && b.arity as usize == args.len())
        .unwrap_or_else(|| panic!("no BIF {name}/{}", args.len()));
    (bif.f)(&mut BifCtx { vm, proc: p }, args)
}

fn show(vm: &Vm, t: Term) -> String {
    // SAFETY: terms of the test's live process.
    unsafe { print::to_string(&vm.atoms, t) }.unwrap()
}

/// A VM and a process to call BIFs in.
struct Bifs {
    vm: Vm,
    p: Process,
}

impl Bifs {
    /// The printed result of a BIF that returns.
    fn ok(&mut self, name: &str, args: &[Term]) -> String {
        match call(&mut self.vm, &mut self.p, name, args) {
            BifResult::Ok(t) => show(&self.vm, t),
            other => panic!("{name}: not a value: {other:?}"),
        }
    }

    /// The printed reason of a BIF that raises an error.
    fn error(&mut self, name: &str, args: &[Term]) -> String {
        match call(&mut self.vm, &mut self.p, name, args) {
            BifResult::Err(e) => {
                assert_eq!(e.class, Class::Error);
                show(&self.vm, e.reason)
            }
            other => panic!("{name}: not an error: {other:?}"),
        }
    }
}

#[test]
fn bifs_return_and_raise_as_erl() {
    let mut vm = Vm::new();
    let mut p = vm.new_process(1 << 16).unwrap();
    let a = vm.atoms.intern("a").unwrap();
    let b = vm.atoms.intern("b").unwrap();
    let iterator = vm.atoms.intern("iterator").unwrap();
    let pairs = [(a, small(1)), (b, small(2))];
    // SAFETY: immediates.
    let m = unsafe { map::from_pairs(&mut p, &vm.atoms, &pairs) };
    let not_map = tuple::build(&mut p, &[a]).unwrap();
    let t1 = tuple::build(&mut p, &[a, small(1)]).unwrap();
    let t2 = tuple::build(&mut p, &[a, small(2)]).unwrap();
    let l = list::build(&mut p, &[t1, t2], Term::NIL).unwrap();
    let bad = list::build(&mut p, &[t1, a], Term::NIL).unwrap();
    let improper = list::build(&mut p, &[t1], a).unwrap();
    let ks = list::build(&mut p, &[b, a, b], Term::NIL).unwrap();
    let v = &mut Bifs { vm, p };
    assert_eq!(v.ok("erlang:map_size", &[m]), "2");
    assert_eq!(v.error("erlang:map_size", &[not_map]), "{badmap,{a}}");
    assert_eq!(v.ok("erlang:map_get", &[a, m]), "1");
    assert_eq!(v.error("erlang:map_get", &[small(3), m]), "{badkey,3}");
    assert_eq!(v.error("maps:get", &[a, not_map]), "{badmap,{a}}");
    assert_eq!(v.ok("erlang:is_map_key", &[b, m]), "true");
    assert_eq!(v.ok("maps:is_key", &[small(1), m]), "false");
    assert_eq!(v.error("maps:is_key", &[a, small(1)]), "{badmap,1}");
    assert_eq!(v.ok("maps:find", &[a, m]), "{ok,1}");
    assert_eq!(v.ok("maps:find", &[small(0), m]), "error");
    assert_eq!(v.ok("maps:put", &[small(0), a, m]), "#{0 => a,a => 1,b => 2}");
    assert_eq!(v.error("maps:put", &[a, a, a]), "{badmap,a}");
    assert_eq!(v.ok("maps:update", &[a, b, m]), "#{a => b,b => 2}");
    assert_eq!(v.error("maps:update", &[small(7), b, m]), "{badkey,7}");
    assert_eq!(v.ok("maps:remove", &[a, m]), "#{b => 2}");
    assert_eq!(v.ok("maps:remove", &[small(9), m]), "#{a => 1,b => 2}");
    assert_eq!(v.ok("maps:take", &[b, m]), "{2,#{a => 1}}");
    assert_eq!(v.ok("maps:take", &[small(9), m]), "error");
    assert_eq!(v.ok("maps:keys", &[m]), "[a,b]");
    assert_eq!(v.ok("maps:values", &[m]), "[1,2]");
    assert_eq!(v.error("maps:values", &[Term::NIL]), "{badmap,[]}");
    assert_eq!(v.ok("maps:from_list", &[Term::NIL]), "#{}");
    let empty = ok_term(call(&mut v.vm, &mut v.p, "maps:from_list", &[Term::NIL]));
    assert_eq!(v.ok("maps:merge", &[m, empty]), "#{a => 1,b => 2}");
    assert_eq!(v.error("maps:merge", &[not_map, small(1)]), "{badmap,{a}}");
    assert_eq!(v.error("maps:merge", &[m, small(1)]), "{badmap,1}");
    // from_list: later pairs win; anything but a proper list of pairs is badarg.
    assert_eq!(v.ok("maps:from_list", &[l]), "#{a => 2}");
    assert_eq!(v.error("maps:from_list", &[bad]), "badarg");
    assert_eq!(v.error("maps:from_list", &[improper]), "badarg");
    assert_eq!(v.ok("maps:from_keys", &[ks, small(0)]), "#{a => 0,b => 0}");
    assert_eq!(v.error("maps:from_keys", &[a, small(0)]), "badarg");
    // erts_internal:map_next/3: a flatmap in one call, in both modes.
    let zero = small(0);
    assert_eq!(v.ok("erts_internal:map_next", &[zero, m, iterator]), "{a,1,{b,2,none}}");
    assert_eq!(v.ok("erts_internal:map_next", &[zero, m, Term::NIL]), "[{a,1},{b,2}]");
    assert_eq!(v.ok("erts_internal:map_next", &[small(2), m, l]), "[{a,1},{b,2},{a,1},{a,2}]");
    assert_eq!(v.error("erts_internal:map_next", &[small(3), m, iterator]), "badarg");
    assert_eq!(v.error("erts_internal:map_next", &[small(-1), m, iterator]), "badarg");
    assert_eq!(v.error("erts_internal:map_next", &[zero, m, a]), "badarg");
    assert_eq!(v.error("erts_internal:map_next", &[zero, a, iterator]), "badarg");
}

fn ok_term(r: BifResult) -> Term {
    match r {
        BifResult::Ok(t) => t,
        other => panic!("not a value: {other:?}"),
    }
}

#[test]
fn map_next_on_a_hamt_resumes_from_its_path() {
    let mut vm = Vm::new();
    let mut p = vm.new_process(1 << 16).unwrap();
    let iterator = vm.atoms.intern("iterator").unwrap();
    let none = vm.atoms.intern("none").unwrap();
    let pairs: Vec<(Term, Term)> = (1..=40).map(|i| (small(i), small(i))).collect();
    // SAFETY: immediates.
    let m = unsafe { map::from_pairs(&mut p, &vm.atoms, &pairs) };
    // The first call returns 32 pairs and the path of the next leaf: on OTP 25,
    // maps:next(maps:iterator(maps:from_list([{I, I} || I <- lists:seq(1, 40)]))) ends in
    // [11 | Map] after key 11.
    p.fcalls = 4000;
    let chain = ok_term(call(&mut vm, &mut p, "erts_internal:map_next", &[small(0), m, iterator]));
    let mut keys = Vec::new();
    let mut link = chain;
    // SAFETY: terms of the live process.
    while let Some(&[k, _, rest]) = unsafe { tuple::elements(link) } {
        keys.push(k.small_value().unwrap());
        link = rest;
    }
    assert_eq!(keys.len(), 32);
    assert_eq!(keys.last(), Some(&11));
    assert_eq!(p.fcalls, 4000 - 4 * 32);
    // SAFETY: as above.
    let (path, same) = unsafe { list::head_tail(link) }.unwrap();
    assert_eq!((path, same), (small(11), m));
    // With few reductions left, one pair per call.
    p.fcalls = 3;
    let rest = ok_term(call(&mut vm, &mut p, "erts_internal:map_next", &[path, m, iterator]));
    // SAFETY: as above.
    let (k, tail) = match unsafe { tuple::elements(rest) } {
        Some(&[k, _, tail]) => (k, tail),
        _ => panic!("not a chain link"),
    };
    assert_eq!(k, small(31));
    assert_ne!(tail, none);
    // A path beyond a node's children is badarg.
    let bad = call(&mut vm, &mut p, "erts_internal:map_next", &[small(0xF), m, iterator]);
    assert!(matches!(bad, BifResult::Err(_)));
    // Walking to the end visits every key once, in forward order.
    let mut path = small(0);
    let mut seen = Vec::new();
    loop {
        p.fcalls = 40;
        let out = ok_term(call(&mut vm, &mut p, "erts_internal:map_next", &[path, m, iterator]));
        let mut link = out;
        // SAFETY: as above.
        while let Some(&[k, _, rest]) = unsafe { tuple::elements(link) } {
            seen.push(k);
            link = rest;
        }
        if link == none {
            break;
        }
        // SAFETY: as above.
        path = unsafe { list::head_tail(link) }.unwrap().0;
    }
    // SAFETY: a live map.
    let forward: Vec<Term> = unsafe { map::iter(m) }.map(|(k, _)| k).collect();
    assert_eq!(seen, forward);
}
