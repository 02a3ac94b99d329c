//! A whole `.beam` file, parsed and validated: the typed module downstream stages consume.

use crate::chunks::atoms::{self, Atoms};
use crate::chunks::code::{self, Code};
use crate::chunks::lines::{self, LineTable};
use crate::chunks::literals::{self, Literals, SingleTerm};
use crate::chunks::tables::{self, Export, Import, Lambda};
use crate::chunks::types::{self, TypeTable};
use crate::container::{self, Chunk};
use crate::error::{ChunkId, ErrorKind, LoadError, Located};
use crate::validate::{self, Function};

/// A loaded module. Borrows the file's bytes for everything that can stay encoded (atoms,
/// strings, big integers); literals are inflated and owned.
#[derive(Debug)]
pub struct Module<'a> {
    pub atoms: Atoms<'a>,
    pub code: Code<'a>,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    /// `LocT`: local functions (absent from stripped beams).
    pub locals: Vec<Export>,
    pub lambdas: Vec<Lambda>,
    /// `StrT`: the string table `bs_match_string` and `bs_create_bin` refer to.
    pub strings: &'a [u8],
    pub literals: Option<Literals>,
    pub attributes: Option<SingleTerm>,
    pub compile_info: Option<SingleTerm>,
    /// `Meta` (OTP 25+): the language features the module was compiled with.
    pub meta: Option<SingleTerm>,
    pub lines: Option<LineTable<'a>>,
    pub types: Option<TypeTable>,
    /// Functions in code order, found by validation.
    pub functions: Vec<Function>,
    /// The module's MD5 (`module_info(md5)`), over the chunks erts hashes.
    pub md5: [u8; 16],
}

impl<'a> Module<'a> {
    /// The module's name (atom 1).
    pub fn name(&self) -> &str {
        self.atoms.get(1).unwrap_or("")
    }

    /// The text of atom `i` (1-based), or `""` for an index validation would have refused.
    pub fn atom(&self, i: u32) -> &str {
        self.atoms.get(i).unwrap_or("")
    }

    /// The module's MD5 (`module_info(md5)`).
    pub fn md5(&self) -> [u8; 16] {
        self.md5
    }

    /// Number of literals.
    pub fn literal_count(&self) -> usize {
        self.literals.as_ref().map_or(0, Literals::len)
    }
}

/// The chunks a module is read from, found by id.
struct ChunkSet<'a> {
    chunks: Vec<Chunk<'a>>,
}

impl<'a> ChunkSet<'a> {
    fn new(file: &'a [u8]) -> Result<Self, LoadError> {
        let chunks = container::chunks(file)?;
        for (i, c) in chunks.iter().enumerate() {
            let known = matches!(
                &c.id.0,
                b"AtU8"
                    | b"Atom"
                    | b"Code"
                    | b"StrT"
                    | b"ImpT"
                    | b"ExpT"
                    | b"LocT"
                    | b"FunT"
                    | b"LitT"
                    | b"Attr"
                    | b"CInf"
                    | b"Meta"
                    | b"Line"
                    | b"Type"
            );
            if known && chunks[..i].iter().any(|d| d.id == c.id) {
                return Err(LoadError::new(Some(c.id), c.offset, ErrorKind::DuplicateChunk(c.id)));
            }
        }
        Ok(ChunkSet { chunks })
    }

    fn get(&self, id: ChunkId) -> Option<Chunk<'a>> {
        self.chunks.iter().copied().find(|c| c.id == id)
    }

    fn require(&self, id: ChunkId) -> Result<Chunk<'a>, LoadError> {
        self.get(id).ok_or(LoadError::new(Some(id), 0, ErrorKind::MissingChunk(id)))
    }
}

