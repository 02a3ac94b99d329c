#!/usr/bin/env bash
# Install Debian's 32-bit ARM Erlang/OTP (erlang-base:armhf, the interpreter: OTP has no JIT on
# ARM32) as a private sysroot, run on x86_64 by qemu-arm through scripts/erl-armhf.
# Called by scripts/setup.sh (root, armhf already a foreign architecture). Idempotent.
#
# Why a private sysroot: `apt-get install erlang-base:armhf` would fight the host's erlang-base for
# /usr/bin/erl and trips over multiarch skew, so the .debs are unpacked into one directory holding
# everything beam.smp needs (libc6, libtinfo6, zlib1g, libgcc-s1). `qemu-arm -L` takes one prefix.
# Why wrapbin/: there is no binfmt_misc here, so an ARM program cannot exec another one
# (erlexec -> beam.smp -> erl_child_setup). Every ARM executable of erts-*/bin gets a /bin/sh stub
# that runs it under qemu-arm, and BINDIR points at the stubs.
set -euo pipefail

ROOT=${OTP_ARMHF_ROOT:-/opt/otp-armhf}
HERE=$(cd "$(dirname "$0")" && pwd)
export DEBIAN_FRONTEND=noninteractive
log() { printf '[otp-armhf] %s\n' "$*" >&2; }

# The same OTP release as the host's erlc, so host-compiled .beam files load unchanged.
hostv=$(dpkg-query -W -f='${Version}' erlang-base:amd64 2>/dev/null || true)
if [ -n "$hostv" ] && apt-cache madison erlang-base:armhf | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$hostv"; then
  ERLV=$hostv
else
  ERLV=$(apt-cache policy erlang-base:armhf | awk '/Candidate:/{print $2}')
fi
[ -n "$ERLV" ] && [ "$ERLV" != "(none)" ] || { log "no erlang-base:armhf candidate (is armhf a foreign architecture?)"; exit 1; }

STAMP=$ROOT/.otp-armhf-version
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$ERLV" ] && [ -x "$ROOT/wrapbin/erlexec" ]; then
  exit 0
fi
tmp=$(mktemp -d); chmod 777 "$tmp"
log "downloading erlang-base:armhf=$ERLV and its C libraries"
(cd "$tmp" && apt-get download -q "erlang-base:armhf=$ERLV" libc6:armhf libtinfo6:armhf zlib1g:armhf libgcc-s1:armhf >/dev/null)
rm -rf "$ROOT"; mkdir -p "$ROOT"
for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$ROOT"; done
rm -rf "$tmp"

erts=$(cd "$ROOT/usr/lib/erlang" && ls -d erts-* | head -1)
mkdir -p "$ROOT/wrapbin"
for f in "$ROOT/usr/lib/erlang/$erts"/bin/*; do
  n=$(basename "$f")
  # An ARM ELF has e_machine 0x28 at byte 18.
  if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] && [ "$(od -An -tx1 -j18 -N2 "$f" | tr -d ' ')" = 2800 ]; then
    printf '#!/bin/sh\nexec qemu-arm -L %s %s "$@"\n' "$ROOT" "$f" >"$ROOT/wrapbin/$n"
    chmod +x "$ROOT/wrapbin/$n"
  else
    ln -sfn "$f" "$ROOT/wrapbin/$n"
  fi
done

out=$(OTP_ARMHF_ROOT=$ROOT "$HERE/erl-armhf" -noshell -eval 'io:format("~p",[erlang:system_info(wordsize)]), halt().')
[ "$out" = 4 ] || { log "smoke test failed: wordsize '$out'"; exit 1; }
echo "$ERLV" >"$STAMP"
log "installed OTP $ERLV ($erts) into $ROOT"
