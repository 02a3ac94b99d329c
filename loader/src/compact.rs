//! Compact-term operands: the variable-length encoding of instruction operands in the `Code`
//! chunk, of line items in `Line`, and of atom lengths in OTP 28's `AtU8`.
//!
//! The low three bits of the first byte are the tag (`u i a x y f h z`). Bit 3 clear: the value
//! is the high nibble. Bits 3 set, 4 clear: an 11-bit value, three bits here and a second byte.
//! Both set: the high three bits give a byte count (2..=8), or 7 means a nested `u` value gives
//! the count minus 9; the bytes are big-endian two's complement. The `z` tag is extended: its
//! high nibble selects float, list, float register, allocation list, literal or typed register.

use crate::error::{ErrorKind, PResult, ParseError, fail};
use nom::bytes::complete::take;
use nom::number::complete::{be_f64, u8 as byte};

/// The basic tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// `u`: an unsigned literal (arity, live count, import index...).
    U = 0,
    /// `i`: an integer.
    I = 1,
    /// `a`: an atom index (0 means `[]`).
    A = 2,
    X = 3,
    Y = 4,
    /// `f`: a label (0 means "no fail label").
    F = 5,
    /// `h`: a character (never emitted by modern compilers).
    H = 6,
    /// `z`: extended.
    Z = 7,
}

impl Tag {
    fn from_bits(b: u8) -> Tag {
        match b & 7 {
            0 => Tag::U,
            1 => Tag::I,
            2 => Tag::A,
            3 => Tag::X,
            4 => Tag::Y,
            5 => Tag::F,
            6 => Tag::H,
            _ => Tag::Z,
        }
    }
}

/// A register operand, as held by a typed register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reg {
    X(u32),
    Y(u32),
}

/// A run of operands stored elsewhere in the same operand table (list items, allocation
/// pairs). Lists never nest, so a list's items are contiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Items {
    pub start: u32,
    pub len: u32,
}

impl Items {
    pub fn range(self) -> core::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// One decoded operand. Borrowed from the file for big integers, which stay in their encoded
/// form (big-endian two's complement) until something needs their value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Operand<'a> {
    Unsigned(u64),
    Integer(i64),
    /// An integer that does not fit an `i64`: big-endian two's complement bytes.
    BigInteger(&'a [u8]),
    /// An atom: 1-based index into the atom table.
    Atom(u32),
    Nil,
    X(u32),
    Y(u32),
    /// A label; 0 means "no fail label".
    Label(u32),
    Char(u32),
    /// A float written inline (pre-OTP 21 compilers; newer ones use literals).
    Float(f64),
    List(Items),
    FloatReg(u32),
    /// Allocation list: `len / 2` pairs of `Unsigned` kind (0 words, 1 floats, 2 funs) and
    /// `Unsigned` amount.
    AllocList(Items),
    /// Index into the literal table.
    Literal(u32),
    /// A register with a type annotation (OTP 25+): index into the `Type` chunk.
    TypedReg {
        reg: Reg,
        type_index: u32,
    },
}

impl Operand<'_> {
    /// A short description of the operand's kind, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Operand::Unsigned(_) => "unsigned",
            Operand::Integer(_) | Operand::BigInteger(_) => "integer",
            Operand::Atom(_) => "atom",
            Operand::Nil => "nil",
            Operand::X(_) => "x register",
            Operand::Y(_) => "y register",
            Operand::Label(_) => "label",
            Operand::Char(_) => "character",
            Operand::Float(_) => "float",
            Operand::List(_) => "list",
            Operand::FloatReg(_) => "float register",
            Operand::AllocList(_) => "allocation list",
            Operand::Literal(_) => "literal",
            Operand::TypedReg { .. } => "typed register",
        }
    }
}

/// The raw value of a basic-tagged operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// Fits in a `u64`; for the `i` tag, a non-negative value up to `i64::MAX`.
    Small(u64),
    /// A negative `i` value that fits an `i64`.
    Negative(i64),
    /// An `i` value beyond `i64` range, or an unsigned beyond `u64`: two's complement bytes
    /// (for non-`i` tags, an unsigned magnitude).
    Big(&'a [u8]),
}

