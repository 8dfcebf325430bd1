#!/usr/bin/env bash
# Serve the trained model: `rasa run --enable-api` on 127.0.0.1:5005 with token auth.
# RASA_TOKEN is required: the bot sends it (as ?token=) on every call. Listen address and
# port: RASA_HOST / RASA_PORT. The bot then runs with NLU_BACKEND=rasa RASA_TOKEN=...
set -euo pipefail
source "$(dirname "$0")/rasa-env.sh"
cd "$ROOT"

if [ -z "${RASA_TOKEN:-}" ]; then
    echo "rasa-serve: RASA_TOKEN is not set. Without it anyone who reaches the port can use" >&2
    echo "and replace the model. Set one, e.g.: export RASA_TOKEN=\$(openssl rand -hex 24)" >&2
    exit 1
fi
MODEL="${RASA_MODEL:-$RASA_MODELS/nlu.tar.gz}"
[ -f "$MODEL" ] || { echo "rasa-serve: no model at $MODEL; run make rasa-train" >&2; exit 1; }
HOST="${RASA_HOST:-127.0.0.1}"
PORT="${RASA_PORT:-5005}"
echo "rasa-serve: $MODEL on http://$HOST:$PORT (API enabled, token auth)"
# The token reaches Rasa's argument parser inside Python (sys.argv is set there), never a
# command line: `ps` shows every process's command line to every user of the machine.
export RASA_TOKEN
exec "$RASA_VENV/bin/python" -c 'import os, sys
sys.argv = ["rasa", *sys.argv[1:], "--auth-token", os.environ["RASA_TOKEN"]]
from rasa.__main__ import main
main()' run --enable-api --model "$MODEL" --interface "$HOST" --port "$PORT" "$@"
