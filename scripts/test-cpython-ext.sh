#!/usr/bin/env bash
# Builds the CPython extension's wheel (package rpy-base64: `rpy_base64`,
# with the native module also importable as `_base64`) with pip (maturin
# from PyPI), checks that it is an abi3 wheel whose metadata passes
# `twine check`, installs it into a venv, then runs CPython's own
# test_binascii and test_base64 after rpy_base64.install() has swapped the
# extension's functions into the standard binascii and base64 modules, and
# our own tests of it.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=stdlib/base64/cpython
venv=$ext/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --quiet --disable-pip-version-check)
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
"${pip[@]}" wheel --no-deps "./$ext" -w "$wheels"
shopt -s nullglob
wheel=("$wheels"/rpy_base64-*-cp311-abi3-*.whl)
if [ "${#wheel[@]}" -ne 1 ]; then
    echo "expected one cp311-abi3 wheel, got: $(ls "$wheels")" >&2
    exit 1
fi
"$venv/bin/python" -c "import twine" 2>/dev/null || "${pip[@]}" install twine
"$venv/bin/python" -m twine check --strict "${wheel[0]}"
"${pip[@]}" install --force-reinstall "${wheel[0]}"
# CPython's tests, unchanged, from the CPython the venv runs on.
"$venv/bin/python" "$ext/tests/run_cpython_tests.py"
# Ours: the extension's codecs, its exceptions and install()/uninstall().
"$venv/bin/python" -m unittest discover -s "$ext/tests" -p 'test_*.py'