/// Decodes one basic-tagged value, returning its tag. A `z` tag is returned with its
/// extended sub-tag as `Small` and nothing consumed beyond the first byte.
pub fn tagged_value(input: &[u8]) -> PResult<'_, (Tag, Value<'_>)> {
    let start = input;
    let (input, b) = byte(input)?;
    let tag = Tag::from_bits(b);
    if tag == Tag::Z {
        if b & 0x08 != 0 {
            return fail(start, ErrorKind::BadEncoding("extended tag with a multi-byte value"));
        }
        return Ok((input, (tag, Value::Small(u64::from(b >> 4)))));
    }
    if b & 0x08 == 0 {
        return Ok((input, (tag, Value::Small(u64::from(b >> 4)))));
    }
    if b & 0x10 == 0 {
        let (input, lo) = byte(input)?;
        let v = (u64::from(b & 0xE0) << 3) | u64::from(lo);
        return Ok((input, (tag, Value::Small(v))));
    }
    let (input, len) = if b >> 5 == 7 {
        let (input, (ltag, lval)) = tagged_value(input)?;
        match (ltag, lval) {
            (Tag::U, Value::Small(n)) if n <= u64::from(u32::MAX) => (input, n as usize + 9),
            _ => return fail(start, ErrorKind::BadEncoding("bad length of a big value")),
        }
    } else {
        (input, usize::from(b >> 5) + 2)
    };
    if len > input.len() {
        return fail(input, ErrorKind::Truncated);
    }
    let (input, bytes) = take(len)(input)?;
    Ok((input, (tag, bytes_value(tag, bytes))))
}

/// Interprets the bytes of a multi-byte value: two's complement for `i`, unsigned otherwise.
fn bytes_value(tag: Tag, bytes: &[u8]) -> Value<'_> {
    let negative = tag == Tag::I && bytes[0] & 0x80 != 0;
    // Redundant leading sign bytes (0x00 for non-negative, 0xFF for negative) carry nothing.
    let fill = if negative { 0xFF } else { 0x00 };
    let significant = bytes.iter().position(|&x| x != fill).unwrap_or(bytes.len());
    let rest = &bytes[significant..];
    // An `i` value must fit an `i64` (its top bit equal to the sign); others a `u64`.
    let fits = if tag == Tag::I {
        rest.len() < 8 || (rest.len() == 8 && (rest[0] & 0x80 != 0) == negative)
    } else {
        rest.len() <= 8
    };
    if !fits {
        return Value::Big(bytes);
    }
    let mut v: u64 = if negative { u64::MAX } else { 0 };
    for &x in rest {
        v = (v << 8) | u64::from(x);
    }
    if negative { Value::Negative(v as i64) } else { Value::Small(v) }
}

fn small_u32<'a>(at: &'a [u8], v: Value<'_>, what: &'static str) -> Result<u32, nom::Err<ParseError<'a>>> {
    match v {
        Value::Small(n) if n <= u64::from(u32::MAX) => Ok(n as u32),
        _ => Err(nom::Err::Failure(ParseError::new(at, ErrorKind::BadEncoding(what)))),
    }
}

/// Decodes a value that must carry the `u` tag and fit a `u32`.
pub fn unsigned(input: &[u8]) -> PResult<'_, u32> {
    let (rest, (tag, v)) = tagged_value(input)?;
    if tag != Tag::U {
        return fail(input, ErrorKind::BadEncoding("expected an unsigned value"));
    }
    Ok((rest, small_u32(input, v, "unsigned value too large")?))
}

/// Decodes one operand. List items and allocation pairs are appended to `items`, and the
/// operand refers to them by position, so operands stay `Copy` and one table holds a whole
/// code chunk's operands.
pub fn operand<'a>(input: &'a [u8], items: &mut Vec<Operand<'a>>) -> PResult<'a, Operand<'a>> {
    operand_at_depth(input, items, false)
}

