//! The group leader: a native process speaking OTP's io protocol on the standard streams, as
//! erl's `user` process does under `-noshell`.
//!
//! Requests arrive as `{io_request, From, ReplyAs, Request}` and are answered with
//! `{io_reply, ReplyAs, Reply}`, in order. Characters go out the way erl's `-noshell`
//! standard_io writes them: its encoding is `latin1`, so code points below 256 are written as
//! single bytes and larger ones as `\x{HEX}`. A `put_chars` request that carries a function
//! (`{put_chars, Enc, Module, Function, Args}`, what `io:format/2` sends) is evaluated by a
//! short-lived Erlang process spawned for it, whose result comes back as a message; requests
//! behind it wait, so output keeps its order.
//!
//! The same server, writing to the standard error stream, is erl's `standard_error`.

use std::collections::VecDeque;
use std::io::{BufRead, Write};

use crate::atoms;
use crate::bif::process::{list_elements, spawn_unlimited};
use crate::mailbox::Message;
use crate::native::Native;
use crate::process::Process;
use crate::schedule;
use crate::term::{Term, TermBuilder, View, tuple};
use crate::vm::Vm;

/// A request waiting for its turn (or for its evaluator).
struct Pending {
    /// The request message (owning the memory its terms live in).
    message: Message,
}

/// The group leader's state.
pub struct GroupLeader {
    queue: VecDeque<Pending>,
    /// The tag of the evaluator the request at the head of the queue waits for.
    waiting_for: Option<Term>,
    out: std::io::BufWriter<Box<dyn Write>>,
    binary: bool,
    next_tag: i64,
}

impl Default for GroupLeader {
    fn default() -> GroupLeader {
        GroupLeader::new()
    }
}

impl GroupLeader {
    /// A server writing to standard output.
    pub fn new() -> GroupLeader {
        GroupLeader::writing_to(Box::new(std::io::stdout()))
    }

    fn writing_to(out: Box<dyn Write>) -> GroupLeader {
        GroupLeader {
            queue: VecDeque::new(),
            waiting_for: None,
            out: std::io::BufWriter::new(out),
            binary: false,
            next_tag: 0,
        }
    }

    /// Starts the group leader as a process of `vm`, registered as `user`; returns its pid.
    pub fn start(vm: &mut Vm) -> Term {
        crate::native::start(vm, Box::new(GroupLeader::new()), Some("user")).unwrap_or(Term::NIL)
    }

    /// Starts `standard_error`, the io server on the standard error stream (where rbeam's
    /// `logger` writes reports); returns its pid.
    pub fn start_standard_error(vm: &mut Vm) -> Term {
        let server = GroupLeader::writing_to(Box::new(std::io::stderr()));
        crate::native::start(vm, Box::new(server), Some("standard_error")).unwrap_or(Term::NIL)
    }
}

fn elems(t: Term) -> Option<&'static [Term]> {
    // SAFETY: the terms handled here live in messages the group leader keeps while it uses
    // them.
    unsafe { tuple::elements(t) }
}

fn text(vm: &Vm, t: Term) -> &str {
    vm.atoms.text(t).unwrap_or("")
}

impl Native for GroupLeader {
    fn handle(&mut self, vm: &mut Vm, me: &mut Process, message: Message) {
        if let Some(e) = elems(message.term) {
            // The result of an evaluator: `{Tag, {ok, Chars} | {error, Reason}}`.
            if e.len() == 2 && self.waiting_for == Some(e[0]) {
                self.waiting_for = None;
                if let Some(head) = self.queue.pop_front() {
                    let (status, value) = elems(e[1]).map_or((atoms::ERROR, Term::NIL), |r| (r[0], r[1]));
                    let reply = if status == atoms::OK && self.write_chars(vm, value, true) {
                        atoms::OK
                    } else {
                        error_reply(vm, me, "format")
                    };
                    reply_to(vm, me, &head.message, reply);
                }
                self.run_queue(vm, me);
                let _ = self.out.flush();
                return;
            }
        }
        self.queue.push_back(Pending { message });
        if self.waiting_for.is_none() {
            self.run_queue(vm, me);
        }
        let _ = self.out.flush();
    }
}

/// `{error, Reason}` for a reply.
fn error_reply(vm: &mut Vm, me: &mut Process, reason: &str) -> Term {
    let mut b = TermBuilder::new(me, &mut vm.atoms);
    let r = b.atom(reason).unwrap_or(atoms::ERROR);
    b.tuple(&[atoms::ERROR, r]).unwrap_or(atoms::ERROR)
}

