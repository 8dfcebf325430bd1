"""The embedded NLU read from the model cache, trained (and saved) only when it is not there.

Key: the nlu/data files (each one's path under the data directory and its bytes, in the order
they are read) with the bot's source and the libraries' versions (bot.modelcache.key). Saved:
the vocabularies and the intents as JSON, `idf_` of each vectoriser and the SVM's `coef_` and
`intercept_` as arrays. The recogniser read back is the saved one, weight for weight: the same
intents and probabilities for every text (tests/nlu/test_embedded_cache.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from bot.modelcache import CachedModel, ModelCache, model_key
from bot.modelcache.tfidf import rebuild_union, union_data
from bot.nlu.data import yaml_files
from bot.nlu.embedded import EmbeddedRecognizer, classifier, feature_union

log = logging.getLogger(__name__)

NAME = "nlu"


def nlu_key(data_dir: Path) -> str:
    """The cache key of the recogniser trained on `data_dir` (a directory or one file)."""
    inputs: list[bytes] = []
    for file in yaml_files(data_dir):
        where = file.relative_to(data_dir).as_posix() if data_dir.is_dir() else file.name
        inputs += [where.encode(), file.read_bytes()]
    return model_key(NAME, inputs)


def recognizer_data(recognizer: EmbeddedRecognizer) -> CachedModel:
    """The fitted recogniser as a JSON document and arrays."""
    features, svm = recognizer.fitted
    terms, arrays = union_data(features)
    arrays["coef"] = np.asarray(svm.coef_, dtype=np.float64)
    arrays["intercept"] = np.asarray(svm.intercept_, dtype=np.float64)
    return CachedModel({"terms": terms, "intents": [str(c) for c in svm.classes_]}, arrays)


def rebuilt_recognizer(saved: CachedModel) -> EmbeddedRecognizer:
    """The recogniser `recognizer_data` saved. Raises ValueError when the data do not fit."""
    features = rebuild_union(feature_union(), saved.meta.get("terms"), saved.arrays)
    intents = saved.meta.get("intents")
    coef, intercept = saved.arrays.get("coef"), saved.arrays.get("intercept")
    if not isinstance(intents, list) or len(intents) < 2 or coef is None or intercept is None:
        raise ValueError("no intents or weights")
    columns = sum(len(v.vocabulary_) for _, v in features.transformer_list)
    rows = 1 if len(intents) == 2 else len(intents)
    if (coef.dtype != np.float64 or coef.shape != (rows, columns)
            or intercept.dtype != np.float64 or intercept.shape != (rows,)):
        raise ValueError("weights of another shape")
    svm = classifier()
    svm.classes_ = np.array([str(intent) for intent in intents])
    svm.coef_ = coef
    svm.intercept_ = intercept
    svm.n_features_in_ = columns
    return EmbeddedRecognizer(features, svm)


def trained_recognizer(data_dir: Path, cache: ModelCache | None) -> EmbeddedRecognizer:
    """`EmbeddedRecognizer.from_data_dir(data_dir)`, read from `cache` when it holds the model
    of these files and this code (saved there when it does not); no cache: trained."""
    if cache is None:
        return EmbeddedRecognizer.from_data_dir(data_dir)
    key = nlu_key(data_dir)
    saved = cache.load(NAME, key)
    if saved is not None:
        try:
            return rebuilt_recognizer(saved)
        except ValueError as exc:
            log.warning("model cache: the saved %s model does not fit (%s); training it",
                        NAME, exc)
    recognizer = EmbeddedRecognizer.from_data_dir(data_dir)
    cache.save(NAME, key, recognizer_data(recognizer))
    return recognizer
