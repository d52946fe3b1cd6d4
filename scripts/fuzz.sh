#!/usr/bin/env bash
# Runs every fuzz target of the core codec crate (stdlib/base64/core/fuzz)
# for a while each: decoders must never panic, and decode(encode(x)) == x.
#
#   bash scripts/fuzz.sh [seconds per target, default 60] [target ...]
#
# Needs a nightly toolchain (libFuzzer's sanitizer flags) and cargo-fuzz,
# which this script installs from crates.io if it is missing. Not part of
# the test command: fuzzing is open-ended; run it after changing a codec.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/stdlib/base64/core/fuzz"
# Build products go under the workspace's ignored target/, not into the
# source tree (the instrumented build of pulp generates source files).
export CARGO_TARGET_DIR="$root/target/fuzz"
secs="${1:-60}"
shift || true
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install --locked cargo-fuzz
fi
if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for t in "${targets[@]}"; do
    echo "== $t: ${secs} s"
    # -max_len 4096: long enough for every block fast path (64-character
    # blocks, 76-character MIME lines) to run many times per input.
    rc=0
    cargo +nightly fuzz run --release "$t" -- -max_total_time="$secs" -max_len=4096 \
        -print_final_stats=1 >"$log" 2>&1 || rc=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done|panicked|ERROR|SUMMARY' "$log" || true
    if [ "$rc" -ne 0 ]; then
        tail -40 "$log" >&2
        echo "fuzz target $t failed (exit $rc)" >&2
        exit 1
    fi
done
