#!/usr/bin/env bash
# Refresh constraints.txt: a fresh production install without constraints (the newest versions
# pyproject.toml's ranges allow), frozen; the marker pins of its last section are kept (check
# their versions by hand). Then run the tests and commit constraints.txt.
# Usage: scripts/refresh-constraints.sh   (from anywhere; PYTHON as for install-production.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
CONSTRAINTS=/dev/null scripts/install-production.sh "$work/venv" >/dev/null
{
    sed -n '1,/^# Made /{/^# Made /!p}' constraints.txt   # the header, kept
    echo "# Made $(date -u +%F) with $("$work/venv/bin/python" -V)"
    "$work/venv/bin/python" -m pip freeze --exclude safe-migration-bot
    # the pins for other Pythons (environment markers), kept: a freeze sees only its own
    sed -n '/^# Only for other Pythons/,$p' constraints.txt
} >"$work/constraints.txt"
mv "$work/constraints.txt" constraints.txt
echo "constraints.txt refreshed: git diff constraints.txt"
