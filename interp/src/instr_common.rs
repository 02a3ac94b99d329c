//! Moves, type tests, comparisons, lists, tuples, jump tables, stack frames and heap checks
//! (BeamAsm's `instr_common.cpp`, `instr_select.cpp`, `instr_guard_bifs.cpp` subset).

use core::cmp::Ordering;

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::tags::{self, header_subtag};
use rbeam_runtime::term::{fun, list, map, tuple};
use rbeam_runtime::{Term, atoms, order};

use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::translate::{TranslateError, Translator};

/// Translates the family's generic instructions; `false` if `op` is not one of them.
pub(crate) fn translate<'a>(
    t: &mut Translator<'_, '_, 'a>,
    op: Opcode,
    a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    let i = match op {
        O::FuncInfo => {
            let (Operand::Atom(m), Operand::Atom(f)) = (a[0], a[1]) else {
                return Err(t.error("func_info operands"));
            };
            Instr::FuncInfo { module: t.atom(m), function: t.atom(f), arity: t.unsigned(&a[2])? }
        }
        O::Move => Instr::Move { src: t.src(&a[0])?, dst: t.dst(&a[1])? },
        O::Swap => Instr::Swap { a: t.dst(&a[0])?, b: t.dst(&a[1])? },
        O::GetList => Instr::GetList { src: t.src(&a[0])?, hd: t.dst(&a[1])?, tl: t.dst(&a[2])? },
        O::GetHd => Instr::GetHd { src: t.src(&a[0])?, dst: t.dst(&a[1])? },
        O::GetTl => Instr::GetTl { src: t.src(&a[0])?, dst: t.dst(&a[1])? },
        O::PutList => Instr::PutList { hd: t.src(&a[0])?, tl: t.src(&a[1])?, dst: t.dst(&a[2])? },
        O::GetTupleElement => {
            Instr::GetTupleElement { src: t.src(&a[0])?, index: t.unsigned(&a[1])?, dst: t.dst(&a[2])? }
        }
        O::SetTupleElement => {
            Instr::SetTupleElement { value: t.src(&a[0])?, tuple: t.src(&a[1])?, index: t.unsigned(&a[2])? }
        }
        O::PutTuple2 => {
            let elements = t.items(&a[1]).iter().map(|e| t.src(e)).collect::<Result<Box<[Src]>, _>>()?;
            Instr::PutTuple { elements, dst: t.dst(&a[0])? }
        }
        O::UpdateRecord => {
            let items = t.items(&a[4]).to_vec();
            let mut updates = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let index = match pair[0] {
                    Operand::Unsigned(n) => n as u32,
                    Operand::Integer(n) => n as u32,
                    _ => return Err(t.error("update_record index")),
                };
                updates.push((index, t.src(&pair[1])?));
            }
            Instr::UpdateRecord {
                src: t.src(&a[2])?,
                dst: t.dst(&a[3])?,
                updates: updates.into_boxed_slice(),
            }
        }
        O::Jump => Instr::Jump { to: t.label(&a[0])? },
        O::IsNil => Instr::IsNil { fail: t.label(&a[0])?, src: t.src(&a[1])? },
        O::IsNonemptyList => Instr::IsNonemptyList { fail: t.label(&a[0])?, src: t.src(&a[1])? },
        O::IsInteger
        | O::IsFloat
        | O::IsNumber
        | O::IsAtom
        | O::IsPid
        | O::IsReference
        | O::IsPort
        | O::IsBinary
        | O::IsBitstr
        | O::IsBoolean
        | O::IsFunction
        | O::IsMap
        | O::IsTuple
        | O::IsList => {
            let test = match op {
                O::IsInteger => TypeTest::Integer,
                O::IsFloat => TypeTest::Float,
                O::IsNumber => TypeTest::Number,
                O::IsAtom => TypeTest::Atom,
                O::IsPid => TypeTest::Pid,
                O::IsReference => TypeTest::Reference,
                O::IsPort => TypeTest::Port,
                O::IsBinary => TypeTest::Binary,
                O::IsBitstr => TypeTest::Bitstring,
                O::IsBoolean => TypeTest::Boolean,
                O::IsFunction => TypeTest::Function,
                O::IsMap => TypeTest::Map,
                O::IsTuple => TypeTest::Tuple,
                _ => TypeTest::List,
            };
            Instr::IsType { fail: t.label(&a[0])?, src: t.src(&a[1])?, test }
        }
        O::IsFunction2 => {
            Instr::IsFunction2 { fail: t.label(&a[0])?, src: t.src(&a[1])?, arity: t.src(&a[2])? }
        }
        O::TestArity => {
            Instr::TestArity { fail: t.label(&a[0])?, src: t.src(&a[1])?, arity: t.unsigned(&a[2])? }
        }
        O::IsTaggedTuple => {
            let Operand::Atom(tag) = a[3] else { return Err(t.error("is_tagged_tuple tag")) };
            Instr::IsTaggedTuple {
                fail: t.label(&a[0])?,
                src: t.src(&a[1])?,
                arity: t.unsigned(&a[2])?,
                tag: t.atom(tag),
            }
        }
        O::IsLt | O::IsGe | O::IsEq | O::IsNe | O::IsEqExact | O::IsNeExact => {
            let cmp = match op {
                O::IsLt => Cmp::Lt,
                O::IsGe => Cmp::Ge,
                O::IsEq => Cmp::Eq,
                O::IsNe => Cmp::Ne,
                O::IsEqExact => Cmp::EqExact,
                _ => Cmp::NeExact,
            };
            Instr::Compare { fail: t.label(&a[0])?, a: t.src(&a[1])?, b: t.src(&a[2])?, op: cmp }
        }
        O::SelectVal | O::SelectTupleArity => {
            let items = t.items(&a[2]).to_vec();
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                let value = if op == O::SelectTupleArity {
                    Term::small(i64::from(t.unsigned(&pair[0])?)).unwrap_or(Term::NIL)
                } else {
                    t.constant(&pair[0])?
                };
                pairs.push((value, t.label(&pair[1])?));
            }
            pairs.sort_by_key(|(v, _)| v.raw());
            let table = Box::new(SelectTable {
                values: pairs.iter().map(|p| p.0).collect(),
                targets: pairs.iter().map(|p| p.1).collect(),
            });
            let (src, fail) = (t.src(&a[0])?, t.label(&a[1])?);
            if op == O::SelectVal {
                Instr::SelectVal { src, fail, table }
            } else {
                Instr::SelectTupleArity { src, fail, table }
            }
        }
        O::Allocate => Instr::Allocate { stack: t.unsigned(&a[0])?, heap: 0, live: t.unsigned(&a[1])? },
        O::AllocateHeap => Instr::Allocate {
            stack: t.unsigned(&a[0])?,
            heap: t.heap_words(&a[1])?,
            live: t.unsigned(&a[2])?,
        },
        O::TestHeap => Instr::TestHeap { heap: t.heap_words(&a[0])?, live: t.unsigned(&a[1])? },
        O::Deallocate => Instr::Deallocate { n: t.unsigned(&a[0])? },
        O::Trim => Instr::Trim { n: t.unsigned(&a[0])? },
        O::InitYregs => {
            let regs = t.items(&a[0]).iter().map(|r| t.y(r)).collect::<Result<Box<[u32]>, _>>()?;
            Instr::InitYregs { regs }
        }
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

