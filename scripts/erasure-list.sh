#!/usr/bin/env bash
# The list of /delete erasures a restore must repeat, kept apart from the logs it comes from.
#
# A restore brings back everyone who sent /delete after the backup was taken, and the logs
# that say who (`data erased user=<12 hex>`, the start of the person's keyed hash, never an id)
# vanish when a container is recreated, a pod replaced or the journal rotated. So a job copies
# those lines into a small file next to the backups, often (every 15 minutes) and before every
# upgrade, and the restore reads the file, not the logs (docs/DEPLOY.md "Backups").
#
#   <logs with a leading timestamp> | scripts/erasure-list.sh record LIST
#       Adds each erasure (time, hash) from stdin to LIST (made mode 600); lines without one
#       are ignored, repeats are kept once. The timestamp is the log source's own first field:
#       `journalctl -o short-iso`, `docker compose logs -t --no-log-prefix`,
#       `kubectl logs --timestamps`. Drops entries older than ERASURE_RETENTION_DAYS (default
#       BACKUP_RETENTION_DAYS + 1, i.e. 8): older ones are in no backup any more.
#   scripts/erasure-list.sh since LIST TIME
#       Prints the hashes erased at or after TIME (the backup's time, e.g. 2026-11-30T03:15:00Z),
#       one per line, for `safe-migration-bot erase`.
#   scripts/erasure-list.sh run LIST COMMAND...
#       Runs COMMAND (`safe-migration-bot erase ...`, by hand: its log lines reach no log the
#       cron lines read) with its output shown as usual, records the erasures its log lines
#       (stderr, `<UTC time> INFO bot.erasure: data erased user=...`) name, as `record` does,
#       and exits with COMMAND's status.
set -euo pipefail
usage="usage: scripts/erasure-list.sh record LIST < logs | scripts/erasure-list.sh since LIST TIME | scripts/erasure-list.sh run LIST COMMAND..."
command="${1:?$usage}"
list="${2:?$usage}"
utc() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
record() {
    set -e  # also where it runs as a part of `run`'s pipeline, after its `set +e`
    days="${ERASURE_RETENTION_DAYS:-$(( ${BACKUP_RETENTION_DAYS:-7} + 1 ))}"
    [[ "$days" =~ ^[1-9][0-9]*$ ]] || { echo "erasure-list: ERASURE_RETENTION_DAYS must be a number of days" >&2; exit 2; }
    umask 077
    touch "$list"
    chmod 600 "$list"
    cutoff="$(utc "-$days days")"
    new="$list.partial"
    trap 'rm -f "$new"' EXIT
    {
        cat "$list"
        # No erasure in these lines is the usual case, not a failure.
        { grep -aE 'data erased user=[0-9a-f]{12}' || true; } | while read -r stamp rest; do
            hash="$(grep -oE 'data erased user=[0-9a-f]{12}' <<<"$rest" | head -n 1)"
            when="$(utc "$stamp" 2>/dev/null)" || { echo "erasure-list: no time at the start of a line: $stamp" >&2; exit 1; }
            echo "$when ${hash#data erased user=}"
        done
    } | awk -v cutoff="$cutoff" '$1 >= cutoff' | sort -u >"$new"
    mv "$new" "$list"
}
case "$command" in
record)
    record
    ;;
run)
    shift 2
    [ "$#" -gt 0 ] || { echo "$usage" >&2; exit 2; }
    # COMMAND's stdout to ours (fd 3); its stderr shown on ours and recorded.
    exec 3>&1
    set +e
    "$@" 2>&1 1>&3 3>&- | while IFS= read -r line; do printf '%s\n' "$line" >&2; printf '%s\n' "$line"; done | record
    statuses=("${PIPESTATUS[@]}")
    set -e
    [ "${statuses[2]}" = 0 ] || { echo "erasure-list: the erasures were NOT recorded in $list" >&2; exit 1; }
    exit "${statuses[0]}"
    ;;
since)
    time="$(utc "${3:?$usage}")"
    [ -r "$list" ] || { echo "erasure-list: cannot read $list" >&2; exit 1; }
    awk -v since="$time" '$1 >= since { print $2 }' "$list" | sort -u
    ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
