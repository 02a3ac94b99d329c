//! Atoms every [`crate::AtomTable`] starts with, at fixed indices, as ready-made terms.
//!
//! Runtime code and emitted machine code use these constants directly instead of looking the
//! text up. Index 0 is `false` and index 1 is `true`, so the two booleans are the atom terms
//! `0x0B` and `0x4B`. The order of this list is part of the VM's contract with the JIT:
//! append new atoms at the end.

use crate::term::Term;
use crate::term::tags::{IMMED2_ATOM, IMMED2_SIZE};

macro_rules! predefined_atoms {
    ($($name:ident = $text:literal,)*) => {
        /// The texts of the predefined atoms, in index order.
        pub const PREDEFINED: &[&str] = &[$($text),*];
        predefined_atoms!(@each 0usize; $($name = $text,)*);
    };
    (@each $index:expr; $name:ident = $text:literal, $($rest:ident = $rest_text:literal,)*) => {
        #[doc = concat!("The atom `", $text, "`.")]
        pub const $name: Term = Term::from_raw((($index) << IMMED2_SIZE) | IMMED2_ATOM);
        predefined_atoms!(@each $index + 1; $($rest = $rest_text,)*);
    };
    (@each $index:expr;) => {};
}

predefined_atoms! {
    FALSE = "false",
    TRUE = "true",
    OK = "ok",
    ERROR = "error",
    UNDEFINED = "undefined",
    BADARG = "badarg",
    BADARITH = "badarith",
    BADMATCH = "badmatch",
    FUNCTION_CLAUSE = "function_clause",
    CASE_CLAUSE = "case_clause",
    IF_CLAUSE = "if_clause",
    TRY_CLAUSE = "try_clause",
    ELSE_CLAUSE = "else_clause",
    UNDEF = "undef",
    BADFUN = "badfun",
    BADARITY = "badarity",
    BADKEY = "badkey",
    BADMAP = "badmap",
    BADRECORD = "badrecord",
    SYSTEM_LIMIT = "system_limit",
    NOCATCH = "nocatch",
    THROW = "throw",
    EXIT = "exit",
    NORMAL = "normal",
    KILL = "kill",
    KILLED = "killed",
    NOPROC = "noproc",
    EXIT_SIGNAL = "EXIT",
    DOWN = "DOWN",
    INFINITY = "infinity",
    TIMEOUT = "timeout",
    ERLANG = "erlang",
    NONODE_AT_NOHOST = "nonode@nohost",
    END_OF_TABLE = "$end_of_table",
    MODULE_INFO = "module_info",
    EXTERNAL = "external",
    INIT = "init",
    START = "start",
    NIF_ERROR = "nif_error",
    TIMEOUT_VALUE = "timeout_value",
}
