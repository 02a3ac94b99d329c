//! A disassembler that prints a module's code in the notation of OTP's `beam_disasm:file/1`,
//! one instruction per line, so its output can be compared with real OTP mechanically.
//!
//! Each function starts with a `{function,Name,Arity,Entry}.` line; each instruction is an
//! Erlang term followed by `.`, exactly the term `beam_disasm` puts in the function's code
//! list (`int_code_end` is not listed, as in `beam_disasm`). `beam_disasm` keeps some operands
//! in their raw decoded form (`{u,N}`, `{i,N}`) and resolves others (`N`, `{integer,N}`),
//! instruction by instruction; [`Arg::Raw`] and [`Arg::Resolved`] follow it. Typed registers
//! print as `{tr,Reg,Type}` with rbeam's own type notation (OTP prints compiler-internal
//! records there; comparisons normalise `{tr,R,_}` to `R`).

use crate::chunks::code::Instr;
use crate::compact::{Items, Operand, Reg};
use crate::etf::Node;
use crate::module::Module;
use crate::opcodes::Opcode;
use core::fmt::{self, Write};

/// How an operand is printed.
#[derive(Clone, Copy)]
enum Arg<'o, 'a> {
    /// As `beam_disasm`'s `decode_arg`: `{u,N}`, `{i,N}`, `{atom,A}`, `{x,N}`...
    Raw(&'o Operand<'a>),
    /// As its `resolve_arg`: `N` for unsigned, `{integer,N}` for integers, others unchanged.
    Resolved(&'o Operand<'a>),
}

/// Writes the disassembly of `module` to `out`.
pub fn write(module: &Module<'_>, out: &mut dyn Write) -> fmt::Result {
    let p = Printer { m: module };
    let code = &module.code;
    for f in &module.functions {
        writeln!(out, "{{function,{},{},{}}}.", Atom(module.atom(f.name)), f.arity, f.entry_label)?;
        for instr in &code.instrs[f.start..f.end] {
            let indent = if instr.op == Opcode::Label { "  " } else { "    " };
            out.write_str(indent)?;
            p.instr(instr, out)?;
            out.write_str(".\n")?;
        }
    }
    Ok(())
}

/// An atom, quoted when Erlang syntax needs it.
struct Atom<'s>(&'s str);

impl fmt::Display for Atom<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::write_atom(f, self.0)
    }
}

struct Printer<'m, 'a> {
    m: &'m Module<'a>,
}

