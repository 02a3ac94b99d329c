//! Term BIFs of `erlang`: tuples, atoms and strings, comparison and boolean operators, type
//! tests, the textual forms of pids, ports, references and funs, `fun_info/2` and
//! `bump_reductions/1`, with erts' results and errors (`bif.c`, `erl_bif_info.c`).

use core::cmp::Ordering;

use super::data_util::{
    badarg, boolean, build_error, char_list, compare, eq, exact_eq, make_list, make_string, make_tuple,
    proper_list, tuple_elements, view,
};
use super::display;
use super::{Bif, BifCtx, BifResult};
use crate::atoms;
use crate::exception::Exception;
use crate::process::CONTEXT_REDUCTIONS;
use crate::term::fun::{FunTarget, FunView};
use crate::term::tags::MAX_TUPLE_ARITY;
use crate::term::{Class, Term, View, bits, reference};

/// The term BIFs.
pub const BIFS: &[Bif] = &[
    Bif { module: "erlang", name: "element", arity: 2, f: element_2 },
    Bif { module: "erlang", name: "setelement", arity: 3, f: setelement_3 },
    Bif { module: "erlang", name: "tuple_size", arity: 1, f: tuple_size_1 },
    Bif { module: "erlang", name: "size", arity: 1, f: size_1 },
    Bif { module: "erlang", name: "make_tuple", arity: 2, f: make_tuple_2 },
    Bif { module: "erlang", name: "make_tuple", arity: 3, f: make_tuple_3 },
    Bif { module: "erlang", name: "append_element", arity: 2, f: append_element_2 },
    Bif { module: "erlang", name: "delete_element", arity: 2, f: delete_element_2 },
    Bif { module: "erlang", name: "insert_element", arity: 3, f: insert_element_3 },
    Bif { module: "erlang", name: "tuple_to_list", arity: 1, f: tuple_to_list_1 },
    Bif { module: "erlang", name: "list_to_tuple", arity: 1, f: list_to_tuple_1 },
    Bif { module: "erlang", name: "atom_to_list", arity: 1, f: atom_to_list_1 },
    Bif { module: "erlang", name: "list_to_atom", arity: 1, f: list_to_atom_1 },
    Bif { module: "erlang", name: "list_to_existing_atom", arity: 1, f: list_to_existing_atom_1 },
    Bif { module: "erlang", name: "==", arity: 2, f: eq_2 },
    Bif { module: "erlang", name: "/=", arity: 2, f: neq_2 },
    Bif { module: "erlang", name: "=:=", arity: 2, f: exact_eq_2 },
    Bif { module: "erlang", name: "=/=", arity: 2, f: exact_neq_2 },
    Bif { module: "erlang", name: "<", arity: 2, f: lt_2 },
    Bif { module: "erlang", name: ">", arity: 2, f: gt_2 },
    Bif { module: "erlang", name: "=<", arity: 2, f: le_2 },
    Bif { module: "erlang", name: ">=", arity: 2, f: ge_2 },
    Bif { module: "erlang", name: "and", arity: 2, f: and_2 },
    Bif { module: "erlang", name: "or", arity: 2, f: or_2 },
    Bif { module: "erlang", name: "xor", arity: 2, f: xor_2 },
    Bif { module: "erlang", name: "not", arity: 1, f: not_1 },
    Bif { module: "erlang", name: "is_atom", arity: 1, f: is_atom_1 },
    Bif { module: "erlang", name: "is_integer", arity: 1, f: is_integer_1 },
    Bif { module: "erlang", name: "is_float", arity: 1, f: is_float_1 },
    Bif { module: "erlang", name: "is_number", arity: 1, f: is_number_1 },
    Bif { module: "erlang", name: "is_list", arity: 1, f: is_list_1 },
    Bif { module: "erlang", name: "is_tuple", arity: 1, f: is_tuple_1 },
    Bif { module: "erlang", name: "is_pid", arity: 1, f: is_pid_1 },
    Bif { module: "erlang", name: "is_reference", arity: 1, f: is_reference_1 },
    Bif { module: "erlang", name: "is_port", arity: 1, f: is_port_1 },
    Bif { module: "erlang", name: "is_function", arity: 1, f: is_function_1 },
    Bif { module: "erlang", name: "is_function", arity: 2, f: is_function_2 },
    Bif { module: "erlang", name: "is_boolean", arity: 1, f: is_boolean_1 },
    Bif { module: "erlang", name: "is_binary", arity: 1, f: is_binary_1 },
    Bif { module: "erlang", name: "is_bitstring", arity: 1, f: is_bitstring_1 },
    Bif { module: "erlang", name: "is_map", arity: 1, f: is_map_1 },
    Bif { module: "erlang", name: "is_record", arity: 2, f: is_record_2 },
    Bif { module: "erlang", name: "is_record", arity: 3, f: is_record_3 },
    Bif { module: "erlang", name: "pid_to_list", arity: 1, f: pid_to_list_1 },
    Bif { module: "erlang", name: "port_to_list", arity: 1, f: port_to_list_1 },
    Bif { module: "erlang", name: "ref_to_list", arity: 1, f: ref_to_list_1 },
    Bif { module: "erlang", name: "fun_to_list", arity: 1, f: fun_to_list_1 },
    Bif { module: "erlang", name: "list_to_pid", arity: 1, f: list_to_pid_1 },
    Bif { module: "erlang", name: "list_to_port", arity: 1, f: list_to_port_1 },
    Bif { module: "erlang", name: "list_to_ref", arity: 1, f: list_to_ref_1 },
    Bif { module: "erlang", name: "fun_info", arity: 2, f: fun_info_2 },
    Bif { module: "erlang", name: "fun_info_mfa", arity: 1, f: fun_info_mfa_1 },
    Bif { module: "erlang", name: "bump_reductions", arity: 1, f: bump_reductions_1 },
];

