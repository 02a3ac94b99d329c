//! The interpreter's internal instruction set: what the generic BEAM instructions are
//! translated into at load time (see [`crate::translate`]).
//!
//! Operands are resolved once, at load time: labels become code addresses, imports become
//! export entries, BIFs become function pointers, atoms and literals become terms. A source
//! operand ([`Src`]) is one word: either the constant term itself or, in the bit patterns no
//! term uses (primary tag `00`), a reference to an X or Y register, so fetching an operand is
//! one test and one load. Rare, variable-length operand lists (select tables, tuple elements,
//! map pairs) hang off the instruction in boxed slices owned by the module's code.
//!
//! Instructions are `#[repr(C)]`-free Rust enums; what matters for the tier contract is only
//! that each instruction has a stable, 4-byte-aligned address (a code address, usable as a
//! CP) for as long as its module is loaded.

use rbeam_runtime::Term;
use rbeam_runtime::bif::BifEntry;
use rbeam_runtime::dispatch::{Export, FunEntry};

/// A source operand: a constant, an X register or a Y register.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Src(usize);

const REG_MASK: usize = 0b11;
const REG_Y: usize = 0b100;
const REG_SHIFT: u32 = 3;

impl Src {
    pub const fn x(n: u32) -> Src {
        Src((n as usize) << REG_SHIFT)
    }

    pub const fn y(n: u32) -> Src {
        Src(((n as usize) << REG_SHIFT) | REG_Y)
    }

    /// A constant term (an immediate, or a pointer into the module's literal area). Terms
    /// never have primary tag `00`, which the register encodings use.
    pub fn constant(t: Term) -> Src {
        debug_assert!(t.raw() & REG_MASK != 0, "a constant operand must be a term");
        Src(t.raw())
    }

    /// What the operand is.
    #[inline(always)]
    pub fn kind(self) -> SrcKind {
        if self.0 & REG_MASK != 0 {
            SrcKind::Const(Term::from_raw(self.0))
        } else if self.0 & REG_Y == 0 {
            SrcKind::X((self.0 >> REG_SHIFT) as u32)
        } else {
            SrcKind::Y((self.0 >> REG_SHIFT) as u32)
        }
    }

    /// The operand as a destination, if it is a register.
    pub fn as_dst(self) -> Option<Dst> {
        match self.kind() {
            SrcKind::X(n) => Some(Dst::X(n)),
            SrcKind::Y(n) => Some(Dst::Y(n)),
            SrcKind::Const(_) => None,
        }
    }
}

impl core::fmt::Debug for Src {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.kind() {
            SrcKind::X(n) => write!(f, "x{n}"),
            SrcKind::Y(n) => write!(f, "y{n}"),
            SrcKind::Const(t) => write!(f, "#{:#x}", t.raw()),
        }
    }
}

/// A decoded [`Src`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SrcKind {
    X(u32),
    Y(u32),
    Const(Term),
}

/// A destination register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dst {
    X(u32),
    Y(u32),
}

impl Dst {
    pub fn as_src(self) -> Src {
        match self {
            Dst::X(n) => Src::x(n),
            Dst::Y(n) => Src::y(n),
        }
    }
}

/// A code address: an instruction of some loaded module (or of the interpreter's own stubs).
/// Stored as an index while a module is translated, then fixed to the address.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Code(pub(crate) usize);

impl Code {
    pub fn addr(self) -> *const Instr {
        self.0 as *const Instr
    }
}

impl core::fmt::Debug for Code {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "@{:#x}", self.0)
    }
}

/// Where a test or guard BIF goes when it fails: a label, or nowhere (then a BIF raises).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fail {
    To(Code),
    Raise,
}

/// Type tests that share one instruction shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTest {
    Integer,
    Float,
    Number,
    Atom,
    Pid,
    Reference,
    Port,
    Binary,
    Bitstring,
    Boolean,
    Function,
    Map,
    Tuple,
    List,
}

