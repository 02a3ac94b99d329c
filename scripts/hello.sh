#!/usr/bin/env bash
# Sets the machine up, builds rbeam, compiles examples/hello with erlc and shows it under
# rbeam. Until the interpreter lands, "shows" means disassembling it with `rbeam dis`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
mkdir -p examples/hello/ebin
erlc -o examples/hello/ebin examples/hello/hello.erl
target/release/rbeam dis examples/hello/ebin/hello.beam
