//! Map instructions (BeamAsm's `instr_map.cpp`): building maps from a map and key/value pairs
//! (`=>` associates, `:=` updates keys that must exist), and matching keys out of a map.
//! The map algorithms (flatmaps up to 32 keys, HAMTs above, erl's key order) are the
//! runtime's (`rbeam_runtime::map`).

use rbeam_loader::compact::Operand;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::exception::Exception;
use rbeam_runtime::term::tuple;
use rbeam_runtime::{Term, atoms, map};

use crate::exec::{Ctx, Step, Stop};
use crate::instr::*;
use crate::translate::{TranslateError, Translator};

pub(crate) fn translate<'a>(
    t: &mut Translator<'_, '_, 'a>,
    op: Opcode,
    a: &[Operand<'a>],
) -> Result<bool, TranslateError> {
    use Opcode as O;
    let i = match op {
        O::PutMapAssoc | O::PutMapExact => {
            let items = t.items(&a[4]).to_vec();
            let pairs = items
                .chunks(2)
                .map(|p| Ok((t.src(&p[0])?, t.src(&p[1])?)))
                .collect::<Result<Box<[(Src, Src)]>, TranslateError>>()?;
            Instr::PutMap {
                fail: t.fail(&a[0])?,
                src: t.src(&a[1])?,
                dst: t.dst(&a[2])?,
                live: t.unsigned(&a[3])?,
                exact: op == O::PutMapExact,
                pairs,
            }
        }
        O::GetMapElements => {
            let items = t.items(&a[2]).to_vec();
            let pairs = items
                .chunks(2)
                .map(|p| Ok((t.src(&p[0])?, t.dst(&p[1])?)))
                .collect::<Result<Box<[(Src, Dst)]>, TranslateError>>()?;
            Instr::GetMapElements { fail: t.label(&a[0])?, src: t.src(&a[1])?, pairs }
        }
        O::HasMapFields => {
            let keys = t.items(&a[2]).iter().map(|k| t.src(k)).collect::<Result<Box<[Src]>, _>>()?;
            Instr::HasMapFields { fail: t.label(&a[0])?, src: t.src(&a[1])?, keys }
        }
        _ => return Ok(false),
    };
    t.emit(i);
    Ok(true)
}

fn error2(c: &mut Ctx<'_>, tag: Term, v: Term) -> Exception {
    Exception::error(tuple::build(c.proc, &[tag, v]).unwrap_or(tag))
}

pub(crate) fn put_map(
    c: &mut Ctx<'_>,
    fail: Fail,
    src: Src,
    dst: Dst,
    live: u32,
    exact: bool,
    pairs: &[(Src, Src)],
) -> Step {
    let m = c.get(src);
    let kv: Vec<(Term, Term)> = pairs.iter().map(|(k, v)| (c.get(*k), c.get(*v))).collect();
    let fail_with = |c: &mut Ctx<'_>, ex: Exception| match fail {
        Fail::To(label) => {
            c.jump(label);
            Ok(())
        }
        Fail::Raise => Err(Stop::Raise(ex)),
    };
    if !crate::instr_common::is_map(m) {
        let ex = error2(c, atoms::BADMAP, m);
        return fail_with(c, ex);
    }
    // SAFETY: `m` is a map and the pairs are terms of the running process.
    let r = unsafe {
        if exact {
            map::update(c.proc, &c.vm.atoms, m, &kv)
        } else {
            Ok(map::put(c.proc, &c.vm.atoms, m, &kv))
        }
    };
    match r {
        Ok(new) => {
            let slot = live as usize;
            c.x[slot] = new;
            crate::gc_point(c.proc, &mut c.x[..=slot], 0);
            let new = c.x[slot];
            c.set(dst, new);
            Ok(())
        }
        Err(missing) => {
            let ex = error2(c, atoms::BADKEY, missing);
            fail_with(c, ex)
        }
    }
}

pub(crate) fn get_map_elements(c: &mut Ctx<'_>, fail: Code, src: Src, pairs: &[(Src, Dst)]) -> Step {
    let m = c.get(src);
    if !crate::instr_common::is_map(m) {
        c.jump(fail);
        return Ok(());
    }
    // Look every key up before writing any destination: a destination may be a key's
    // register.
    let mut found = Vec::with_capacity(pairs.len());
    for (k, d) in pairs {
        // SAFETY: `m` is a map of the running process.
        match unsafe { map::get(&c.vm.atoms, m, c.get(*k)) } {
            Some(v) => found.push((*d, v)),
            None => {
                c.jump(fail);
                return Ok(());
            }
        }
    }
    for (d, v) in found {
        c.set(d, v);
    }
    Ok(())
}

pub(crate) fn has_map_fields(c: &mut Ctx<'_>, fail: Code, src: Src, keys: &[Src]) -> Step {
    let m = c.get(src);
    // SAFETY: as above.
    let ok = crate::instr_common::is_map(m)
        && keys.iter().all(|k| unsafe { map::get(&c.vm.atoms, m, c.get(*k)) }.is_some());
    if !ok {
        c.jump(fail);
    }
    Ok(())
}
