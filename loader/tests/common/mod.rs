//! Helpers shared by the loader's integration tests: finding OTP's beams, taking a beam
//! apart into chunks and putting it back together with consistent sizes, and a tiny
//! deterministic random generator.
#![allow(dead_code)] // each test file uses a different subset

use std::path::PathBuf;

/// `code:root_dir()`/lib: `RBEAM_OTP_ROOT` (set by scripts/test.sh), else Debian's location.
pub fn otp_lib() -> PathBuf {
    let root =
        std::env::var_os("RBEAM_OTP_ROOT").map_or_else(|| PathBuf::from("/usr/lib/erlang"), PathBuf::from);
    root.join("lib")
}

/// Reads an OTP module by its path below lib/ without the application's version suffix,
/// e.g. `"stdlib/ebin/queue.beam"`.
pub fn read_module(rel: &str) -> Vec<u8> {
    let (app, file) = rel.split_once('/').unwrap();
    for entry in std::fs::read_dir(otp_lib()).unwrap().flatten() {
        let name = entry.file_name().into_string().unwrap();
        if name == app || name.starts_with(&format!("{app}-")) {
            return std::fs::read(entry.path().join(file)).unwrap();
        }
    }
    panic!("{rel} not found under {}", otp_lib().display());
}

pub type Chunks = Vec<([u8; 4], Vec<u8>)>;

/// The chunks of a well-formed file as (id, data).
pub fn split(file: &[u8]) -> Chunks {
    let mut out = Vec::new();
    let mut at = 12;
    while at + 8 <= file.len() {
        let id: [u8; 4] = file[at..at + 4].try_into().unwrap();
        let len = u32::from_be_bytes(file[at + 4..at + 8].try_into().unwrap()) as usize;
        out.push((id, file[at + 8..at + 8 + len].to_vec()));
        at += 8 + len.div_ceil(4) * 4;
    }
    out
}

/// Reassembles chunks into a file with consistent sizes and padding.
pub fn join(chunks: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut body = b"BEAM".to_vec();
    for (id, data) in chunks {
        body.extend_from_slice(id);
        body.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
        body.resize(body.len().div_ceil(4) * 4, 0);
    }
    let mut file = b"FOR1".to_vec();
    file.extend_from_slice(&(body.len() as u32).to_be_bytes());
    file.extend_from_slice(&body);
    file
}

/// The data of chunk `id`.
pub fn chunk<'c>(chunks: &'c Chunks, id: &[u8; 4]) -> &'c Vec<u8> {
    &chunks.iter().find(|(i, _)| i == id).unwrap().1
}

pub fn chunk_mut<'c>(chunks: &'c mut Chunks, id: &[u8; 4]) -> &'c mut Vec<u8> {
    &mut chunks.iter_mut().find(|(i, _)| i == id).unwrap().1
}

/// xorshift64*: deterministic, so a failure names a reproducible seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Compact-term encoding of a value with a basic tag (0 u, 1 i, 2 a, 3 x, 4 y, 5 f), as
/// beam_asm writes it.
pub fn encode(tag: u8, value: i64) -> Vec<u8> {
    if (0..16).contains(&value) {
        vec![(value as u8) << 4 | tag]
    } else if (0..2048).contains(&value) {
        vec![((value >> 3) as u8 & 0xE0) | 0x08 | tag, value as u8]
    } else {
        let bytes = value.to_be_bytes();
        // Minimal two's complement: drop redundant sign bytes.
        let mut start = 0;
        while start < 7
            && ((bytes[start] == 0 && bytes[start + 1] & 0x80 == 0)
                || (bytes[start] == 0xFF && bytes[start + 1] & 0x80 != 0))
        {
            start += 1;
        }
        let body = &bytes[start..];
        let mut out = vec![((body.len() as u8 - 2) << 5) | 0x18 | tag];
        out.extend_from_slice(body);
        out
    }
}

/// `{list,[...]}` of already encoded items.
pub fn encode_list(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![0x17];
    out.extend(encode(0, items.len() as i64));
    for i in items {
        out.extend_from_slice(i);
    }
    out
}
