#!/usr/bin/env bash
# Regenerates oracle.txt, the results real erl gives for the cases of arith_oracle.erl, used by
# runtime/tests/arith_oracle.rs: run once after changing the cases (not on every test run).
# Needs the host's erl (64-bit) and the ARM32 OTP of scripts/setup.sh (32-bit, under qemu-arm).
# Lines on which the two word sizes agree are written once; the others once per word size,
# prefixed "@64 " and "@32 ".
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" arith_oracle.erl
erl -noshell -pa "$out" -run arith_oracle main -s init stop > "$out/64.txt"
../../../../scripts/erl-armhf -noshell -pa "$out" -run arith_oracle main -s init stop > "$out/32.txt"
if [ "$(wc -l < "$out/64.txt")" != "$(wc -l < "$out/32.txt")" ]; then
  echo "the two word sizes printed different numbers of cases" >&2
  exit 1
fi
awk 'NR == FNR { sixty_four[FNR] = $0; next }
     { if (sixty_four[FNR] == $0) print; else { print "@64 " sixty_four[FNR]; print "@32 " $0 } }' \
  "$out/64.txt" "$out/32.txt" > oracle.txt
wc -l oracle.txt
grep -c '^@64 ' oracle.txt || true
