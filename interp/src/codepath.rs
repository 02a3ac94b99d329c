//! Where modules come from: the directories of the code path (`-pa` directories first, then
//! the installed OTP's `lib/*/ebin` when there is one, as erl's code path has them), then
//! the boot set embedded in the `rbeam` binary, so the binary alone still runs on a board
//! with no OTP.

use std::path::{Path, PathBuf};

/// Looks a module of the embedded boot set up by name.
pub type EmbeddedLookup = fn(&str) -> Option<&'static [u8]>;

/// The places modules are loaded from, in search order.
#[derive(Clone, Default)]
pub struct CodePath {
    pub dirs: Vec<PathBuf>,
    pub embedded: Option<EmbeddedLookup>,
}

/// Where a module was found.
pub enum Found {
    File(PathBuf, Vec<u8>),
    Embedded(&'static [u8]),
}

impl CodePath {
    /// `pa` directories, then (unless `use_otp` is false) every `lib/*/ebin` of the OTP
    /// installed at `otp_root`, then the embedded boot set.
    pub fn new(pa: Vec<PathBuf>, otp_root: Option<&Path>, embedded: Option<EmbeddedLookup>) -> CodePath {
        let mut dirs = pa;
        if let Some(root) = otp_root {
            let mut ebins: Vec<PathBuf> = std::fs::read_dir(root.join("lib"))
                .map(|d| d.flatten().map(|e| e.path().join("ebin")).filter(|p| p.is_dir()).collect())
                .unwrap_or_default();
            ebins.sort();
            dirs.extend(ebins);
        }
        CodePath { dirs, embedded }
    }

    /// Finds module `name`.
    pub fn find(&self, name: &str) -> Option<Found> {
        let file = format!("{name}.beam");
        for dir in &self.dirs {
            let path = dir.join(&file);
            if let Ok(bytes) = std::fs::read(&path) {
                return Some(Found::File(path, bytes));
            }
        }
        self.embedded.and_then(|lookup| lookup(name)).map(Found::Embedded)
    }
}

/// The installed OTP's root directory (`code:root_dir()`), if erl is installed where Debian
/// puts it or `RBEAM_OTP_ROOT` names it.
pub fn otp_root() -> Option<PathBuf> {
    let candidate =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    candidate.join("lib").is_dir().then_some(candidate)
}