/// The header word of a boxed term, if it is one.
#[inline(always)]
pub(crate) fn header(t: Term) -> Option<usize> {
    // SAFETY: terms reached from registers, the stack or the heap are valid (the term
    // contract); a boxed term points at its header word.
    unsafe { t.boxed_header() }
}

#[inline(always)]
fn subtag(t: Term) -> Option<usize> {
    header(t).map(header_subtag)
}

/// Whether `t` is an integer (small or big).
pub(crate) fn is_integer(t: Term) -> bool {
    t.is_small() || subtag(t).is_some_and(|s| s == tags::POS_BIG_SUBTAG || s == tags::NEG_BIG_SUBTAG)
}

pub(crate) fn is_float(t: Term) -> bool {
    subtag(t) == Some(tags::FLOAT_SUBTAG)
}

pub(crate) fn is_tuple(t: Term) -> bool {
    header(t).is_some_and(tuple::is_header)
}

pub(crate) fn is_fun(t: Term) -> bool {
    header(t).is_some_and(fun::is_header)
}

pub(crate) fn is_map(t: Term) -> bool {
    header(t).is_some_and(map::is_header)
}

/// The elements of a tuple.
pub(crate) fn tuple_elements<'t>(t: Term) -> Option<&'t [Term]> {
    // SAFETY: as in `header`.
    unsafe { tuple::elements(t) }
}

/// Head and tail of a cons.
#[inline(always)]
pub(crate) fn cons(t: Term) -> Option<(Term, Term)> {
    // SAFETY: as in `header`.
    unsafe { list::head_tail(t) }
}

fn bits_view(t: Term) -> Option<rbeam_runtime::term::bits::BitsView<'static>> {
    // SAFETY: as in `header`.
    unsafe { rbeam_runtime::term::bits::view(t) }
}