/// A 1-based index argument within `1..=limit`, as a 0-based index.
fn index(term: Term, limit: usize) -> Option<usize> {
    let n = term.small_value()?;
    (n >= 1 && n as u64 <= limit as u64).then(|| n as usize - 1)
}

fn element_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[1]) else { return badarg() };
    match index(args[0], elements.len()) {
        Some(i) => BifResult::Ok(elements[i]),
        None => badarg(),
    }
}

fn setelement_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[1]) else { return badarg() };
    let Some(i) = index(args[0], elements.len()) else { return badarg() };
    let mut copy = elements.to_vec();
    copy[i] = args[2];
    make_tuple(ctx.proc, &copy).into()
}

fn small_result(n: usize) -> BifResult {
    match Term::small(n as i64) {
        Some(t) => BifResult::Ok(t),
        None => BifResult::Err(Exception::system_limit()),
    }
}

fn tuple_size_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match tuple_elements(args[0]) {
        Some(elements) => small_result(elements.len()),
        None => badarg(),
    }
}

fn size_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match view(args[0]) {
        Some(View::Tuple(elements)) => small_result(elements.len()),
        Some(View::Bits(bits)) => {
            let bytes = bits.byte_size();
            super::data_util::make_integer(ctx.proc, bytes as i128).into()
        }
        _ => badarg(),
    }
}

fn arity_arg(term: Term) -> Option<usize> {
    let n = term.small_value()?;
    (n >= 0 && n as u64 <= MAX_TUPLE_ARITY as u64).then_some(n as usize)
}

fn make_tuple_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(n) = arity_arg(args[0]) else { return badarg() };
    make_tuple(ctx.proc, &vec![args[1]; n]).into()
}

fn make_tuple_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(n) = arity_arg(args[0]) else { return badarg() };
    let Some(init) = proper_list(args[2]) else { return badarg() };
    let mut elements = vec![args[1]; n];
    for pair in init {
        match tuple_elements(pair) {
            Some(&[position, value]) => match index(position, n) {
                Some(i) => elements[i] = value,
                None => return badarg(),
            },
            _ => return badarg(),
        }
    }
    make_tuple(ctx.proc, &elements).into()
}

