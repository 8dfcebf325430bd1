"""The sentence model scores an ad's sentences with its flags' regressions side by side (one
product instead of one `predict_proba` per flag): every probability is the one each flag's
LogisticRegression gives, so no ad of the development set gains or loses a flag."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.content.loader import ContentHolder
from bot.core.adcheck_eval import read_ads
from bot.core.admodel import MIN_WORDS, SENTENCE_CHARS, AdSentenceModel, prepare
from bot.core.adtext import sentence_spans, transliterated
from tests.helpers.engine import shared_ad_checkers

DATA = Path(__file__).resolve().parents[1] / "data"


def _each_flag(model: AdSentenceModel, sentences: list[str], *, cyrillic: bool) -> np.ndarray:
    """The probabilities as each flag's own model gives them (sentences x flags)."""
    found = np.zeros((len(sentences), len(model.flags)))
    rows = [row for row, s in enumerate(sentences) if len(s.split()) >= MIN_WORDS]
    matrix = model._features.transform([
        prepare(sentences[row][:SENTENCE_CHARS], cyrillic=cyrillic, cues=model._cues)
        for row in rows])
    for column, flag in enumerate(model.flags):
        if flag in model._models:
            found[rows, column] = model._models[flag].predict_proba(matrix)[:, 1]
    return found


def test_probabilities_are_each_flags_own(content_holder: ContentHolder) -> None:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None and checker.model is not None
    model = checker.model
    read: dict[bool, list[np.ndarray]] = {False: [], True: []}
    sentences: dict[bool, list[str]] = {False: [], True: []}
    for ad in read_ads(DATA / "ads_dev.yaml"):
        words = [ad.text[s.start : s.end] for s in sentence_spans(ad.text)]
        cyrillic = transliterated(ad.text) is not None
        read[cyrillic].append(model.read(words, cyrillic=cyrillic)[0])  # one ad at a time
        sentences[cyrillic] += words
    for cyrillic, found in read.items():
        probabilities = np.vstack(found)
        np.testing.assert_allclose(
            probabilities, _each_flag(model, sentences[cyrillic], cyrillic=cyrillic),
            rtol=0, atol=1e-12)
        assert (probabilities > 0.5).any()  # flags were raised, not only zeros compared
