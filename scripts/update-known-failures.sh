#!/usr/bin/env bash
# Rewrites Lib/test_subset/KNOWN_FAILURES to exactly the programs whose rpy
# output currently differs from CPython's, each with a one-line hint.
# Run it after a VM change, review `git diff Lib/test_subset/KNOWN_FAILURES`, commit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -p rpy-cli --test snapshots --no-run
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The run itself fails while the list is stale; that is what we are fixing.
RPY_UPDATE_KNOWN_FAILURES=1 cargo test --release -p rpy-cli --test snapshots >"$log" 2>&1 || true
if ! grep -q "KNOWN_FAILURES rewritten" "$log"; then
    tail -n 40 "$log"
    echo "update-known-failures: the list was NOT rewritten (see the output above)" >&2
    exit 1
fi
grep -E "^snapshots: " "$log"
git --no-pager diff --stat -- Lib/test_subset/KNOWN_FAILURES || true