pub(crate) fn type_test(c: &mut Ctx<'_>, fail: Code, src: Src, test: TypeTest) -> Step {
    let t = c.get(src);
    let ok = match test {
        TypeTest::Integer => is_integer(t),
        TypeTest::Float => is_float(t),
        TypeTest::Number => is_integer(t) || is_float(t),
        TypeTest::Atom => t.is_atom(),
        TypeTest::Pid => t.is_local_pid() || subtag(t) == Some(tags::EXTERNAL_PID_SUBTAG),
        TypeTest::Port => t.is_local_port() || subtag(t) == Some(tags::EXTERNAL_PORT_SUBTAG),
        TypeTest::Reference => {
            subtag(t).is_some_and(|s| s == tags::REF_SUBTAG || s == tags::EXTERNAL_REF_SUBTAG)
        }
        TypeTest::Binary => bits_view(t).is_some_and(|b| b.is_binary()),
        TypeTest::Bitstring => bits_view(t).is_some(),
        TypeTest::Boolean => t == atoms::TRUE || t == atoms::FALSE,
        TypeTest::Function => is_fun(t),
        TypeTest::Map => is_map(t),
        TypeTest::Tuple => is_tuple(t),
        TypeTest::List => t.is_list() || t.is_nil(),
    };
    if !ok {
        c.jump(fail);
    }
    Ok(())
}

pub(crate) fn compare(c: &mut Ctx<'_>, fail: Code, a: Src, b: Src, op: Cmp) -> Step {
    let (x, y) = (c.get(a), c.get(b));
    let ok = match op {
        Cmp::EqExact => exact_eq(c, x, y),
        Cmp::NeExact => !exact_eq(c, x, y),
        Cmp::Eq => x == y || eq(c, x, y),
        Cmp::Ne => x != y && !eq(c, x, y),
        Cmp::Lt => cmp(c, x, y) == Ordering::Less,
        Cmp::Ge => cmp(c, x, y) != Ordering::Less,
    };
    if !ok {
        c.jump(fail);
    }
    Ok(())
}

/// `=:=`, with the fast paths of identical words and differing immediates.
#[inline(always)]
pub(crate) fn exact_eq(c: &Ctx<'_>, x: Term, y: Term) -> bool {
    if x == y {
        return true;
    }
    if x.is_immediate() || y.is_immediate() {
        return false;
    }
    // SAFETY: both are valid terms (operands of the running process).
    unsafe { order::exact_eq(&c.vm.atoms, x, y) }
}

pub(crate) fn eq(c: &Ctx<'_>, x: Term, y: Term) -> bool {
    if x.is_small() && y.is_small() || x.is_atom() && y.is_atom() {
        return x == y;
    }
    // SAFETY: as above.
    unsafe { order::eq(&c.vm.atoms, x, y) }
}

pub(crate) fn cmp(c: &Ctx<'_>, x: Term, y: Term) -> Ordering {
    if let (Some(a), Some(b)) = (x.small_value(), y.small_value()) {
        return a.cmp(&b);
    }
    // SAFETY: as above.
    unsafe { order::compare(&c.vm.atoms, x, y) }
}

pub(crate) fn get_list(c: &mut Ctx<'_>, src: Src, hd: Option<Dst>, tl: Option<Dst>) -> Step {
    let Some((h, t)) = cons(c.get(src)) else { return Err(Stop::Raise(Exception::badarg())) };
    if let Some(d) = hd {
        c.set(d, h);
    }
    if let Some(d) = tl {
        c.set(d, t);
    }
    Ok(())
}

pub(crate) fn put_list(c: &mut Ctx<'_>, hd: Src, tl: Src, dst: Dst) -> Step {
    let (h, t) = (c.get(hd), c.get(tl));
    let cell = c.proc.alloc(2);
    // SAFETY: `alloc` returned two fresh words of the process's memory.
    unsafe {
        cell.write(h.raw());
        cell.add(1).write(t.raw());
    }
    c.set(dst, Term::from_cons_ptr(cell));
    Ok(())
}

pub(crate) fn put_tuple(c: &mut Ctx<'_>, elements: &[Src], dst: Dst) -> Step {
    let words = elements.len() + 1;
    let p = c.proc.alloc(words);
    // SAFETY: `alloc` returned `words` fresh words.
    unsafe {
        p.write(tuple::header(elements.len()));
        for (i, e) in elements.iter().enumerate() {
            p.add(1 + i).write(c.get(*e).raw());
        }
    }
    c.set(dst, Term::from_boxed_ptr(p));
    Ok(())
}

pub(crate) fn get_tuple_element(c: &mut Ctx<'_>, src: Src, index: u32, dst: Dst) -> Step {
    let t = c.get(src);
    let v = tuple_elements(t).and_then(|e| e.get(index as usize).copied());
    match v {
        Some(v) => {
            c.set(dst, v);
            Ok(())
        }
        None => Err(Stop::Raise(Exception::badarg())),
    }
}

