#!/usr/bin/env bash
# The erasure record across a restore: who sent /delete (or was erased with
# `safe-migration-bot erase`) after the backup was taken must not come back with it.
#
# The bot records every erasure in Redis itself, in the sorted set smb:erased (a person's keyed
# user key, never an id -> when, in Unix seconds; kept 8 days, bot/storage/keys.py). A restore
# replaces that set with the backup's older copy, so the record is read from the LIVE Redis
# BEFORE the restore and applied to the restored data after it:
#
#   scripts/erasure-record.sh save FILE -- REDIS-CLI-ARGS...
#       Writes the live record to FILE (mode 600; "SECONDS USER_KEY" a line). Fails when that
#       Redis does not answer: then the log-based list is the fallback (docs/DEPLOY.md).
#   scripts/erasure-record.sh apply FILE -- REDIS-CLI-ARGS...
#       In the restored Redis: everyone in FILE erased after the backup's own record says
#       (absent from it, or erased again since) loses every key `smb:*:<user key>` but
#       `smb:case:<user key>` (the link to their case: `erase --pending` closes that case, then
#       removes the link) and their check-in schedule entry at once, and is put in
#       smb:erase:pending, whose cases and
#       pseudonyms `safe-migration-bot erase --pending` then ends. FILE's entries go back into
#       the record. Prints how many people were erased again.
# REDIS-CLI-ARGS say where Redis is (`-s SOCKET`, or `-h HOST -p PORT -n DB`); a password comes
# in REDISCLI_AUTH, never on the command line. scripts/redis-restore.sh (ERASURE_RECORD=FILE)
# and scripts/redis-restore-online.sh (by itself) call `apply`.
set -euo pipefail
usage="usage: scripts/erasure-record.sh save|apply FILE -- REDIS-CLI-ARGS..."
command="${1:?$usage}"
file="${2:?$usage}"
[ "${3:-}" = -- ] || { echo "$usage" >&2; exit 2; }
shift 3
record=smb:erased pending=smb:erase:pending
# The same as ERASURE_RECORD_SECONDS in bot/storage/keys.py, and PERSON_SETS' one set.
keep=$((8 * 24 * 3600)) person_sets=(smb:checkin:due)
# An empty REDISCLI_AUTH still sends AUTH, which a server without a password refuses.
[ -n "${REDISCLI_AUTH:-}" ] || unset REDISCLI_AUTH
cli() { redis-cli --no-auth-warning "$@"; }
case "$command" in
save)
    umask 077
    answer="$(cli "$@" ping 2>&1)" || true
    [ "$answer" = PONG ] || { echo "erasure-record: the live Redis does not answer ($answer); use the erasure list from the logs (docs/DEPLOY.md)" >&2; exit 1; }
    cli "$@" zrange "$record" 0 -1 withscores | paste - - | awk 'NF == 2 { print $2, $1 }' >"$file.partial"
    mv "$file.partial" "$file"
    ;;
apply)
    [ -r "$file" ] || { echo "erasure-record: cannot read $file" >&2; exit 1; }
    again=0
    while read -r when user_key; do
        [[ "$user_key" =~ ^[0-9a-f]{32}$ && "$when" =~ ^[0-9.e+]+$ ]] || continue
        before="$(cli "$@" zscore "$record" "$user_key")"
        if [ -z "$before" ] || awk -v a="$before" -v b="$when" 'BEGIN { exit !(a < b) }'; then
            cli "$@" --scan --pattern "smb:*:$user_key" | while read -r key; do
                # The case link stays for `erase --pending`, which closes the case (else the
                # restored case stays open and is escalated to the operators again).
                [ "$key" = "smb:case:$user_key" ] || cli "$@" del "$key" >/dev/null
            done
            for set in "${person_sets[@]}"; do cli "$@" zrem "$set" "$user_key" >/dev/null; done
            cli "$@" sadd "$pending" "$user_key" >/dev/null
            cli "$@" expire "$pending" "$keep" >/dev/null
            again=$((again + 1))
        fi
        cli "$@" zadd "$record" GT "$when" "$user_key" >/dev/null
    done <"$file"
    if [ "$(cli "$@" exists "$record")" = 1 ]; then
        cli "$@" zremrangebyscore "$record" -inf "$(( $(date +%s) - keep ))" >/dev/null
        cli "$@" expire "$record" "$keep" >/dev/null
    fi
    echo "erasure record: $again person(s) erased after the backup erased again (finish with: safe-migration-bot erase --pending)"
    ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
