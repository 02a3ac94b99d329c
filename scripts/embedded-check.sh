#!/usr/bin/env bash
# The release rbeam with the local OTP code path switched off (`--no-otp`) runs a program that
# uses io:format, lists:sort/1 and string:split/2 from the embedded boot set alone, and
# code:which(lists) names the embedded copy. The output must match erl's except for that
# last line. Under qemu-arm -L the host's OTP stays visible, so only the switch proves the
# boot set is enough.
#   scripts/embedded-check.sh host    x86_64 release binary
#   scripts/embedded-check.sh arm     ARM32 release binary (Debian's rustc) under qemu-arm
set -euo pipefail
cd "$(dirname "$0")/.."
lane=${1:?usage: scripts/embedded-check.sh host|arm}
case "$lane" in
  host)
    cargo build --quiet --release
    run=(target/release/rbeam) ;;
  arm)
    RUSTC=/usr/bin/rustc CARGO_TARGET_DIR=target/armv7-lane \
      cargo build --quiet --release --target armv7-unknown-linux-gnueabihf
    run=(qemu-arm -cpu cortex-a9 -L /usr/arm-linux-gnueabihf
         target/armv7-lane/armv7-unknown-linux-gnueabihf/release/rbeam) ;;
  *) echo "unknown lane $lane" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
erlc -o "$work" tests/embedded/embedded_boot.erl
erl -noshell -pa "$work" -s embedded_boot main -s init stop > "$work/erl.out"
"${run[@]}" --no-otp -pa "$work" -s embedded_boot main > "$work/rbeam.out"
# Every line but the code:which one (the second to last) must be erl's.
sed '$d' "$work/erl.out" | sed '$d' > "$work/erl.common"
sed '$d' "$work/rbeam.out" | sed '$d' > "$work/rbeam.common"
diff -u "$work/erl.common" "$work/rbeam.common"
diff <(tail -n1 "$work/erl.out") <(tail -n1 "$work/rbeam.out")
grep -qx '".*/lists\.beam"' <(tail -n2 "$work/erl.out" | head -n1)
which=$(tail -n2 "$work/rbeam.out" | head -n1)
if [ "$which" != '"rbeam:embedded/lists.beam"' ]; then
  echo "code:which(lists) on rbeam --no-otp: $which, not the embedded copy" >&2
  exit 1
fi
echo "embedded boot set ($lane): io:format, lists:sort/1, string:split/2 as erl; lists is $which" >&2
