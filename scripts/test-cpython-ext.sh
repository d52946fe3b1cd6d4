#!/usr/bin/env bash
# Builds the CPython extension (package rpy-base64: module `_base64` and
# package `rpy_base64`) with pip (maturin from PyPI) into a venv, then runs
# CPython's own test_binascii and test_base64 after rpy_base64.install() has
# swapped the extension's functions into the standard binascii and base64
# modules, and our own tests of it.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=stdlib/base64/cpython
venv=$ext/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall "./$ext"
# CPython's tests, unchanged, from the CPython the venv runs on.
"$venv/bin/python" "$ext/tests/run_cpython_tests.py"
# Ours: the extension's codecs, its exceptions and install()/uninstall().
"$venv/bin/python" -m unittest discover -s "$ext/tests" -p 'test_*.py'
