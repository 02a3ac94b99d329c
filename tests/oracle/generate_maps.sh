#!/usr/bin/env bash
# Regenerates the map oracle files runtime/tests/maps_oracle.rs compares with: run once after
# changing maps_oracle.erl. Needs the host's erl (64-bit) and the ARM32 OTP of
# scripts/setup.sh (32-bit, under qemu-arm).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" maps_oracle.erl
erl -noshell -kernel logger_level error -pa "$out" -run maps_oracle main -s init stop 2>/dev/null > maps.64.txt
../../scripts/erl-armhf -noshell -kernel logger_level error -pa "$out" -run maps_oracle main -s init stop 2>/dev/null > maps.32.txt
wc -c maps.64.txt maps.32.txt
