#!/usr/bin/env bash
# Regenerates the expected output of every program under tests/erlang with the real erl:
#   erl -noshell -pa EBIN -s PROG main -s init stop
# Run it after adding or changing a program; the outputs are committed (tests compare with
# them and never run erl themselves). erl's logger writes its reports (crash, supervisor and
# error reports) to standard_error here, where rbeam writes them, so they are not compared. Where the 32-bit ARM OTP prints something else (word
# size shows through), its output is kept as PROG.32.out next to PROG.out.
#   tests/generate_expected.sh            every program
#   tests/generate_expected.sh PROG...    only these
set -euo pipefail
cd "$(dirname "$0")"
ebin=$(mktemp -d)
trap 'rm -rf "$ebin"' EXIT
progs=("$@")
if [ ${#progs[@]} -eq 0 ]; then
  progs=()
  for f in erlang/*.erl; do progs+=("$(basename "$f" .erl)"); done
fi
for p in "${progs[@]}"; do erlc -o "$ebin" "erlang/$p.erl"; done
reports_to_stderr=(-kernel logger '[{handler,default,logger_std_h,#{config=>#{type=>standard_error},formatter=>{logger_formatter,#{legacy_header=>true,single_line=>false}}}}]')
for p in "${progs[@]}"; do
  erl -noshell "${reports_to_stderr[@]}" -pa "$ebin" -s "$p" main -s init stop > "expected/$p.out" 2>/dev/null || true
  if [ -x ../scripts/erl-armhf ] && [ -x /opt/otp-armhf/wrapbin/erlexec ]; then
    out32=$(mktemp)
    ../scripts/erl-armhf -noshell "${reports_to_stderr[@]}" -pa "$ebin" -s "$p" main -s init stop > "$out32" 2>/dev/null || true
    if cmp -s "$out32" "expected/$p.out"; then rm -f "expected/$p.32.out"; else mv "$out32" "expected/$p.32.out"; fi
    rm -f "$out32"
  fi
  tail -n1 "expected/$p.out" | grep -qx "$p done" || echo "warning: $p.out does not end with '$p done'" >&2
done
echo "generated ${#progs[@]} expected outputs"
