//! Standard input and output for Erlang code: the group leader process.

pub mod group_leader;

pub use group_leader::GroupLeader;
