//! The ARM32 (A32) JIT tier of rbeam: an A32 encoder, a `dynasmrt`-based assembler and
//! per-instruction emitters organised by family like BeamAsm's `instr_*.cpp`.
//!
//! Empty until the JIT issue lands; nothing here pretends to compile code yet.
