//! Layouts of OTP 26 to 29 that OTP 25's erlc cannot produce, tested with fixtures built by
//! rewriting OTP 25 beams. Each fixture names the layout it imitates.

mod common;

use common::*;
use rbeam_loader::{ErrorKind, Opcode};

fn dis(file: &[u8]) -> String {
    let module = rbeam_loader::parse(file).unwrap_or_else(|e| panic!("fixture does not load: {e}"));
    let mut out = String::new();
    rbeam_loader::disasm::write(&module, &mut out).unwrap();
    out
}

/// The atoms of an OTP 25 `AtU8` chunk (count, then 1-byte lengths).
fn atoms_of(atu8: &[u8]) -> Vec<Vec<u8>> {
    let count = u32::from_be_bytes(atu8[..4].try_into().unwrap());
    let mut at = 4;
    let mut out = Vec::new();
    for _ in 0..count {
        let len = atu8[at] as usize;
        out.push(atu8[at + 1..at + 1 + len].to_vec());
        at += 1 + len;
    }
    out
}

/// OTP 28: `AtU8` with the count stored negated and each length as a compact `u` value,
/// which lets atoms of 255 characters exceed 255 bytes.
fn otp28_atom_chunk(atoms: &[Vec<u8>]) -> Vec<u8> {
    let mut out = (-(atoms.len() as i32)).to_be_bytes().to_vec();
    for a in atoms {
        out.extend(encode(0, a.len() as i64));
        out.extend_from_slice(a);
    }
    out
}

#[test]
fn otp28_atom_chunk_with_long_atoms() {
    let original = read_module("stdlib/ebin/queue.beam");
    let mut chunks = split(&original);
    let mut atoms = atoms_of(chunk(&chunks, b"AtU8"));
    *chunk_mut(&mut chunks, b"AtU8") = otp28_atom_chunk(&atoms);
    assert_eq!(dis(&join(&chunks)), dis(&original));

    // An extra, unused atom of 255 two-byte characters: 510 bytes, impossible before OTP 28.
    let long = "é".repeat(255);
    atoms.push(long.clone().into_bytes());
    *chunk_mut(&mut chunks, b"AtU8") = otp28_atom_chunk(&atoms);
    let file = join(&chunks);
    let m = rbeam_loader::parse(&file).unwrap();
    assert_eq!(m.atom(atoms.len() as u32), long);

    // 256 characters is too long in any layout.
    atoms.last_mut().unwrap().extend_from_slice("é".as_bytes());
    *chunk_mut(&mut chunks, b"AtU8") = otp28_atom_chunk(&atoms);
    let err = rbeam_loader::parse(&join(&chunks)).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::InvalidText { .. }), "{err}");
}

#[test]
fn legacy_latin1_atom_chunk() {
    // Pre-OTP 20 compilers wrote `Atom` (Latin-1) instead of `AtU8`.
    let original = read_module("stdlib/ebin/orddict.beam");
    let mut chunks = split(&original);
    let i = chunks.iter().position(|(id, _)| id == b"AtU8").unwrap();
    chunks[i].0 = *b"Atom";
    assert_eq!(dis(&join(&chunks)), dis(&original));
}

/// Inserts encoded instructions right after the entry label of the module's first function
/// and raises the code header's highest opcode to `max_opcode`.
fn insert_after_first_entry(original: &[u8], instrs: &[u8], max_opcode: u32) -> Vec<u8> {
    let module = rbeam_loader::parse(original).unwrap();
    let f = module.functions[0];
    let entry = module.code.instrs[f.func_info + 1];
    let next = module.code.instrs[f.func_info + 2];
    let mut chunks = split(original);
    let code_offset = {
        let c = rbeam_loader::container::chunks(original).unwrap();
        c.iter().find(|c| c.id.0 == *b"Code").unwrap().offset
    };
    assert!(entry.op == Opcode::Label);
    let at = next.offset as usize - code_offset;
    let code = chunk_mut(&mut chunks, b"Code");
    code.splice(at..at, instrs.iter().copied());
    code[8..12].copy_from_slice(&max_opcode.to_be_bytes());
    join(&chunks)
}

fn op(opcode: Opcode, args: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![opcode as u8];
    for a in args {
        out.extend_from_slice(a);
    }
    out
}