impl<'a> Printer<'_, 'a> {
    fn atom(&self, i: u32) -> Atom<'_> {
        Atom(self.m.atom(i))
    }

    fn arg(&self, a: Arg<'_, 'a>, out: &mut dyn Write) -> fmt::Result {
        let (op, resolved) = match a {
            Arg::Raw(op) => (op, false),
            Arg::Resolved(op) => (op, true),
        };
        match *op {
            Operand::Unsigned(n) if resolved => write!(out, "{n}"),
            Operand::Unsigned(n) => write!(out, "{{u,{n}}}"),
            Operand::Integer(n) if resolved => write!(out, "{{integer,{n}}}"),
            Operand::Integer(n) => write!(out, "{{i,{n}}}"),
            Operand::BigInteger(bytes) => {
                let tag = if resolved { "integer" } else { "i" };
                write!(out, "{{{tag},")?;
                crate::text::write_signed_be(out, bytes)?;
                out.write_char('}')
            }
            Operand::Atom(i) => write!(out, "{{atom,{}}}", self.atom(i)),
            Operand::Nil => out.write_str("nil"),
            Operand::X(n) => write!(out, "{{x,{n}}}"),
            Operand::Y(n) => write!(out, "{{y,{n}}}"),
            Operand::Label(n) => write!(out, "{{f,{n}}}"),
            Operand::Char(n) => write!(out, "{{h,{n}}}"),
            Operand::Float(v) => {
                out.write_str("{float,")?;
                crate::text::write_float(out, v)?;
                out.write_char('}')
            }
            Operand::FloatReg(n) => write!(out, "{{fr,{n}}}"),
            Operand::List(items) => {
                out.write_str("{list,")?;
                self.items(items, true, out)?;
                out.write_char('}')
            }
            Operand::AllocList(items) => {
                if !resolved {
                    out.write_str("{u,")?;
                }
                out.write_str("{alloc,[")?;
                for (k, pair) in self.m.code.items(items).chunks(2).enumerate() {
                    if k > 0 {
                        out.write_char(',')?;
                    }
                    let (kind, amount) = match pair {
                        [Operand::Unsigned(kind), Operand::Unsigned(amount)] => (*kind, *amount),
                        _ => (0, 0),
                    };
                    let name = ["words", "floats", "funs"].get(kind as usize).copied().unwrap_or("words");
                    write!(out, "{{{name},{amount}}}")?;
                }
                out.write_str("]}")?;
                if !resolved {
                    out.write_char('}')?;
                }
                Ok(())
            }
            Operand::Literal(i) => {
                let Some(lits) = &self.m.literals else { return write!(out, "{{literal,{i}}}") };
                let root = lits.roots[i as usize];
                // `beam_disasm` shows float literals as `{float,F}`.
                let tag = if matches!(lits.terms.node(root), Node::Float(_)) { "float" } else { "literal" };
                write!(out, "{{{tag},{}}}", lits.terms.display(root))
            }
            Operand::TypedReg { reg, type_index } => {
                out.write_str("{tr,")?;
                match reg {
                    Reg::X(n) => write!(out, "{{x,{n}}}")?,
                    Reg::Y(n) => write!(out, "{{y,{n}}}")?,
                }
                out.write_char(',')?;
                match self.m.types.as_ref().and_then(|t| t.get(type_index)) {
                    Some(t) => write!(out, "{t}")?,
                    None => out.write_str("any")?,
                }
                out.write_char('}')
            }
        }
    }

    fn items(&self, items: Items, resolved: bool, out: &mut dyn Write) -> fmt::Result {
        out.write_char('[')?;
        for (k, item) in self.m.code.items(items).iter().enumerate() {
            if k > 0 {
                out.write_char(',')?;
            }
            self.arg(if resolved { Arg::Resolved(item) } else { Arg::Raw(item) }, out)?;
        }
        out.write_char(']')
    }

    /// Writes a tuple whose first element is `name` and whose other elements are `args`.
    fn tuple(&self, name: &str, args: &[Arg<'_, 'a>], out: &mut dyn Write) -> fmt::Result {
        write!(out, "{{{}", Atom(name))?;
        for a in args {
            out.write_char(',')?;
            self.arg(*a, out)?;
        }
        out.write_char('}')
    }

    /// `{test,Name,Fail,[Args...]}` with everything resolved.
    fn test(&self, name: &str, fail: &Operand<'a>, args: &[Arg<'_, 'a>], out: &mut dyn Write) -> fmt::Result {
        write!(out, "{{test,{},", Atom(name))?;
        self.arg(Arg::Resolved(fail), out)?;
        out.write_str(",[")?;
        for (k, a) in args.iter().enumerate() {
            if k > 0 {
                out.write_char(',')?;
            }
            self.arg(*a, out)?;
        }
        out.write_str("]}")
    }

    fn unsigned(op: &Operand<'_>) -> u64 {
        match op {
            Operand::Unsigned(n) => *n,
            _ => 0,
        }
    }

    /// The `{M,F,A}` of the function a local label belongs to, as `beam_disasm` resolves
    /// call targets.
    fn local_mfa(&self, label: &Operand<'a>, out: &mut dyn Write) -> fmt::Result {
        let Operand::Label(l) = *label else { return self.arg(Arg::Raw(label), out) };
        let code = &self.m.code;
        let f = self.m.functions.iter().find(|f| {
            code.instrs[f.func_info + 1..]
                .iter()
                .take_while(|i| i.op == Opcode::Label)
                .any(|i| Self::unsigned(&code.args(i)[0]) == u64::from(l))
        });
        match f {
            Some(f) => write!(out, "{{{},{},{}}}", Atom(self.m.name()), self.atom(f.name), f.arity),
            None => write!(out, "{{f,{l}}}"),
        }
    }

    fn import(&self, index: &Operand<'a>, out: &mut dyn Write) -> fmt::Result {
        match self.m.imports.get(Self::unsigned(index) as usize) {
            Some(imp) => {
                write!(out, "{{extfunc,{},{},{}}}", self.atom(imp.module), self.atom(imp.function), imp.arity)
            }
            None => self.arg(Arg::Raw(index), out),
        }
    }

    fn import_name(&self, index: &Operand<'a>) -> Atom<'_> {
        let imp = self.m.imports.get(Self::unsigned(index) as usize);
        Atom(imp.map_or("", |imp| self.m.atom(imp.function)))
    }

    /// `{bif,Name,Fail,[Args],Dst}` / `{gc_bif,Name,Fail,Live,[Args],Dst}`.
    fn bif(
        &self,
        fail: &Operand<'a>,
        live: Option<&Operand<'a>>,
        bif: &Operand<'a>,
        args: &[Operand<'a>],
        dst: &Operand<'a>,
        out: &mut dyn Write,
    ) -> fmt::Result {
        let kind = if live.is_some() { "gc_bif" } else { "bif" };
        write!(out, "{{{kind},{},", self.import_name(bif))?;
        self.arg(Arg::Resolved(fail), out)?;
        if let Some(live) = live {
            out.write_char(',')?;
            self.arg(Arg::Resolved(live), out)?;
        }
        out.write_str(",[")?;
        for (k, a) in args.iter().enumerate() {
            if k > 0 {
                out.write_char(',')?;
            }
            self.arg(Arg::Resolved(a), out)?;
        }
        out.write_str("],")?;
        self.arg(Arg::Resolved(dst), out)?;
        out.write_char('}')
    }

    fn field_flags(op: &Operand<'_>, out: &mut dyn Write) -> fmt::Result {
        write!(out, "{{field_flags,{}}}", Self::unsigned(op))
    }

    fn atom_of(&self, op: &Operand<'a>) -> Atom<'_> {
        match op {
            Operand::Atom(i) => self.atom(*i),
            _ => Atom(""),
        }
    }

    fn instr(&self, instr: &Instr, out: &mut dyn Write) -> fmt::Result {
        use Arg::{Raw as W, Resolved as R};
        use Opcode::*;
        let a = self.m.code.args(instr);
        let name = instr.op.name();
        let u = |i: usize| Self::unsigned(&a[i]);
        match instr.op {
            Return | Send | RemoveMessage | Timeout | IfEnd | BsInitWritable | OnLoad | BuildStacktrace
            | RawRaise | NifStart | IntCodeEnd => write!(out, "{}", Atom(name)),
            Label | Line | Deallocate | CallFun | Apply => self.tuple(name, &[R(&a[0])], out),
            FuncInfo => write!(
                out,
                "{{func_info,{{atom,{}}},{{atom,{}}},{}}}",
                self.atom_of(&a[0]),
                self.atom_of(&a[1]),
                u(2)
            ),
            Call | CallOnly | CallLast => {
                write!(out, "{{{name},{},", u(0))?;
                self.local_mfa(&a[1], out)?;
                if instr.op == CallLast {
                    write!(out, ",{}", u(2))?;
                }
                out.write_char('}')
            }
            CallExt | CallExtOnly | CallExtLast => {
                write!(out, "{{{name},{},", u(0))?;
                self.import(&a[1], out)?;
                if instr.op == CallExtLast {
                    write!(out, ",{}", u(2))?;
                }
                out.write_char('}')
            }
            Bif0 => {
                write!(out, "{{bif,{},nofail,[],", self.import_name(&a[0]))?;
                self.arg(R(&a[1]), out)?;
                out.write_char('}')
            }
            Bif1 | Bif2 | Bif3 => {
                let n = a.len();
                self.bif(&a[0], None, &a[1], &a[2..n - 1], &a[n - 1], out)
            }
            GcBif1 | GcBif2 | GcBif3 => {
                let n = a.len();
                self.bif(&a[0], Some(&a[1]), &a[2], &a[3..n - 1], &a[n - 1], out)
            }
            Allocate | AllocateHeap | TestHeap | Trim | ApplyLast | GetTupleElement | SetTupleElement
            | PutList | Move | Badmatch | CaseEnd | TryCaseEnd | Badrecord | Swap | WaitTimeout | Fmove
            | Fconv => {
                // Operands that `beam_disasm` resolves; destinations and labels print the
                // same either way.
                let args: Vec<Arg<'_, 'a>> = a.iter().map(R).collect();
                self.tuple(name, &args, out)
            }
            LoopRec | LoopRecEnd | Wait | Jump | Catch | CatchEnd | Try | TryEnd | TryCase | GetList
            | GetHd | GetTl | BsStartMatch3 | BsStartMatch4 | BsGetTail | BsGetPosition | BsSetPosition
            | RecvMarkerBind | RecvMarkerClear | RecvMarkerReserve | RecvMarkerUse => {
                let args: Vec<Arg<'_, 'a>> = a.iter().map(W).collect();
                self.tuple(name, &args, out)
            }
            IsLt | IsGe | IsEq | IsNe | IsEqExact | IsNeExact | IsInteger | IsFloat | IsNumber | IsAtom
            | IsPid | IsReference | IsPort | IsNil | IsBinary | IsList | IsNonemptyList | IsTuple
            | TestArity | IsTaggedTuple | IsFunction | IsFunction2 | IsBoolean | IsBitstr | IsMap
            | BsTestTail2 | BsTestUnit => {
                let args: Vec<Arg<'_, 'a>> = a[1..].iter().map(R).collect();
                self.test(name, &a[0], &args, out)
            }
            CallFun2 => self.tuple(name, &[W(&a[0]), R(&a[1]), W(&a[2])], out),
            Raise => {
                out.write_str("{raise,{f,0},[")?;
                self.arg(W(&a[0]), out)?;
                out.write_char(',')?;
                self.arg(W(&a[1]), out)?;
                out.write_str("],{x,0}}")
            }
            Fadd | Fsub | Fmul | Fdiv | Fnegate => {
                write!(out, "{{arithfbif,{name},")?;
                self.arg(R(&a[0]), out)?;
                let n = a.len();
                self.items_of(&a[1..n - 1], out)?;
                out.write_char(',')?;
                self.arg(R(&a[n - 1]), out)?;
                out.write_char('}')
            }
            SelectVal | SelectTupleArity => {
                write!(out, "{{{name},")?;
                self.arg(W(&a[0]), out)?;
                out.write_char(',')?;
                self.arg(W(&a[1]), out)?;
                out.write_char(',')?;
                self.arg(R(&a[2]), out)?;
                out.write_char('}')
            }
            BsGetInteger2 | BsGetFloat2 | BsGetBinary2 => {
                write!(out, "{{test,{name},")?;
                self.arg(W(&a[0]), out)?;
                write!(out, ",[")?;
                self.arg(W(&a[1]), out)?;
                write!(out, ",{},", u(2))?;
                self.arg(R(&a[3]), out)?;
                write!(out, ",{},", u(4))?;
                Self::field_flags(&a[5], out)?;
                out.write_char(',')?;
                self.arg(R(&a[6]), out)?;
                out.write_str("]}")
            }
            BsSkipBits2 => {
                write!(out, "{{test,{name},")?;
                self.arg(W(&a[0]), out)?;
                out.write_str(",[")?;
                self.arg(W(&a[1]), out)?;
                out.write_char(',')?;
                self.arg(R(&a[2]), out)?;
                write!(out, ",{},", u(3))?;
                Self::field_flags(&a[4], out)?;
                out.write_str("]}")
            }
            BsMatchString => {
                write!(out, "{{test,{name},")?;
                self.arg(W(&a[0]), out)?;
                out.write_str(",[")?;
                self.arg(W(&a[1]), out)?;
                let bits = u(2);
                let off = u(3) as usize;
                let len = bits.div_ceil(8) as usize;
                let bytes = self.m.strings.get(off..off + len).unwrap_or(&[]);
                write!(out, ",{bits},")?;
                crate::text::write_binary(out, bytes)?;
                out.write_str("]}")
            }
            BsGetUtf8 | BsGetUtf16 | BsGetUtf32 | BsSkipUtf8 | BsSkipUtf16 | BsSkipUtf32 => {
                write!(out, "{{test,{name},")?;
                self.arg(W(&a[0]), out)?;
                out.write_str(",[")?;
                self.arg(R(&a[1]), out)?;
                out.write_char(',')?;
                self.arg(R(&a[2]), out)?;
                out.write_char(',')?;
                Self::field_flags(&a[3], out)?;
                if let Some(dst) = a.get(4) {
                    out.write_char(',')?;
                    self.arg(R(dst), out)?;
                }
                out.write_str("]}")
            }
            PutMapAssoc | PutMapExact => {
                write!(out, "{{{name},")?;
                for op in &a[..3] {
                    self.arg(W(op), out)?;
                    out.write_char(',')?;
                }
                write!(out, "{},", u(3))?;
                self.arg(R(&a[4]), out)?;
                out.write_char('}')
            }
            HasMapFields => {
                out.write_str("{test,has_map_fields,")?;
                self.arg(W(&a[0]), out)?;
                out.write_char(',')?;
                self.arg(W(&a[1]), out)?;
                out.write_char(',')?;
                self.arg(R(&a[2]), out)?;
                out.write_char('}')
            }
            GetMapElements | PutTuple2 | InitYregs => {
                let n = a.len();
                let mut args: Vec<Arg<'_, 'a>> = a[..n - 1].iter().map(W).collect();
                args.push(R(&a[n - 1]));
                self.tuple(name, &args, out)
            }
            MakeFun3 => {
                let lambda = self.m.lambdas.get(u(0) as usize);
                let (f, arity, uniq) = lambda.map_or((0, 0, 0), |l| (l.function, l.arity, l.old_uniq));
                write!(
                    out,
                    "{{make_fun3,{{{},{},{arity}}},{},{uniq},",
                    Atom(self.m.name()),
                    self.atom(f),
                    u(0)
                )?;
                self.arg(W(&a[1]), out)?;
                out.write_char(',')?;
                self.arg(R(&a[2]), out)?;
                out.write_char('}')
            }
            BsCreateBin => {
                // OTP 25's beam_disasm leaves this instruction entirely in raw form, the list
                // header included.
                out.write_str("{bs_create_bin,[{")?;
                for op in &a[..5] {
                    self.arg(W(op), out)?;
                    out.write_char(',')?;
                }
                let Operand::List(items) = a[5] else { return self.arg(W(&a[5]), out) };
                write!(out, "{{z,1}},{{u,{}}},", items.len)?;
                self.items(items, false, out)?;
                out.write_str("}]}")
            }
            UpdateRecord | BsMatch | ExecutableLine | DebugLine => {
                let args: Vec<Arg<'_, 'a>> = a.iter().map(R).collect();
                self.tuple(name, &args, out)
            }
            // Obsolete opcodes never get past the decoder.
            _ => {
                let args: Vec<Arg<'_, 'a>> = a.iter().map(W).collect();
                self.tuple(name, &args, out)
            }
        }
    }

    /// `[A1,...]` of resolved operands.
    fn items_of(&self, ops: &[Operand<'a>], out: &mut dyn Write) -> fmt::Result {
        out.write_str(",[")?;
        for (k, op) in ops.iter().enumerate() {
            if k > 0 {
                out.write_char(',')?;
            }
            self.arg(Arg::Resolved(op), out)?;
        }
        out.write_char(']')
    }
}
