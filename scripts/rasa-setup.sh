#!/usr/bin/env bash
# Build .venv-rasa: Rasa 3.6 on Python 3.10, pinned by nlu/requirements-rasa.txt (constraints).
# Idempotent: does nothing when the venv's rasa runs and its stamp matches the pins.
# Python 3.10 is looked for as $RASA_PYTHON, `python3.10` on PATH, then pyenv's versions.
# --if-possible (used by `make test`): without Python 3.10, say so and succeed; the real-Rasa
# test then skips (unless REQUIRE_RASA=1, which turns the skip into a failure).
set -euo pipefail
IF_POSSIBLE=0
[ "${1:-}" = "--if-possible" ] && IF_POSSIBLE=1
source "$(dirname "$0")/rasa-env.sh"
cd "$ROOT"

CONSTRAINTS="nlu/requirements-rasa.txt"
STAMP="$RASA_VENV/.rasa-stamp"
want_stamp="rasa==$RASA_VERSION $(sha256sum "$CONSTRAINTS" | cut -d' ' -f1)"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] \
    && "$RASA_VENV/bin/rasa" --version >/dev/null 2>&1; then
    echo "rasa-setup: $RASA_VENV is up to date (rasa $RASA_VERSION)"
    exit 0
fi

is_py310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

find_python310() {
    local candidate root
    for candidate in "${RASA_PYTHON:-}" "$(command -v python3.10 || true)"; do
        # pyenv's shim is on PATH even when 3.10 is not the selected version: try it.
        if is_py310 "$candidate"; then echo "$candidate"; return 0; fi
    done
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    for candidate in $(ls -d "$root"/versions/3.10* 2>/dev/null | sort -rV); do
        if is_py310 "$candidate/bin/python3.10"; then echo "$candidate/bin/python3.10"; return 0; fi
    done
    return 1
}

if ! PY310="$(find_python310)"; then
    if [ "$IF_POSSIBLE" = 1 ]; then
        echo "rasa-setup: no Python 3.10 here, so the real-Rasa test will be skipped (make rasa-setup says how to get one)"
        exit 0
    fi
    cat >&2 <<MSG
rasa-setup: Python 3.10 not found (Rasa $RASA_VERSION supports Python 3.8-3.10 only).
Looked at \$RASA_PYTHON, python3.10 on PATH and \$(pyenv root)/versions/3.10*. Get one with:
  pyenv install 3.10.13                      # any OS with pyenv; then re-run make rasa-setup
  sudo apt-get install python3.10-venv       # Ubuntu 22.04 (other releases: deadsnakes PPA)
  RASA_PYTHON=/path/to/python3.10 make rasa-setup
or use the container image $RASA_IMAGE instead of a venv: see deploy/rasa.md.
MSG
    exit 1
fi

if ! is_py310 "$RASA_VENV/bin/python"; then
    echo "rasa-setup: creating $RASA_VENV with $PY310"
    rm -rf "$RASA_VENV"
    "$PY310" -m venv "$RASA_VENV"
fi
echo "rasa-setup: installing rasa==$RASA_VERSION with the pins in $CONSTRAINTS (a few minutes the first time)"
"$RASA_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    -c "$CONSTRAINTS" "rasa==$RASA_VERSION"
"$RASA_VENV/bin/rasa" --version >/dev/null 2>&1 || {
    echo "rasa-setup: $RASA_VENV/bin/rasa does not run; see the output above" >&2
    exit 1
}
echo "$want_stamp" > "$STAMP"
echo "rasa-setup: ready: $("$RASA_VENV/bin/python" -c 'import rasa; print("rasa", rasa.__version__)') in $RASA_VENV"
