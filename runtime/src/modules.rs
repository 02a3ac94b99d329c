//! The module table: every loaded module's code range, functions, line table and literals.
//!
//! The runtime does not know the shape of executable code (the interpreter's instruction
//! stream today, machine code later): a tier registers each module as an address range plus
//! the facts the runtime needs without executing it: which function an address is in (stack
//! traces, `function_clause`), which source line (stack traces), and the module's literals,
//! attributes and compile info (`module_info/0,1`). The tier's own code object rides along as
//! an opaque owner and lives exactly as long as the entry.

use core::any::Any;
use std::path::PathBuf;

use hashbrown::HashMap;

use crate::dispatch::{FunEntry, Mfa};
use crate::literal::LiteralArea;
use crate::term::Term;

/// A function of a loaded module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunctionInfo {
    pub name: Term,
    pub arity: u32,
    /// First code address of the function (its `func_info`).
    pub start: usize,
    /// The entry point callers jump to.
    pub entry: usize,
}

/// A source location, as stack traces show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Index into [`LoadedModule::files`].
    pub file: u32,
    pub line: u32,
}

/// One loaded module.
pub struct LoadedModule {
    pub name: Term,
    /// Code addresses `start..end`.
    pub start: usize,
    pub end: usize,
    /// Functions sorted by `start`.
    pub functions: Vec<FunctionInfo>,
    /// Exported functions: name, arity and entry address.
    pub exports: Vec<(Term, u32, usize)>,
    /// `(address, location)` sorted by address: the location of the code from that address
    /// up to the next entry.
    pub lines: Vec<(usize, Location)>,
    /// Source file names; file 0 is the module's own `<module>.erl`.
    pub files: Vec<String>,
    /// Literal areas: the module's literals with its attributes and compile info, and the
    /// constants of its code that need heap words (big integers, floats).
    pub literals: Vec<LiteralArea>,
    pub attributes: Term,
    pub compile_info: Term,
    /// The module's MD5, as `module_info(md5)` returns it.
    pub md5: [u8; 16],
    /// Where the module was loaded from (`code:which/1`); `None` for the embedded boot set.
    pub path: Option<PathBuf>,
    /// Fun entries of the module's `FunT` table, boxed so their addresses are stable.
    pub funs: Box<[FunEntry]>,
    /// The tier's code object, kept alive while the module is loaded.
    pub owner: Box<dyn Any>,
}

impl core::fmt::Debug for LoadedModule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LoadedModule")
            .field("name", &self.name)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("functions", &self.functions.len())
            .finish()
    }
}

impl LoadedModule {
    /// The function containing `address`.
    pub fn function_at(&self, address: usize) -> Option<&FunctionInfo> {
        let i = self.functions.partition_point(|f| f.start <= address);
        self.functions.get(i.checked_sub(1)?)
    }

    /// The source location of the code at `address`.
    pub fn location_at(&self, address: usize) -> Option<Location> {
        let i = self.lines.partition_point(|(a, _)| *a <= address);
        let (_, loc) = self.lines.get(i.checked_sub(1)?)?;
        (loc.line != 0).then_some(*loc)
    }

    /// The file name of a location.
    pub fn file_name(&self, loc: Location) -> &str {
        self.files.get(loc.file as usize).map_or("", String::as_str)
    }

    /// The MFA of the function containing `address`.
    pub fn mfa_at(&self, address: usize) -> Option<Mfa> {
        self.function_at(address).map(|f| Mfa {
            module: self.name,
            function: f.name,
            arity: f.arity as usize,
        })
    }
}

/// All loaded modules of a VM.
#[derive(Debug, Default)]
pub struct ModuleTable {
    modules: HashMap<Term, Box<LoadedModule>>,
    /// `(start, end, module)` sorted by start, for address lookups.
    ranges: Vec<(usize, usize, Term)>,
}

impl ModuleTable {
    pub fn new() -> ModuleTable {
        ModuleTable::default()
    }

    /// Adds (or replaces) a module. The replaced entry, if any, is returned: the caller keeps
    /// it alive while code may still run in it.
    pub fn insert(&mut self, module: LoadedModule) -> Option<Box<LoadedModule>> {
        let name = module.name;
        let old = self.remove(name);
        let range = (module.start, module.end, name);
        let at = self.ranges.partition_point(|r| r.0 < range.0);
        self.ranges.insert(at, range);
        self.modules.insert(name, Box::new(module));
        old
    }

    /// Removes a module, returning its entry.
    pub fn remove(&mut self, name: Term) -> Option<Box<LoadedModule>> {
        let old = self.modules.remove(&name)?;
        self.ranges.retain(|r| r.2 != name);
        Some(old)
    }

    pub fn get(&self, name: Term) -> Option<&LoadedModule> {
        self.modules.get(&name).map(|m| &**m)
    }

    pub fn is_loaded(&self, name: Term) -> bool {
        self.modules.contains_key(&name)
    }

    /// The module whose code contains `address`.
    pub fn module_at(&self, address: usize) -> Option<&LoadedModule> {
        let i = self.ranges.partition_point(|r| r.0 <= address);
        let (start, end, name) = *self.ranges.get(i.checked_sub(1)?)?;
        if address >= start && address < end { self.get(name) } else { None }
    }

    /// Names of all loaded modules.
    pub fn names(&self) -> impl Iterator<Item = Term> + '_ {
        self.modules.keys().copied()
    }

    pub fn len(&self) -> usize {
        self.modules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.modules.is_empty()
    }
}
