//! Feeds arbitrary bytes to the loader: parsing and validation must return `Ok` or `Err`,
//! never panic, hang or exhaust memory. When a module loads, disassembling it must not panic
//! either (the disassembler trusts what validation checked).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(module) = rbeam_loader::parse(data) {
        let mut text = String::new();
        let _ = rbeam_loader::disasm::write(&module, &mut text);
    }
});
