//! A VM with one process to call BIFs in, shared by the data BIF tests.

#![allow(dead_code)]

use rbeam_runtime::bif::{BifCtx, BifResult};
use rbeam_runtime::term::{Term, TermBuilder, View};
use rbeam_runtime::{Process, Vm};

/// A VM and one process to run BIFs in.
pub struct Env {
    pub vm: Vm,
    pub proc: Process,
}

impl Env {
    pub fn new() -> Env {
        let mut vm = Vm::new();
        let proc = vm.new_process(1000).expect("pid");
        Env { vm, proc }
    }

    pub fn atom(&mut self, text: &str) -> Term {
        self.vm.atoms.intern(text).expect("atom")
    }

    pub fn call(&mut self, module: &str, name: &str, args: &[Term]) -> BifResult {
        let (m, f) = (self.atom(module), self.atom(name));
        let entry = self.vm.bifs.get(m, f, args.len() as u32).unwrap_or_else(|| panic!("{module}:{name}"));
        let f = entry.f;
        let mut ctx = BifCtx { vm: &mut self.vm, proc: &mut self.proc };
        f(&mut ctx, args)
    }

    pub fn ok(&mut self, module: &str, name: &str, args: &[Term]) -> Term {
        match self.call(module, name, args) {
            BifResult::Ok(t) => t,
            other => panic!("{module}:{name} gave {other:?}"),
        }
    }

    pub fn binary(&mut self, bytes: &[u8]) -> Term {
        TermBuilder::new(&mut self.proc, &mut self.vm.atoms).binary(bytes).expect("binary")
    }

    pub fn list(&mut self, elements: &[Term]) -> Term {
        TermBuilder::new(&mut self.proc, &mut self.vm.atoms).list(elements).expect("list")
    }

    pub fn tuple(&mut self, elements: &[Term]) -> Term {
        TermBuilder::new(&mut self.proc, &mut self.vm.atoms).tuple(elements).expect("tuple")
    }

    pub fn int(&mut self, value: i128) -> Term {
        TermBuilder::new(&mut self.proc, &mut self.vm.atoms).integer(value).expect("integer")
    }
}

/// Decodes a term built by the BIFs under test.
pub fn view(term: Term) -> View<'static> {
    // SAFETY: every term in these tests lives on the heap (or a fragment) of an `Env`'s
    // process, which outlives the test body, and nothing is ever collected.
    unsafe { term.view() }.expect("a term")
}

pub fn bytes_of(term: Term) -> Vec<u8> {
    match view(term) {
        View::Bits(b) => b.to_bytes(),
        other => panic!("not a binary: {other:?}"),
    }
}

pub fn integer_of(term: Term) -> i128 {
    match view(term) {
        View::Small(v) => i128::from(v),
        View::Bignum(big) => {
            let mut value: i128 = 0;
            for &digit in big.digits.iter().rev() {
                value = (value << usize::BITS) | digit as i128;
            }
            if big.negative { -value } else { value }
        }
        other => panic!("not an integer: {other:?}"),
    }
}

/// The elements of a proper list.
pub fn list_elements(mut list: Term) -> Vec<Term> {
    let mut out = Vec::new();
    while let View::Cons { head, tail } = view(list) {
        out.push(head);
        list = tail;
    }
    out
}

/// A term in `~w` syntax (for failure messages).
pub fn show(env: &mut Env, term: Term) -> String {
    // SAFETY: as for `view`: the term lives on the env's process heap.
    unsafe { rbeam_runtime::print::to_string(&env.vm.atoms, term) }.unwrap_or_else(|e| format!("<{e}>"))
}

impl Env {
    /// An atom's text.
    pub fn text(&self, atom: Term) -> String {
        self.vm.atoms.text(atom).expect("an atom").to_owned()
    }
}
