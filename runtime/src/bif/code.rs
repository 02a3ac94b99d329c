//! Code and system introspection: `code:*` (loading, `which`), `erlang:get_module_info/1,2`
//! (what every module's `module_info/0,1` calls), `function_exported/3`, `module_loaded/1`,
//! `system_info/1`.
//!
//! rbeam runs no code server: the `code` functions ordinary programs use are BIFs over the
//! VM's module table and the tier's [`CodeLoader`].

use super::{Bif, BifCtx, BifResult};
use crate::code_loader::Origin;
use crate::exception::Exception;
use crate::term::{Term, TermBuilder, tuple};
use crate::{atoms, copy};

use BifResult::{Err as Fail, Ok as Done};

fn badarg() -> BifResult {
    Fail(Exception::badarg())
}

fn atom(ctx: &mut BifCtx<'_>, text: &str) -> Term {
    ctx.vm.atoms.intern(text).unwrap_or(atoms::UNDEFINED)
}

fn string(ctx: &mut BifCtx<'_>, text: &str) -> Term {
    TermBuilder::new(ctx.proc, &mut ctx.vm.atoms).string(text).unwrap_or(Term::NIL)
}

fn pair(ctx: &mut BifCtx<'_>, a: Term, b: Term) -> Term {
    tuple::build(ctx.proc, &[a, b]).unwrap_or(Term::NIL)
}

fn list(ctx: &mut BifCtx<'_>, items: &[Term]) -> Term {
    crate::term::list::build(ctx.proc, items, Term::NIL).unwrap_or(Term::NIL)
}

/// `{error, Reason}`.
fn error(ctx: &mut BifCtx<'_>, reason: &str) -> Term {
    let r = atom(ctx, reason);
    pair(ctx, atoms::ERROR, r)
}

/// `{module, M}` or `{error, Reason}` from a loader result.
fn load_result(ctx: &mut BifCtx<'_>, module: Term, r: Result<(), &'static str>) -> BifResult {
    let module_atom = atom(ctx, "module");
    Done(match r {
        Ok(()) => pair(ctx, module_atom, module),
        Err(reason) => error(ctx, reason),
    })
}

fn ensure_loaded(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let r = loader.ensure_loaded(ctx.vm, a[0]);
    load_result(ctx, a[0], r)
}

/// `code:ensure_modules_loaded(Modules)`: `ok`, or `{error, [{Module, Reason}]}`.
fn ensure_modules_loaded(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(modules) = super::process::list_elements(a[0]) else { return badarg() };
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let mut failed = Vec::new();
    for m in modules {
        if !m.is_atom() {
            return badarg();
        }
        if let Err(reason) = loader.ensure_loaded(ctx.vm, m) {
            let r = atom(ctx, reason);
            failed.push(pair(ctx, m, r));
        }
    }
    if failed.is_empty() {
        return Done(atoms::OK);
    }
    let l = list(ctx, &failed);
    Done(pair(ctx, atoms::ERROR, l))
}

fn objfile_extension(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(string(ctx, ".beam"))
}

fn load_file(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let r = loader.load_file(ctx.vm, a[0]);
    load_result(ctx, a[0], r)
}

/// `code:load_binary(Module, Filename, Binary)`.
fn load_binary(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    // SAFETY: BIF arguments are valid terms of the caller.
    let Some(bytes) =
        (unsafe { crate::term::bits::view(a[2]) }).filter(|b| b.is_binary()).map(|b| b.to_bytes())
    else {
        return badarg();
    };
    let path = chars_to_string(a[1]).unwrap_or_default();
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let r = loader.load_binary(ctx.vm, a[0], &path, &bytes);
    load_result(ctx, a[0], r)
}

/// `erlang:load_module(Module, Binary)`.
fn load_module(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let name = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    let path = string(ctx, &format!("{name}.beam"));
    load_binary(ctx, &[a[0], path, a[1]])
}

/// A string (list of character codes) as Rust text.
fn chars_to_string(t: Term) -> Option<String> {
    super::process::list_elements(t)?
        .iter()
        .map(|c| c.small_value().and_then(|v| char::from_u32(v as u32)))
        .collect()
}

/// `code:which/1`: the file a module was (or would be) loaded from, `non_existing`, or, for
/// the embedded boot set, rbeam's name for it.
fn which(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    let name = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    if let Some(m) = ctx.vm.modules.get(a[0]) {
        let path = m.path.as_ref().map(|p| p.display().to_string());
        return Done(match path {
            Some(p) => string(ctx, &p),
            None => string(ctx, &embedded_name(&name)),
        });
    }
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    Done(match loader.locate(&name) {
        Some(Origin::File(p)) => string(ctx, &p),
        Some(Origin::Embedded) => string(ctx, &embedded_name(&name)),
        None => atom(ctx, "non_existing"),
    })
}

