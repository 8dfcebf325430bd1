"""The run's model cache for a test that starts a bot process with an environment of its own.

`scripts/run-tests.sh` sets BOT_MODEL_CACHE_DIR for the whole run, so the trained models are
read by every process after the first (bot/modelcache). A test that clears the BOT_ settings
to start from a clean environment keeps this one: the models read are those the process would
train from the same files (their key), so what it checks does not change.
"""

from __future__ import annotations

import os

MODEL_CACHE_ENV = "BOT_MODEL_CACHE_DIR"


def run_model_cache() -> dict[str, str]:
    """{"BOT_MODEL_CACHE_DIR": ...} when the run has one, else {}."""
    found = os.environ.get(MODEL_CACHE_ENV)
    return {MODEL_CACHE_ENV: found} if found else {}
