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

use core::cell::RefCell;

use hashbrown::HashSet;
use rbeam_loader::opcodes::Opcode;
use rbeam_runtime::code_loader::{CodeLoader, Origin};

use crate::codepath::{CodePath, Found};

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

/// What loading needs besides the VM: where modules come from, the code they replace, and
/// what was translated (for coverage reports). The VM holds it (as its
/// [`CodeLoader`]) so BIFs like `code:load_file/1` reach it too.
pub struct Loader {
    pub(crate) code_path: CodePath,
    /// The "not loaded" address of export entries.
    undefined: usize,
    /// Code replaced by a newer version of its module, kept while processes may run in it.
    old_code: RefCell<Vec<LoadedModule>>,
    /// Generic opcodes of every module translated so far.
    pub(crate) translated_opcodes: RefCell<HashSet<Opcode>>,
    /// Which instructions ran.
    #[cfg(feature = "coverage")]
    pub coverage: crate::coverage::Coverage,
}

impl Loader {
    pub fn new(code_path: CodePath, undefined: usize) -> Loader {
        Loader {
            code_path,
            undefined,
            old_code: RefCell::new(Vec::new()),
            translated_opcodes: RefCell::new(HashSet::new()),
            #[cfg(feature = "coverage")]
            coverage: crate::coverage::Coverage::default(),
        }
    }

    pub fn code_path(&self) -> &CodePath {
        &self.code_path
    }
}

fn reason(f: &LoadFailure) -> &'static str {
    match f {
        LoadFailure::NotFound => "nofile",
        LoadFailure::Bad(_) => "badfile",
    }
}

impl CodeLoader for Loader {
    fn ensure_loaded(&self, vm: &mut Vm, module: Term) -> Result<(), &'static str> {
        ensure_loaded(vm, self, module).map_err(|f| report(&f))
    }

    fn load_file(&self, vm: &mut Vm, module: Term) -> Result<(), &'static str> {
        let text = vm.atoms.text(module).ok_or("badarg")?.to_string();
        load_from_path(vm, self, &text).map_err(|f| report(&f))
    }

    fn load_binary(&self, vm: &mut Vm, module: Term, path: &str, bytes: &[u8]) -> Result<(), &'static str> {
        let text = vm.atoms.text(module).ok_or("badarg")?.to_string();
        let path = (!path.is_empty()).then(|| PathBuf::from(path));
        load_module(vm, self, bytes, path, Some(&text)).map(|_| ()).map_err(|f| report(&f))
    }

    fn locate(&self, module: &str) -> Option<Origin> {
        match self.code_path.find(module)? {
            Found::File(path, _) => Some(Origin::File(path.display().to_string())),
            Found::Embedded(_) => Some(Origin::Embedded),
        }
    }

    fn object_code(&self, module: &str) -> Option<(Vec<u8>, Origin)> {
        match self.code_path.find(module)? {
            Found::File(path, bytes) => Some((bytes, Origin::File(path.display().to_string()))),
            Found::Embedded(bytes) => Some((bytes.to_vec(), Origin::Embedded)),
        }
    }

    fn code_path(&self) -> Vec<String> {
        self.code_path.dirs.iter().map(|d| d.display().to_string()).collect()
    }
}

/// erl reports a module that fails to load (as the code server does) before the caller sees
/// the error reason.
fn report(f: &LoadFailure) -> &'static str {
    if let LoadFailure::Bad(why) = f {
        eprintln!("=ERROR REPORT====\nLoading of {why} failed\n");
    }
    reason(f)
}

/// Loads a module from its bytes. `expected` is the module name the caller asked for (a file
/// must hold the module it is named after).
pub fn load_module(
    vm: &mut Vm,
    engine: &Loader,
    bytes: &[u8],
    path: Option<PathBuf>,
    expected: Option<&str>,
) -> Result<Term, LoadFailure> {
    let where_ = || path.as_ref().map_or_else(|| "embedded module".to_string(), |p| p.display().to_string());
    let m = rbeam_loader::parse(bytes).map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    if let Some(name) = expected {
        if m.name() != name {
            return Err(LoadFailure::Bad(format!(
                "{}: holds module {} instead of {name}",
                where_(),
                m.name()
            )));
        }
    }
    let mut areas = Vec::new();
    let literals = build_literals(vm, &m).map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    let translated = crate::translate::translate(vm, &m, &literals)
        .map_err(|e| LoadFailure::Bad(format!("{}: {e}", where_())))?;
    engine.translated_opcodes.borrow_mut().extend(translated.opcodes.iter().copied());
    let (attributes, compile_info, md5) = module_terms(vm, &m, &mut areas);
    let name = vm.atoms.intern(m.name()).map_err(|e| LoadFailure::Bad(e.to_string()))?;
    let code_start = translated.code.as_ptr() as usize;
    #[cfg(feature = "coverage")]
    engine.coverage.register(code_start, translated.origins.into_boxed_slice());
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
        let undefined = engine.undefined;
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
        engine.old_code.borrow_mut().push(*old);
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
pub fn ensure_loaded(vm: &mut Vm, loader: &Loader, name: Term) -> Result<(), LoadFailure> {
    if vm.modules.is_loaded(name) {
        return Ok(());
    }
    let text = vm.atoms.text(name).ok_or(LoadFailure::NotFound)?.to_string();
    load_from_path(vm, loader, &text)
}

/// Loads module `name` from the code path (a new version if it is loaded).
fn load_from_path(vm: &mut Vm, loader: &Loader, name: &str) -> Result<(), LoadFailure> {
    match loader.code_path.find(name) {
        Some(Found::File(path, bytes)) => load_module(vm, loader, &bytes, Some(path), Some(name)).map(|_| ()),
        Some(Found::Embedded(bytes)) => load_module(vm, loader, bytes, None, Some(name)).map(|_| ()),
        None => Err(LoadFailure::NotFound),
    }
}
