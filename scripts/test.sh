#!/usr/bin/env bash
# Runs every test of rbeam: the host lane (x86_64: cargo test, doctests, clippy) and the ARM32
# lane (the same tests built for armv7-unknown-linux-gnueabihf with Debian's rustc and run
# under qemu-arm -cpu cortex-a9). A failure in either lane fails the command.
#
#   scripts/test.sh            both lanes
#   scripts/test.sh host       host lane only
#   scripts/test.sh arm        ARM32 lane only
set -euo pipefail
cd "$(dirname "$0")/.."
lanes=${1:-all}

scripts/setup.sh

ARM_TARGET=armv7-unknown-linux-gnueabihf
# Tests that start the rbeam binary run it through this prefix when it is an ARM binary.
QEMU="qemu-arm -cpu cortex-a9 -L /usr/arm-linux-gnueabihf"
OTP_ROOT=$(erl -noshell -eval 'io:put_chars(code:root_dir()), halt().')
export RBEAM_OTP_ROOT=$OTP_ROOT

step() { printf '\n=== %s\n' "$*" >&2; }

if [ "$lanes" = all ] || [ "$lanes" = host ]; then
  step "host lane: cargo test (x86_64)"
  cargo test --workspace
  step "host lane: cargo clippy, cargo fmt --check"
  cargo clippy --workspace --all-targets -- -D warnings
  cargo fmt --all --check
  step "host lane: the release binary with only its embedded boot set"
  scripts/embedded-check.sh host
  step "host lane: instruction coverage of the Erlang test programs"
  scripts/instr-coverage.sh target/INSTR_COVERAGE.md
  if grep -n "NOT COVERED" target/INSTR_COVERAGE.md; then
    echo "some generic instructions run in no test program (see above)" >&2
    exit 1
  fi
  step "host lane: benchmark smoke run (bench/run --quick): rbeam's results equal erl's"
  bench/run --quick --lane host
fi

if [ "$lanes" = all ] || [ "$lanes" = arm ]; then
  step "ARM32 lane: cargo test --target $ARM_TARGET under qemu-arm -cpu cortex-a9"
  # Debian's rustc 1.85 with its matching armhf std; a target directory of its own so the two
  # compilers never invalidate each other's artifacts. Doctests stay on the host: rustup's
  # cargo passes rustdoc a flag Debian's rustdoc 1.85 rejects.
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc CARGO_TARGET_DIR=target/armv7-lane \
    RBEAM_TEST_RUNNER="$QEMU" \
    cargo test --workspace --target "$ARM_TARGET" --lib --bins --tests
  step "ARM32 lane: the release binary with only its embedded boot set"
  scripts/embedded-check.sh arm
  step "ARM32 lane: benchmark smoke run (bench/run --quick): rbeam's results equal OTP armhf's"
  bench/run --quick --lane arm
fi
step "all requested lanes passed"
