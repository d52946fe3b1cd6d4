#!/usr/bin/env bash
# (Re)writes snapshots/test_subset/*.snap from CPython 3.11's output (never
# from rpy's: the harness gives insta only python3's output). Needs python3 3.11.
# Extra arguments go to the harness, e.g. a name filter.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), "python3 must be CPython 3.11"'
INSTA_UPDATE=always cargo test --release -p rpy-cli --test snapshots -- "$@" || true
git --no-pager status --short -- snapshots/test_subset
