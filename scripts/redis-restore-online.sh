#!/usr/bin/env bash
# Restore a backup made by scripts/redis-backup.sh into a RUNNING Redis over the network: for
# Redis you cannot stop or whose files you cannot reach (Kubernetes, a managed Redis, the
# primary behind Sentinel). scripts/redis-restore.sh is the way when you can stop Redis.
#
# The snapshot is loaded into a temporary redis-server (a unix socket, no network port, in a
# private temporary directory), and every key is copied to the target with MIGRATE ... COPY
# REPLACE, which keeps each key's expiry time, a stream's consumer groups and everything else
# of the key. Stop the bot first (its writes would mix with the restore). The target's current
# keys are deleted first (FLUSHDB) only with RESTORE_FLUSH=yes; without it a target that holds
# keys is refused. The target's erasure record (smb:erased) is read before anything is
# replaced and applied to the restored keys (scripts/erasure-record.sh): who was erased after
# the backup is erased again; then run `safe-migration-bot erase --pending` (docs/DEPLOY.md
# "The erasure record").
#
# Usage: REDIS_URL=redis://:PASSWORD@host:6379/0 [RESTORE_FLUSH=yes] \
#            scripts/redis-restore-online.sh BACKUP.rdb        (`-`: the snapshot on stdin)
# With Sentinel: REDIS_SENTINELS=h1:26379,h2:26379 REDIS_SENTINEL_MASTER=mymaster (and
# REDIS_SENTINEL_PASSWORD when the sentinels have one) find the primary; REDIS_URL then gives
# the password and database number, as for the bot. TLS (rediss://) is not supported: MIGRATE
# speaks plain TCP.
# While the bot (or its dashboard) is still connected to the target, the script waits for it
# to go, up to RESTORE_WAIT_S seconds (60), then refuses (exit 3) with nothing changed.
set -euo pipefail
backup="${1:?usage: REDIS_URL=... scripts/redis-restore-online.sh BACKUP.rdb}"
url="${REDIS_URL:?REDIS_URL is required (the same value the bot uses)}"
server="${REDIS_SERVER:-redis-server}"
[[ "$url" =~ ^redis://(([^@/]*)@)?([^:/]+)(:([0-9]+))?(/([0-9]+))?$ ]] ||
    { echo "restore: REDIS_URL must look like redis://[:PASSWORD@]HOST[:PORT][/DB]" >&2; exit 2; }
creds="${BASH_REMATCH[2]}" host="${BASH_REMATCH[3]}" port="${BASH_REMATCH[5]:-6379}"
db="${BASH_REMATCH[7]:-0}"
user="" password=""
if [[ "$creds" == *:* ]]; then user="${creds%%:*}" password="${creds#*:}"; else password="$creds"; fi
# Passwords reach redis-cli through its environment or stdin, never its command line (`ps`).
# An empty REDISCLI_AUTH still sends AUTH (and fails on a server without a password): the
# variable is set only for a password.
unset REDISCLI_AUTH
with_auth() {
    local secret="$1"
    shift
    if [ -n "$secret" ]; then REDISCLI_AUTH="$secret" "$@"; else "$@"; fi
}
if [ -n "${REDIS_SENTINELS:-}" ]; then
    master="${REDIS_SENTINEL_MASTER:?REDIS_SENTINEL_MASTER is required with REDIS_SENTINELS}"
    address=""
    for sentinel in ${REDIS_SENTINELS//,/ }; do
        address="$(with_auth "${REDIS_SENTINEL_PASSWORD:-}" redis-cli -h "${sentinel%:*}" \
            -p "${sentinel##*:}" SENTINEL get-master-addr-by-name "$master" \
            2>/dev/null | tr '\n' ' ')" || true
        [ -n "${address// /}" ] && break
    done
    read -r host port <<<"$address"
    [ -n "${port:-}" ] || { echo "restore: no sentinel in $REDIS_SENTINELS named the primary of $master" >&2; exit 1; }
fi
target() { with_auth "$password" redis-cli -h "$host" -p "$port" -n "$db" ${user:+--user "$user"} "$@"; }
[ "$(target ping 2>&1)" = PONG ] || { echo "restore: $host:$port does not answer: $(target ping 2>&1)" >&2; exit 1; }
umask 077
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
if [ "$backup" = - ]; then cat >"$work/dump.rdb"; else cp "$backup" "$work/dump.rdb"; fi
[ -s "$work/dump.rdb" ] || { echo "restore: $backup is missing or empty" >&2; exit 1; }
redis-check-rdb "$work/dump.rdb" >/dev/null || { echo "restore: $backup failed its check" >&2; exit 1; }
sock="$work/restore.sock"
"$server" --port 0 --unixsocket "$sock" --unixsocketperm 700 --dir "$work" --dbfilename dump.rdb \
    --appendonly no --save "" --daemonize no >"$work/restore.log" 2>&1 &
pid=$!
source_cli() { redis-cli -s "$sock" "$@"; }
for _ in $(seq 1 600); do
    [ "$(source_cli ping 2>/dev/null)" = PONG ] && break
    kill -0 "$pid" 2>/dev/null || { echo "restore: redis-server failed: $(tail -n 3 "$work/restore.log")" >&2; exit 1; }
    sleep 0.1
done
# The live record of erasures, read before anything on the target changes.
REDISCLI_AUTH="$password" bash "$(dirname "$0")/erasure-record.sh" save "$work/erased" -- \
    -h "$host" -p "$port" -n "$db" ${user:+--user "$user"}
# The bot still connected (a `kubectl scale --replicas=0` returns at once; the pods drain for
# up to 30 s, writing sessions and queues) would mix its writes into the restored data: wait
# for its connections (named by bot/storage/redis.py CLIENT_NAME) to go, then refuse.
bots() { target client list 2>/dev/null | grep -c ' name=safe-migration-bot ' || true; }
connected="$(bots)"
for _ in $(seq 1 "${RESTORE_WAIT_S:-60}"); do
    [ "$connected" = 0 ] && break
    sleep 1
    connected="$(bots)"
done
if [ "$connected" != 0 ]; then
    echo "restore: REFUSED, nothing was changed: $connected connection(s) of the bot (or its" \
        "dashboard) to $host:$port; stop them first (kubectl scale ... --replicas=0," \
        "systemctl stop, docker compose stop bot) and run the restore again" >&2
    exit 3
fi
# The backup's keys are in database 0 (the bot's); they go to the target's database.
keys="$(source_cli -n 0 dbsize)"
# Only now, with the snapshot loaded, is anything on the target deleted.
held="$(target dbsize)"
if [ "$held" != 0 ]; then
    if [ "${RESTORE_FLUSH:-}" != yes ]; then
        echo "restore: $host:$port db $db holds $held keys; stop the bot, then set RESTORE_FLUSH=yes to replace them" >&2
        exit 1
    fi
    target flushdb >/dev/null
fi
auth=()
if [ -n "$user" ]; then auth=(AUTH2 "$user" "$password"); elif [ -n "$password" ]; then auth=(AUTH "$password"); fi
# MIGRATE in batches of 100 keys; commands go to redis-cli on stdin, keeping the password out
# of `ps`. Our keys hold no spaces or quotes (smb:...): redis-cli's stdin splits on spaces.
source_cli -n 0 --scan | xargs -r -d '\n' -n 100 echo |
    while read -r batch; do
        echo "MIGRATE $host $port \"\" $db 60000 COPY REPLACE ${auth[*]} KEYS $batch"
    done | source_cli -n 0 >"$work/migrate.out" 2>&1
if grep -qv '^OK$' "$work/migrate.out"; then
    failed="$(grep -v '^OK$' "$work/migrate.out" | head -n 3)"
    # Masked by the shell itself: a `sed s/PASSWORD/...` would show it in `ps`.
    [ -z "$password" ] || failed="${failed//"$password"/***}"
    echo "restore: MIGRATE failed: $failed" >&2
    exit 1
fi
copied="$(target dbsize)"
# Keys whose expiry came during the copy are gone from the target already: at most a few.
if [ "$copied" -gt "$keys" ] || [ "$copied" -lt "$((keys * 99 / 100))" ]; then
    echo "restore: the backup held $keys keys, $host:$port db $db now holds $copied" >&2
    exit 1
fi
REDISCLI_AUTH="$password" bash "$(dirname "$0")/erasure-record.sh" apply "$work/erased" -- \
    -h "$host" -p "$port" -n "$db" ${user:+--user "$user"}
echo "restored $copied keys into $host:$port db $db; run safe-migration-bot erase --pending, then start the bot"
