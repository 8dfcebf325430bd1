#!/usr/bin/env bash
# Back Redis up: a consistent RDB snapshot fetched over the network (`redis-cli --rdb`, works
# against a password-protected, remote or containerised Redis), then backups older than the
# retention removed. Cases, the audit stream and a year of anonymous counters live only in
# Redis. Run it daily from cron or a systemd timer (docs/DEPLOY.md "Backups").
#
# Usage: REDIS_URL=redis://:PASSWORD@host:6379/0 scripts/redis-backup.sh BACKUP_DIR
# BACKUP_RETENTION_DAYS (default 7): a backup holds what people sent until then, so a
# person's /delete is complete in the backups only after this many days. Keep it short.
# BACKUP_METRICS_FILE (optional): a file for node_exporter's textfile collector; each success
# writes smb_backup_last_success_timestamp_seconds there (deploy/prometheus/backup-rules.yml
# alerts when it is older than a day). scripts/redis-backup-check.sh BACKUP_DIR says the same
# without Prometheus.
#
# Quiet when it works (cron mails whatever a job prints, and a nightly mail teaches people to
# ignore it); on a failure one line starting "backup: FAILED" on stderr and a non-zero exit.
set -euo pipefail
trap 'echo "backup: FAILED ($BASH_COMMAND); no new backup was written" >&2' ERR
dir="${1:?usage: REDIS_URL=... scripts/redis-backup.sh BACKUP_DIR}"
# By hand on a systemd install (docs/DEPLOY.md "Back up now"): BACKUP_ENV_FILE names the bot's
# settings file and REDIS_URL is read from it here, never typed where `ps` would show it.
if [ -z "${REDIS_URL:-}" ] && [ -n "${BACKUP_ENV_FILE:-}" ]; then
    [ -r "$BACKUP_ENV_FILE" ] || { echo "backup: FAILED: cannot read $BACKUP_ENV_FILE (run this as the bot's user)" >&2; exit 1; }
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in REDIS_URL=*) REDIS_URL="${line#REDIS_URL=}" ;; esac
    done <"$BACKUP_ENV_FILE"
    if [[ "$REDIS_URL" =~ ^\"(.*)\"$ || "$REDIS_URL" =~ ^\'(.*)\'$ ]]; then REDIS_URL="${BASH_REMATCH[1]}"; fi
fi
url="${REDIS_URL:?REDIS_URL is required (the same value the bot uses; or BACKUP_ENV_FILE=the .env of the bot)}"
# The password goes to redis-cli in its environment, not on its command line (where `ps`
# shows it to every user of the server).
auth=()
if [[ "$url" =~ ^(rediss?://)([^@/]*)@(.*)$ ]]; then
    creds="${BASH_REMATCH[2]}"
    url="${BASH_REMATCH[1]}${BASH_REMATCH[3]}"
    if [[ "$creds" == *:* ]]; then
        password="${creds#*:}"
        [ -n "${creds%%:*}" ] && auth=(--user "${creds%%:*}")
    else
        password="$creds"
    fi
    # Only a password: an empty REDISCLI_AUTH still sends AUTH, which a server without one refuses.
    if [ -n "$password" ]; then export REDISCLI_AUTH="$password"; fi
fi
days="${BACKUP_RETENTION_DAYS:-7}"
[[ "$days" =~ ^[1-9][0-9]*$ ]] || { echo "backup: FAILED: BACKUP_RETENTION_DAYS must be a number of days (1 or more)" >&2; exit 2; }
mkdir -p "$dir"
# Backups hold people's conversations: readable by this user only. Only the owner may chmod:
# a directory Docker made as root is the usual cause.
chmod 700 "$dir" 2>/dev/null || {
    echo "backup: FAILED: $dir must belong to the user the backup runs as (uid $(id -u)), to be made private (chmod 700); no new backup was written" >&2
    exit 1
}
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
partial="$dir/.smb-redis-$stamp.rdb.partial"
trap 'rm -f "$partial"' EXIT
umask 077
# redis-cli tells its progress on stderr; shown only when it fails, so that cron mails the
# owner about failures, not every night.
if ! progress="$(redis-cli -u "$url" "${auth[@]}" --rdb "$partial" 2>&1 >/dev/null)"; then
    echo "backup: FAILED: redis-cli failed: $progress" >&2
    exit 1
fi
# An empty or truncated file is no backup: redis-check-rdb reads the whole file.
if command -v redis-check-rdb >/dev/null 2>&1; then
    redis-check-rdb "$partial" >/dev/null || { echo "backup: FAILED: the snapshot failed its check" >&2; exit 1; }
fi
mv "$partial" "$dir/smb-redis-$stamp.rdb"
# From here the backup is written: a later failure must not say it was not.
trap 'echo "backup: FAILED ($BASH_COMMAND) after the backup $dir/smb-redis-$stamp.rdb was written" >&2' ERR
# Older than the retention less an hour: the backup of `days` nights ago goes tonight even when
# tonight's run finished a little earlier than that one did. (`-mtime +6` counted whole days,
# so a backup 6 days 23 hours old stayed another night: 8 days, not 7.) After a run, `days`
# backups remain, and a /delete is gone from all of them `days` days after the last backup
# that held it.
find "$dir" -maxdepth 1 -name 'smb-redis-*.rdb' -mmin "+$((days * 1440 - 60))" -delete
if [ -n "${BACKUP_METRICS_FILE:-}" ]; then
    # Written aside and renamed: the collector never reads half a file.
    printf '# HELP smb_backup_last_success_timestamp_seconds When scripts/redis-backup.sh last succeeded.\n# TYPE smb_backup_last_success_timestamp_seconds gauge\nsmb_backup_last_success_timestamp_seconds %s\n' \
        "$(date -u +%s)" >"$BACKUP_METRICS_FILE.partial"
    chmod 644 "$BACKUP_METRICS_FILE.partial"
    mv "$BACKUP_METRICS_FILE.partial" "$BACKUP_METRICS_FILE"
fi