fn append_element_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[0]) else { return badarg() };
    if elements.len() >= MAX_TUPLE_ARITY {
        return badarg();
    }
    let mut copy = elements.to_vec();
    copy.push(args[1]);
    make_tuple(ctx.proc, &copy).into()
}

fn delete_element_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[1]) else { return badarg() };
    let Some(i) = index(args[0], elements.len()) else { return badarg() };
    let mut copy = elements.to_vec();
    copy.remove(i);
    make_tuple(ctx.proc, &copy).into()
}

fn insert_element_3(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[1]) else { return badarg() };
    if elements.len() >= MAX_TUPLE_ARITY {
        return badarg();
    }
    let Some(i) = index(args[0], elements.len() + 1) else { return badarg() };
    let mut copy = elements.to_vec();
    copy.insert(i, args[2]);
    make_tuple(ctx.proc, &copy).into()
}

fn tuple_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(elements) = tuple_elements(args[0]) else { return badarg() };
    let elements = elements.to_vec();
    make_list(ctx.proc, &elements, Term::NIL).into()
}

fn list_to_tuple_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match proper_list(args[0]) {
        Some(elements) if elements.len() <= MAX_TUPLE_ARITY => make_tuple(ctx.proc, &elements).into(),
        _ => badarg(),
    }
}

fn atom_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = ctx.vm.atoms.text(args[0]) else { return badarg() };
    let text = text.to_owned();
    make_string(ctx.proc, &text).into()
}

fn list_to_atom_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = char_list(args[0]) else { return badarg() };
    match ctx.vm.atoms.intern(&text) {
        Ok(atom) => BifResult::Ok(atom),
        Err(_) => BifResult::Err(Exception::system_limit()),
    }
}

fn list_to_existing_atom_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = char_list(args[0]) else { return badarg() };
    match ctx.vm.atoms.lookup(&text) {
        Some(atom) => BifResult::Ok(atom),
        None => badarg(),
    }
}

fn order(ctx: &BifCtx<'_>, args: &[Term]) -> Ordering {
    if args[0] == args[1] { Ordering::Equal } else { compare(&ctx.vm.atoms, args[0], args[1]) }
}

fn eq_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(eq(&ctx.vm.atoms, args[0], args[1])))
}

fn neq_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(!eq(&ctx.vm.atoms, args[0], args[1])))
}

fn exact_eq_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(exact_eq(&ctx.vm.atoms, args[0], args[1])))
}

fn exact_neq_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(!exact_eq(&ctx.vm.atoms, args[0], args[1])))
}

fn lt_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(order(ctx, args) == Ordering::Less))
}

fn gt_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(order(ctx, args) == Ordering::Greater))
}

fn le_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(order(ctx, args) != Ordering::Greater))
}

fn ge_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    BifResult::Ok(boolean(order(ctx, args) != Ordering::Less))
}

fn as_bool(term: Term) -> Option<bool> {
    match term {
        atoms::TRUE => Some(true),
        atoms::FALSE => Some(false),
        _ => None,
    }
}

fn bool_op(args: &[Term], op: fn(bool, bool) -> bool) -> BifResult {
    match (as_bool(args[0]), as_bool(args[1])) {
        (Some(a), Some(b)) => BifResult::Ok(boolean(op(a, b))),
        _ => badarg(),
    }
}

fn and_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    bool_op(args, |a, b| a && b)
}

fn or_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    bool_op(args, |a, b| a || b)
}

fn xor_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    bool_op(args, |a, b| a ^ b)
}

fn not_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match as_bool(args[0]) {
        Some(a) => BifResult::Ok(boolean(!a)),
        None => badarg(),
    }
}

/// The term-order class of an argument (`None` for a word that is no term).
fn class(term: Term) -> Option<Class> {
    view(term).map(|v| v.class())
}

fn test(args: &[Term], predicate: impl FnOnce(Term) -> bool) -> BifResult {
    BifResult::Ok(boolean(predicate(args[0])))
}

fn is_atom_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| t.is_atom())
}

fn is_integer_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| t.is_small() || matches!(view(t), Some(View::Bignum(_))))
}

fn is_float_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| matches!(view(t), Some(View::Float(_))))
}

fn is_number_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Number))
}

