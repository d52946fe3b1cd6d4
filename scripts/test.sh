#!/usr/bin/env bash
# Runs every test of the project: the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo clippy --workspace --all-targets --release -- -D warnings
cargo test --workspace --release
bash scripts/test-cpython-ext.sh