/// Sends `{io_reply, ReplyAs, Reply}` to the request's sender.
fn reply_to(vm: &mut Vm, me: &mut Process, request: &Message, reply: Term) {
    let Some(e) = elems(request.term) else { return };
    if e.len() != 4 {
        return;
    }
    let (from, reply_as) = (e[1], e[2]);
    let io_reply = vm.atoms.intern("io_reply").unwrap_or(atoms::UNDEFINED);
    let msg = TermBuilder::new(me, &mut vm.atoms).tuple(&[io_reply, reply_as, reply]).unwrap_or(Term::NIL);
    schedule::send(vm, me, from, msg);
}

impl GroupLeader {
    /// Serves queued requests until one must wait for an evaluator.
    fn run_queue(&mut self, vm: &mut Vm, me: &mut Process) {
        while self.waiting_for.is_none() {
            let Some(head) = self.queue.front() else { return };
            let term = head.message.term;
            let Some(e) = elems(term).filter(|e| e.len() == 4 && text(vm, e[0]) == "io_request") else {
                self.queue.pop_front();
                continue;
            };
            let request = e[3];
            match self.request(vm, me, request) {
                Some(reply) => {
                    let head = self.queue.pop_front();
                    if let Some(head) = head {
                        reply_to(vm, me, &head.message, reply);
                    }
                }
                None => return,
            }
        }
    }

    /// Serves one request; `None` when an evaluator was started for it.
    fn request(&mut self, vm: &mut Vm, me: &mut Process, request: Term) -> Option<Term> {
        let e = match elems(request) {
            Some(e) => e,
            None => {
                let name = text(vm, request).to_string();
                return Some(match name.as_str() {
                    "getopts" => self.getopts(vm, me),
                    _ => error_reply(vm, me, "request"),
                });
            }
        };
        let kind = text(vm, e[0]).to_string();
        Some(match (kind.as_str(), e.len()) {
            ("put_chars", 3) => {
                let unicode = text(vm, e[1]) != "latin1";
                if self.write_chars(vm, e[2], unicode) { atoms::OK } else { error_reply(vm, me, "arguments") }
            }
            ("put_chars", 2) => {
                if self.write_chars(vm, e[1], false) {
                    atoms::OK
                } else {
                    error_reply(vm, me, "arguments")
                }
            }
            ("put_chars", 5) => return self.evaluate(vm, me, e[2], e[3], e[4]),
            ("put_chars", 4) => return self.evaluate(vm, me, e[1], e[2], e[3]),
            ("get_line", 3) | ("get_line", 2) => {
                let prompt = e[e.len() - 1];
                self.write_chars(vm, prompt, true);
                let _ = self.out.flush();
                self.get_line(vm, me)
            }
            ("get_chars", 4) | ("get_chars", 3) => {
                let n = e[e.len() - 1].small_value().unwrap_or(0).max(0) as usize;
                self.write_chars(vm, e[e.len() - 2], true);
                let _ = self.out.flush();
                self.get_chars(vm, me, n)
            }
            ("setopts", 2) => self.setopts(vm, e[1]),
            ("get_geometry", 2) => error_reply(vm, me, "enotsup"),
            ("requests", 2) => {
                let mut last = atoms::OK;
                for r in list_elements(e[1]).unwrap_or_default() {
                    match self.request(vm, me, r) {
                        Some(reply) => last = reply,
                        None => return None,
                    }
                }
                last
            }
            _ => error_reply(vm, me, "request"),
        })
    }

    /// Spawns a process computing `apply(M, F, A)`; its result comes back tagged.
    fn evaluate(&mut self, vm: &mut Vm, me: &mut Process, m: Term, f: Term, a: Term) -> Option<Term> {
        self.next_tag += 1;
        let tag = Term::small(self.next_tag).unwrap_or(Term::NIL);
        match spawn_unlimited(vm, me, m, f, a) {
            Ok(pid) => {
                if let Some(p) = vm.process_mut(pid) {
                    p.reply_result_to = Some((me.id, tag));
                    p.group_leader = me.id;
                }
                self.waiting_for = Some(tag);
                None
            }
            Err(_) => Some(error_reply(vm, me, "arguments")),
        }
    }

    /// Writes characters (a chardata term); `false` if they are not valid.
    fn write_chars(&mut self, vm: &Vm, chars: Term, unicode: bool) -> bool {
        let mut bytes = Vec::new();
        if !chardata(vm, chars, unicode, &mut bytes) {
            return false;
        }
        self.out.write_all(&bytes).is_ok()
    }

