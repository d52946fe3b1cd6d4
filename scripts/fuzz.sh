#!/usr/bin/env bash
# Runs every fuzz target for a while each: the core codec crate's
# (stdlib/base64/core/fuzz: decoders never panic, decode(encode(x)) == x)
# and the VM's (vm/fuzz: `compile` on source text, `exec` on programs
# seeded from Lib/test_subset and mutated, sandboxed under small limits,
# `api` on random sequences of embedding calls; none may panic, crash or
# hang).
#
#   bash scripts/fuzz.sh [seconds per target, default 60] [target ...]
#   FUZZ_DIRS="vm/fuzz" bash scripts/fuzz.sh 600     # one crate only
#
# Needs cargo-fuzz, which this script installs from crates.io if it is
# missing. It runs on the machine's stable toolchain: cargo-fuzz passes
# rustc a few unstable flags, which RUSTC_BOOTSTRAP=1 allows, and no
# sanitizer (`-s none`: every crate of ours is safe Rust, so the findings
# that matter are panics, aborts, stack overflows and hangs, which
# libFuzzer sees without one). A CI machine has no other toolchain.
#
# FUZZ_RUNS=N runs each target N inputs with a fixed seed instead of for a
# time: the same inputs on every machine (.ci/run's short run). The test
# command also runs a stable, deterministic cousin of `exec`:
# cli/tests/hostile.rs, mutated_programs_never_crash_the_host.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Build products go under the workspace's ignored target/, not into the
# source tree (the instrumented build of pulp generates source files).
export CARGO_TARGET_DIR="$root/target/fuzz"
secs="${1:-60}"
shift || true
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1
fuzz=(cargo fuzz)
requested=("$@")
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for dir in ${FUZZ_DIRS:-stdlib/base64/core/fuzz vm/fuzz}; do
cd "$root/$dir"
targets=("${requested[@]}")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <("${fuzz[@]}" list)
fi
for t in "${targets[@]}"; do
    if ! "${fuzz[@]}" list | grep -x "$t" >/dev/null; then
        continue
    fi
    if [ -n "${FUZZ_RUNS:-}" ]; then
        budget=(-runs="$FUZZ_RUNS" -seed=1)
        echo "== $dir $t: $FUZZ_RUNS runs"
    else
        budget=(-max_total_time="$secs")
        echo "== $dir $t: ${secs} s"
    fi
    # The VM's program target starts from the snapshot programs.
    seeds=()
    if [ "$t" = exec ]; then
        mkdir -p "$CARGO_TARGET_DIR/corpus/exec"
        seeds=("$CARGO_TARGET_DIR/corpus/exec" "$root/Lib/test_subset")
    fi
    # -max_len 4096: long enough for every block fast path (64-character
    # blocks, 76-character MIME lines) to run many times per input.
    rc=0
    "${fuzz[@]}" run -s none --release "$t" "${seeds[@]}" -- "${budget[@]}" -max_len=4096 \
        -print_final_stats=1 >"$log" 2>&1 || rc=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done|panicked|ERROR|SUMMARY' "$log" || true
    if [ "$rc" -ne 0 ]; then
        tail -40 "$log" >&2
        echo "fuzz target $t failed (exit $rc)" >&2
        exit 1
    fi
done
done
