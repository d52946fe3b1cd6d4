#!/usr/bin/env bash
# Runs only the snapshot tests: every program of Lib/test_subset under rpy,
# compared with CPython 3.11's output (snapshots/test_subset/*.snap).
# Extra arguments go to the harness, e.g. a name filter: test-snapshots.sh test_dict
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -p rpy-cli --test snapshots -- "$@"
