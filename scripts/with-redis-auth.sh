#!/usr/bin/env bash
# Run one command with Redis's password in its environment (REDISCLI_AUTH, which redis-cli and
# scripts/erasure-record.sh read), taken from the `requirepass` line of a redis.conf-style
# file: the password is never on a command line, where `ps` shows it to every user of the
# server (`redis-cli -a PASSWORD`, `sudo env REDISCLI_AUTH=PASSWORD ...` put it there).
#
# Usage: scripts/with-redis-auth.sh CONF COMMAND [ARGS...]
#   sudo -u redis scripts/with-redis-auth.sh /etc/redis/safe-migration-bot.local.conf \
#       redis-cli CONFIG SET maxmemory 128mb
# CONF: with the systemd install, /etc/redis/safe-migration-bot.local.conf (mode 640, only
# redis and root read it); run this as redis. The last `requirepass` line counts, as in Redis.
set -euo pipefail
usage="usage: scripts/with-redis-auth.sh CONF COMMAND [ARGS...]"
conf="${1:?$usage}"
shift
[ $# -gt 0 ] || { echo "$usage" >&2; exit 2; }
[ -r "$conf" ] || { echo "with-redis-auth: cannot read $conf (run this as the user Redis runs as, e.g. sudo -u redis)" >&2; exit 1; }
password=""
# `read`, a shell builtin: the password goes through no other process.
while read -r key value; do
    if [ "$key" = requirepass ]; then password="$value"; fi
done <"$conf"
# redis.conf may quote a value.
if [[ "$password" =~ ^\"(.*)\"$ || "$password" =~ ^\'(.*)\'$ ]]; then password="${BASH_REMATCH[1]}"; fi
[ -n "$password" ] || { echo "with-redis-auth: no requirepass line in $conf" >&2; exit 1; }
export REDISCLI_AUTH="$password"
exec "$@"
