"""The ad check's sentence model read from the model cache, trained (and saved) only when it is
not there.

Key: the ad check's rules as JSON (`AdCheck.model_dump_json`: ad_check.yaml, the labelled
sentences of ad_check_sentences.yaml and everything else the loader put in them; training reads
nothing else) and the regularisation, with the bot's source and the libraries' versions
(bot.modelcache.key). Saved: the vocabularies and the flags as JSON, `idf_` of each vectoriser
and the modelled flags' `coef_` and `intercept_` as arrays. The cue patterns are compiled again
from the rules (they are code's input, not learnt). The model read back is the saved one,
weight for weight (tests/core/test_admodel_cache.py).
"""

from __future__ import annotations

import logging

import numpy as np

from bot.content.models import AdCheck
from bot.core.admodel import (
    AdSentenceModel,
    C,
    Cues,
    classifier,
    feature_union,
    training_sentences,
)
from bot.core.adpatterns import PatternCompiler
from bot.modelcache import CachedModel, ModelCache, model_key
from bot.modelcache.tfidf import rebuild_union, union_data

log = logging.getLogger(__name__)

NAME = "adcheck"


def ad_model_key(rules: AdCheck, c: float = C) -> str:
    """The cache key of the model trained on `rules` (with their own training sentences)."""
    return model_key(NAME, [rules.model_dump_json().encode(), repr(c).encode()])


def ad_model_data(model: AdSentenceModel) -> CachedModel:
    """The fitted model as a JSON document and arrays."""
    features, models = model.fitted
    terms, arrays = union_data(features)
    modelled = [flag for flag in model.flags if flag in models]
    if modelled:
        arrays["coef"] = np.vstack([models[f].coef_[0] for f in modelled]).astype(np.float64)
        arrays["intercept"] = np.array([models[f].intercept_[0] for f in modelled],
                                       dtype=np.float64)
    meta = {"terms": terms, "flags": list(model.flags), "modelled": modelled}
    return CachedModel(meta, arrays)


def rebuilt_ad_model(saved: CachedModel, rules: AdCheck, c: float = C,
                     compiler: PatternCompiler | None = None) -> AdSentenceModel:
    """The model `ad_model_data` saved, its cues compiled from `rules` (with `compiler`).
    Raises ValueError when the data do not fit these rules."""
    features = rebuild_union(feature_union(), saved.meta.get("terms"), saved.arrays)
    flags = tuple(f.id for f in rules.flags)
    modelled = saved.meta.get("modelled")
    if saved.meta.get("flags") != list(flags) or not isinstance(modelled, list) \
            or not set(modelled) <= set(flags):
        raise ValueError("flags of other rules")
    columns = sum(len(v.vocabulary_) for _, v in features.transformer_list)
    coef = saved.arrays.get("coef", np.zeros((0, columns)))
    intercept = saved.arrays.get("intercept", np.zeros(0))
    if (coef.dtype != np.float64 or coef.shape != (len(modelled), columns)
            or intercept.dtype != np.float64 or intercept.shape != (len(modelled),)):
        raise ValueError("weights of another shape")
    models = {}
    for row, flag in enumerate(modelled):
        regression = classifier(c)
        regression.classes_ = np.array([False, True])
        regression.coef_ = coef[row : row + 1]
        regression.intercept_ = intercept[row : row + 1]
        regression.n_features_in_ = columns
        models[flag] = regression
    return AdSentenceModel(flags, features, models, Cues(rules, compiler))


def trained_ad_model(rules: AdCheck, *, compiler: PatternCompiler | None = None,
                     cache: ModelCache | None = None) -> AdSentenceModel:
    """`AdSentenceModel.train` on the rules' own training sentences (`training_sentences`),
    read from `cache` when it holds the model of these rules and this code (saved there when
    it does not); no cache: trained. Raises ValueError when the rules have no sentences."""
    sentences = training_sentences(rules)
    if cache is None:
        return AdSentenceModel.train(rules, sentences, compiler=compiler)
    key = ad_model_key(rules)
    saved = cache.load(NAME, key)
    if saved is not None:
        try:
            return rebuilt_ad_model(saved, rules, compiler=compiler)
        except ValueError as exc:
            log.warning("model cache: the saved %s model does not fit (%s); training it",
                        NAME, exc)
    model = AdSentenceModel.train(rules, sentences, compiler=compiler)
    cache.save(NAME, key, ad_model_data(model))
    return model
