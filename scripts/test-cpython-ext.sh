#!/usr/bin/env bash
# Builds the CPython extension `_base64` with pip (maturin from PyPI) into a
# venv, then runs CPython's own test_binascii and test_base64 against it
# (binascii served by the extension through a shim) and our own tests of it.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=stdlib/base64/cpython
venv=$ext/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall "./$ext"
# CPython's tests, unchanged, from the CPython the venv runs on.
PYTHONPATH="$ext/shim" "$venv/bin/python" "$ext/tests/run_cpython_tests.py"
# Ours: the extension against CPython's binascii and base64 (no shim here).
"$venv/bin/python" -m unittest discover -s "$ext/tests" -p 'test_*.py'
