#!/usr/bin/env bash
# Time to load all of OTP's stdlib: rbeam (parse, validate, literal areas) against erl
# (code:load_file/1 of the same modules, with -nostick so stdlib may be reloaded), measured
# in-process in one run, interleaved, five rounds each; prints medians and the ratio.
# With --arm, the same on ARM32 under qemu-arm: rbeam's armv7 build against Debian's ARM OTP.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
arm=0
[ "${1:-}" = --arm ] && arm=1

stdlib=$(erl -noshell -eval 'io:put_chars(code:lib_dir(stdlib, ebin)), halt().')
erl_cmd=(erl)
if [ $arm = 1 ]; then
  RUSTC=/usr/bin/rustc CARGO_TARGET_DIR=target/armv7-lane cargo build --quiet --release -p rbeam-bench \
    --target armv7-unknown-linux-gnueabihf
  rbeam_cmd=(qemu-arm -cpu cortex-a9 -L /usr/arm-linux-gnueabihf target/armv7-lane/armv7-unknown-linux-gnueabihf/release/load_otp)
  erl_cmd=(scripts/erl-armhf)
  stdlib=$(scripts/erl-armhf -noshell -eval 'io:put_chars(code:lib_dir(stdlib, ebin)), halt().')
else
  cargo build --quiet --release -p rbeam-bench
  rbeam_cmd=(target/release/load_otp)
fi

erl_load() {
  "${erl_cmd[@]}" -noshell -nostick -eval '
    Dir = "'"$stdlib"'",
    Ms = [list_to_atom(filename:basename(F, ".beam")) || F <- filelib:wildcard(Dir ++ "/*.beam")],
    T0 = erlang:monotonic_time(microsecond),
    Rs = [code:load_file(M) || M <- Ms],
    T1 = erlang:monotonic_time(microsecond),
    Bad = [{M, R} || {M, R} <- lists:zip(Ms, Rs), element(1, R) =/= module],
    Bad =:= [] orelse io:format(standard_error, "not loaded: ~p~n", [Bad]),
    io:format("~w ~w~n", [length(Ms), T1 - T0]), halt().'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rb=() er=()
for _ in $(seq $rounds); do
  read -r n_rb t < <("${rbeam_cmd[@]}" "$stdlib"); rb+=("$t")
  read -r n_er t < <(erl_load); er+=("$t")
done
m_rb=$(printf '%s\n' "${rb[@]}" | median)
m_er=$(printf '%s\n' "${er[@]}" | median)
lane=$([ $arm = 1 ] && echo "ARM32 (qemu-arm)" || echo "x86_64")
echo "load all of stdlib, $lane: rbeam $n_rb modules ${m_rb} us (runs: ${rb[*]}), erl $n_er modules ${m_er} us (runs: ${er[*]})"
awk -v a="$m_rb" -v b="$m_er" 'BEGIN { printf "rbeam / erl = %.3f\n", a / b }'
