//! Typed load errors: every failure names the chunk it was found in and the byte offset
//! in the file, so a user with a corrupt `.beam` (or a beam from a newer OTP) can tell what
//! is wrong without a hex dump.

use core::fmt;

/// A four-byte chunk identifier such as `Code` or `AtU8`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChunkId(pub [u8; 4]);

impl ChunkId {
    pub const ATU8: ChunkId = ChunkId(*b"AtU8");
    pub const ATOM: ChunkId = ChunkId(*b"Atom");
    pub const CODE: ChunkId = ChunkId(*b"Code");
    pub const STRT: ChunkId = ChunkId(*b"StrT");
    pub const IMPT: ChunkId = ChunkId(*b"ImpT");
    pub const EXPT: ChunkId = ChunkId(*b"ExpT");
    pub const LOCT: ChunkId = ChunkId(*b"LocT");
    pub const FUNT: ChunkId = ChunkId(*b"FunT");
    pub const LITT: ChunkId = ChunkId(*b"LitT");
    pub const ATTR: ChunkId = ChunkId(*b"Attr");
    pub const CINF: ChunkId = ChunkId(*b"CInf");
    pub const LINE: ChunkId = ChunkId(*b"Line");
    pub const TYPE: ChunkId = ChunkId(*b"Type");
    pub const META: ChunkId = ChunkId(*b"Meta");
}

impl fmt::Display for ChunkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in &self.0 {
            if b.is_ascii_graphic() || b == b' ' {
                write!(f, "{}", b as char)?;
            } else {
                write!(f, "\\x{b:02x}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for ChunkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChunkId({self})")
    }
}

