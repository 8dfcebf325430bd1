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
#
# A Redis still running on DATA_DIR writes its own dump.rdb (and may rewrite its AOF) over the
# restored files when it stops: the restore was lost although it said "restored". So nothing
# is touched while a server still uses DATA_DIR; the script refuses (exit 3) when
# - a process has DATA_DIR as its working directory (redis-server works in its `dir`): seen
#   for processes of the same user (run as the user Redis runs as) in the same pid namespace;
# - the pid in a pidfile (RESTORE_PIDFILES, default Debian's /run/redis/redis-server.pid) is
#   alive and works in DATA_DIR, or is alive and this user cannot see where it works;
# - an address in RESTORE_PING (HOST:PORT or a socket path, space-separated) answers at all
#   (PONG or NOAUTH): the live server's address, for a server in another container, whose
#   processes this one cannot see (docker-compose.yml sets it in the redis service).
set -euo pipefail
backup="${1:?usage: scripts/redis-restore.sh BACKUP.rdb DATA_DIR}"
data="${2:?usage: scripts/redis-restore.sh BACKUP.rdb DATA_DIR}"
server="${REDIS_SERVER:-redis-server}"
# The temporary server below has no password. A REDISCLI_AUTH from the environment (the
# compose redis service sets one) would make redis-cli send AUTH to it and print a misleading
# "AUTH failed" warning. (A live server answers PING with NOAUTH: the checks need none.)
unset REDISCLI_AUTH
[ -d "$data" ] || { echo "restore: $data is not a directory" >&2; exit 1; }
data="$(cd "$data" && pwd -P)"
[ "$backup" = - ] || backup="$(readlink -f "$backup")"
# This script's own directory and the erasure record, found before leaving the caller's
# directory: the docs call it as `scripts/redis-restore.sh` from the clone.
here="$(cd "$(dirname "$0")" && pwd -P)"
[ -z "${ERASURE_RECORD:-}" ] || ERASURE_RECORD="$(readlink -f "$ERASURE_RECORD")"
# Out of DATA_DIR (the compose image starts in /data), so that this script and its children
# are not taken for a process working there.
cd /
refuse() {
    echo "restore: REFUSED, nothing was changed: $1. Stop Redis (systemctl stop redis-server," \
        "docker compose stop redis), check that it is stopped, and run the restore again" >&2
    exit 3
}
# Our own ancestors (the shell that started us may sit in DATA_DIR) are not a server.
ours=" $$ "
parent=$$
while [ "$parent" -gt 1 ] &&
    read -r _ parent < <(grep '^PPid:' "/proc/$parent/status" 2>/dev/null); do
    ours+="$parent "
done
for proc in /proc/[0-9]*; do
    if [[ "$ours" != *" ${proc#/proc/} "* ]] && [ "$proc/cwd" -ef "$data" ]; then
        refuse "process ${proc#/proc/} ($(cat "$proc/comm" 2>/dev/null)) works in $data"
    fi
done
for pidfile in ${RESTORE_PIDFILES-/run/redis/redis-server.pid}; do
    live="$(cat "$pidfile" 2>/dev/null)" || continue
    [[ "$live" =~ ^[0-9]+$ ]] && [ -e "/proc/$live" ] || continue
    if [ "/proc/$live/cwd" -ef "$data" ] || ! [ -e "/proc/$live/cwd" ]; then
        refuse "the Redis of $pidfile (pid $live) is running and may use $data"
    fi
done
for address in ${RESTORE_PING:-}; do
    where=(-h "${address%:*}" -p "${address##*:}")
    [[ "$address" != */* ]] || where=(-s "$address")
    answer="$(timeout 5 redis-cli "${where[@]}" ping 2>/dev/null </dev/null)" || true
    [ -z "$answer" ] || refuse "a Redis answers at $address ($answer)"
done
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
    bash "$here/erasure-record.sh" apply "$ERASURE_RECORD" -- -s "$sock" || {
        echo "restore: the erasure record was not applied. Do NOT start Redis: $data holds only" \
            "the backup now. The old files are in $aside: move them back into $data to undo." >&2
        exit 1
    }
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
