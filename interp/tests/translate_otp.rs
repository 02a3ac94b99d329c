//! Every module of the installed OTP's stdlib, kernel and compiler applications translates
//! into the interpreter's instruction stream: no instruction of theirs is unsupported.

use std::path::PathBuf;

use rbeam_interp::system::{Options, System};

fn otp_lib() -> PathBuf {
    let root =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    root.join("lib")
}

#[test]
fn stdlib_kernel_and_compiler_translate() {
    let mut system = System::new(Options::default());
    let mut loaded = 0;
    let mut failures = Vec::new();
    for app in std::fs::read_dir(otp_lib()).expect("OTP lib directory").flatten() {
        let name = app.file_name().to_string_lossy().to_string();
        if !["stdlib-", "kernel-", "compiler-"].iter().any(|p| name.starts_with(p)) {
            continue;
        }
        for f in std::fs::read_dir(app.path().join("ebin")).expect("ebin").flatten() {
            let path = f.path();
            if path.extension().is_none_or(|e| e != "beam") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            match system.load(&bytes, Some(path.clone())) {
                Ok(_) => loaded += 1,
                Err(e) => failures.push(e.to_string()),
            }
        }
    }
    assert!(failures.is_empty(), "{} modules did not translate:\n{}", failures.len(), failures.join("\n"));
    assert!(loaded > 200, "only {loaded} modules");
}
