//! Message timers: `erlang:send_after/3,4` and `start_timer/3,4`.
//!
//! A timer is a message (already copied into its own fragment) and a due time, keyed by the
//! number of the reference that names it. Due times sit in a min-heap, so an idle process
//! costs nothing and the scheduler finds the next due timer at once; cancelling removes the
//! timer from the table and leaves its heap entry to be skipped when it comes up.

use std::collections::BinaryHeap;
use std::time::{Duration, Instant};

use hashbrown::HashMap;

use crate::mailbox::Message;
use crate::term::Term;

/// A pending timer.
#[derive(Debug)]
pub struct MessageTimer {
    pub at: Instant,
    /// A pid, or a registered name looked up when the timer fires.
    pub to: Term,
    pub message: Message,
}

/// Every pending message timer of a VM.
#[derive(Debug, Default)]
pub struct MessageTimers {
    due: BinaryHeap<core::cmp::Reverse<(Instant, u64)>>,
    active: HashMap<u64, MessageTimer>,
}

impl MessageTimers {
    pub fn new() -> MessageTimers {
        MessageTimers::default()
    }

    /// Starts timer `id` (a reference number, unique within the VM).
    pub fn insert(&mut self, id: u64, timer: MessageTimer) {
        self.due.push(core::cmp::Reverse((timer.at, id)));
        self.active.insert(id, timer);
    }

    /// Cancels timer `id`, returning it if it had not fired.
    pub fn cancel(&mut self, id: u64) -> Option<MessageTimer> {
        self.active.remove(&id)
    }

    /// The time left on timer `id`, if it has not fired.
    pub fn remaining(&self, id: u64, now: Instant) -> Option<Duration> {
        self.active.get(&id).map(|t| t.at.saturating_duration_since(now))
    }

    /// The receiver of timer `id` (a pid or a name), if it has not fired.
    pub fn receiver(&self, id: u64) -> Option<Term> {
        self.active.get(&id).map(|t| t.to)
    }

    /// When the next pending timer is due.
    pub fn next_due(&mut self) -> Option<Instant> {
        self.skip_cancelled();
        self.due.peek().map(|core::cmp::Reverse((at, _))| *at)
    }

    /// Takes the next timer due at or before `now`.
    pub fn pop_due(&mut self, now: Instant) -> Option<MessageTimer> {
        self.skip_cancelled();
        let core::cmp::Reverse((at, id)) = *self.due.peek()?;
        if at > now {
            return None;
        }
        self.due.pop();
        self.active.remove(&id)
    }

    /// Number of pending timers.
    pub fn len(&self) -> usize {
        self.active.len()
    }

    pub fn is_empty(&self) -> bool {
        self.active.is_empty()
    }

    fn skip_cancelled(&mut self) {
        while let Some(core::cmp::Reverse((_, id))) = self.due.peek() {
            if self.active.contains_key(id) {
                break;
            }
            self.due.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(at: Instant) -> MessageTimer {
        MessageTimer { at, to: Term::NIL, message: Message { term: Term::NIL, fragment: None } }
    }

    #[test]
    fn timers_fire_in_due_order_and_cancelled_ones_never() {
        let now = Instant::now();
        let mut timers = MessageTimers::new();
        timers.insert(1, timer(now + Duration::from_millis(30)));
        timers.insert(2, timer(now + Duration::from_millis(10)));
        timers.insert(3, timer(now + Duration::from_millis(20)));
        assert!(timers.cancel(2).is_some());
        assert!(timers.cancel(2).is_none());
        assert_eq!(timers.next_due(), Some(now + Duration::from_millis(20)));
        assert!(timers.pop_due(now).is_none());
        let later = now + Duration::from_millis(40);
        assert_eq!(timers.pop_due(later).map(|t| t.at), Some(now + Duration::from_millis(20)));
        assert_eq!(timers.remaining(1, now), Some(Duration::from_millis(30)));
        assert_eq!(timers.pop_due(later).map(|t| t.at), Some(now + Duration::from_millis(30)));
        assert!(timers.pop_due(later).is_none() && timers.is_empty() && timers.next_due().is_none());
    }
}
