#!/usr/bin/env bash
# Train the Rasa NLU model from nlu/config.yml and nlu/data into nlu/models/nlu.tar.gz.
# Skips training when the model is newer than the config, domain and every data file
# (FORCE=1 retrains). Extra arguments go to `rasa train nlu`.
set -euo pipefail
source "$(dirname "$0")/rasa-env.sh"
cd "$ROOT"

MODEL="$RASA_MODELS/nlu.tar.gz"
if [ -x "$RASA_VENV/bin/rasa" ]; then :; else
    echo "rasa-train: no $RASA_VENV; run make rasa-setup (or see deploy/rasa.md)" >&2
    exit 1
fi
if [ -z "${FORCE:-}" ] && [ -f "$MODEL" ] \
    && [ -z "$(find nlu/config.yml nlu/domain.yml nlu/data -newer "$MODEL" -print -quit)" ]; then
    echo "rasa-train: $MODEL is up to date (FORCE=1 to retrain)"
    exit 0
fi
mkdir -p "$RASA_MODELS"
started=$(date +%s)
"$RASA_VENV/bin/rasa" train nlu --config nlu/config.yml --nlu nlu/data --domain nlu/domain.yml \
    --out "$RASA_MODELS" --fixed-model-name nlu "$@"
echo "rasa-train: wrote $MODEL in $(( $(date +%s) - started )) s"
