#!/usr/bin/env bash
# Installs what building and testing rpy needs beyond Rust and python3.
# Idempotent; run by .ci/run and by hand on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --upgrade "maturin>=1.5,<2"
