//! A process's message queue.
//!
//! Messages are terms in the receiving process's memory; how they get there (copying into
//! heap fragments) and the receive cursor arrive with the interpreter. This is the queue they
//! will sit in, oldest first.

use std::collections::VecDeque;

use crate::term::Term;

/// Messages waiting to be received, oldest first.
#[derive(Debug, Default)]
pub struct Mailbox {
    messages: VecDeque<Term>,
}

impl Mailbox {
    /// An empty mailbox.
    pub fn new() -> Mailbox {
        Mailbox::default()
    }

    /// Appends a message.
    pub fn push(&mut self, message: Term) {
        self.messages.push_back(message);
    }

    /// Removes and returns the message at `position` (0 = oldest), as a selective receive does.
    pub fn remove(&mut self, position: usize) -> Option<Term> {
        self.messages.remove(position)
    }

    /// The message at `position`.
    pub fn get(&self, position: usize) -> Option<Term> {
        self.messages.get(position).copied()
    }

    /// Number of messages.
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    /// Whether there are no messages.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}
