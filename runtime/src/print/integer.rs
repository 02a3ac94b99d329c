//! Decimal text of bignums.

use core::fmt::{self, Write};

use crate::term::bignum::BigView;
use crate::term::tags::WORD_BITS;

/// The largest power of ten below 2^32, the base of the conversion.
const CHUNK: u64 = 1_000_000_000;
/// Decimal digits per chunk.
const CHUNK_DIGITS: usize = 9;

/// Writes a bignum in decimal, `-` first if negative.
pub fn write_bignum(out: &mut impl Write, big: BigView<'_>) -> fmt::Result {
    let mut limbs: Vec<u32> = big
        .digits
        .iter()
        .flat_map(|&digit| (0..WORD_BITS / 32).map(move |i| (digit >> (i * 32)) as u32))
        .collect();
    let mut chunks = Vec::new();
    loop {
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        if limbs.is_empty() {
            break;
        }
        let mut remainder = 0u64;
        for limb in limbs.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*limb);
            *limb = (value / CHUNK) as u32;
            remainder = value % CHUNK;
        }
        chunks.push(remainder as u32);
    }
    if big.negative {
        out.write_char('-')?;
    }
    match chunks.split_last() {
        None => out.write_char('0'),
        Some((top, rest)) => {
            write!(out, "{top}")?;
            for chunk in rest.iter().rev() {
                write!(out, "{chunk:0width$}", width = CHUNK_DIGITS)?;
            }
            Ok(())
        }
    }
}
