#!/usr/bin/env bash
# Make sure a redis-server binary exists: the tests start their own on a free port.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1 || [ -n "${REDIS_SERVER:-}" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "redis-server not found: installing Debian's redis-server package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    # The package starts a system service; the tests run their own servers instead.
    (command -v service >/dev/null && service redis-server stop >/dev/null 2>&1) || true
    exit 0
fi
echo "redis-server not found. Install it (Debian/Ubuntu: sudo apt-get install redis-server;" >&2
echo "macOS: brew install redis) or set REDIS_SERVER=/path/to/redis-server." >&2
exit 1