/// Term comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Ge,
    Eq,
    Ne,
    EqExact,
    NeExact,
}

/// Arithmetic done inline with a small-integer fast path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Rem,
    Band,
    Bor,
    Bxor,
    Bsl,
    Bsr,
    Neg,
    Bnot,
}

/// Float-register arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// A `select_val` / `select_tuple_arity` jump table.
#[derive(Debug)]
pub struct SelectTable {
    /// Values (terms for `select_val`, arities as small integers for tuple arity) sorted by
    /// their raw word, for binary search; the targets in the same order.
    pub values: Box<[Term]>,
    pub targets: Box<[Code]>,
}

/// Everything `make_fun3` needs.
#[derive(Debug)]
pub struct MakeFun {
    pub entry: *const FunEntry,
    pub env: Box<[Src]>,
    pub dst: Dst,
}

/// One instruction.
#[derive(Debug)]
pub enum Instr {
    // ---- function headers and stubs (instr_common) ----
    /// Raises `function_clause` for the function whose MFA follows.
    FuncInfo {
        module: Term,
        function: Term,
        arity: u32,
    },
    /// The CP at the bottom of every process stack: returning here ends the process normally.
    NormalExit,
    /// The address of every export entry of a function not loaded. Calls through an entry
    /// check for it (and load the module on demand, or raise `undef`); it is never executed.
    Undefined,
    /// An export entry that is a BIF: call it on the X registers and return.
    CallBif {
        bif: *const BifEntry,
    },
    /// `erlang:apply(X0, X1, X2)` as a tail call: where new processes start.
    ApplyList,
    /// The boot sequence: call `export` with the elements of `args` as arguments.
    BootCall {
        export: *const Export,
        args: Term,
    },
    /// The end of the boot sequence: halt with status 0.
    BootDone,

    // ---- moves, lists, tuples (instr_common) ----
    Move {
        src: Src,
        dst: Dst,
    },
    Swap {
        a: Dst,
        b: Dst,
    },
    GetList {
        src: Src,
        hd: Dst,
        tl: Dst,
    },
    GetHd {
        src: Src,
        dst: Dst,
    },
    GetTl {
        src: Src,
        dst: Dst,
    },
    PutList {
        hd: Src,
        tl: Src,
        dst: Dst,
    },
    GetTupleElement {
        src: Src,
        index: u32,
        dst: Dst,
    },
    SetTupleElement {
        value: Src,
        tuple: Src,
        index: u32,
    },
    PutTuple {
        elements: Box<[Src]>,
        dst: Dst,
    },
    UpdateRecord {
        src: Src,
        dst: Dst,
        updates: Box<[(u32, Src)]>,
    },
    Jump {
        to: Code,
    },

    // ---- tests (instr_common) ----
    IsNil {
        fail: Code,
        src: Src,
    },
    IsNonemptyList {
        fail: Code,
        src: Src,
    },
    IsType {
        fail: Code,
        src: Src,
        test: TypeTest,
    },
    IsFunction2 {
        fail: Code,
        src: Src,
        arity: Src,
    },
    TestArity {
        fail: Code,
        src: Src,
        arity: u32,
    },
    IsTaggedTuple {
        fail: Code,
        src: Src,
        arity: u32,
        tag: Term,
    },
    Compare {
        fail: Code,
        a: Src,
        b: Src,
        op: Cmp,
    },
    SelectVal {
        src: Src,
        fail: Code,
        table: Box<SelectTable>,
    },
    SelectTupleArity {
        src: Src,
        fail: Code,
        table: Box<SelectTable>,
    },

    // ---- stack frames and heap (instr_common) ----
    Allocate {
        stack: u32,
        heap: u32,
        live: u32,
    },
    TestHeap {
        heap: u32,
        live: u32,
    },
    Deallocate {
        n: u32,
    },
    Trim {
        n: u32,
    },
    InitYregs {
        regs: Box<[u32]>,
    },

