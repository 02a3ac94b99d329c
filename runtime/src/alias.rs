//! Process aliases (OTP 24): a reference that, while active, is a send destination leading
//! to the process that created it. OTP 25's `gen:do_call` monitors the server with
//! `[{alias, demonitor}]` and the server replies to the alias, so a reply that arrives after
//! the caller gave up (timeout, `DOWN`) is dropped instead of lingering in its mailbox.
//!
//! The table lives on the VM and is keyed by the reference's numbers (references are unique
//! VM-wide), so it holds no terms and is no garbage-collection root. An alias ends as its
//! mode says: `unalias/1` ends every kind; `demonitor` ends with its monitor (`demonitor/1,2`
//! or the `'DOWN'` message); `reply_demonitor` and `reply` also end with the first message
//! sent through them; every alias ends with its process.

use hashbrown::HashMap;

use crate::term::Term;
use crate::term::reference::REF_NUMBERS;

/// When an alias stops working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only `unalias/1` (or the owner's exit) ends it.
    ExplicitUnalias,
    /// Ends with its monitor.
    Demonitor,
    /// Ends with its monitor or with the first message through it (which also removes the
    /// monitor).
    ReplyDemonitor,
    /// `alias([reply])`: ends with the first message through it.
    Reply,
}

/// Active aliases: reference numbers to owner and mode.
#[derive(Debug, Default)]
pub struct Aliases {
    active: HashMap<[u32; REF_NUMBERS], (Term, Mode)>,
}

impl Aliases {
    pub fn new() -> Aliases {
        Aliases::default()
    }

    /// Activates alias `numbers` for process `owner`.
    pub fn create(&mut self, numbers: [u32; REF_NUMBERS], owner: Term, mode: Mode) {
        self.active.insert(numbers, (owner, mode));
    }

    /// `unalias/1`: ends the alias if `owner` owns it; whether it did.
    pub fn unalias(&mut self, numbers: [u32; REF_NUMBERS], owner: Term) -> bool {
        match self.active.get(&numbers) {
            Some(&(o, _)) if o == owner => self.active.remove(&numbers).is_some(),
            _ => false,
        }
    }

    /// The monitor with reference `numbers` ended: so does an alias tied to it.
    pub fn monitor_ended(&mut self, numbers: [u32; REF_NUMBERS]) {
        if let Some((_, Mode::Demonitor | Mode::ReplyDemonitor)) = self.active.get(&numbers) {
            self.active.remove(&numbers);
        }
    }

    /// Where a message sent to alias `numbers` goes, if the alias is active. A one-reply
    /// alias ends here; the answer says whether its monitor must end too.
    pub fn route(&mut self, numbers: [u32; REF_NUMBERS]) -> Option<(Term, bool)> {
        let &(owner, mode) = self.active.get(&numbers)?;
        match mode {
            Mode::ExplicitUnalias | Mode::Demonitor => Some((owner, false)),
            Mode::Reply | Mode::ReplyDemonitor => {
                self.active.remove(&numbers);
                Some((owner, mode == Mode::ReplyDemonitor))
            }
        }
    }

    /// Process `owner` ended: so do its aliases.
    pub fn owner_exited(&mut self, owner: Term) {
        self.active.retain(|_, (o, _)| *o != owner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_end_aliases_as_erts_does() {
        let p = Term::local_pid(5, 0).expect("pid");
        let q = Term::local_pid(6, 0).expect("pid");
        let mut a = Aliases::new();
        a.create([1, 0, 0], p, Mode::Demonitor);
        a.create([2, 0, 0], p, Mode::ReplyDemonitor);
        a.create([3, 0, 0], p, Mode::ExplicitUnalias);
        assert_eq!(a.route([1, 0, 0]), Some((p, false)));
        assert_eq!(a.route([1, 0, 0]), Some((p, false)));
        a.monitor_ended([1, 0, 0]);
        assert_eq!(a.route([1, 0, 0]), None);
        assert_eq!(a.route([2, 0, 0]), Some((p, true)));
        assert_eq!(a.route([2, 0, 0]), None);
        a.monitor_ended([3, 0, 0]);
        assert!(!a.unalias([3, 0, 0], q));
        assert!(a.unalias([3, 0, 0], p));
        assert!(!a.unalias([3, 0, 0], p));
        a.create([4, 0, 0], p, Mode::Reply);
        a.owner_exited(p);
        assert_eq!(a.route([4, 0, 0]), None);
    }
}
