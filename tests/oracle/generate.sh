#!/usr/bin/env bash
# Regenerates the committed outputs of the real BEAM that rbeam's tests compare with: run once
# after changing a program here (they are not recomputed on every test run). Needs the host's
# erl (64-bit) and the ARM32 OTP of scripts/setup.sh (32-bit, under qemu-arm).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" word_size.erl data_bifs.erl bif_calls.erl
erl -noshell -pa "$out" -run word_size main -s init stop > word_size.64.txt
../../scripts/erl-armhf -noshell -pa "$out" -run word_size main -s init stop > word_size.32.txt
# The data BIFs' values depend on no word size: the 32-bit OTP must print the same, except
# for the hash-ordered (non-deterministic) encodings of maps of more than 32 atom keys.
erl -noshell -pa "$out" -run data_bifs main -s init stop > data_bifs.txt
erl -noshell -pa "$out" -run bif_calls main -s init stop > bif_calls.txt
wc -l word_size.64.txt word_size.32.txt data_bifs.txt bif_calls.txt