    // ---- calls (instr_call) ----
    Call {
        arity: u32,
        to: Code,
    },
    CallLast {
        arity: u32,
        to: Code,
        dealloc: u32,
    },
    CallOnly {
        arity: u32,
        to: Code,
    },
    CallExt {
        arity: u32,
        export: *const Export,
    },
    CallExtLast {
        arity: u32,
        export: *const Export,
        dealloc: u32,
    },
    CallExtOnly {
        arity: u32,
        export: *const Export,
    },
    Return,
    Apply {
        arity: u32,
        dealloc: Option<u32>,
    },
    CallFun {
        arity: u32,
        fun: Src,
        dealloc: Option<u32>,
    },
    MakeFun(Box<MakeFun>),

    // ---- BIFs and arithmetic (instr_bif) ----
    /// A guard BIF (`gc: false`) or GC BIF (`gc: true`, with `live` X registers).
    Bif {
        fail: Fail,
        bif: *const BifEntry,
        args: [Src; 3],
        n: u8,
        dst: Dst,
        live: u32,
        gc: bool,
    },
    Arith {
        fail: Fail,
        op: ArithOp,
        a: Src,
        b: Src,
        dst: Dst,
        live: u32,
    },

    // ---- exceptions (instr_exception) ----
    Badmatch {
        src: Src,
    },
    CaseEnd {
        src: Src,
    },
    IfEnd,
    TryCaseEnd {
        src: Src,
    },
    Badrecord {
        src: Src,
    },
    /// `tag` is the catch tag naming `handler`, set when the code is placed.
    Catch {
        y: u32,
        handler: Code,
        tag: Term,
    },
    CatchEnd {
        y: u32,
    },
    Try {
        y: u32,
        handler: Code,
        tag: Term,
    },
    TryEnd {
        y: u32,
    },
    TryCase {
        y: u32,
    },
    Raise {
        trace: Src,
        value: Src,
    },
    BuildStacktrace,
    RawRaise,

    // ---- messages (instr_msg) ----
    Send,
    LoopRec {
        fail: Code,
        dst: Dst,
    },
    LoopRecEnd {
        to: Code,
    },
    RemoveMessage,
    Wait {
        to: Code,
    },
    WaitTimeout {
        to: Code,
        timeout: Src,
    },
    Timeout,
    RecvMarkerReserve {
        dst: Dst,
    },
    RecvMarkerBind {
        marker: Src,
        reference: Src,
    },
    RecvMarkerClear {
        src: Src,
    },
    RecvMarkerUse {
        src: Src,
    },

    // ---- floats (instr_float) ----
    FloatLoad {
        src: Src,
        fr: u32,
    },
    FloatStore {
        fr: u32,
        dst: Dst,
    },
    FloatMove {
        from: u32,
        to: u32,
    },
    FloatConv {
        src: Src,
        fr: u32,
    },
    FloatArith {
        op: FloatOp,
        a: u32,
        b: u32,
        dst: u32,
    },
    FloatNegate {
        a: u32,
        dst: u32,
    },

    // ---- maps (instr_map) ----
    PutMap {
        fail: Fail,
        src: Src,
        dst: Dst,
        live: u32,
        exact: bool,
        pairs: Box<[(Src, Src)]>,
    },
    GetMapElements {
        fail: Code,
        src: Src,
        pairs: Box<[(Src, Dst)]>,
    },
    HasMapFields {
        fail: Code,
        src: Src,
        keys: Box<[Src]>,
    },

    // ---- binaries (instr_bs) ----
    Bs(Box<crate::instr_bs::BsInstr>),
}

// The interpreter's code lives in boxed slices that never move; the raw pointers inside
// instructions point at export entries, fun entries and BIF entries the VM owns for as long
// as the code is loaded.
const _: () = assert!(core::mem::align_of::<Instr>() >= 4);
