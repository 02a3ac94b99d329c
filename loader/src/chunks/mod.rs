//! Decoders for the individual chunks. Each takes the chunk's data (a slice of the file, so
//! errors can be located) and returns a typed, borrowed view or an owned table.

pub mod atoms;
pub mod code;
pub mod lines;
pub mod literals;
pub mod tables;
pub mod types;
