#!/usr/bin/env bash
# The production install: the bot and its runtime dependencies only (no test tools, no
# linters, no matplotlib) into a virtual environment, plus the compiled gettext catalogs.
# The Dockerfile runs exactly this; so does a systemd install (docs/DEPLOY.md).
# Usage: scripts/install-production.sh VENV_DIR   (from the repository root)
#
# Every version comes from constraints.txt, so two installs of one commit are the same: pip
# itself, the build backend pyproject.toml's [build-system] names (setuptools, in pip's
# isolated build environment) and the runtime dependencies. pip applies --constraint only to
# what it installs; since pip 25.3 the isolated build environment takes only
# --build-constraint (PIP_CONSTRAINT no longer reaches it), hence both options, one file.
set -euo pipefail
venv="${1:?usage: scripts/install-production.sh VENV_DIR}"
python="${PYTHON:-python3}"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "Python 3.11+ is needed (found $("$python" --version)); set PYTHON=/path/to/python3.11" >&2
    exit 1
}
cd "$(dirname "$0")/.."
# CONSTRAINTS=/dev/null takes the newest the ranges of pyproject.toml allow
# (scripts/refresh-constraints.sh, to refresh that file).
constraints="${CONSTRAINTS:-constraints.txt}"
"$python" -m venv "$venv"
# The venv's own pip (Debian 12's is 23.0.1) knows no --build-constraint: first the pinned pip.
# Python 3.11's venv also brings its own setuptools (66.1.1 on Debian 12, below the fixes for
# CVE-2024-6345 and CVE-2025-47273): the pinned one replaces it, so the venv is what
# constraints.txt says.
"$venv/bin/python" -m pip install --quiet --no-cache-dir --constraint "$constraints" --upgrade pip setuptools
"$venv/bin/python" -m pip install --quiet --no-cache-dir --constraint "$constraints" --build-constraint "$constraints" .
"$venv/bin/pybabel" -q compile -d locales -D messages
echo "installed into $venv: run it with $venv/bin/safe-migration-bot run"
