//! Load-time translation: a validated generic module (from the loader) into the interpreter's
//! instruction stream.
//!
//! The pass resolves every operand once: atoms to atom terms, literals to terms in the
//! module's literal area, big integers and inline floats to terms in a constant area of
//! their own, imports to export entries, BIFs to their entries, funs to fun entries. Labels
//! become instruction indices during the pass and code addresses once the stream is boxed
//! (its final place). `line` instructions produce no code: they fill the address-to-location
//! table stack traces use. Anything the interpreter does not implement fails the load with a
//! message naming the instruction and its function.

use core::fmt;

use hashbrown::HashMap;
use rbeam_loader::compact::{Operand, Reg};
use rbeam_loader::opcodes::Opcode;
use rbeam_loader::{Module, chunks::code::Instr as GenInstr};
use rbeam_runtime::dispatch::{Export, FunEntry, Mfa};
use rbeam_runtime::literal::LiteralArea;
use rbeam_runtime::modules::{FunctionInfo, Location};
use rbeam_runtime::term::{bignum, float};
use rbeam_runtime::{Term, Vm, atoms};

use crate::instr::*;
use crate::instr_bs;

/// Why a module could not be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslateError {
    pub message: String,
}

impl fmt::Display for TranslateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TranslateError {}

/// A translated module, ready to be registered.
pub struct Translated {
    pub code: Box<[Instr]>,
    pub functions: Vec<FunctionInfo>,
    pub exports: Vec<(Term, u32, usize)>,
    pub lines: Vec<(usize, Location)>,
    pub files: Vec<String>,
    pub funs: Box<[FunEntry]>,
    pub constants: LiteralArea,
    /// Which generic opcodes the module uses (for coverage reports).
    pub opcodes: Vec<Opcode>,
    /// The generic opcode each instruction of `code` was translated from.
    #[cfg(feature = "coverage")]
    pub origins: Vec<Opcode>,
}

/// Bytes identifying a heap constant of the code (a big integer or an inline float).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Big(Vec<u8>),
    Float(u64),
}

pub(crate) struct Translator<'v, 'm, 'a> {
    vm: &'v mut Vm,
    m: &'m Module<'a>,
    atoms: Vec<Term>,
    literals: &'m LiteralArea,
    constants: HashMap<ConstKey, Term>,
    funs: &'m [FunEntry],
    out: Vec<Instr>,
    /// Output index of each label.
    labels: Vec<usize>,
    /// `(output index, generic line item)` where the location changes.
    line_marks: Vec<(usize, u32)>,
    /// Function currently being translated (for error messages).
    current: Option<(u32, u32)>,
    opcodes: Vec<Opcode>,
    #[cfg(feature = "coverage")]
    origins: Vec<Opcode>,
}

/// The marker a label-valued `Code` carries until the stream is placed.
const UNRESOLVED: usize = usize::MAX;