/// How `code:which/1` names a module of the embedded boot set.
fn embedded_name(module: &str) -> String {
    format!("rbeam:embedded/{module}.beam")
}

/// `code:get_object_code(Module)`: `{Module, Binary, Filename}` or `error`.
fn get_object_code(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    let name = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let Some((bytes, origin)) = loader.object_code(&name) else { return Done(atoms::ERROR) };
    let file = match origin {
        Origin::File(p) => p,
        Origin::Embedded => embedded_name(&name),
    };
    let bin = crate::term::bits::build_binary(ctx.proc, &bytes).unwrap_or(Term::NIL);
    let file = string(ctx, &file);
    Done(tuple::build(ctx.proc, &[a[0], bin, file]).unwrap_or(Term::NIL))
}

/// `erlang:is_builtin(M, F, A)`.
fn is_builtin(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(arity) = a[2].small_value().and_then(|n| u32::try_from(n).ok()) else { return badarg() };
    if !a[0].is_atom() || !a[1].is_atom() {
        return badarg();
    }
    Done(if ctx.vm.bifs.get(a[0], a[1], arity).is_some() { atoms::TRUE } else { atoms::FALSE })
}

fn is_loaded(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(m) = ctx.vm.modules.get(a[0]) else { return Done(atoms::FALSE) };
    let path = m.path.as_ref().map(|p| p.display().to_string());
    let name = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    let file = atom(ctx, "file");
    let where_ = string(ctx, &path.unwrap_or_else(|| embedded_name(&name)));
    Done(pair(ctx, file, where_))
}

fn module_loaded(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return badarg();
    }
    Done(if ctx.vm.modules.is_loaded(a[0]) { atoms::TRUE } else { atoms::FALSE })
}

fn all_loaded(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let names: Vec<Term> = ctx.vm.modules.names().collect();
    let mut items = Vec::new();
    for n in names {
        let path = ctx.vm.modules.get(n).and_then(|m| m.path.as_ref().map(|p| p.display().to_string()));
        let text = ctx.vm.atoms.text(n).unwrap_or("").to_string();
        let p = string(ctx, &path.unwrap_or_else(|| embedded_name(&text)));
        items.push(pair(ctx, n, p));
    }
    Done(list(ctx, &items))
}

fn get_path(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let Some(loader) = ctx.vm.code_loader.clone() else { return badarg() };
    let dirs: Vec<Term> = loader.code_path().iter().map(|d| string(ctx, d)).collect();
    Done(list(ctx, &dirs))
}

fn root_dir(ctx: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    let root = std::env::var("RBEAM_OTP_ROOT").unwrap_or_else(|_| "/usr/lib/erlang".to_string());
    Done(string(ctx, &root))
}

/// `code:purge/1`, `code:soft_purge/1`: old code is kept while processes may run in it and
/// never in the way of a new load, so purging has nothing to do.
fn purge(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::FALSE)
}

fn soft_purge(_: &mut BifCtx<'_>, _: &[Term]) -> BifResult {
    Done(atoms::TRUE)
}

/// `erlang:function_exported(M, F, A)`: loaded and exported (BIFs count).
fn function_exported(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let Some(arity) = a[2].small_value().filter(|n| *n >= 0) else { return badarg() };
    if !a[0].is_atom() || !a[1].is_atom() {
        return badarg();
    }
    let exported = ctx.vm.bifs.get(a[0], a[1], arity as u32).is_some()
        || ctx
            .vm
            .modules
            .get(a[0])
            .is_some_and(|m| m.exports.iter().any(|(f, ar, _)| *f == a[1] && *ar as i64 == arity));
    Done(if exported { atoms::TRUE } else { atoms::FALSE })
}

/// The value of one `module_info/1` key.
fn module_info_item(ctx: &mut BifCtx<'_>, module: Term, key: &str) -> Option<Term> {
    let m = ctx.vm.modules.get(module)?;
    Some(match key {
        "module" => module,
        "exports" | "functions" => {
            let all = key == "functions";
            let mut fa: Vec<(Term, u32)> = m
                .functions
                .iter()
                .filter(|f| all || m.exports.iter().any(|(n, a, _)| *n == f.name && *a == f.arity))
                .map(|f| (f.name, f.arity))
                .collect();
            fa.dedup();
            let items: Vec<Term> = fa
                .iter()
                .map(|&(f, a)| pair(ctx, f, Term::small(i64::from(a)).unwrap_or(Term::NIL)))
                .collect();
            list(ctx, &items)
        }
        "attributes" | "compile" => {
            let t = if key == "attributes" { m.attributes } else { m.compile_info };
            // SAFETY: the term lives in the module's literal area, alive while it is loaded.
            unsafe { copy::copy_term(t, ctx.proc) }
        }
        "md5" => {
            let md5 = m.md5;
            crate::term::bits::build_binary(ctx.proc, &md5).unwrap_or(Term::NIL)
        }
        "nifs" => Term::NIL,
        "native" => atoms::FALSE,
        _ => return None,
    })
}

