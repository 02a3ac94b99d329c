#!/usr/bin/env bash
# Prepare a fresh Debian 12 (bookworm) x86_64 machine, as root, to build and test rbeam.
#
# What it installs, and why:
#   * erlang-base, erlang-dev    Debian's OTP 25: `erl` and `erlc`, the oracle for every behaviour.
#   * qemu-user                  `qemu-arm` runs the armv7 lane (no binfmt_misc: always invoked
#                                explicitly, as cargo's runner).
#   * gcc-arm-linux-gnueabihf,   linker and C runtime for armv7-unknown-linux-gnueabihf.
#     libc6-dev-armhf-cross
#   * gdb-multiarch              debugging under `qemu-arm -g PORT`.
#   * gnuplot-nox                the bar chart of bench/run's ratios (bench/RESULTS.png).
#   * rustc-web + its armhf std  rustup cannot download targets on these machines, so the ARM lane
#                                builds with Debian's rustc (1.85 family, /usr/bin/rustc) and the
#                                armhf std rlibs of *exactly* the same Debian version. Installing
#                                `libstd-rust-web-dev:armhf` through apt fails on multiarch skew,
#                                so the .deb is downloaded and unpacked into /usr/lib/rustlib.
#   * /opt/otp-armhf             Debian's erlang-base:armhf in a private sysroot, run under qemu-arm
#                                by scripts/erl-armhf: the second oracle (32-bit word size) and the
#                                interpreter rbeam's benchmarks measure against.
#
# Idempotent: every step checks before acting. Once done, a re-run costs well under a second
# (a stamp file records the finished configuration; `RBEAM_SETUP_FORCE=1` re-checks everything).
set -euo pipefail

TARGET=armv7-unknown-linux-gnueabihf
RUSTLIB_DST=/usr/lib/rustlib/$TARGET
OTP_ARMHF_ROOT=${OTP_ARMHF_ROOT:-/opt/otp-armhf}
HERE=$(cd "$(dirname "$0")" && pwd)
STAMP=/var/lib/rbeam-setup.stamp
# Bump when this script installs something new, so machines set up by an older copy re-run it.
SETUP_LEVEL=2
export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

fast_path_ok() {
  [ "${RBEAM_SETUP_FORCE:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$SETUP_LEVEL" ] &&
    command -v erlc >/dev/null && command -v qemu-arm >/dev/null && command -v gnuplot >/dev/null &&
    [ -x /usr/bin/rustc ] && ls "$RUSTLIB_DST"/lib/libstd-*.rlib >/dev/null 2>&1 &&
    [ -x "$OTP_ARMHF_ROOT/wrapbin/erlexec" ]
}
if fast_path_ok; then exit 0; fi

[ "$(id -u)" = 0 ] || die "run as root (installs Debian packages)"
[ "$(dpkg --print-architecture)" = amd64 ] || die "expects an amd64 Debian host"

# 1. armhf as a foreign architecture: needed to see the armhf std and erlang-base:armhf.
need_update=0
if ! dpkg --print-foreign-architectures | grep -qx armhf; then
  log "adding foreign architecture armhf"
  dpkg --add-architecture armhf
  need_update=1
fi
if [ "$need_update" = 1 ] || [ ! -f /var/lib/apt/periodic/rbeam-updated ] ||
   ! apt-cache show libstd-rust-web-dev:armhf >/dev/null 2>&1; then
  # A lagging mirror (bookworm-security's armhf index has failed with "File has unexpected
  # size") makes apt-get update exit non-zero while every other index is fine: tolerate it
  # and check below that what is needed resolves.
  log "apt-get update"
  apt-get update -o Acquire::Retries=3 >/tmp/rbeam-apt-update.log 2>&1 ||
    { log "apt-get update reported errors (continuing):"; grep -E '^(E|W):' /tmp/rbeam-apt-update.log | head -5 >&2 || true; }
  mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/rbeam-updated
fi

# 2. Plain packages. --no-install-recommends keeps out cargo-web, qemu-user-binfmt, erlang-crypto...
PKGS=(erlang-base erlang-dev qemu-user gcc-arm-linux-gnueabihf libc6-dev-armhf-cross gdb-multiarch
      gnuplot-nox)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/rbeam-apt-install.log 2>&1 ||
    { tail -20 /tmp/rbeam-apt-install.log >&2; die "apt-get install failed"; }
