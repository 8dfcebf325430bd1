#!/usr/bin/env bash
# The production install: the bot and its runtime dependencies only (no test tools, no
# linters, no matplotlib) into a virtual environment, plus the compiled gettext catalogs.
# The Dockerfile runs exactly this; so does a systemd install (docs/DEPLOY.md).
# Usage: scripts/install-production.sh VENV_DIR   (from the repository root)
set -euo pipefail
venv="${1:?usage: scripts/install-production.sh VENV_DIR}"
python="${PYTHON:-python3}"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "Python 3.11+ is needed (found $("$python" --version)); set PYTHON=/path/to/python3.11" >&2
    exit 1
}
cd "$(dirname "$0")/.."
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --no-cache-dir --upgrade pip
# The versions of constraints.txt (tested together); CONSTRAINTS=/dev/null takes the newest the
# ranges of pyproject.toml allow (scripts/refresh-constraints.sh, to refresh that file).
"$venv/bin/python" -m pip install --quiet --no-cache-dir --constraint "${CONSTRAINTS:-constraints.txt}" .
"$venv/bin/pybabel" -q compile -d locales -D messages
echo "installed into $venv: run it with $venv/bin/safe-migration-bot run"