fn get_module_info2(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let key = ctx.vm.atoms.text(a[1]).unwrap_or("").to_string();
    match module_info_item(ctx, a[0], &key) {
        Some(t) => Done(t),
        None => badarg(),
    }
}

fn get_module_info1(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let mut items = Vec::new();
    for key in ["module", "exports", "attributes", "compile", "md5"] {
        let Some(v) = module_info_item(ctx, a[0], key) else { return badarg() };
        let k = atom(ctx, key);
        items.push(pair(ctx, k, v));
    }
    Done(list(ctx, &items))
}

/// The erts version of the OTP release rbeam follows (OTP 25.2.3).
const ERTS_VERSION: &str = "13.1.5";

fn system_info(ctx: &mut BifCtx<'_>, a: &[Term]) -> BifResult {
    let word = core::mem::size_of::<usize>() as i64;
    // SAFETY: BIF arguments are valid terms.
    if let Some(e) = unsafe { tuple::elements(a[0]) } {
        if e.len() == 2 && ctx.vm.atoms.text(e[0]) == Some("wordsize") {
            return Done(Term::small(word).unwrap_or(Term::NIL));
        }
        return badarg();
    }
    let key = ctx.vm.atoms.text(a[0]).unwrap_or("").to_string();
    let small = |v: i64| Done(Term::small(v).unwrap_or(Term::NIL));
    match key.as_str() {
        "otp_release" => Done(string(ctx, "25")),
        "version" => Done(string(ctx, ERTS_VERSION)),
        "machine" => Done(string(ctx, "BEAM")),
        "wordsize" => small(word),
        "schedulers" | "schedulers_online" | "logical_processors" | "logical_processors_available" => {
            small(1)
        }
        "system_architecture" => {
            let arch =
                if cfg!(target_arch = "arm") { "arm-unknown-linux-gnueabihf" } else { "x86_64-pc-linux-gnu" };
            Done(string(ctx, arch))
        }
        "process_count" => small(ctx.vm.process_count() as i64),
        "process_limit" => small(ctx.vm.process_limit as i64),
        "atom_count" => small(ctx.vm.atoms.len() as i64),
        "atom_limit" => small(1_048_576),
        "thread_pool_size" => small(1),
        "emu_flavor" => Done(atom(ctx, "emu")),
        "emu_type" => Done(atom(ctx, "opt")),
        "smp_support" | "threads" => Done(atoms::TRUE),
        "os_type" => {
            let (unix, linux) = (atom(ctx, "unix"), atom(ctx, "linux"));
            Done(pair(ctx, unix, linux))
        }
        "debug_compiled" | "dist" => Done(atoms::FALSE),
        "system_version" => {
            let text = format!("rbeam (Erlang/OTP 25 compatible) [erts-{ERTS_VERSION}] [{word}-bit]\n");
            Done(string(ctx, &text))
        }
        _ => badarg(),
    }
}

pub const BIFS: &[Bif] = &[
    Bif { module: "code", name: "ensure_loaded", arity: 1, f: ensure_loaded },
    Bif { module: "code", name: "load_file", arity: 1, f: load_file },
    Bif { module: "code", name: "ensure_modules_loaded", arity: 1, f: ensure_modules_loaded },
    Bif { module: "code", name: "objfile_extension", arity: 0, f: objfile_extension },
    Bif { module: "code", name: "load_binary", arity: 3, f: load_binary },
    Bif { module: "code", name: "which", arity: 1, f: which },
    Bif { module: "code", name: "is_loaded", arity: 1, f: is_loaded },
    Bif { module: "code", name: "get_object_code", arity: 1, f: get_object_code },
    Bif { module: "erlang", name: "is_builtin", arity: 3, f: is_builtin },
    Bif { module: "code", name: "all_loaded", arity: 0, f: all_loaded },
    Bif { module: "code", name: "get_path", arity: 0, f: get_path },
    Bif { module: "code", name: "root_dir", arity: 0, f: root_dir },
    Bif { module: "code", name: "purge", arity: 1, f: purge },
    Bif { module: "code", name: "soft_purge", arity: 1, f: soft_purge },
    Bif { module: "erlang", name: "load_module", arity: 2, f: load_module },
    Bif { module: "erlang", name: "module_loaded", arity: 1, f: module_loaded },
    Bif { module: "erlang", name: "function_exported", arity: 3, f: function_exported },
    Bif { module: "erlang", name: "get_module_info", arity: 1, f: get_module_info1 },
    Bif { module: "erlang", name: "get_module_info", arity: 2, f: get_module_info2 },
    Bif { module: "erlang", name: "system_info", arity: 1, f: system_info },
];