fn operand_at_depth<'a>(
    input: &'a [u8],
    items: &mut Vec<Operand<'a>>,
    in_list: bool,
) -> PResult<'a, Operand<'a>> {
    let start = input;
    let (input, (tag, v)) = tagged_value(input)?;
    let op = match tag {
        Tag::U => match v {
            Value::Small(n) => Operand::Unsigned(n),
            _ => return fail(start, ErrorKind::BadEncoding("unsigned value too large")),
        },
        Tag::I => match v {
            // `bytes_value` only gives `Small` for `i` values up to `i64::MAX`.
            Value::Small(n) => Operand::Integer(n as i64),
            Value::Negative(n) => Operand::Integer(n),
            Value::Big(b) => Operand::BigInteger(b),
        },
        Tag::A => match small_u32(start, v, "atom index too large")? {
            0 => Operand::Nil,
            n => Operand::Atom(n),
        },
        Tag::X => Operand::X(small_u32(start, v, "register number too large")?),
        Tag::Y => Operand::Y(small_u32(start, v, "register number too large")?),
        Tag::F => Operand::Label(small_u32(start, v, "label too large")?),
        Tag::H => Operand::Char(small_u32(start, v, "character too large")?),
        Tag::Z => return extended(start, input, v, items, in_list),
    };
    Ok((input, op))
}

