"""A fitted scikit-learn feature union of TF-IDF vectorisers as data, and back.

Saved: each vectoriser's vocabulary (its terms in column order, for the JSON document) and its
`idf_` array. Rebuilt through public names only: the union as the model's own factory makes
it (the same analyzers, n-gram ranges, weights), each vectoriser given its vocabulary as the
`vocabulary` parameter and its `idf_` through the documented setter; `transform` then gives
the very matrix of the fitted union (tests/modelcache/test_tfidf.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion


def union_data(union: FeatureUnion) -> tuple[dict[str, list[str]], dict[str, np.ndarray]]:
    """Per vectoriser name: its terms in column order (JSON-able) and its `idf_` array (as
    "idf_<name>")."""
    terms: dict[str, list[str]] = {}
    arrays: dict[str, np.ndarray] = {}
    for name, vectorizer in union.transformer_list:
        vocabulary: dict[str, int] = vectorizer.vocabulary_
        ordered = [""] * len(vocabulary)
        for term, column in vocabulary.items():
            ordered[column] = str(term)
        terms[name] = ordered
        arrays[f"idf_{name}"] = np.asarray(vectorizer.idf_, dtype=np.float64)
    return terms, arrays


def rebuild_union(union: FeatureUnion, terms: Any, arrays: dict[str, np.ndarray]) -> FeatureUnion:
    """`union` (unfitted, from the model's factory) given the saved vocabularies and `idf_`
    of `union_data`. Raises ValueError when they do not fit its vectorisers."""
    if not isinstance(terms, dict):
        raise ValueError("no vocabularies")
    for name, vectorizer in union.transformer_list:
        if not isinstance(vectorizer, TfidfVectorizer):
            raise ValueError(f"{name}: not a TF-IDF vectoriser")
        words = terms.get(name)
        idf = arrays.get(f"idf_{name}")
        if (not isinstance(words, list) or not all(isinstance(w, str) for w in words)
                or idf is None or idf.dtype != np.float64 or idf.shape != (len(words),)):
            raise ValueError(f"{name}: vocabulary and idf do not match")
        vocabulary = {word: column for column, word in enumerate(words)}
        if len(vocabulary) != len(words):
            raise ValueError(f"{name}: a term twice")
        vectorizer.set_params(vocabulary=vocabulary)
        vectorizer.idf_ = idf
    return union
