//! A process's message queue and its receive cursor.
//!
//! A message lives in its own heap fragment, filled by the sender, until the receiver takes
//! it out of the queue (`remove_message`): the fragment then joins the receiver's heap
//! fragments and the next garbage collection copies the live parts into the heap. Messages
//! still in the queue are outside the heap, so the collector leaves their terms alone, exactly
//! as it leaves literals alone.
//!
//! The cursor (erts' "save pointer") marks the next message a selective receive looks at;
//! `loop_rec_end` moves it on, `remove_message` and a timeout move it back to the start. A
//! receive marker (OTP 24's `recv_marker_*`) remembers a queue position so that a receive
//! matching a reference created after that point skips the older messages.

use std::collections::VecDeque;

use crate::process::Fragment;
use crate::term::Term;

/// A message and the memory its term lives in (`None` for an immediate).
#[derive(Debug)]
pub struct Message {
    pub term: Term,
    pub fragment: Option<Fragment>,
}

/// Messages waiting to be received, oldest first.
#[derive(Debug, Default)]
pub struct Mailbox {
    messages: VecDeque<Message>,
    save: usize,
    /// Queue position recorded by `recv_marker_reserve`, and the reference bound to it.
    marker: Option<(usize, Term)>,
}

impl Mailbox {
    pub fn new() -> Mailbox {
        Mailbox::default()
    }

    /// Appends a message.
    pub fn push(&mut self, message: Message) {
        self.messages.push_back(message);
    }

    /// The message under the cursor, if any.
    pub fn peek(&self) -> Option<Term> {
        self.messages.get(self.save).map(|m| m.term)
    }

    /// Moves the cursor past the current message (`loop_rec_end`).
    pub fn skip(&mut self) {
        self.save += 1;
    }

    /// Takes the message under the cursor out of the queue and resets the cursor
    /// (`remove_message`).
    pub fn take(&mut self) -> Option<Message> {
        let message = self.messages.remove(self.save);
        if let Some((position, _)) = &mut self.marker {
            if *position > self.save {
                *position -= 1;
            }
        }
        self.save = 0;
        message
    }

    /// Moves the cursor back to the oldest message (after a timeout).
    pub fn rewind(&mut self) {
        self.save = 0;
    }

    /// Records the current end of the queue (`recv_marker_reserve`).
    pub fn reserve_marker(&mut self) {
        self.marker = Some((self.messages.len(), Term::NIL));
    }

    /// Binds the reserved marker to a reference (`recv_marker_bind`).
    pub fn bind_marker(&mut self, reference: Term) {
        if let Some((_, bound)) = &mut self.marker {
            *bound = reference;
        }
    }

    /// Starts the receive at the marker bound to `reference`, skipping older messages
    /// (`recv_marker_use`).
    pub fn use_marker(&mut self, reference: Term) {
        if let Some((position, bound)) = self.marker {
            if bound == reference && self.save < position {
                self.save = position;
            }
        }
    }

    /// Forgets the marker (`recv_marker_clear`).
    pub fn clear_marker(&mut self) {
        self.marker = None;
    }

    /// The reference the receive marker is bound to, for the garbage collector (it may live
    /// on the process heap).
    pub(crate) fn marker_term_mut(&mut self) -> Option<&mut Term> {
        self.marker.as_mut().map(|(_, reference)| reference)
    }

    /// Drops the messages `pred` selects (`demonitor(Ref, [flush])`); the cursor restarts.
    pub fn remove_where(&mut self, mut pred: impl FnMut(Term) -> bool) {
        self.messages.retain(|m| !pred(m.term));
        self.save = 0;
    }

    /// Every message term, oldest first.
    pub fn terms(&self) -> impl Iterator<Item = Term> + '_ {
        self.messages.iter().map(|m| m.term)
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}
