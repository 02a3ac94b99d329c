#!/usr/bin/env bash
# Sets the machine up, builds rbeam, compiles examples/hello with erlc and runs it:
#   rbeam -pa examples/hello/ebin -s hello
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
mkdir -p examples/hello/ebin
erlc -o examples/hello/ebin examples/hello/hello.erl
target/release/rbeam -pa examples/hello/ebin -s hello
