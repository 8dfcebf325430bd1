"""Trained models on disk as data only (BOT_MODEL_CACHE_DIR), keyed by a hash of their inputs.

`ModelCache` reads and writes one `.npz` per model; `model_key` hashes a model's inputs with the
bot's source and the libraries' versions; `tfidf` turns a fitted vectoriser into arrays and back.
"""

from bot.modelcache.key import model_key, source_digest
from bot.modelcache.store import FORMAT, CachedModel, ModelCache, model_cache_at

__all__ = [
    "FORMAT", "CachedModel", "ModelCache", "model_cache_at", "model_key", "source_digest",
]