fn is_list_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| t.is_nil() || t.is_list())
}

fn is_tuple_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Tuple))
}

fn is_pid_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Pid))
}

fn is_reference_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Reference))
}

fn is_port_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Port))
}

fn is_function_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Fun))
}

fn is_function_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let arity = match view(args[1]) {
        Some(View::Small(n)) if n >= 0 => Some(n as u64),
        Some(View::Bignum(big)) if !big.negative => None,
        _ => return badarg(),
    };
    match (view(args[0]), arity) {
        (Some(View::Fun(fun)), Some(arity)) => BifResult::Ok(boolean(u64::from(fun.arity) == arity)),
        _ => BifResult::Ok(atoms::FALSE),
    }
}

fn is_boolean_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| as_bool(t).is_some())
}

fn is_binary_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| matches!(view(t), Some(View::Bits(b)) if b.is_binary()))
}

fn is_bitstring_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Bitstring))
}

fn is_map_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    test(args, |t| class(t) == Some(Class::Map))
}

fn is_record_2(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if !args[1].is_atom() {
        return badarg();
    }
    let tagged = tuple_elements(args[0]).is_some_and(|e| e.first() == Some(&args[1]));
    BifResult::Ok(boolean(tagged))
}

fn is_record_3(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    if !args[1].is_atom() {
        return badarg();
    }
    let size = match view(args[2]) {
        Some(View::Small(n)) => Some(n),
        Some(View::Bignum(_)) => None,
        _ => return badarg(),
    };
    let matches = match (tuple_elements(args[0]), size) {
        (Some(elements), Some(size)) => elements.len() as i64 == size && elements.first() == Some(&args[1]),
        _ => false,
    };
    BifResult::Ok(boolean(matches))
}

/// `X_to_list/1` of a term of class `class`: its erts text as a string.
fn text_of(ctx: &mut BifCtx<'_>, term: Term, class: Class) -> BifResult {
    if self::class(term) != Some(class) {
        return badarg();
    }
    let Some(text) = display::to_string_lossy(&ctx.vm.atoms, term) else { return badarg() };
    make_string(ctx.proc, &text).into()
}

fn pid_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    text_of(ctx, args[0], Class::Pid)
}

fn port_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    text_of(ctx, args[0], Class::Port)
}

fn ref_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    text_of(ctx, args[0], Class::Reference)
}

fn fun_to_list_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    text_of(ctx, args[0], Class::Fun)
}

/// The decimal numbers of `prefix N1.N2...Nk>`, with `count` numbers.
fn parse_dotted(text: &str, prefix: &str, count: usize) -> Option<Vec<u64>> {
    let body = text.strip_prefix(prefix)?.strip_suffix('>')?;
    let numbers: Vec<u64> = body
        .split('.')
        .map(|part| {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                part.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    (numbers.len() == count).then_some(numbers)
}

fn list_to_pid_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = char_list(args[0]) else { return badarg() };
    let Some(numbers) = parse_dotted(&text, "<", 3) else { return badarg() };
    if numbers[0] != 0 {
        return badarg();
    }
    let (Ok(number), Ok(serial)) = (u32::try_from(numbers[1]), u32::try_from(numbers[2])) else {
        return badarg();
    };
    match Term::local_pid(number, serial) {
        Some(pid) => BifResult::Ok(pid),
        None => badarg(),
    }
}

fn list_to_port_1(_ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = char_list(args[0]) else { return badarg() };
    let Some(numbers) = parse_dotted(&text, "#Port<", 2) else { return badarg() };
    if numbers[0] != 0 {
        return badarg();
    }
    match Term::local_port(numbers[1]) {
        Some(port) => BifResult::Ok(port),
        None => badarg(),
    }
}

fn list_to_ref_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(text) = char_list(args[0]) else { return badarg() };
    let Some(numbers) = parse_dotted(&text, "#Ref<", 4) else { return badarg() };
    if numbers[0] != 0 {
        return badarg();
    }
    // erts keeps 18 bits of the least significant number.
    if numbers[3] >= 1 << 18 {
        return badarg();
    }
    let mut ids = [0u32; reference::REF_NUMBERS];
    for (slot, &n) in ids.iter_mut().zip(numbers[1..].iter().rev()) {
        let Ok(n) = u32::try_from(n) else { return badarg() };
        *slot = n;
    }
    reference::build(ctx.proc, ids).map_err(build_error).into()
}

