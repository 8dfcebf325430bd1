#!/usr/bin/env bash
# Set KEY in a settings file (.env) to a value read from standard input, so that a secret
# (REDIS_URL with Redis's password) never goes on a command line, where `ps` shows it to every
# user of the server (`sed -i "s|...|$PASSWORD|"` put it there). Replaces the KEY= line (and
# drops any second one: which of two wins depends on the reader), or appends it; the file is
# rewritten private (mode 600) and renamed into place.
#
# Usage: printf '%s\n' "$VALUE" | scripts/set-env.sh FILE KEY
#   printf 'redis://:%s@127.0.0.1:6379/0\n' "$REDIS_PASSWORD" | sudo -u smbot scripts/set-env.sh .env REDIS_URL
# (printf is a shell builtin: the value goes through no other process's command line.)
set -euo pipefail
usage="usage: printf '%s\n' VALUE | scripts/set-env.sh FILE KEY"
file="${1:?$usage}"
key="${2:?$usage}"
[[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "set-env: $key is not a setting's name" >&2; exit 2; }
[ -f "$file" ] || { echo "set-env: $file does not exist" >&2; exit 1; }
value=""
IFS= read -r value || [ -n "$value" ] || { echo "set-env: no value on standard input" >&2; exit 2; }
umask 077
new="$file.set-env.$$"
trap 'rm -f "$new"' EXIT
found=no
{
    while IFS= read -r line || [ -n "$line" ]; do
        if [[ "$line" == "$key="* ]]; then
            if [ "$found" = no ]; then printf '%s=%s\n' "$key" "$value"; fi
            found=yes
        else
            printf '%s\n' "$line"
        fi
    done <"$file"
    if [ "$found" = no ]; then printf '%s=%s\n' "$key" "$value"; fi
} >"$new"
mv "$new" "$file"
trap - EXIT