/// The atom index of `name` in a module, which must have it.
fn atom(file: &[u8], name: &str) -> i64 {
    let m = rbeam_loader::parse(file).unwrap();
    (1..=m.atoms.len() as u32).find(|&i| m.atom(i) == name).unwrap_or_else(|| panic!("no atom {name}")) as i64
}

#[test]
fn otp26_to_29_opcodes() {
    // proplists imports arity-3 functions, which bif3 needs.
    let original = read_module("stdlib/ebin/proplists.beam");
    let m = rbeam_loader::parse(&original).unwrap();
    let bif3 = m.imports.iter().position(|i| i.arity == 3).unwrap();
    let bif3_name = m.atom(m.imports[bif3].function).to_string();
    let bif3 = bif3 as i64;
    let fail = m.functions[0].func_label as i64;
    let (u, a, x, f) = (|v| encode(0, v), |v| encode(2, v), |v| encode(3, v), |v| encode(5, v));
    let (module_atom, lists_atom) = (atom(&original, "proplists"), atom(&original, "lists"));
    let mut code = Vec::new();
    // OTP 26: update_record Hint Size Src Dst Updates (index/value pairs).
    code.extend(op(Opcode::UpdateRecord, &[a(module_atom), u(3), x(0), x(1), encode_list(&[u(2), x(0)])]));
    // OTP 26: bs_match Fail Ctx Commands.
    code.extend(op(Opcode::BsMatch, &[f(fail), x(0), encode_list(&[a(lists_atom), u(8), u(1)])]));
    // OTP 27: executable_line Location Index (with the line_coverage option).
    code.extend(op(Opcode::ExecutableLine, &[u(1), u(0)]));
    // OTP 28: debug_line Kind Location Index Live (with beam_debug_info).
    code.extend(op(Opcode::DebugLine, &[a(module_atom), u(1), u(0), u(1)]));
    // OTP 29: bif3.
    code.extend(op(Opcode::Bif3, &[f(0), u(bif3), x(0), x(1), x(2), x(0)]));
    let file = insert_after_first_entry(&original, &code, 185);
    let text = dis(&file);
    let bif3_text = format!("{{bif,{bif3_name},{{f,0}},[{{x,0}},{{x,1}},{{x,2}}],{{x,0}}}}");
    for name in ["{update_record,", "{bs_match,", "{executable_line,1,0}", "{debug_line,", &bif3_text] {
        assert!(text.contains(name), "{name} missing from:\n{}", &text[..text.len().min(2000)]);
    }

    // The header's highest opcode must cover what the code uses.
    let low = insert_after_first_entry(&original, &op(Opcode::ExecutableLine, &[u(1), u(0)]), 182);
    assert!(matches!(rbeam_loader::parse(&low).unwrap_err().kind, ErrorKind::BadEncoding(_)));
    // An opcode beyond the newest known one is a "compiled by a newer OTP" error.
    let newer = insert_after_first_entry(&original, &[186], 185);
    let err = rbeam_loader::parse(&newer).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::NewerOpcode { opcode: 186, .. }), "{err}");
    assert!(err.to_string().contains("newer OTP"), "{err}");
    // Operands of the new instructions are validated like any other.
    let bad_line = insert_after_first_entry(&original, &op(Opcode::ExecutableLine, &[u(100_000), u(0)]), 185);
    assert!(matches!(
        rbeam_loader::parse(&bad_line).unwrap_err().kind,
        ErrorKind::OutOfRange { what: "line item", .. }
    ));
    let bad_bif = insert_after_first_entry(
        &original,
        &op(Opcode::Bif3, &[f(0), u(10_000), x(0), x(1), x(2), x(0)]),
        185,
    );
    assert!(matches!(
        rbeam_loader::parse(&bad_bif).unwrap_err().kind,
        ErrorKind::OutOfRange { what: "import", .. }
    ));
}

#[test]
fn meta_chunk_of_a_module_with_features() {
    // OTP 25+ writes `Meta` when a module enables a language feature (here `maybe_expr`).
    let file =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meta/meta_fixture.beam")).unwrap();
    let m = rbeam_loader::parse(&file).unwrap();
    let meta = m.meta.expect("Meta chunk");
    assert_eq!(meta.terms.display(meta.root).to_string(), "[{enabled_features,[maybe_expr]}]");
}