/// The name of the function implementing a local fun, from the loaded module's code.
fn local_fun_name(ctx: &BifCtx<'_>, module: Term, index: u32) -> Option<Term> {
    let loaded = ctx.vm.modules.get(module)?;
    let entry = loaded.funs.get(index as usize)?;
    let address = entry.dispatch.addresses[0].load(core::sync::atomic::Ordering::Acquire);
    Some(loaded.function_at(address)?.name)
}

fn fun_item(ctx: &mut BifCtx<'_>, fun: &FunView<'_>, item: &str) -> Result<Term, Exception> {
    let undefined = atoms::UNDEFINED;
    Ok(match (fun.target, item) {
        (_, "arity") => Term::small(i64::from(fun.arity)).unwrap_or(undefined),
        (FunTarget::Local(entry), "module") => entry.module,
        (FunTarget::External(export), "module") => export.mfa.module,
        (FunTarget::Local(entry), "name") => {
            local_fun_name(ctx, entry.module, entry.index).unwrap_or(undefined)
        }
        (FunTarget::External(export), "name") => export.mfa.function,
        (_, "env") => {
            let env = fun.env.to_vec();
            make_list(ctx.proc, &env, Term::NIL)?
        }
        (FunTarget::Local(_), "type") => ctx.vm.atoms.intern("local").map_err(|_| Exception::badarg())?,
        (FunTarget::External(_), "type") => atoms::EXTERNAL,
        (FunTarget::Local(_), "pid") => ctx.proc.id,
        (FunTarget::Local(entry), "index") => {
            super::data_util::make_integer(ctx.proc, i128::from(entry.old_index))?
        }
        (FunTarget::Local(entry), "new_index") => {
            super::data_util::make_integer(ctx.proc, i128::from(entry.index))?
        }
        (FunTarget::Local(entry), "uniq") => {
            super::data_util::make_integer(ctx.proc, i128::from(entry.old_uniq))?
        }
        (FunTarget::Local(entry), "new_uniq") => {
            bits::build_binary(ctx.proc, &entry.uniq).map_err(build_error)?
        }
        (FunTarget::Local(_), "refc") => Term::small(1).unwrap_or(undefined),
        (FunTarget::External(_), "pid" | "index" | "new_index" | "uniq" | "new_uniq" | "refc") => undefined,
        _ => return Err(Exception::badarg()),
    })
}

fn fun_info_2(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(View::Fun(fun)) = view(args[0]) else { return badarg() };
    let Some(item) = ctx.vm.atoms.text(args[1]).map(str::to_owned) else { return badarg() };
    match fun_item(ctx, &fun, &item) {
        Ok(value) => make_tuple(ctx.proc, &[args[1], value]).into(),
        Err(e) => BifResult::Err(e),
    }
}

fn fun_info_mfa_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    let Some(View::Fun(fun)) = view(args[0]) else { return badarg() };
    let (module, function, arity) = match fun.target {
        FunTarget::Local(entry) => (
            entry.module,
            local_fun_name(ctx, entry.module, entry.index).unwrap_or(atoms::UNDEFINED),
            entry.arity as i64,
        ),
        FunTarget::External(export) => (export.mfa.module, export.mfa.function, export.mfa.arity as i64),
    };
    let arity = Term::small(arity).unwrap_or(atoms::UNDEFINED);
    make_tuple(ctx.proc, &[module, function, arity]).into()
}

fn bump_reductions_1(ctx: &mut BifCtx<'_>, args: &[Term]) -> BifResult {
    match args[0].small_value() {
        Some(n) if n >= 0 => {
            let reductions = (n as isize).min(CONTEXT_REDUCTIONS);
            ctx.proc.fcalls -= reductions;
            BifResult::Ok(atoms::TRUE)
        }
        _ => badarg(),
    }
}