/// Parses and validates a `.beam` file.
pub fn parse(file: &[u8]) -> Result<Module<'_>, LoadError> {
    let set = ChunkSet::new(file)?;

    let atoms = match (set.get(ChunkId::ATU8), set.get(ChunkId::ATOM)) {
        (Some(c), _) => atoms::parse(c.data, atoms::Encoding::Utf8).locate(file, Some(c.id))?.1,
        (None, Some(c)) => atoms::parse(c.data, atoms::Encoding::Latin1).locate(file, Some(c.id))?.1,
        (None, None) => return Err(LoadError::new(None, 0, ErrorKind::MissingChunk(ChunkId::ATU8))),
    };
    if atoms.is_empty() {
        let c = set.get(ChunkId::ATU8).or(set.get(ChunkId::ATOM));
        return Err(LoadError::new(
            c.map(|c| c.id),
            c.map_or(0, |c| c.offset),
            ErrorKind::Structure("empty atom table (atom 1 must be the module name)"),
        ));
    }

    let c = set.require(ChunkId::CODE)?;
    let code = code::parse(file, c.data).locate(file, Some(c.id))?.1;

    let c = set.require(ChunkId::IMPT)?;
    let imports = tables::imports(c.data).locate(file, Some(c.id))?.1;
    let c = set.require(ChunkId::EXPT)?;
    let exports = tables::exports(c.data).locate(file, Some(c.id))?.1;
    let locals = match set.get(ChunkId::LOCT) {
        Some(c) => tables::exports(c.data).locate(file, Some(c.id))?.1,
        None => Vec::new(),
    };
    let lambdas = match set.get(ChunkId::FUNT) {
        Some(c) => tables::lambdas(c.data).locate(file, Some(c.id))?.1,
        None => Vec::new(),
    };
    let strings = set.get(ChunkId::STRT).map_or(&[][..], |c| c.data);
    let literals = match set.get(ChunkId::LITT) {
        Some(c) => Some(literals::parse(c.data, c.offset)?),
        None => None,
    };
    let attributes = match set.get(ChunkId::ATTR) {
        Some(c) => Some(literals::single_term(c.id, c.data, c.offset)?),
        None => None,
    };
    let compile_info = match set.get(ChunkId::CINF) {
        Some(c) => Some(literals::single_term(c.id, c.data, c.offset)?),
        None => None,
    };
    let meta = match set.get(ChunkId::META) {
        Some(c) => Some(literals::single_term(c.id, c.data, c.offset)?),
        None => None,
    };
    let lines = match set.get(ChunkId::LINE) {
        Some(c) => Some(lines::parse(c.data).locate(file, Some(c.id))?.1),
        None => None,
    };
    let types = match set.get(ChunkId::TYPE) {
        Some(c) => Some(types::parse(c.data).locate(file, Some(c.id))?.1),
        None => None,
    };

    let mut module = Module {
        atoms,
        code,
        imports,
        exports,
        locals,
        lambdas,
        strings,
        literals,
        attributes,
        compile_info,
        meta,
        lines,
        types,
        functions: Vec::new(),
        md5: checksum(&set),
    };
    module.functions = validate::validate(&module, &set.chunks)?;
    Ok(module)
}

/// erts' module checksum: MD5 over the atom, code, string, import and export chunks, the fun
/// table with each entry's `OldUniq` zeroed (it came from an endian-dependent hash), and the
/// literal and meta chunks.
fn checksum(set: &ChunkSet<'_>) -> [u8; 16] {
    use md5::{Digest, Md5};
    let mut md5 = Md5::new();
    let atoms = set.get(ChunkId::ATU8).or(set.get(ChunkId::ATOM));
    for c in [
        atoms,
        set.get(ChunkId::CODE),
        set.get(ChunkId::STRT),
        set.get(ChunkId::IMPT),
        set.get(ChunkId::EXPT),
    ]
    .into_iter()
    .flatten()
    {
        md5.update(c.data);
    }
    if let Some(c) = set.get(ChunkId::FUNT) {
        if c.data.len() >= 4 {
            md5.update(&c.data[..4]);
            for entry in c.data[4..].chunks_exact(24) {
                md5.update(&entry[..20]);
                md5.update([0u8; 4]);
            }
        }
    }
    for c in [set.get(ChunkId::LITT), set.get(ChunkId::META)].into_iter().flatten() {
        md5.update(c.data);
    }
    md5.finalize().into()
}
