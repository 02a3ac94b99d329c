//! Where modules come from: the directories of the code path (`-pa` directories first, then
//! the installed OTP's `lib/*/ebin` when there is one, as erl's code path has them), then
//! the boot set embedded in the `rbeam` binary, so the binary alone still runs on a board
//! with no OTP. rbeam's stand-ins for OTP modules (`logger`, ...) come right after the `-pa`
//! directories: they must shadow the installed OTP's copies, which need services rbeam does
//! not run, yet a program can still bring its own.

use std::path::{Path, PathBuf};

/// Looks a module of the embedded boot set up by name.
pub type EmbeddedLookup = fn(&str) -> Option<&'static [u8]>;

/// The places modules are loaded from, in search order.
#[derive(Clone, Default)]
pub struct CodePath {
    pub dirs: Vec<PathBuf>,
    /// How many of `dirs` are `-pa` directories (searched before the stand-ins).
    pub pa_dirs: usize,
    pub standins: Option<EmbeddedLookup>,
    pub embedded: Option<EmbeddedLookup>,
}

/// Where a module was found.
pub enum Found {
    File(PathBuf, Vec<u8>),
    Embedded(&'static [u8]),
}

impl CodePath {
    /// `pa` directories, then the stand-ins, then (unless `otp_root` is `None`) every
    /// `lib/*/ebin` of the OTP installed at `otp_root`, then the embedded boot set.
    pub fn new(
        pa: Vec<PathBuf>,
        otp_root: Option<&Path>,
        standins: Option<EmbeddedLookup>,
        embedded: Option<EmbeddedLookup>,
    ) -> CodePath {
        let pa_dirs = pa.len();
        let mut dirs = pa;
        if let Some(root) = otp_root {
            let mut ebins: Vec<PathBuf> = std::fs::read_dir(root.join("lib"))
                .map(|d| d.flatten().map(|e| e.path().join("ebin")).filter(|p| p.is_dir()).collect())
                .unwrap_or_default();
            ebins.sort();
            dirs.extend(ebins);
        }
        CodePath { dirs, pa_dirs, standins, embedded }
    }

    /// Finds module `name`.
    pub fn find(&self, name: &str) -> Option<Found> {
        let file = format!("{name}.beam");
        let in_dirs = |dirs: &[PathBuf]| {
            dirs.iter().find_map(|dir| {
                let path = dir.join(&file);
                std::fs::read(&path).ok().map(|bytes| Found::File(path, bytes))
            })
        };
        let (pa, otp) = self.dirs.split_at(self.pa_dirs.min(self.dirs.len()));
        in_dirs(pa)
            .or_else(|| self.standins.and_then(|lookup| lookup(name)).map(Found::Embedded))
            .or_else(|| in_dirs(otp))
            .or_else(|| self.embedded.and_then(|lookup| lookup(name)).map(Found::Embedded))
    }
}

/// The installed OTP's root directory (`code:root_dir()`), if erl is installed where Debian
/// puts it or `RBEAM_OTP_ROOT` names it.
pub fn otp_root() -> Option<PathBuf> {
    let candidate =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    candidate.join("lib").is_dir().then_some(candidate)
}
