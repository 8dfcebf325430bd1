#!/usr/bin/env bash
# Make sure Debian's chromium exists: the dashboard tests drive it headless through Playwright
# (executable_path=/usr/bin/chromium). `playwright install` downloads its own browser build,
# which is not what an NGO's machine or CI gets; Debian's package is.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium not found: installing Debian's package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core >/dev/null
    exit 0
fi
echo "chromium not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set" >&2
echo "CHROMIUM to the browser binary; the dashboard's browser tests are skipped without it." >&2
exit 1
