#!/usr/bin/env bash
# Runs CPython's regression test modules under python3 and rpy, rewrites
# cli/tests/cpython_regrtest/expected/ (what passes under rpy) and the table
# in docs/cpython-regrtest.md. Review `git diff`, commit.
#   bash scripts/update-cpython-regrtest.sh [MODULE...]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p cli/tests/cpython_regrtest/expected
if [ "$#" -eq 0 ]; then
    RPY_REGRTEST_UPDATE=1 cargo test --release -p rpy-cli --test cpython_regrtest
fi
# The harness takes one name filter at a time; the table keeps every
# module's row (it is rebuilt from all the expectation files).
for m in "$@"; do
    RPY_REGRTEST_UPDATE=1 cargo test --release -p rpy-cli --test cpython_regrtest -- --exact "$m"
done
git --no-pager diff --stat -- cli/tests/cpython_regrtest docs/cpython-regrtest.md || true
