//! rbeam's boot library: real OTP stdlib modules gathered from the local OTP install at
//! build time and embedded in the `rbeam` binary.
//!
//! Empty until the interpreter issue lands; no modules are embedded yet.
