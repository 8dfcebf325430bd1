#!/usr/bin/env bash
# Restore a backup made by scripts/redis-backup.sh into a STOPPED Redis's data directory.
# With AOF on, Redis loads the append-only file and ignores dump.rdb, so this loads the
# snapshot in a temporary redis-server on loopback, has it write a fresh AOF, and stops it;
# the real Redis then starts on the restored data. The old files are kept aside until the
# restore has succeeded, then deleted: they hold people's data (also of people who sent
# /delete since), which no copy may keep past BACKUP_RETENTION_DAYS (docs/DEPLOY.md "Backups").
# To keep today's data, take a backup first (scripts/redis-backup.sh): it ages out like any.
# Keys keep their absolute expiry times: whatever expired since the backup is gone at once.
#
# Usage: scripts/redis-restore.sh BACKUP.rdb DATA_DIR   (DATA_DIR: Redis's `dir`, e.g.
# /var/lib/redis; run as the user Redis runs as, with Redis stopped)
# ERASURE_RECORD=FILE: the live Redis's erasure record, saved before Redis was stopped
# (scripts/erasure-record.sh save): whoever was erased after the backup is erased again in the
# restored data before anything can reach it (docs/DEPLOY.md "The erasure record").
# BACKUP.rdb `-`: the snapshot comes on stdin, so the backup's owner can hand it to the redis
# user without making it readable to anyone else (compose: `... redis-restore.sh - /data < file`).
set -euo pipefail
backup="${1:?usage: scripts/redis-restore.sh BACKUP.rdb DATA_DIR}"
data="${2:?usage: scripts/redis-restore.sh BACKUP.rdb DATA_DIR}"
server="${REDIS_SERVER:-redis-server}"
# The temporary server below has no password. A REDISCLI_AUTH from the environment (the
# compose redis service sets one) would make redis-cli send AUTH to it and print a misleading
# "AUTH failed" warning.
unset REDISCLI_AUTH
umask 077
if [ "$backup" = - ]; then
    backup="$data/.restore-incoming.rdb"
    cat >"$backup"
    trap 'rm -f "$backup"' EXIT
fi
[ -s "$backup" ] || { echo "restore: $backup is missing or empty" >&2; exit 1; }
redis-check-rdb "$backup" >/dev/null || { echo "restore: $backup failed its check" >&2; exit 1; }
aside="$data/pre-restore-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$aside"
for old in "$data"/dump.rdb "$data"/appendonlydir "$data"/appendonly.aof; do
    if [ -e "$old" ]; then mv "$old" "$aside/"; fi
done
cp "$backup" "$data/dump.rdb"
rm -f "$data/.restore-incoming.rdb"
# A unix socket only: nothing can reach the half-restored data over the network.
sock="$data/restore.sock"
"$server" --port 0 --unixsocket "$sock" --unixsocketperm 700 --dir "$data" --dbfilename dump.rdb \
    --appendonly no --save "" --daemonize no >"$aside/restore.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
cli() { redis-cli -s "$sock" "$@"; }
for _ in $(seq 1 600); do
    [ "$(cli ping 2>/dev/null)" = PONG ] && break
    kill -0 "$pid" 2>/dev/null || { echo "restore: redis-server failed, see $aside/restore.log" >&2; exit 1; }
    sleep 0.1
done
[ "$(cli ping 2>/dev/null)" = PONG ] || { echo "restore: redis-server did not start" >&2; exit 1; }
if [ -n "${ERASURE_RECORD:-}" ]; then
    bash "$(dirname "$0")/erasure-record.sh" apply "$ERASURE_RECORD" -- -s "$sock" ||
        { echo "restore: the erasure record was not applied; old files kept in $aside" >&2; exit 1; }
fi
keys="$(cli dbsize)"
cli config set appendonly yes >/dev/null  # writes a new AOF from the loaded data
written=no
for _ in $(seq 1 600); do
    info="$(cli info persistence | tr -d '\r')"
    if grep -q '^aof_enabled:1' <<<"$info" && grep -q '^aof_rewrite_in_progress:0' <<<"$info" \
        && grep -q '^aof_rewrite_scheduled:0' <<<"$info"; then
        written=yes
        break
    fi
    sleep 0.1
done
cli shutdown save >/dev/null 2>&1 || true
wait "$pid" 2>/dev/null || true
trap - EXIT
if [ "$written" != yes ]; then
    echo "restore: the new AOF was not written; old files kept in $aside" >&2
    exit 1
fi
rm -rf "$aside"
echo "restored $keys keys into $data (the replaced files are deleted); start Redis now"
