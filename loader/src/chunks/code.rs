//! The `Code` chunk: a header (instruction-set version, highest opcode, label and function
//! counts) and the generic instruction stream, decoded into one flat table of instructions
//! and one of operands.

use crate::compact::{self, Items, Operand};
use crate::error::{ErrorKind, PResult, fail, offset_of};
use crate::opcodes::{MAX_OPCODE, Opcode, Status};
use nom::bytes::complete::take;
use nom::number::complete::{be_u32, u8 as byte};

/// The instruction-set version every OTP since R7 writes.
pub const INSTRUCTION_SET: u32 = 0;

/// The fixed part of the code header; newer compilers may append fields, which are skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeHeader {
    pub instruction_set: u32,
    /// The highest opcode the module uses, as the compiler recorded it.
    pub max_opcode: u32,
    /// One more than the highest label number.
    pub label_count: u32,
    pub function_count: u32,
}

/// One generic instruction; its operands are `Code::operands[args.range()]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Opcode,
    pub args: Items,
    /// Offset of the opcode byte in the file.
    pub offset: u32,
}

/// A decoded `Code` chunk.
#[derive(Clone, Debug)]
pub struct Code<'a> {
    pub header: CodeHeader,
    /// Instructions in file order, ending with `int_code_end`.
    pub instrs: Vec<Instr>,
    /// Operands of all instructions, and the items of list operands.
    pub operands: Vec<Operand<'a>>,
}

impl<'a> Code<'a> {
    /// The operands of `instr`.
    pub fn args(&self, instr: &Instr) -> &[Operand<'a>] {
        &self.operands[instr.args.range()]
    }

    /// The items of a list or allocation-list operand.
    pub fn items(&self, items: Items) -> &[Operand<'a>] {
        &self.operands[items.range()]
    }
}

fn header(data: &[u8]) -> PResult<'_, CodeHeader> {
    let (input, header_len) = be_u32(data)?;
    if header_len < 16 {
        return fail(data, ErrorKind::BadEncoding("code header shorter than 16 bytes"));
    }
    if header_len as usize > input.len() {
        return fail(data, ErrorKind::Truncated);
    }
    let (rest, fields) = take(header_len as usize)(input)?;
    let (f, instruction_set) = be_u32(fields)?;
    let (f, max_opcode) = be_u32(f)?;
    let (f, label_count) = be_u32(f)?;
    let (_, function_count) = be_u32(f)?;
    if instruction_set != INSTRUCTION_SET {
        return fail(
            fields,
            ErrorKind::UnsupportedVersion { what: "instruction set", version: u64::from(instruction_set) },
        );
    }
    if max_opcode > MAX_OPCODE {
        return fail(
            &fields[4..],
            ErrorKind::NewerOpcode { opcode: u64::from(max_opcode), max_known: MAX_OPCODE },
        );
    }
    Ok((rest, CodeHeader { instruction_set, max_opcode, label_count, function_count }))
}

/// Parses the `Code` chunk. `file` is the whole file, used to record instruction offsets.
pub fn parse<'a>(file: &[u8], data: &'a [u8]) -> PResult<'a, Code<'a>> {
    let (mut input, header) = header(data)?;
    // Each instruction takes at least its opcode byte and each operand at least one byte, so
    // the stream length bounds both tables.
    let mut instrs = Vec::with_capacity(input.len() / 2);
    let mut operands = Vec::with_capacity(input.len() / 2);
    loop {
        let at = input;
        let (rest, n) = byte(input)?;
        let op = match Opcode::from_u8(n) {
            Some(op) => op,
            None if u32::from(n) > MAX_OPCODE => {
                return fail(at, ErrorKind::NewerOpcode { opcode: u64::from(n), max_known: MAX_OPCODE });
            }
            None => return fail(at, ErrorKind::BadEncoding("opcode 0")),
        };
        if op.status() == Status::Obsolete {
            return fail(at, ErrorKind::ObsoleteOpcode { name: op.name() });
        }
        if u32::from(n) > header.max_opcode {
            return fail(at, ErrorKind::BadEncoding("opcode above the header's highest opcode"));
        }
        // Reserve the argument slots first: list items decoded below are appended after
        // them, keeping each instruction's arguments contiguous.
        let first = operands.len();
        operands.resize(first + op.arity(), Operand::Nil);
        let mut rest = rest;
        for i in 0..op.arity() {
            let (r, operand) = compact::operand(rest, &mut operands)?;
            operands[first + i] = operand;
            rest = r;
        }
        let offset = u32::try_from(offset_of(file, at)).unwrap_or(u32::MAX);
        instrs.push(Instr { op, args: Items { start: first as u32, len: op.arity() as u32 }, offset });
        input = rest;
        if op == Opcode::IntCodeEnd {
            // erts stops reading here; anything after is ignored.
            break;
        }
    }
    Ok((input, Code { header, instrs, operands }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(max_opcode: u32, code: &[u8]) -> Vec<u8> {
        let mut d = Vec::new();
        for w in [16, 0, max_opcode, 3, 1] {
            d.extend_from_slice(&u32::to_be_bytes(w));
        }
        d.extend_from_slice(code);
        d
    }

    #[test]
    fn decodes_a_function() {
        // label 1; func_info {atom,1} {atom,2} 0; label 2; move {integer,5} {x,0}; return;
        // select_val {x,0} {f,1} {list,[{integer,1},{f,2}]}; int_code_end
        let code = [
            1, 0x10, 2, 0x12, 0x22, 0x00, 1, 0x20, 64, 0x51, 0x03, 19, 59, 0x03, 0x15, 0x17, 0x20, 0x11,
            0x25, 3,
        ];
        let data = chunk(64, &code);
        let (_, c) = parse(&data, &data).unwrap();
        let ops: Vec<_> = c.instrs.iter().map(|i| i.op).collect();
        assert_eq!(
            ops,
            [
                Opcode::Label,
                Opcode::FuncInfo,
                Opcode::Label,
                Opcode::Move,
                Opcode::Return,
                Opcode::SelectVal,
                Opcode::IntCodeEnd
            ]
        );
        assert_eq!(c.args(&c.instrs[3]), [Operand::Integer(5), Operand::X(0)]);
        let sel = c.args(&c.instrs[5]);
        let Operand::List(items) = sel[2] else { panic!("{sel:?}") };
        assert_eq!(c.items(items), [Operand::Integer(1), Operand::Label(2)]);
        assert_eq!(c.instrs[3].offset, 20 + 8);
    }

    #[test]
    fn newer_and_obsolete_opcodes() {
        let data = chunk(190, &[3]);
        assert!(
            matches!(parse(&data, &data), Err(nom::Err::Failure(e)) if matches!(e.kind, ErrorKind::NewerOpcode { opcode: 190, .. }))
        );
        let data = chunk(185, &[186]);
        assert!(
            matches!(parse(&data, &data), Err(nom::Err::Failure(e)) if matches!(e.kind, ErrorKind::NewerOpcode { opcode: 186, .. }))
        );
        let data = chunk(185, &[103, 0x00, 3]);
        assert!(
            matches!(parse(&data, &data), Err(nom::Err::Failure(e)) if e.kind == ErrorKind::ObsoleteOpcode { name: "make_fun2" })
        );
    }

    #[test]
    fn missing_int_code_end_is_truncation() {
        let data = chunk(64, &[1, 0x10]);
        assert!(parse(&data, &data).is_err());
    }
}
