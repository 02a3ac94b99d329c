#!/usr/bin/env bash
# Regenerates the committed outputs of the real BEAM that rbeam's tests compare with: run once
# after changing a program here (they are not recomputed on every test run). Needs the host's
# erl (64-bit) and the ARM32 OTP of scripts/setup.sh (32-bit, under qemu-arm).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" word_size.erl
erl -noshell -pa "$out" -run word_size main -s init stop > word_size.64.txt
../../scripts/erl-armhf -noshell -pa "$out" -run word_size main -s init stop > word_size.32.txt
wc -l word_size.64.txt word_size.32.txt
