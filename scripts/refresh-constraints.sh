#!/usr/bin/env bash
# Refresh constraints.txt: a fresh production install without constraints (the newest versions
# pyproject.toml's ranges allow), frozen; then the newest pip and build backend
# ([build-system] requires), which a freeze leaves out; the marker pins of its last section are
# kept (check their versions by hand). Then run the tests and commit constraints.txt.
# Usage: scripts/refresh-constraints.sh   (from anywhere; PYTHON as for install-production.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
CONSTRAINTS=/dev/null scripts/install-production.sh "$work/venv" >/dev/null
py="$work/venv/bin/python"
mapfile -t build_requires < <("$py" -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")')
{
    sed -n '1,/^# Made /{/^# Made /!p}' constraints.txt   # the header, kept
    echo "# Made $(date -u +%F) with $("$py" -V)"
    # (not the names the marker section below pins: on Debian 12's 3.11.2 the freeze holds
    # async-timeout too, and a second, unmarked pin of it would apply to every Python)
    mapfile -t marked < <(sed -n '/^# Only for other Pythons/,$p' constraints.txt | grep -v '^#' | sed 's/[=<>!~; ].*//')
    "$py" -m pip freeze --exclude safe-migration-bot "${marked[@]/#/--exclude=}"
    # the installer and the build backend: their header kept, the newest versions
    sed -n '/^# The installer and the build backend/,/^# Only for other Pythons/{/^#/p}' constraints.txt | sed '$d'
    "$py" -m pip install --quiet --no-cache-dir --target "$work/build" "${build_requires[@]}"
    echo "pip==$("$py" -m pip --version | cut -d' ' -f2)"
    for requirement in "${build_requires[@]}"; do
        PYTHONPATH="$work/build" "$py" -c 'import importlib.metadata as m, re, sys
name = re.split(r"[<>=!~;\[ ]", sys.argv[1])[0]
print(f"{name}=={m.version(name)}")' "$requirement"
    done
    # the pins for other Pythons (environment markers), kept: a freeze sees only its own
    sed -n '/^# Only for other Pythons/,$p' constraints.txt
} >"$work/constraints.txt"
mv "$work/constraints.txt" constraints.txt
echo "constraints.txt refreshed: git diff constraints.txt"