    fn get_line(&mut self, vm: &mut Vm, me: &mut Process) -> Term {
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => vm.atoms.intern("eof").unwrap_or(atoms::UNDEFINED),
            Ok(_) => self.data_term(vm, me, &line),
        }
    }

    fn get_chars(&mut self, vm: &mut Vm, me: &mut Process, n: usize) -> Term {
        let mut buf = vec![0u8; n];
        let mut got = 0;
        let mut stdin = std::io::stdin().lock();
        while got < n {
            match std::io::Read::read(&mut stdin, &mut buf[got..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => got += k,
            }
        }
        if got == 0 && n > 0 {
            return vm.atoms.intern("eof").unwrap_or(atoms::UNDEFINED);
        }
        self.data_term(vm, me, &buf[..got])
    }

    /// Input as a string or, in binary mode, a binary.
    fn data_term(&self, vm: &mut Vm, me: &mut Process, bytes: &[u8]) -> Term {
        let mut b = TermBuilder::new(me, &mut vm.atoms);
        if self.binary {
            b.binary(bytes).unwrap_or(Term::NIL)
        } else {
            let chars: Vec<Term> =
                bytes.iter().map(|&c| Term::small(i64::from(c)).unwrap_or(Term::NIL)).collect();
            b.list(&chars).unwrap_or(Term::NIL)
        }
    }

    fn getopts(&self, vm: &mut Vm, me: &mut Process) -> Term {
        let mut b = TermBuilder::new(me, &mut vm.atoms);
        let build = |b: &mut TermBuilder<'_, Process>, binary: bool| -> Option<Term> {
            let bin = b.atom("binary").ok()?;
            let enc = b.atom("encoding").ok()?;
            let latin1 = b.atom("latin1").ok()?;
            let flag = if binary { atoms::TRUE } else { atoms::FALSE };
            let o1 = b.tuple(&[bin, flag]).ok()?;
            let o2 = b.tuple(&[enc, latin1]).ok()?;
            b.list(&[o1, o2]).ok()
        };
        build(&mut b, self.binary).unwrap_or(Term::NIL)
    }

    fn setopts(&mut self, vm: &Vm, opts: Term) -> Term {
        for o in list_elements(opts).unwrap_or_default() {
            match text(vm, o) {
                "binary" => self.binary = true,
                "list" => self.binary = false,
                _ => {
                    if let Some(e) = elems(o).filter(|e| e.len() == 2) {
                        if text(vm, e[0]) == "binary" {
                            self.binary = e[1] == atoms::TRUE;
                        }
                    }
                }
            }
        }
        atoms::OK
    }
}

/// Appends the output bytes of a chardata term: code points below 256 as one byte, larger
/// ones as `\x{HEX}` (erl's latin1 standard_io under `-noshell`). Binaries are UTF-8 when
/// `unicode`, Latin-1 bytes otherwise. Iterative: deep lists are common.
fn chardata(vm: &Vm, t: Term, unicode: bool, out: &mut Vec<u8>) -> bool {
    let _ = vm;
    // (term, whether it is an element of a list: only there is a character code allowed)
    let mut stack = vec![(t, false)];
    while let Some((t, in_list)) = stack.pop() {
        // SAFETY: the terms come from a message the group leader holds.
        let Ok(view) = (unsafe { t.view() }) else { return false };
        match view {
            View::Nil => {}
            View::Small(c) if in_list => {
                if !put_code_point(c, unicode, out) {
                    return false;
                }
            }
            View::Cons { head, tail } => {
                stack.push((tail, false));
                stack.push((head, true));
            }
            View::Bits(b) => {
                if !b.is_binary() {
                    return false;
                }
                let bytes = b.to_bytes();
                if unicode {
                    let Ok(s) = core::str::from_utf8(&bytes) else { return false };
                    for ch in s.chars() {
                        put_code_point(i64::from(u32::from(ch)), true, out);
                    }
                } else {
                    out.extend_from_slice(&bytes);
                }
            }
            _ => return false,
        }
    }
    true
}

fn put_code_point(c: i64, unicode: bool, out: &mut Vec<u8>) -> bool {
    match c {
        0..=255 => out.push(c as u8),
        256..=0x10FFFF if unicode => out.extend_from_slice(format!("\\x{{{c:X}}}").as_bytes()),
        _ => return false,
    }
    true
}
