#!/usr/bin/env bash
# Installs what building and testing rpy needs beyond Rust and python3.
# Idempotent and quiet; run by .ci/run and by hand on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# CPython 3.11's pure-Python standard library is frozen into rpy at build
# time (stdlib/frozen/build.rs looks for it the same way: RPY_CPYTHON_LIB,
# then python3 or python3.11 if it is CPython 3.11, then /usr/lib/python3.11).
has_cpython_lib() {
    if [ -n "${RPY_CPYTHON_LIB:-}" ] && [ -f "$RPY_CPYTHON_LIB/os.py" ]; then
        return 0
    fi
    local py dir
    for py in python3 python3.11; do
        dir=$("$py" -I -c 'import sys, sysconfig
if sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11):
    print(sysconfig.get_path("stdlib"))' 2>/dev/null) || continue
        if [ -n "$dir" ] && [ -f "$dir/os.py" ]; then
            return 0
        fi
    done
    [ -f /usr/lib/python3.11/os.py ] || [ -f /usr/local/lib/python3.11/os.py ]
}
if ! has_cpython_lib; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libpython3.11-stdlib >/dev/null
    else
        echo "setup: install CPython 3.11's standard library (Debian: libpython3.11-stdlib)," \
             "or set RPY_CPYTHON_LIB to the directory holding its os.py" >&2
        exit 1
    fi
fi

python3 -m pip install --quiet --upgrade "maturin>=1.5,<2"