/// `set_tuple_element`: destructive update of a tuple the compiler just built.
pub(crate) fn set_tuple_element(c: &mut Ctx<'_>, value: Src, tuple_src: Src, index: u32) -> Step {
    let t = c.get(tuple_src);
    let v = c.get(value);
    let Some(elements) = tuple_elements(t) else { return Err(Stop::Raise(Exception::badarg())) };
    if index as usize >= elements.len() {
        return Err(Stop::Raise(Exception::badarg()));
    }
    let Some(p) = t.boxed_ptr() else { return Err(Stop::Raise(Exception::badarg())) };
    // SAFETY: the compiler only emits this on a tuple freshly built on this process's heap,
    // which nothing else references yet; the index is in range.
    unsafe { (p as *mut usize).add(1 + index as usize).write(v.raw()) };
    Ok(())
}

/// `update_record`: a copy of a tuple with some elements replaced (indices are 1-based).
pub(crate) fn update_record(c: &mut Ctx<'_>, src: Src, dst: Dst, updates: &[(u32, Src)]) -> Step {
    let t = c.get(src);
    let Some(elements) = tuple_elements(t) else { return Err(Stop::Raise(Exception::badarg())) };
    let n = elements.len();
    let p = c.proc.alloc(n + 1);
    // SAFETY: `alloc` returned `n + 1` fresh words; the source tuple has `n` elements.
    unsafe {
        p.write(tuple::header(n));
        for (i, e) in elements.iter().enumerate() {
            p.add(1 + i).write(e.raw());
        }
        for &(index, value) in updates {
            let i = index as usize;
            if i >= 1 && i <= n {
                p.add(i).write(c.get(value).raw());
            }
        }
    }
    c.set(dst, Term::from_boxed_ptr(p));
    Ok(())
}

pub(crate) fn test_arity(c: &mut Ctx<'_>, fail: Code, src: Src, arity: u32) -> Step {
    if tuple_elements(c.get(src)).is_none_or(|e| e.len() != arity as usize) {
        c.jump(fail);
    }
    Ok(())
}

pub(crate) fn is_tagged_tuple(c: &mut Ctx<'_>, fail: Code, src: Src, arity: u32, tag: Term) -> Step {
    let ok = tuple_elements(c.get(src)).is_some_and(|e| e.len() == arity as usize && e.first() == Some(&tag));
    if !ok {
        c.jump(fail);
    }
    Ok(())
}

pub(crate) fn is_function2(c: &mut Ctx<'_>, fail: Code, src: Src, arity: Src) -> Step {
    let (f, a) = (c.get(src), c.get(arity));
    let Some(n) = a.small_value().filter(|n| *n >= 0) else { return Err(Stop::Raise(Exception::badarg())) };
    // SAFETY: as in `header`.
    let ok = unsafe { fun::view(f) }.is_some_and(|v| i64::from(v.arity) == n);
    if !ok {
        c.jump(fail);
    }
    Ok(())
}

/// `select_val` / `select_tuple_arity`: binary search of the sorted table.
pub(crate) fn select(c: &mut Ctx<'_>, src: Src, fail: Code, table: &SelectTable, arity: bool) -> Step {
    let mut key = c.get(src);
    if arity {
        match tuple_elements(key) {
            Some(e) => key = Term::small(e.len() as i64).unwrap_or(Term::NIL),
            None => {
                c.jump(fail);
                return Ok(());
            }
        }
    }
    let target = match table.values.binary_search_by_key(&key.raw(), |v| v.raw()) {
        Ok(i) => table.targets[i],
        // Only immediates are ever compared by word; a boxed key (a bignum, a float) is
        // looked up by value.
        Err(_) if !key.is_immediate() => {
            match table.values.iter().position(|v| !v.is_immediate() && exact_eq(c, *v, key)) {
                Some(i) => table.targets[i],
                None => fail,
            }
        }
        Err(_) => fail,
    };
    c.jump(target);
    Ok(())
}

/// `allocate` / `allocate_heap`: a stack frame of `stack` Y slots (cleared, so the garbage
/// collector never sees stale words) and `heap` free heap words.
pub(crate) fn allocate(c: &mut Ctx<'_>, stack: u32, heap: u32, live: u32) -> Step {
    c.ensure_heap(stack as usize + heap as usize + 1, live);
    c.proc.stop = c.proc.stop.wrapping_sub(stack as usize);
    for i in 0..stack as usize {
        // SAFETY: the heap check above left room for the frame below the old stack top.
        unsafe { c.proc.stop.add(i).write(Term::NIL.raw()) };
    }
    Ok(())
}

/// `trim N Remaining`: drops the N lowest Y slots of the frame (the CP stays on top).
pub(crate) fn trim(c: &mut Ctx<'_>, n: u32) -> Step {
    c.proc.stop = c.proc.stop.wrapping_add(n as usize);
    Ok(())
}
