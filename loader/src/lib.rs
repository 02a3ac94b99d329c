//! The rbeam loader: parses `.beam` files (the IFF container, every chunk OTP 24 to 28 writes,
//! compact-term operands and literals in external term format), validates them, and produces
//! a typed module. Nothing here executes code.
//!
//! The stages follow wasmi's split: [`container`] finds the chunks, the chunk modules decode
//! them into borrowed, typed tables (in the style of gimli/object: zero-copy where the format
//! allows, every length checked before it is trusted), and [`validate`] checks every
//! cross-reference before anything downstream may rely on it.

pub mod chunks;
pub mod compact;
pub mod container;
pub mod disasm;
pub mod error;
pub mod etf;
mod inflate;
pub mod module;
pub mod opcodes;
pub mod text;
pub mod validate;

pub use error::{ChunkId, ErrorKind, LoadError};
pub use module::{Module, parse};
pub use opcodes::Opcode;
