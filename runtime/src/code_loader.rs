//! How runtime BIFs reach code loading, which the executing tier implements (loading means
//! translating code for that tier). The VM holds the tier's loader; a BIF that loads code
//! takes a clone of it out of the VM and calls it with the VM.

use crate::term::Term;
use crate::vm::Vm;

/// Where a module comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A `.beam` file on the code path.
    File(String),
    /// The boot set embedded in the `rbeam` binary.
    Embedded,
}

/// Code loading, as the executing tier provides it. Errors are the reason atoms erl's `code`
/// module returns (`nofile`, `badfile`, `not_purged`...).
pub trait CodeLoader {
    /// Loads `module` from the code path unless it is loaded.
    fn ensure_loaded(&self, vm: &mut Vm, module: Term) -> Result<(), &'static str>;
    /// Loads `module` from the code path, replacing a loaded version.
    fn load_file(&self, vm: &mut Vm, module: Term) -> Result<(), &'static str>;
    /// Loads a module from its bytes; `path` is what `code:which/1` will report.
    fn load_binary(&self, vm: &mut Vm, module: Term, path: &str, bytes: &[u8]) -> Result<(), &'static str>;
    /// Where `module` would be loaded from.
    fn locate(&self, module: &str) -> Option<Origin>;
    /// The beam file of `module` on the code path, and where it is (`code:get_object_code/1`).
    fn object_code(&self, module: &str) -> Option<(Vec<u8>, Origin)>;
    /// The code path's directories.
    fn code_path(&self) -> Vec<String>;
}
