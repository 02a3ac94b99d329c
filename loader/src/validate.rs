//! Validation: every cross-reference checked before anything downstream relies on it.
//!
//! After this pass, consumers of a [`Module`] may index tables with operand values without
//! bounds checks failing: atoms, labels, literals, imports, funs, line items and types are in
//! range, registers are below [`MAX_REG`], every operand has the kind its instruction takes,
//! and the code has the shape every compiler writes (each function a `label`, `func_info`,
//! entry `label` header, the stream ending with `int_code_end`).

use crate::chunks::tables::Export;
use crate::compact::{Operand, Reg};
use crate::container::Chunk;
use crate::error::{ChunkId, ErrorKind, LoadError};
use crate::module::Module;
use crate::opcodes::Opcode;

/// Register numbers (x, y and float) must be below this, as in erts.
pub const MAX_REG: u32 = 1024;
/// The largest function arity.
pub const MAX_ARITY: u32 = 255;

/// A function found in the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Function {
    /// Atom index of the name.
    pub name: u32,
    pub arity: u32,
    /// The label before `func_info` (where `function_clause` is raised from).
    pub func_label: u32,
    /// The entry label, right after `func_info`.
    pub entry_label: u32,
    /// Instruction index of `func_info`.
    pub func_info: usize,
    /// Instruction range of the whole function, its header labels and lines included.
    pub start: usize,
    pub end: usize,
}

/// The operand kinds an instruction takes, one letter per operand:
/// `u` unsigned, `A` unsigned or allocation list, `f` label (0 = none), `L` label (not 0),
/// `s` source (register or constant), `d` destination register, `l` list, `F` float
/// register, `a` atom, `I` import index, `N` fun index, `M` line item, `c` label or atom,
/// `*` anything.
fn signature(op: Opcode) -> &'static str {
    use Opcode::*;
    match op {
        Label => "u",
        FuncInfo => "aau",
        IntCodeEnd | Return | Send | RemoveMessage | Timeout | IfEnd | BsInitWritable | OnLoad
        | BuildStacktrace | RawRaise | NifStart => "",
        Call | CallOnly => "uL",
        CallLast => "uLu",
        CallExt | CallExtOnly => "uI",
        CallExtLast => "uIu",
        Bif0 => "Id",
        Bif1 => "fIsd",
        Bif2 => "fIssd",
        Bif3 => "fIsssd",
        GcBif1 => "fuIsd",
        GcBif2 => "fuIssd",
        GcBif3 => "fuIsssd",
        Allocate | Trim | ApplyLast => "uu",
        AllocateHeap => "uAu",
        TestHeap => "Au",
        Deallocate | CallFun | Apply => "u",
        LoopRec => "Ld",
        LoopRecEnd | Wait | Jump => "L",
        WaitTimeout => "Ls",
        IsLt | IsGe | IsEq | IsNe | IsEqExact | IsNeExact | IsFunction2 => "fss",
        IsInteger | IsFloat | IsNumber | IsAtom | IsPid | IsReference | IsPort | IsNil | IsBinary
        | IsList | IsNonemptyList | IsTuple | IsFunction | IsBoolean | IsBitstr | IsMap => "fs",
        TestArity => "fsu",
        IsTaggedTuple => "fsua",
        SelectVal | SelectTupleArity => "sfl",
        Catch | Try => "dL",
        CatchEnd | TryEnd | TryCase | RecvMarkerReserve => "d",
        Move | GetHd | GetTl => "sd",
        GetList => "sdd",
        GetTupleElement => "sud",
        SetTupleElement => "sdu",
        PutList => "ssd",
        PutTuple2 => "dl",
        Badmatch | CaseEnd | TryCaseEnd | Badrecord | RecvMarkerClear | RecvMarkerUse => "s",
        Raise | BsSetPosition | RecvMarkerBind => "ss",
        Fmove => "**",
        Fconv => "sF",
        Fadd | Fsub | Fmul | Fdiv => "fFFF",
        Fnegate => "fFF",
        BsGetInteger2 | BsGetFloat2 | BsGetBinary2 => "fsusuud",
        BsSkipBits2 => "fssuu",
        BsTestTail2 | BsTestUnit => "fsu",
        BsMatchString => "fsuu",
        BsGetUtf8 | BsGetUtf16 | BsGetUtf32 => "fsuud",
        BsSkipUtf8 | BsSkipUtf16 | BsSkipUtf32 => "fsuu",
        Line => "M",
        PutMapAssoc | PutMapExact => "fsdul",
        HasMapFields | GetMapElements | BsMatch => "fsl",
        BsGetTail | BsGetPosition => "sdu",
        BsStartMatch3 => "fsud",
        BsStartMatch4 => "cusd",
        Swap => "dd",
        MakeFun3 => "Ndl",
        InitYregs => "l",
        BsCreateBin => "fAuudl",
        CallFun2 => "*us",
        UpdateRecord => "ausdl",
        ExecutableLine => "Mu",
        DebugLine => "****",
        // Obsolete opcodes are refused while decoding; they never reach validation.
        _ => "",
    }
}

