//! Loading a module: parse and validate it (the loader), build its literals into literal
//! areas, translate its code, register it in the module table and point its export entries
//! at its functions. Modules not yet loaded are found on the code path on first call.

use core::fmt;
use std::path::PathBuf;

use rbeam_loader::Module;
use rbeam_runtime::dispatch::Mfa;
use rbeam_runtime::literal::LiteralArea;
use rbeam_runtime::modules::LoadedModule;
use rbeam_runtime::{Term, Vm};

use crate::Engine;
use crate::codepath::Found;

/// Why a module did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// No such module on the code path.
    NotFound,
    /// The file is not a valid module, or uses something rbeam does not support.
    Bad(String),
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadFailure::NotFound => f.write_str("not found on the code path"),
            LoadFailure::Bad(why) => f.write_str(why),
        }
    }
}

/// Loads a module from its bytes. `expected` is the module name the caller asked for (a file
/// must hold the module it is named after).
pub fn load_module(
    vm: &mut Vm,
    engine: &Engine,
    bytes: &[u8],
    path: Option<PathBuf>,
    expected: Option<&str>,
) -> Result<Term, LoadFailure> {
    let where_ = || path.as_ref().map_or_else(|| "embedded module".to_string(), |p| p.display().to_string());
    let m = rbeam_loader::parse(bytes).map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    if let Some(name) = expected {
        if m.name() != name {
            return Err(LoadFailure::Bad(format!("{}: holds module {} instead of {name}", where_(), m.name())));
        }
    }
    let mut areas = Vec::new();
    let literals = build_literals(vm, &m).map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    let translated =
        crate::translate::translate(vm, &m, &literals).map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    engine.translated_opcodes.borrow_mut().extend(translated.opcodes.iter().copied());
    let (attributes, compile_info, md5) = module_terms(vm, &m, &mut areas);
    let name = vm.atoms.intern(m.name()).map_err(|e| LoadFailure::Bad(e.to_string()))?;
    let code_start = translated.code.as_ptr() as usize;
    let code_end = code_start + translated.code.len() * core::mem::size_of::<crate::instr::Instr>();
    areas.insert(0, literals);
    areas.push(translated.constants);
    let exports = translated.exports.clone();
    let loaded = LoadedModule {
        name,
        start: code_start,
        end: code_end,
        functions: translated.functions,
        exports: translated.exports,
        lines: translated.lines,
        files: translated.files,
        literals: areas,
        attributes,
        compile_info,
        md5,
        path,
        funs: translated.funs,
        owner: Box::new(translated.code),
    };
    // Exports that the old version had and the new one lacks become undefined again.
    if let Some(old) = vm.modules.get(name) {
        let undefined = engine.undefined_address();
        let stale: Vec<Mfa> = old
            .exports
            .iter()
            .filter(|(f, a, _)| !exports.iter().any(|(nf, na, _)| nf == f && na == a))
            .map(|&(function, arity, _)| Mfa { module: name, function, arity: arity as usize })
            .collect();
        for mfa in stale {
            // SAFETY: export entries live as long as the VM.
            unsafe { vm.exports.entry(mfa).as_ref() }.set_address(undefined);
        }
    }
    if let Some(old) = vm.modules.insert(loaded) {
        engine.keep_old_code(old);
    }
    for (function, arity, address) in exports {
        if vm.bifs.get(name, function, arity).is_some() {
            // A BIF keeps its stub: erlang.beam's own code for BIFs only raises.
            continue;
        }
        let mfa = Mfa { module: name, function, arity: arity as usize };
        // SAFETY: export entries live as long as the VM.
        unsafe { vm.exports.entry(mfa).as_ref() }.set_address(address);
    }
    Ok(name)
}

/// The module's literal table as a literal area, with `fun M:F/A` literals pointing at the
/// VM's export entries.
fn build_literals(vm: &mut Vm, m: &Module<'_>) -> Result<LiteralArea, String> {
    let Some(lits) = &m.literals else {
        return LiteralArea::build(0, |_| Ok(Vec::new())).map_err(|e| format!("{e:?}"));
    };
    // SAFETY: export entries live in the VM's export table, which outlives every module.
    unsafe { LiteralArea::from_etf_with_exports(&lits.terms, &lits.roots, &mut vm.atoms, &mut vm.exports) }
        .map_err(|e| format!("literals: {e:?}"))
}

/// The attributes and compile info terms (each in an area of its own) and the MD5.
fn module_terms(vm: &mut Vm, m: &Module<'_>, areas: &mut Vec<LiteralArea>) -> (Term, Term, [u8; 16]) {
    let mut one = |chunk: &Option<rbeam_loader::chunks::literals::SingleTerm>| -> Term {
        let Some(t) = chunk else { return Term::NIL };
        match LiteralArea::from_etf(&t.terms, &[t.root], &mut vm.atoms) {
            Ok(area) => {
                let root = area.roots()[0];
                areas.push(area);
                root
            }
            Err(_) => Term::NIL,
        }
    };
    let attributes = one(&m.attributes);
    let compile_info = one(&m.compile_info);
    (attributes, compile_info, m.md5())
}

/// Loads module `name` from the code path unless it is loaded already.
pub fn ensure_loaded(vm: &mut Vm, engine: &Engine, name: Term) -> Result<(), LoadFailure> {
    if vm.modules.is_loaded(name) {
        return Ok(());
    }
    let text = vm.atoms.text(name).ok_or(LoadFailure::NotFound)?.to_string();
    match engine.code_path.find(&text) {
        Some(Found::File(path, bytes)) => load_module(vm, engine, &bytes, Some(path), Some(&text)).map(|_| ()),
        Some(Found::Embedded(bytes)) => load_module(vm, engine, bytes, None, Some(&text)).map(|_| ()),
        None => Err(LoadFailure::NotFound),
    }
}
