# Sourced by scripts/rasa-*.sh: paths and the environment every Rasa command runs with.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RASA_VENV="${RASA_VENV:-$ROOT/.venv-rasa}"
RASA_VERSION="3.6.21"
RASA_IMAGE="rasa/rasa:$RASA_VERSION"
RASA_MODELS="${RASA_MODELS:-$ROOT/nlu/models}"
# People's messages pass through this server: Rasa's usage telemetry stays off.
export RASA_TELEMETRY_ENABLED=false
# Rasa caches trained components under ./.rasa by default; keep it with the models (ignored by git).
export RASA_CACHE_DIRECTORY="${RASA_CACHE_DIRECTORY:-$RASA_MODELS/.cache}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
# nlu/config.yml names custom components as nlu.components.*; they import bot.nlu code.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