/// Translates `m`, whose literals are already built into `literals`.
pub fn translate(vm: &mut Vm, m: &Module<'_>, literals: &LiteralArea) -> Result<Translated, TranslateError> {
    let module_name = m.name().to_string();
    let atoms: Vec<Term> = std::iter::once(Ok(atoms::UNDEFINED))
        .chain(m.atoms.iter().map(|a| vm.atoms.intern(a)))
        .collect::<Result<_, _>>()
        .map_err(|e| TranslateError { message: format!("{module_name}: {e}") })?;
    let module = atoms[1];
    let funs: Box<[FunEntry]> =
        m.lambdas.iter().map(|l| FunEntry::new(module, l.index, l.old_uniq, l.index, l.arity)).collect();
    let constants_area = build_constants(m)?;
    let mut constants = HashMap::new();
    for (key, &t) in constants_area.1.iter().zip(constants_area.0.roots()) {
        constants.insert(key.clone(), t);
    }
    let mut t = Translator {
        vm,
        m,
        atoms,
        literals,
        constants,
        funs: &funs,
        out: Vec::with_capacity(m.code.instrs.len()),
        labels: vec![UNRESOLVED; m.code.header.label_count as usize],
        line_marks: Vec::new(),
        current: None,
        opcodes: Vec::new(),
        #[cfg(feature = "coverage")]
        origins: Vec::new(),
    };
    let mut func_infos = Vec::with_capacity(m.functions.len());
    for f in &m.functions {
        t.current = Some((f.name, f.arity));
        for gi in &m.code.instrs[f.start..f.end] {
            if gi.op == Opcode::FuncInfo {
                func_infos.push(t.out.len());
            }
            t.instr(gi)?;
        }
    }
    #[cfg(feature = "coverage")]
    let origins = core::mem::take(&mut t.origins);
    let Translator { out, labels, line_marks, opcodes, atoms, vm, .. } = t;
    let mut code = out.into_boxed_slice();
    let base = code.as_ptr() as usize;
    let size = core::mem::size_of::<Instr>();
    let addr = |index: usize| base + index * size;
    let resolve = |label: usize| -> usize { addr(labels[label]) };
    for instr in code.iter_mut() {
        instr.for_each_code(&mut |c: &mut Code| c.0 = resolve(c.0));
        if let Instr::Catch { handler, tag, .. } | Instr::Try { handler, tag, .. } = instr {
            *tag = vm.catch_tag(handler.0);
        }
    }
    let label_addr = |label: u32| resolve(label as usize);
    let functions = m
        .functions
        .iter()
        .zip(&func_infos)
        .map(|(f, &fi)| FunctionInfo {
            name: atoms[f.name as usize],
            arity: f.arity,
            start: addr(fi),
            entry: label_addr(f.entry_label),
        })
        .collect();
    let exports =
        m.exports.iter().map(|e| (atoms[e.function as usize], e.arity, label_addr(e.label))).collect();
    for (entry, l) in funs.iter().zip(&m.lambdas) {
        entry.dispatch.addresses[0].store(label_addr(l.label), core::sync::atomic::Ordering::Relaxed);
    }
    let lines = line_marks
        .iter()
        .map(|&(i, item)| {
            let loc = m
                .lines
                .as_ref()
                .and_then(|l| l.item(item))
                .map_or(Location { file: 0, line: 0 }, |it| Location { file: it.file, line: it.line });
            (addr(i), loc)
        })
        .collect();
    let mut files = vec![format!("{module_name}.erl")];
    if let Some(l) = &m.lines {
        files.extend(
            l.file_names
                .iter()
                .map(|s| if s.is_empty() { format!("{module_name}.erl") } else { s.to_string() }),
        );
    }
    Ok(Translated {
        code,
        functions,
        exports,
        lines,
        files,
        funs,
        constants: constants_area.0,
        opcodes,
        #[cfg(feature = "coverage")]
        origins,
    })
}

/// Builds the big integers and inline floats of the code into an area of their own.
fn build_constants(m: &Module<'_>) -> Result<(LiteralArea, Vec<ConstKey>), TranslateError> {
    let mut keys: Vec<ConstKey> = Vec::new();
    let mut seen = hashbrown::HashSet::new();
    let mut words = 0;
    for op in &m.code.operands {
        let (key, w) = match *op {
            Operand::Integer(n) if Term::small(n).is_none() => {
                (ConstKey::Int(n), bignum::heap_words_i128(i128::from(n)))
            }
            Operand::BigInteger(b) => {
                let (negative, magnitude) = twos_complement_to_magnitude(b);
                let digits = bignum::digits_from_le_bytes(&magnitude);
                (ConstKey::Big(b.to_vec()), bignum::heap_words(negative, &digits))
            }
            Operand::Float(f) => (ConstKey::Float(f.to_bits()), float::HEAP_WORDS),
            _ => continue,
        };
        if seen.insert(key.clone()) {
            keys.push(key);
            words += w;
        }
    }
    let area = LiteralArea::build(words, |heap| {
        keys.iter()
            .map(|k| match k {
                ConstKey::Int(n) => bignum::build_i128(heap, i128::from(*n)),
                ConstKey::Big(b) => {
                    let (negative, magnitude) = twos_complement_to_magnitude(b);
                    bignum::build(heap, negative, &bignum::digits_from_le_bytes(&magnitude))
                }
                ConstKey::Float(bits) => float::build(heap, f64::from_bits(*bits)),
            })
            .collect()
    })
    .map_err(|e| TranslateError { message: format!("{}: constants: {e:?}", m.name()) })?;
    Ok((area, keys))
}

/// Sign and little-endian magnitude of a big-endian two's complement integer.
fn twos_complement_to_magnitude(bytes: &[u8]) -> (bool, Vec<u8>) {
    let negative = bytes.first().is_some_and(|&b| b & 0x80 != 0);
    let mut magnitude: Vec<u8> = bytes.iter().rev().map(|&b| if negative { !b } else { b }).collect();
    if negative {
        for b in &mut magnitude {
            let (v, carry) = b.overflowing_add(1);
            *b = v;
            if !carry {
                break;
            }
        }
    }
    (negative, magnitude)
}

impl<'a> Translator<'_, '_, 'a> {
    pub(crate) fn error(&self, what: impl fmt::Display) -> TranslateError {
        let module = self.m.name();
        let message = match self.current {
            Some((f, a)) => format!("{module}: {}/{a}: {what}", self.m.atom(f)),
            None => format!("{module}: {what}"),
        };
        TranslateError { message }
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        self.out.push(i);
    }

