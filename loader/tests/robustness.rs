//! Robustness of the loader against corrupt files (host lane only: exhaustive sweeps are too
//! slow under qemu). Every truncation and a few thousand seeded random mutations of real
//! beams must load to `Ok` or a typed `Err` quickly: never a panic, a hang or a huge
//! allocation.
#![cfg(not(target_arch = "arm"))]

mod common;

use common::{Rng, join, read_module, split};
use std::time::{Duration, Instant};

/// Small and medium OTP modules with literals, funs, binaries, maps and line tables.
const MODULES: &[&str] = &[
    "stdlib/ebin/queue.beam",
    "stdlib/ebin/base64.beam",
    "stdlib/ebin/orddict.beam",
    "stdlib/ebin/maps.beam",
];

/// The longest a single load may take in a debug build before it counts as a hang.
const TIME_BOUND: Duration = Duration::from_secs(2);

fn load_bounded(bytes: &[u8], what: &dyn Fn() -> String) {
    let start = Instant::now();
    let _ = rbeam_loader::parse(bytes);
    assert!(start.elapsed() < TIME_BOUND, "loading took {:?}: {}", start.elapsed(), what());
}

#[test]
fn real_modules_load() {
    for m in MODULES {
        rbeam_loader::parse(&read_module(m)).unwrap_or_else(|e| panic!("{m}: {e}"));
    }
}

#[test]
fn every_file_truncation_is_an_error() {
    for m in MODULES {
        let file = read_module(m);
        for len in 0..file.len() {
            let r = rbeam_loader::parse(&file[..len]);
            assert!(r.is_err(), "{m} truncated to {len} bytes loaded");
        }
    }
}

#[test]
fn every_chunk_truncation_loads_or_fails_cleanly() {
    for m in MODULES {
        let chunks = split(&read_module(m));
        for (i, (id, data)) in chunks.iter().enumerate() {
            for len in 0..data.len() {
                let mut cut = chunks.clone();
                cut[i].1.truncate(len);
                let file = join(&cut);
                load_bounded(&file, &|| format!("{m}: chunk {} cut to {len}", String::from_utf8_lossy(id)));
            }
        }
    }
}

#[test]
fn random_mutations_load_or_fail_cleanly() {
    const PER_MODULE: u64 = 1000;
    for (k, m) in MODULES.iter().enumerate() {
        let file = read_module(m);
        for round in 0..PER_MODULE {
            let seed = 0x9E37_79B9_7F4A_7C15 ^ (k as u64) << 32 ^ round;
            let mut rng = Rng(seed);
            let mut bytes = file.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len());
                // Half the time a small nudge (keeps lengths plausible), else any value.
                bytes[at] = if rng.next() & 1 == 0 {
                    bytes[at].wrapping_add(1 + rng.below(3) as u8)
                } else {
                    rng.next() as u8
                };
            }
            load_bounded(&bytes, &|| format!("{m}: mutation seed {seed:#x}"));
        }
    }
}
