//! rbeam's boot library: real OTP stdlib modules (`lists`, `io`, `io_lib_format`, `string`,
//! `maps`, ...) gathered from the OTP install at build time and embedded in the binary, so
//! `rbeam` alone runs ordinary programs on a board that has no OTP. The list is in
//! `build.rs`; the modules are used exactly as compiled by OTP, never reimplemented.
//!
//! Besides them, a few stand-ins (`src/erl`): Erlang modules of rbeam's own that replace
//! OTP modules whose real versions rely on the kernel application's processes and ETS
//! tables, which rbeam does not start (`logger`, `application_controller`, `timer`). The code path
//! puts them ahead of the installed OTP's copies ([`standin`]).

include!(concat!(env!("OUT_DIR"), "/boot_set.rs"));

/// The embedded beam file of `module`, if it is in the boot set.
pub fn lookup(module: &str) -> Option<&'static [u8]> {
    BOOT_SET.iter().find(|(name, _)| *name == module).map(|(_, bytes)| *bytes)
}

/// rbeam's stand-in for OTP module `module`, if it has one.
pub fn standin(module: &str) -> Option<&'static [u8]> {
    STANDINS.iter().find(|(name, _)| *name == module).map(|(_, bytes)| *bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_set_loads() {
        assert!(BOOT_SET.len() >= 18);
        for (name, bytes) in BOOT_SET {
            let m = rbeam_loader::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(m.name(), *name);
        }
        assert!(lookup("lists").is_some());
        assert!(lookup("no_such_module").is_none());
        for (name, bytes) in STANDINS {
            let m = rbeam_loader::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(m.name(), *name);
        }
        assert!(standin("logger").is_some());
        assert!(standin("timer").is_some());
    }
}