/// What went wrong. The variants are coarse on purpose: each one is something a user can act on
/// (recompile, upgrade, report a corrupt file), and the message says which.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file does not start with `FOR1 <size> BEAM`.
    NotABeamFile,
    /// The data ends in the middle of a field.
    Truncated,
    /// The IFF form size disagrees with the file size.
    BadFormSize { declared: u64, actual: u64 },
    /// A chunk's declared size runs past the end of the file.
    ChunkOverrun { declared: u64, available: u64 },
    /// A chunk every module must have is absent.
    MissingChunk(ChunkId),
    /// A chunk that may appear once appears twice.
    DuplicateChunk(ChunkId),
    /// A count or length field is larger than the data that follows could possibly hold.
    ImplausibleCount { what: &'static str, count: u64 },
    /// Text that must be UTF-8 (or Latin-1 for legacy atoms) is not.
    InvalidText { what: &'static str },
    /// A format version this loader does not know.
    UnsupportedVersion { what: &'static str, version: u64 },
    /// An opcode above the newest OTP's table: the file was compiled by a newer OTP.
    NewerOpcode { opcode: u64, max_known: u32 },
    /// An opcode that modern compilers never emit and modern runtimes refuse.
    ObsoleteOpcode { name: &'static str },
    /// An operand of the wrong kind (for example an atom where a label must be).
    BadOperand { expected: &'static str, found: &'static str },
    /// A compact-term operand that is malformed (bad extended tag, oversized value...).
    BadEncoding(&'static str),
    /// An index operand (atom, label, literal, import, ...) beyond its table.
    OutOfRange { what: &'static str, index: u64, limit: u64 },
    /// A label defined twice or referenced but never defined.
    Label { label: u64, problem: &'static str },
    /// The code does not have the shape every module has (a function without its
    /// `label`/`func_info` header, no `int_code_end`, ...).
    Structure(&'static str),
    /// A declared size disagrees with what was found.
    SizeMismatch { what: &'static str, declared: u64, actual: u64 },
    /// The literal table's zlib stream is corrupt.
    Inflate(String),
    /// A term in external term format is malformed.
    BadTerm(&'static str),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            NotABeamFile => write!(f, "not a BEAM file (no FOR1/BEAM header)"),
            Truncated => write!(f, "truncated data"),
            BadFormSize { declared, actual } => {
                write!(f, "form size says {declared} bytes but the file holds {actual}")
            }
            ChunkOverrun { declared, available } => {
                write!(f, "chunk size {declared} runs past the end of the file ({available} bytes left)")
            }
            MissingChunk(id) => write!(f, "mandatory chunk {id} is missing"),
            DuplicateChunk(id) => write!(f, "chunk {id} appears twice"),
            ImplausibleCount { what, count } => {
                write!(f, "{what} count {count} is larger than the data can hold")
            }
            InvalidText { what } => write!(f, "{what} is not valid text"),
            UnsupportedVersion { what, version } => {
                write!(f, "unsupported {what} version {version}")
            }
            NewerOpcode { opcode, max_known } => write!(
                f,
                "opcode {opcode} is unknown (rbeam knows opcodes up to {max_known}): \
                 the module was compiled by a newer OTP; recompile it with an older erlc"
            ),
            ObsoleteOpcode { name } => write!(
                f,
                "obsolete instruction {name}: the module was compiled by a very old OTP; recompile it"
            ),
            BadOperand { expected, found } => write!(f, "expected {expected} operand, found {found}"),
            BadEncoding(what) => write!(f, "malformed operand encoding: {what}"),
            OutOfRange { what, index, limit } => {
                write!(f, "{what} {index} out of range (table has {limit})")
            }
            Label { label, problem } => write!(f, "label {label} {problem}"),
            Structure(what) => write!(f, "malformed code: {what}"),
            SizeMismatch { what, declared, actual } => {
                write!(f, "{what}: declared {declared}, found {actual}")
            }
            Inflate(msg) => write!(f, "literal table does not decompress: {msg}"),
            BadTerm(what) => write!(f, "bad external term: {what}"),
        }
    }
}

/// A load failure: what, in which chunk, at which byte of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// The chunk being read, or `None` for the file header.
    pub chunk: Option<ChunkId>,
    /// Byte offset in the file (for compressed literals: the start of the `LitT` chunk data).
    pub offset: usize,
    pub kind: ErrorKind,
}

impl LoadError {
    pub fn new(chunk: Option<ChunkId>, offset: usize, kind: ErrorKind) -> Self {
        LoadError { chunk, offset, kind }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.chunk {
            Some(id) => write!(f, "chunk {id} at byte {}: {}", self.offset, self.kind),
            None => write!(f, "at byte {}: {}", self.offset, self.kind),
        }
    }
}

impl std::error::Error for LoadError {}

/// The error type of the loader's `nom` parsers. It keeps the remaining input at the point of
/// failure, which is a sub-slice of the file: [`Located::locate`] turns it into a byte offset
/// without any bookkeeping in the parsers themselves.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError<'a> {
    pub at: &'a [u8],
    pub kind: ErrorKind,
}

impl<'a> ParseError<'a> {
    pub fn new(at: &'a [u8], kind: ErrorKind) -> Self {
        ParseError { at, kind }
    }
}

impl<'a> nom::error::ParseError<&'a [u8]> for ParseError<'a> {
    fn from_error_kind(input: &'a [u8], _kind: nom::error::ErrorKind) -> Self {
        // Every nom primitive the loader uses fails only by running out of input.
        ParseError { at: input, kind: ErrorKind::Truncated }
    }

    fn append(_input: &'a [u8], _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

/// The result type of the loader's parsers.
pub type PResult<'a, T> = nom::IResult<&'a [u8], T, ParseError<'a>>;

/// Fail a parser with a loader error at `at`.
pub fn fail<'a, T>(at: &'a [u8], kind: ErrorKind) -> PResult<'a, T> {
    Err(nom::Err::Failure(ParseError::new(at, kind)))
}

/// Turns parser errors into [`LoadError`]s located in a file.
pub trait Located<T> {
    /// Attribute the error to `chunk`, computing the offset of the failure within `file`.
    fn locate(self, file: &[u8], chunk: Option<ChunkId>) -> Result<T, LoadError>;
}

impl<'a, T> Located<T> for Result<T, nom::Err<ParseError<'a>>> {
    fn locate(self, file: &[u8], chunk: Option<ChunkId>) -> Result<T, LoadError> {
        self.map_err(|e| {
            let (at, kind) = match e {
                nom::Err::Error(e) | nom::Err::Failure(e) => (e.at, e.kind),
                nom::Err::Incomplete(_) => (&file[file.len()..], ErrorKind::Truncated),
            };
            LoadError::new(chunk, offset_of(file, at), kind)
        })
    }
}

/// Byte offset of `part` within `whole`. A slice outside `whole` (decompressed literal data)
/// gives 0; parsers of such data report the offset of their chunk instead.
pub fn offset_of(whole: &[u8], part: &[u8]) -> usize {
    let start = whole.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    if p >= start && p <= start + whole.len() { p - start } else { 0 }
}
