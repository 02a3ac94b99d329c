//! The interpreter tier of rbeam: translates loaded modules into a compact internal
//! instruction stream and executes it.
//!
//! Empty until the interpreter issue lands; nothing here pretends to run code yet.
