#!/usr/bin/env bash
# Make sure haproxy and redis-sentinel exist: the replica tests start their own on free ports.
# Both come from Debian's packages (the components an NGO's admin already runs).
set -euo pipefail
missing=()
command -v haproxy >/dev/null 2>&1 || [ -n "${HAPROXY:-}" ] || missing+=(haproxy)
command -v redis-sentinel >/dev/null 2>&1 || [ -n "${REDIS_SENTINEL:-}" ] || missing+=(redis-sentinel)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "${missing[*]} not found: installing Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # The packages start system services; the tests run their own processes instead.
    for service in haproxy redis-sentinel; do
        (command -v service >/dev/null && service "$service" stop >/dev/null 2>&1) || true
    done
    exit 0
fi
echo "${missing[*]} not found. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]};" >&2
echo "macOS: brew install haproxy redis) or set HAPROXY / REDIS_SENTINEL to the binaries." >&2
exit 1