fi

# 3. A Debian rust version offered for rustc-web (amd64) and for the std of both architectures.
versions_of() { apt-cache madison "$1" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}' | sort -u; }
highest() {
  local best="" v
  while read -r v; do
    [ -n "$v" ] || continue
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
  done
  printf '%s' "$best"
}
V=${RUST_DEB_VERSION:-$(comm -12 <(versions_of rustc-web:amd64) <(versions_of libstd-rust-web-dev:amd64) |
  comm -12 - <(versions_of libstd-rust-web-dev:armhf) | highest)}
[ -n "$V" ] || die "no rustc-web version exists for both amd64 and armhf (apt-cache madison libstd-rust-web-dev:armhf)"

cur=$(dpkg-query -W -f='${Version}' rustc-web 2>/dev/null || true)
curstd=$(dpkg-query -W -f='${Version}' libstd-rust-web-dev:amd64 2>/dev/null || true)
if [ "$cur" != "$V" ] || [ "$curstd" != "$V" ]; then
  log "installing rustc-web=$V"
  apt-get install -y -q --no-install-recommends --allow-downgrades --allow-change-held-packages \
    "rustc-web=$V" "libstd-rust-web-dev:amd64=$V" >/tmp/rbeam-apt-install.log 2>&1 ||
    { tail -20 /tmp/rbeam-apt-install.log >&2; die "installing rustc-web failed"; }
fi
# Held, so an upgrade cannot move the host rustc away from the armhf std unpacked below.
apt-mark hold rustc-web libstd-rust-web-dev >/dev/null

# 4. The armhf std rlibs of the same version.
RUST_STAMP=$RUSTLIB_DST/.debian-libstd-version
if ! { [ -f "$RUST_STAMP" ] && [ "$(cat "$RUST_STAMP")" = "$V" ] && ls "$RUSTLIB_DST"/lib/libstd-*.rlib >/dev/null 2>&1; }; then
  tmp=$(mktemp -d); chmod 777 "$tmp"   # apt-get download runs as _apt and must write here
  log "unpacking libstd-rust-web-dev:armhf=$V into $RUSTLIB_DST"
  (cd "$tmp" && apt-get download -q "libstd-rust-web-dev:armhf=$V" >/dev/null)
  dpkg-deb -x "$tmp"/libstd-rust-web-dev_*_armhf.deb "$tmp/x"
  [ -d "$tmp/x/usr/lib/rustlib/$TARGET/lib" ] || die "unexpected layout in libstd-rust-web-dev:armhf"
  # Replace wholesale: rlibs of two versions side by side give E0464/E0514.
  rm -rf "$RUSTLIB_DST"; mkdir -p /usr/lib/rustlib
  cp -a "$tmp/x/usr/lib/rustlib/$TARGET" "$RUSTLIB_DST"
  echo "$V" >"$RUST_STAMP"
  rm -rf "$tmp"
fi

# 5. Smoke test of the cross toolchain under the CPU model the tests use.
smoke=$(mktemp -d)
echo 'fn main() { println!("{}", std::mem::size_of::<usize>()); }' >"$smoke/m.rs"
/usr/bin/rustc --edition 2021 --target "$TARGET" -C linker=arm-linux-gnueabihf-gcc -o "$smoke/m" "$smoke/m.rs" 2>"$smoke/err" ||
  { cat "$smoke/err" >&2; die "armv7 cross build of a smoke test failed"; }
[ "$(qemu-arm -cpu cortex-a9 -L /usr/arm-linux-gnueabihf "$smoke/m")" = 4 ] || die "armv7 smoke test did not run under qemu-arm"
rm -rf "$smoke"

# 6. The ARM32 OTP sysroot (second oracle, benchmark yardstick).
"$HERE/otp-armhf.sh"

echo "$SETUP_LEVEL" >"$STAMP"
log "ready: $(/usr/bin/rustc --version) | $(qemu-arm --version | head -1) | OTP $(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().')"
