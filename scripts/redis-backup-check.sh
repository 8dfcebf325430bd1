#!/usr/bin/env bash
# Is there a recent backup? Quiet and exit 0 when the newest scripts/redis-backup.sh file in
# BACKUP_DIR is younger than BACKUP_MAX_AGE_HOURS (default 26: a nightly job plus slack);
# otherwise one line starting "backup: STALE" or "backup: MISSING" and exit 1. A failed backup
# writes no file, so a failure that nobody mailed shows here the next day.
# Run it from cron (cron mails its line), a monitoring agent's check, or by hand.
#
# Usage: scripts/redis-backup-check.sh BACKUP_DIR
set -euo pipefail
dir="${1:?usage: scripts/redis-backup-check.sh BACKUP_DIR}"
hours="${BACKUP_MAX_AGE_HOURS:-26}"
[[ "$hours" =~ ^[1-9][0-9]*$ ]] || { echo "backup: BACKUP_MAX_AGE_HOURS must be a number of hours" >&2; exit 2; }
[ -r "$dir" ] && [ -x "$dir" ] || { echo "backup: MISSING: cannot read $dir (run this as the backup's user)" >&2; exit 1; }
newest="$(find "$dir" -maxdepth 1 -name 'smb-redis-*.rdb' -printf '%T@ %p\n' | sort -n | tail -n 1)"
if [ -z "$newest" ]; then
    echo "backup: MISSING: no smb-redis-*.rdb in $dir" >&2
    exit 1
fi
age=$(( $(date +%s) - ${newest%%.*} ))
if (( age > hours * 3600 )); then
    echo "backup: STALE: the newest backup, ${newest#* }, is $((age / 3600)) h old (limit ${hours} h)" >&2
    exit 1
fi