fn extended<'a>(
    start: &'a [u8],
    input: &'a [u8],
    sub: Value<'_>,
    items: &mut Vec<Operand<'a>>,
    in_list: bool,
) -> PResult<'a, Operand<'a>> {
    let Value::Small(sub) = sub else {
        return fail(start, ErrorKind::BadEncoding("extended tag"));
    };
    match sub {
        0 => {
            let (input, f) = be_f64(input)?;
            Ok((input, Operand::Float(f)))
        }
        1 | 3 if in_list => fail(start, ErrorKind::BadEncoding("nested list")),
        1 => {
            let (mut input, len) = unsigned(input)?;
            // Every item takes at least one byte: a count beyond the input is corrupt, and
            // must not size an allocation.
            if len as usize > input.len() {
                return fail(start, ErrorKind::ImplausibleCount { what: "list", count: u64::from(len) });
            }
            // Items of this list go into `items` contiguously; nested lists are refused, so
            // no other operand is pushed in between.
            let first = items.len();
            items.reserve(len as usize);
            for _ in 0..len {
                let (rest, op) = operand_at_depth(input, items, true)?;
                items.push(op);
                input = rest;
            }
            Ok((input, Operand::List(Items { start: first as u32, len })))
        }
        2 => {
            let (input, n) = unsigned(input)?;
            Ok((input, Operand::FloatReg(n)))
        }
        3 => {
            let (mut input, n) = unsigned(input)?;
            if n as usize > input.len() / 2 {
                return fail(
                    start,
                    ErrorKind::ImplausibleCount { what: "allocation list", count: u64::from(n) },
                );
            }
            let first = items.len();
            for _ in 0..n {
                let (rest, kind) = unsigned(input)?;
                if kind > 2 {
                    return fail(input, ErrorKind::BadEncoding("allocation kind"));
                }
                let (rest, amount) = unsigned(rest)?;
                items.push(Operand::Unsigned(u64::from(kind)));
                items.push(Operand::Unsigned(u64::from(amount)));
                input = rest;
            }
            Ok((input, Operand::AllocList(Items { start: first as u32, len: 2 * n })))
        }
        4 => {
            let (input, n) = unsigned(input)?;
            Ok((input, Operand::Literal(n)))
        }
        5 => {
            let at = input;
            let (input, (tag, v)) = tagged_value(input)?;
            let n = small_u32(at, v, "register number too large")?;
            let reg = match tag {
                Tag::X => Reg::X(n),
                Tag::Y => Reg::Y(n),
                _ => return fail(at, ErrorKind::BadEncoding("typed register must be x or y")),
            };
            let (input, type_index) = unsigned(input)?;
            Ok((input, Operand::TypedReg { reg, type_index }))
        }
        _ => fail(start, ErrorKind::BadEncoding("unknown extended tag")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bytes: &[u8]) -> Operand<'_> {
        let mut items = Vec::new();
        let (rest, op) = operand(bytes, &mut items).unwrap();
        assert!(rest.is_empty(), "left over: {rest:?}");
        op
    }

    #[test]
    fn small_and_medium_values() {
        assert_eq!(one(&[0x51]), Operand::Integer(5));
        assert_eq!(one(&[0x69, 0xE8]), Operand::Integer(1000));
        assert_eq!(one(&[0xE9, 0xFF]), Operand::Integer(2047));
        assert_eq!(one(&[0x19, 0x08, 0x00]), Operand::Integer(2048));
        assert_eq!(one(&[0x03]), Operand::X(0));
        assert_eq!(one(&[0x14]), Operand::Y(1));
        assert_eq!(one(&[0x02]), Operand::Nil);
        assert_eq!(one(&[0x12]), Operand::Atom(1));
        assert_eq!(one(&[0x05]), Operand::Label(0));
    }

    #[test]
    fn negative_and_large_integers() {
        // The examples in beam_disasm's comments (encodings made by beam_asm).
        assert_eq!(one(&[0x19, 0xFF, 0xFF]), Operand::Integer(-1));
        assert_eq!(one(&[0x79, 0xFF, 0, 0, 0, 1]), Operand::Integer(-4294967295));
        assert_eq!(one(&[0x79, 0, 0xFF, 0xFF, 0xFF, 0xFF]), Operand::Integer(4294967295));
        assert_eq!(one(&[0x79, 99, 0xFF, 0xFF, 0xFF, 157]), Operand::Integer(429496729501));
        // i64::MIN and i64::MAX still fit.
        let mut min = vec![0xD9];
        min.extend_from_slice(&i64::MIN.to_be_bytes());
        assert_eq!(one(&min), Operand::Integer(i64::MIN));
        let mut max = vec![0xD9];
        max.extend_from_slice(&i64::MAX.to_be_bytes());
        assert_eq!(one(&max), Operand::Integer(i64::MAX));
    }

    #[test]
    fn bignums_keep_their_bytes() {
        // 2^64: nine bytes, so the byte count is nested: 0xF9, then u(9 - 9 = 0).
        let big = [0xF9, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(one(&big), Operand::BigInteger(&big[2..]));
        // 2^63 (fits u64, not i64): a leading zero byte, nine bytes.
        let b63 = [0xF9, 0x00, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(one(&b63), Operand::BigInteger(&b63[2..]));
        // -2^63 - 1
        let n = [0xF9, 0x00, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        assert_eq!(one(&n), Operand::BigInteger(&n[2..]));
    }

    #[test]
    fn extended_forms() {
        let mut items = Vec::new();
        // {list,[{atom,1},{f,6}]}
        let (_, op) = operand(&[0x17, 0x20, 0x12, 0x65], &mut items).unwrap();
        assert_eq!(op, Operand::List(Items { start: 0, len: 2 }));
        assert_eq!(items, vec![Operand::Atom(1), Operand::Label(6)]);
        assert_eq!(one(&[0x47, 0x30]), Operand::Literal(3));
        assert_eq!(one(&[0x27, 0x10]), Operand::FloatReg(1));
        assert_eq!(one(&[0x57, 0x23, 0x40]), Operand::TypedReg { reg: Reg::X(2), type_index: 4 });
        let mut f = vec![0x07];
        f.extend_from_slice(&1.5f64.to_be_bytes());
        assert_eq!(one(&f), Operand::Float(1.5));
        let mut items = Vec::new();
        let (_, op) = operand(&[0x37, 0x20, 0x00, 0x10, 0x20, 0x10], &mut items).unwrap();
        assert_eq!(op, Operand::AllocList(Items { start: 0, len: 4 }));
        assert_eq!(items[3], Operand::Unsigned(1));
    }

    #[test]
    fn malformed_operands_are_errors() {
        let mut items = Vec::new();
        for bad in [
            &[][..],
            &[0x19, 0xFF][..],
            &[0x17, 0x10, 0x17, 0x00][..],
            &[0x87][..],
            &[0x17, 0xF8, 0xFF][..],
            &[0x57, 0x22, 0x00][..],
            &[0x37, 0x10, 0x30, 0x00][..],
        ] {
            assert!(operand(bad, &mut items).is_err(), "{bad:?}");
        }
    }
}