struct Checker<'m, 'a> {
    module: &'m Module<'a>,
    /// Instruction index of each label's definition (`usize::MAX`: undefined).
    label_at: Vec<usize>,
    code_chunk: Option<Chunk<'a>>,
}

/// Validates `module` and returns its functions in code order.
pub fn validate(module: &Module<'_>, chunks: &[Chunk<'_>]) -> Result<Vec<Function>, LoadError> {
    let find = |id| chunks.iter().copied().find(|c: &Chunk<'_>| c.id == id);
    let mut checker = Checker { module, label_at: Vec::new(), code_chunk: find(ChunkId::CODE) };
    checker.define_labels()?;
    for (i, instr) in module.code.instrs.iter().enumerate() {
        let args = module.code.args(instr);
        let sig = signature(instr.op).as_bytes();
        for (arg, &kind) in args.iter().zip(sig) {
            checker.operand(i, kind, arg)?;
        }
        checker.strings(i, instr.op, args)?;
        checker.bif_arity(i, instr.op, args)?;
    }
    let functions = checker.functions()?;
    checker.tables(&functions, &find)?;
    Ok(functions)
}

impl<'a> Checker<'_, 'a> {
    fn err_at(&self, instr: usize, kind: ErrorKind) -> LoadError {
        let offset = self.module.code.instrs.get(instr).map_or(0, |i| i.offset as usize);
        LoadError::new(Some(ChunkId::CODE), offset, kind)
    }

    fn label_count(&self) -> u32 {
        self.module.code.header.label_count
    }

    fn define_labels(&mut self) -> Result<(), LoadError> {
        let code = &self.module.code;
        let count = self.label_count() as usize;
        // Each label needs its own `label` instruction, so a larger count is corrupt and must
        // not size the table.
        if count > code.instrs.len() + 1 {
            let offset = self.code_chunk.map_or(0, |c| c.offset + 12);
            return Err(LoadError::new(
                Some(ChunkId::CODE),
                offset,
                ErrorKind::ImplausibleCount { what: "label", count: count as u64 },
            ));
        }
        self.label_at = vec![usize::MAX; count];
        for (i, instr) in code.instrs.iter().enumerate() {
            if instr.op != Opcode::Label {
                continue;
            }
            let n = match code.args(instr)[0] {
                Operand::Unsigned(n) => n,
                other => {
                    return Err(self.err_at(
                        i,
                        ErrorKind::BadOperand { expected: "unsigned", found: other.kind_name() },
                    ));
                }
            };
            if n == 0 || n >= count as u64 {
                return Err(
                    self.err_at(i, ErrorKind::OutOfRange { what: "label", index: n, limit: count as u64 })
                );
            }
            if self.label_at[n as usize] != usize::MAX {
                return Err(self.err_at(i, ErrorKind::Label { label: n, problem: "is defined twice" }));
            }
            self.label_at[n as usize] = i;
        }
        Ok(())
    }

    fn label_ref(&self, i: usize, n: u32, allow_zero: bool) -> Result<(), LoadError> {
        if n == 0 && allow_zero {
            return Ok(());
        }
        match self.label_at.get(n as usize) {
            Some(&at) if at != usize::MAX => Ok(()),
            Some(_) if n != 0 => Err(self
                .err_at(i, ErrorKind::Label { label: u64::from(n), problem: "is used but never defined" })),
            _ => Err(self.err_at(
                i,
                ErrorKind::OutOfRange {
                    what: "label",
                    index: u64::from(n),
                    limit: u64::from(self.label_count()),
                },
            )),
        }
    }

    fn index(&self, i: usize, what: &'static str, n: u64, limit: usize) -> Result<(), LoadError> {
        if n < limit as u64 {
            Ok(())
        } else {
            Err(self.err_at(i, ErrorKind::OutOfRange { what, index: n, limit: limit as u64 }))
        }
    }

    fn register(&self, i: usize, n: u32) -> Result<(), LoadError> {
        self.index(i, "register", u64::from(n), MAX_REG as usize)
    }

    /// Checks an operand against its signature letter, then its indices.
    fn operand(&self, i: usize, kind: u8, arg: &Operand<'a>) -> Result<(), LoadError> {
        let ok = match kind {
            b'u' | b'I' | b'N' | b'M' => matches!(arg, Operand::Unsigned(_)),
            b'A' => matches!(arg, Operand::Unsigned(_) | Operand::AllocList(_)),
            b'f' | b'L' => matches!(arg, Operand::Label(_)),
            b'c' => matches!(arg, Operand::Label(_) | Operand::Atom(_)),
            b's' => !matches!(
                arg,
                Operand::Unsigned(_)
                    | Operand::Label(_)
                    | Operand::List(_)
                    | Operand::FloatReg(_)
                    | Operand::AllocList(_)
            ),
            b'd' => matches!(arg, Operand::X(_) | Operand::Y(_) | Operand::TypedReg { .. }),
            b'l' => matches!(arg, Operand::List(_)),
            b'F' => matches!(arg, Operand::FloatReg(_)),
            b'a' => matches!(arg, Operand::Atom(_)),
            _ => true,
        };
        if !ok {
            let expected = match kind {
                b'u' | b'I' | b'N' | b'M' => "unsigned",
                b'A' => "allocation",
                b'f' | b'L' => "label",
                b'c' => "label or atom",
                b's' => "source",
                b'd' => "register",
                b'l' => "list",
                b'F' => "float register",
                _ => "atom",
            };
            return Err(self.err_at(i, ErrorKind::BadOperand { expected, found: arg.kind_name() }));
        }
        let m = self.module;
        match (kind, *arg) {
            (b'I', Operand::Unsigned(n)) => self.index(i, "import", n, m.imports.len())?,
            (b'N', Operand::Unsigned(n)) => self.index(i, "fun", n, m.lambdas.len())?,
            (b'M', Operand::Unsigned(n)) => {
                if let Some(lines) = &m.lines {
                    self.index(i, "line item", n, lines.item_count())?;
                }
            }
            (b'L', Operand::Label(n)) => self.label_ref(i, n, false)?,
            _ => {}
        }
        self.plain(i, arg)?;
        if let Operand::List(items) | Operand::AllocList(items) = *arg {
            for item in m.code.items(items) {
                self.plain(i, item)?;
            }
        }
        Ok(())
    }

    /// Index checks every operand gets wherever it appears.
    fn plain(&self, i: usize, arg: &Operand<'a>) -> Result<(), LoadError> {
        let m = self.module;
        match *arg {
            Operand::Atom(n) => self.index(i, "atom", u64::from(n), m.atoms.len() + 1),
            Operand::Label(n) => self.label_ref(i, n, true),
            Operand::Literal(n) => self.index(i, "literal", u64::from(n), m.literal_count()),
            Operand::X(n) | Operand::Y(n) | Operand::FloatReg(n) => self.register(i, n),
            Operand::TypedReg { reg: Reg::X(n) | Reg::Y(n), type_index } => {
                self.register(i, n)?;
                // Without a Type chunk erts uses a one-entry table holding "any"; a table of
                // an unknown version has no entries and every typed register counts as "any".
                let types = match &m.types {
                    None => 1,
                    Some(t) if t.is_supported() => t.entries.len(),
                    Some(_) => usize::MAX,
                };
                self.index(i, "type", u64::from(type_index), types)
            }
            _ => Ok(()),
        }
    }

    /// A BIF instruction's import must take as many arguments as the instruction passes.
    fn bif_arity(&self, i: usize, op: Opcode, args: &[Operand<'a>]) -> Result<(), LoadError> {
        let (import, arity) = match op {
            Opcode::Bif0 => (&args[0], 0),
            Opcode::Bif1 => (&args[1], 1),
            Opcode::Bif2 => (&args[1], 2),
            Opcode::Bif3 => (&args[1], 3),
            Opcode::GcBif1 => (&args[2], 1),
            Opcode::GcBif2 => (&args[2], 2),
            Opcode::GcBif3 => (&args[2], 3),
            _ => return Ok(()),
        };
        let Operand::Unsigned(n) = *import else { return Ok(()) };
        match self.module.imports.get(n as usize) {
            Some(imp) if imp.arity != arity => Err(self.err_at(
                i,
                ErrorKind::SizeMismatch {
                    what: "BIF arity",
                    declared: u64::from(imp.arity),
                    actual: u64::from(arity),
                },
            )),
            _ => Ok(()),
        }
    }

    /// `bs_match_string` and the string segments of `bs_create_bin` point into `StrT`.
    fn strings(&self, i: usize, op: Opcode, args: &[Operand<'a>]) -> Result<(), LoadError> {
        let in_table = |offset: u64, len: u64| -> Result<(), LoadError> {
            let limit = self.module.strings.len() as u64;
            if offset.checked_add(len).is_some_and(|end| end <= limit) {
                Ok(())
            } else {
                Err(self.err_at(
                    i,
                    ErrorKind::OutOfRange { what: "string table offset", index: offset + len, limit },
                ))
            }
        };
        match (op, args) {
            (Opcode::BsMatchString, [_, _, Operand::Unsigned(bits), Operand::Unsigned(offset)]) => {
                in_table(*offset, bits.div_ceil(8))
            }
            (Opcode::BsCreateBin, [.., Operand::List(items)]) => {
                for seg in self.module.code.items(*items).chunks(6) {
                    if let [Operand::Atom(t), _, _, _, Operand::Unsigned(offset), Operand::Integer(len)] = seg
                    {
                        if self.module.atom(*t) == "string" {
                            in_table(*offset, u64::try_from(*len).unwrap_or(u64::MAX))?;
                        }
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn functions(&self) -> Result<Vec<Function>, LoadError> {
        let m = self.module;
        let instrs = &m.code.instrs;
        let is_header = |op| op == Opcode::Label || op == Opcode::Line;
        let mut functions: Vec<Function> = Vec::new();
        for (k, instr) in instrs.iter().enumerate() {
            if functions.is_empty()
                && instr.op != Opcode::FuncInfo
                && !is_header(instr.op)
                && instr.op != Opcode::IntCodeEnd
            {
                return Err(self.err_at(k, ErrorKind::Structure("code before the first function")));
            }
            if instr.op != Opcode::FuncInfo {
                continue;
            }
            let start = instrs[..k].iter().rposition(|p| !is_header(p.op)).map_or(0, |p| p + 1);
            let func_label = instrs[start..k].iter().rev().find(|p| p.op == Opcode::Label);
            let entry = instrs.get(k + 1).filter(|p| p.op == Opcode::Label);
            let (Some(func_label), Some(entry)) = (func_label, entry) else {
                return Err(self.err_at(
                    k,
                    ErrorKind::Structure(
                        "func_info must be preceded by a label and followed by the entry label",
                    ),
                ));
            };
            let label_of = |p: &crate::chunks::code::Instr| match m.code.args(p)[0] {
                Operand::Unsigned(n) => n as u32,
                _ => 0,
            };
            let [Operand::Atom(module), Operand::Atom(name), Operand::Unsigned(arity)] = *m.code.args(instr)
            else {
                return Err(self.err_at(k, ErrorKind::Structure("func_info operands")));
            };
            if m.atom(module) != m.name() {
                return Err(self.err_at(k, ErrorKind::Structure("func_info names another module")));
            }
            if arity > u64::from(MAX_ARITY) {
                return Err(self.err_at(
                    k,
                    ErrorKind::OutOfRange { what: "arity", index: arity, limit: u64::from(MAX_ARITY) + 1 },
                ));
            }
            if let Some(prev) = functions.last_mut() {
                prev.end = start;
            }
            functions.push(Function {
                name,
                arity: arity as u32,
                func_label: label_of(func_label),
                entry_label: label_of(entry),
                func_info: k,
                start,
                end: instrs.len(),
            });
        }
        let last = instrs.len() - 1;
        if instrs[last].op != Opcode::IntCodeEnd {
            return Err(self.err_at(last, ErrorKind::Structure("no int_code_end")));
        }
        if let Some(f) = functions.last_mut() {
            f.end = last;
        }
        let declared = m.code.header.function_count;
        if functions.len() as u64 != u64::from(declared) {
            let offset = self.code_chunk.map_or(0, |c| c.offset + 16);
            return Err(LoadError::new(
                Some(ChunkId::CODE),
                offset,
                ErrorKind::SizeMismatch {
                    what: "function count",
                    declared: u64::from(declared),
                    actual: functions.len() as u64,
                },
            ));
        }
        Ok(functions)
    }

    /// The import, export, local and fun tables against atoms and functions.
    fn tables(
        &self,
        functions: &[Function],
        find: &dyn Fn(ChunkId) -> Option<Chunk<'a>>,
    ) -> Result<(), LoadError> {
        let m = self.module;
        let atoms = m.atoms.len() as u64 + 1;
        let entry_err = |id: ChunkId, entry: usize, width: usize, kind: ErrorKind| {
            let offset = find(id).map_or(0, |c| c.offset + 4 + entry * width);
            LoadError::new(Some(id), offset, kind)
        };
        let atom_ok = |n: u32| n >= 1 && u64::from(n) < atoms;
        for (e, imp) in m.imports.iter().enumerate() {
            for n in [imp.module, imp.function] {
                if !atom_ok(n) {
                    return Err(entry_err(
                        ChunkId::IMPT,
                        e,
                        12,
                        ErrorKind::OutOfRange { what: "atom", index: u64::from(n), limit: atoms },
                    ));
                }
            }
            if imp.arity > MAX_ARITY {
                return Err(entry_err(
                    ChunkId::IMPT,
                    e,
                    12,
                    ErrorKind::OutOfRange {
                        what: "arity",
                        index: u64::from(imp.arity),
                        limit: u64::from(MAX_ARITY) + 1,
                    },
                ));
            }
        }
        let by_entry = |label: u32| functions.iter().find(|f| f.entry_label == label);
        let check_exports = |id: ChunkId, list: &[Export]| -> Result<(), LoadError> {
            for (e, x) in list.iter().enumerate() {
                match by_entry(x.label) {
                    Some(f)
                        if m.atom(f.name) == m.atom(x.function)
                            && f.arity == x.arity
                            && atom_ok(x.function) => {}
                    _ => {
                        return Err(entry_err(
                            id,
                            e,
                            12,
                            ErrorKind::Structure("table entry does not match the function at its label"),
                        ));
                    }
                }
            }
            Ok(())
        };
        check_exports(ChunkId::EXPT, &m.exports)?;
        check_exports(ChunkId::LOCT, &m.locals)?;
        for (e, l) in m.lambdas.iter().enumerate() {
            match by_entry(l.label) {
                Some(f)
                    if m.atom(f.name) == m.atom(l.function)
                        && f.arity == l.arity
                        && atom_ok(l.function)
                        && l.num_free <= l.arity => {}
                _ => {
                    return Err(entry_err(
                        ChunkId::FUNT,
                        e,
                        24,
                        ErrorKind::Structure("fun entry does not match the function at its label"),
                    ));
                }
            }
        }
        Ok(())
    }
}