    pub(crate) fn items(&self, op: &Operand<'a>) -> &'_ [Operand<'a>] {
        match *op {
            Operand::List(items) | Operand::AllocList(items) => self.m.code.items(items),
            _ => &[],
        }
    }

    pub(crate) fn atom(&self, i: u32) -> Term {
        self.atoms[i as usize]
    }

    /// A constant term for an operand that is not a register.
    pub(crate) fn constant(&self, op: &Operand<'a>) -> Result<Term, TranslateError> {
        Ok(match *op {
            Operand::Atom(i) => self.atom(i),
            Operand::Nil => Term::NIL,
            Operand::Integer(n) => match Term::small(n) {
                Some(t) => t,
                None => self.constants[&ConstKey::Int(n)],
            },
            Operand::BigInteger(b) => self.constants[&ConstKey::Big(b.to_vec())],
            Operand::Float(f) => self.constants[&ConstKey::Float(f.to_bits())],
            Operand::Char(c) => Term::small(i64::from(c)).unwrap_or(Term::NIL),
            Operand::Literal(i) => self.literals.roots()[i as usize],
            Operand::Unsigned(n) => match Term::small(n as i64) {
                Some(t) => t,
                None => return Err(self.error("unsigned operand too large")),
            },
            other => return Err(self.error(format_args!("{} where a term was expected", other.kind_name()))),
        })
    }

    pub(crate) fn src(&self, op: &Operand<'a>) -> Result<Src, TranslateError> {
        Ok(match *op {
            Operand::X(n) => Src::x(n),
            Operand::Y(n) => Src::y(n),
            Operand::TypedReg { reg: Reg::X(n), .. } => Src::x(n),
            Operand::TypedReg { reg: Reg::Y(n), .. } => Src::y(n),
            _ => Src::constant(self.constant(op)?),
        })
    }

    pub(crate) fn dst(&self, op: &Operand<'a>) -> Result<Dst, TranslateError> {
        match *op {
            Operand::X(n) | Operand::TypedReg { reg: Reg::X(n), .. } => Ok(Dst::X(n)),
            Operand::Y(n) | Operand::TypedReg { reg: Reg::Y(n), .. } => Ok(Dst::Y(n)),
            other => Err(self.error(format_args!("{} where a register was expected", other.kind_name()))),
        }
    }

    pub(crate) fn unsigned(&self, op: &Operand<'a>) -> Result<u32, TranslateError> {
        match *op {
            Operand::Unsigned(n) => u32::try_from(n).map_err(|_| self.error("unsigned operand too large")),
            other => Err(self.error(format_args!("{} where an unsigned was expected", other.kind_name()))),
        }
    }

    pub(crate) fn y(&self, op: &Operand<'a>) -> Result<u32, TranslateError> {
        match self.dst(op)? {
            Dst::Y(n) => Ok(n),
            Dst::X(_) => Err(self.error("x register where a y register was expected")),
        }
    }

    pub(crate) fn fr(&self, op: &Operand<'a>) -> Result<u32, TranslateError> {
        match *op {
            Operand::FloatReg(n) => Ok(n),
            other => {
                Err(self.error(format_args!("{} where a float register was expected", other.kind_name())))
            }
        }
    }

    /// A label operand as a not-yet-placed code address.
    pub(crate) fn label(&self, op: &Operand<'a>) -> Result<Code, TranslateError> {
        match *op {
            Operand::Label(0) => Err(self.error("missing label")),
            Operand::Label(n) => Ok(Code(n as usize)),
            other => Err(self.error(format_args!("{} where a label was expected", other.kind_name()))),
        }
    }

    /// A fail label: `{f,0}` means "raise".
    pub(crate) fn fail(&self, op: &Operand<'a>) -> Result<Fail, TranslateError> {
        match *op {
            Operand::Label(0) => Ok(Fail::Raise),
            _ => Ok(Fail::To(self.label(op)?)),
        }
    }

    /// Heap words of an allocation operand (a word count or an allocation list).
    pub(crate) fn heap_words(&self, op: &Operand<'a>) -> Result<u32, TranslateError> {
        match *op {
            Operand::Unsigned(n) => u32::try_from(n).map_err(|_| self.error("heap size too large")),
            Operand::AllocList(_) => {
                let mut words = 0u32;
                for pair in self.items(op).chunks(2) {
                    let (Operand::Unsigned(kind), Operand::Unsigned(n)) = (pair[0], pair[1]) else {
                        continue;
                    };
                    let per = match kind {
                        0 => 1,
                        1 => float::HEAP_WORDS as u64,
                        _ => rbeam_runtime::term::fun::BASE_WORDS as u64,
                    };
                    words = words.saturating_add(u32::try_from(n * per).unwrap_or(u32::MAX));
                }
                Ok(words)
            }
            other => Err(self.error(format_args!("{} where a heap size was expected", other.kind_name()))),
        }
    }

    /// The export entry of import `op`.
    pub(crate) fn import(&mut self, op: &Operand<'a>) -> Result<*const Export, TranslateError> {
        let imp = self.m.imports[self.unsigned(op)? as usize];
        let mfa = Mfa {
            module: self.atom(imp.module),
            function: self.atom(imp.function),
            arity: imp.arity as usize,
        };
        Ok(self.vm.exports.entry(mfa).as_ptr())
    }

    /// The module, function and arity of import `op`.
    pub(crate) fn import_mfa(&self, op: &Operand<'a>) -> Result<(Term, Term, u32), TranslateError> {
        let imp = self.m.imports[self.unsigned(op)? as usize];
        Ok((self.atom(imp.module), self.atom(imp.function), imp.arity))
    }

    pub(crate) fn fun_entry(&self, index: u32) -> *const FunEntry {
        &self.funs[index as usize] as *const FunEntry
    }

    /// The module's string table (`StrT`).
    pub(crate) fn strings(&self) -> &[u8] {
        self.m.strings
    }

    pub(crate) fn vm(&mut self) -> &mut Vm {
        self.vm
    }

    fn instr(&mut self, gi: &GenInstr) -> Result<(), TranslateError> {
        let op = gi.op;
        if !self.opcodes.contains(&op) {
            self.opcodes.push(op);
        }
        let a: Vec<Operand<'a>> = self.m.code.args(gi).to_vec();
        match op {
            Opcode::Label => {
                let n = self.unsigned(&a[0])? as usize;
                self.labels[n] = self.out.len();
            }
            Opcode::Line => {
                let item = self.unsigned(&a[0])?;
                self.line_marks.push((self.out.len(), item));
            }
            Opcode::IntCodeEnd | Opcode::NifStart | Opcode::ExecutableLine | Opcode::DebugLine => {}
            Opcode::OnLoad => return Err(self.error("on_load functions are not supported")),
            _ => {
                if !crate::instr_common::translate(self, op, &a)?
                    && !crate::instr_call::translate(self, op, &a)?
                    && !crate::instr_bif::translate(self, op, &a)?
                    && !crate::instr_exception::translate(self, op, &a)?
                    && !crate::instr_msg::translate(self, op, &a)?
                    && !crate::instr_float::translate(self, op, &a)?
                    && !crate::instr_map::translate(self, op, &a)?
                    && !instr_bs::translate(self, op, &a)?
                {
                    return Err(self.error(format_args!("unsupported instruction {}", op.name())));
                }
            }
        }
        #[cfg(feature = "coverage")]
        self.origins.resize(self.out.len(), op);
        Ok(())
    }
}

impl Instr {
    /// Calls `f` on every code address operand, so they can be placed.
    fn for_each_code(&mut self, f: &mut dyn FnMut(&mut Code)) {
        let fail = |x: &mut Fail, f: &mut dyn FnMut(&mut Code)| {
            if let Fail::To(c) = x {
                f(c)
            }
        };
        match self {
            Instr::Jump { to }
            | Instr::Call { to, .. }
            | Instr::CallLast { to, .. }
            | Instr::CallOnly { to, .. }
            | Instr::LoopRecEnd { to }
            | Instr::Wait { to }
            | Instr::WaitTimeout { to, .. } => f(to),
            Instr::IsNil { fail, .. }
            | Instr::IsNonemptyList { fail, .. }
            | Instr::IsType { fail, .. }
            | Instr::IsFunction2 { fail, .. }
            | Instr::TestArity { fail, .. }
            | Instr::IsTaggedTuple { fail, .. }
            | Instr::Compare { fail, .. }
            | Instr::LoopRec { fail, .. }
            | Instr::GetMapElements { fail, .. }
            | Instr::HasMapFields { fail, .. } => f(fail),
            Instr::SelectVal { fail, table, .. } | Instr::SelectTupleArity { fail, table, .. } => {
                f(fail);
                for c in table.targets.iter_mut() {
                    f(c);
                }
            }
            Instr::Catch { handler, .. } | Instr::Try { handler, .. } => f(handler),
            Instr::Bif { fail: x, .. } | Instr::Arith { fail: x, .. } | Instr::PutMap { fail: x, .. } => {
                fail(x, f)
            }
            Instr::Bs(bs) => bs.for_each_code(f),
            _ => {}
        }
    }
}
