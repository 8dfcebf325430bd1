"""The in-process intent model: character and stem n-grams, a linear SVM, trained at start-up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy.sparse import spmatrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from bot.nlu.base import IntentResult
from bot.nlu.data import Example, load_examples
from bot.nlu.language import detect_language, restore_layout
from bot.nlu.normalize import MAX_TEXT_CHARS, clean, cyrillize, has_cyrillic, has_latin_words
from bot.nlu.place_statement import without_now
from bot.nlu.reassured import reassured

BACKEND = "embedded"
# Softmax temperature over SVM margins: margins of about +-1 become probabilities that spread
# like a calibrated model's (chosen by cross-validated log-loss, see `python -m bot nlu cv`).
TEMPERATURE = 0.2
RANKING_SIZE = 10
STEM = 4  # a word's first letters: a cheap stemmer for Russian and Belarusian endings
# The stems' weight against the character n-grams, and the SVM: chosen by 5-fold CV on 3 seeds
# (hinge loss, C=2 and stems at 0.8: about +0.01 accuracy over squared hinge, C=1, 1.0).
STEM_WEIGHT = 0.8
SVM_C = 2.0

# A token appended to a message that says the person is fine, only asking or got the thing back
# (bot.nlu.reassured). The look-alike training lines (nlu/data/*/negation.yml) then
# have one feature of their own to learn from; without it the model learnt them by moving the
# weights of everyday words ("pay", "contract", "не", "в"), and real reports that share those
# words lost risk evidence (cross-validation on the older lines: at-risk recall 0.991 instead
# of 0.996; the old held-out file: 146 of 154 risk messages instead of 149). clean() removes
# "_", so no message can carry this token itself.
REASSURED_TOKEN = "_reassured_"

# Spellings folded together so Russian, Belarusian and transliteration share features:
# soft/hard signs and apostrophes are often omitted in Latin letters, і/и and ў/у are the same
# sounds, щ is written "sch", "w" or "sh", й is "j", "y" or "i".
_FOLD = str.maketrans(
    {"ь": None, "ъ": None, "'": None, "і": "и", "ў": "у", "щ": "ш", "й": "и", "ё": "е"}
)


def prepare(text: str, language: str | None = None) -> str:
    """The text the model sees: keyboard layout restored, cleaned, transliteration in Cyrillic,
    "now" dropped from a bare where-I-am statement (bot.nlu.place_statement), spellings folded,
    and REASSURED_TOKEN after a reassurance ("no problems", "просто спрашиваю")."""
    text = restore_layout(text[:MAX_TEXT_CHARS])
    cleaned = clean(text)
    if has_latin_words(cleaned) and detect_language(text, language) != "en":
        # Russian or Belarusian with English words ("we are locked на складе, ключи only у
        # мастера") keeps them as written too: the English lines taught what "locked" means.
        cleaned = cyrillize(cleaned, keep=has_cyrillic(cleaned))
    tokens = without_now(cleaned.split())  # "я сейчас в Польше" reads as "я в Польше"
    cleaned = " ".join(tokens)
    if reassured(tokens, text):
        cleaned = f"{cleaned} {REASSURED_TOKEN}"
    return cleaned.translate(_FOLD)


def _stems(text: str) -> list[str]:
    stems = [word[:STEM] for word in text.split()]
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


def feature_union() -> FeatureUnion:
    """The model's features, unfitted: character 2-4-grams and word stems, TF-IDF each."""
    # char 2-4 (across word boundaries, so "ты бот" is one feature) + stems: as accurate in
    # cross-validation as 2-5 and faster to train; slightly better than char_wb 2-4.
    return FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True)),
            ("stems", TfidfVectorizer(analyzer=_stems, sublinear_tf=True)),
        ],
        transformer_weights={"chars": 1.0, "stems": STEM_WEIGHT},
    )


def classifier() -> LinearSVC:
    """The model's SVM, unfitted."""
    return LinearSVC(C=SVM_C, loss="hinge", class_weight="balanced", max_iter=5000)


def _softmax(margins: np.ndarray) -> np.ndarray:
    scaled = margins / TEMPERATURE
    scaled -= scaled.max(axis=-1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=-1, keepdims=True)


class _FastScorer:
    """The fitted features and SVM as plain dicts and arrays.

    sklearn's transform() validates its input on every call (about 10 ms per utterance here);
    this computes the same sublinear TF-IDF, L2-normalised per vectoriser and scaled by the
    union's transformer weight, in ~0.1 ms.
    """

    def __init__(self, features: FeatureUnion, model: LinearSVC) -> None:
        self._parts: list[
            tuple[Callable[[str], list[str]], dict[str, int], np.ndarray, int, float]
        ] = []
        weights = features.transformer_weights or {}
        offset = 0
        for name, vectorizer in features.transformer_list:
            vocabulary = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
            weight = float(weights.get(name, 1.0))
            self._parts.append(
                (vectorizer.build_analyzer(), vocabulary, vectorizer.idf_, offset, weight)
            )
            offset += len(vocabulary)
        coef = np.asarray(model.coef_, dtype=np.float64)
        intercept = np.asarray(model.intercept_, dtype=np.float64)
        if coef.shape[0] == 1:  # two intents: one weight row, positive for the second
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        self._weights = np.ascontiguousarray(coef.T)  # features x intents: row lookups are cheap
        self._intercept = intercept

    def margins(self, prepared: str) -> np.ndarray:
        columns: list[int] = []
        values: list[float] = []
        for analyzer, vocabulary, idf, offset, weight in self._parts:
            counts = Counter(g for g in analyzer(prepared) if g in vocabulary)
            if not counts:
                continue
            cols = [vocabulary[g] for g in counts]
            tfidf = (1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))) * idf[cols]
            columns += [c + offset for c in cols]
            values += list(tfidf * (weight / np.linalg.norm(tfidf)))
        if not columns:
            return self._intercept.copy()
        return np.asarray(values) @ self._weights[columns] + self._intercept


class EmbeddedRecognizer:
    """An IntentRecognizer that needs no server: trains in about a second from nlu/data."""

    def __init__(self, features: FeatureUnion, model: LinearSVC) -> None:
        self._features = features
        self._model = model
        self._intents: tuple[str, ...] = tuple(str(c) for c in model.classes_)
        self._scorer = _FastScorer(features, model)

    @classmethod
    def train(cls, examples: Sequence[Example]) -> EmbeddedRecognizer:
        """A recogniser trained on `examples` (at least two intents)."""
        if len({e.intent for e in examples}) < 2:
            raise ValueError("training needs examples of at least two intents")
        features = feature_union()
        matrix = features.fit_transform([prepare(e.text, e.language) for e in examples])
        # Balanced weights: intents with fewer examples (advice) must not lose to big ones.
        # Plain hinge loss (dual solver) beat squared hinge by ~0.003 in cross-validation.
        model = classifier()
        model.fit(matrix, [e.intent for e in examples])
        return cls(features, model)

    @classmethod
    def from_data_dir(cls, path: Path) -> EmbeddedRecognizer:
        """A recogniser trained on every NLU YAML file under `path`."""
        return cls.train(load_examples(path))

    @property
    def fitted(self) -> tuple[FeatureUnion, LinearSVC]:
        """The fitted features and SVM (saved by bot/nlu/embedded_cache.py)."""
        return self._features, self._model

    @property
    def intents(self) -> tuple[str, ...]:
        return self._intents

    def _matrix(self, texts: Sequence[str], language: str | None) -> spmatrix:
        return self._features.transform([prepare(t, language) for t in texts])

    def _probabilities(self, texts: Sequence[str], language: str | None) -> np.ndarray:
        margins = np.asarray(self._model.decision_function(self._matrix(texts, language)))
        if margins.ndim == 1:  # two intents: one margin, positive for the second
            margins = np.stack([-margins, margins], axis=1)
        return _softmax(margins)

    def _result(self, probabilities: np.ndarray) -> IntentResult:
        order = np.argsort(-probabilities)[:RANKING_SIZE]
        ranking = tuple((self._intents[i], float(probabilities[i])) for i in order)
        return IntentResult(ranking[0][0], ranking[0][1], ranking, BACKEND)

    def parse_sync(self, text: str, language: str | None = None) -> IntentResult:
        """Classify one utterance without an event loop (benchmarks, evaluation, the CLI)."""
        margins = self._scorer.margins(prepare(text, language))
        return self._result(_softmax(margins[np.newaxis, :])[0])

    def parse_many(self, texts: Sequence[str], language: str | None = None) -> list[IntentResult]:
        """Classify many utterances at once through sklearn (cross-validation, batch evaluation)."""
        if not texts:
            return []
        return [self._result(row) for row in self._probabilities(texts, language)]

    async def parse(self, text: str, language: str | None = None) -> IntentResult:
        """Classify one utterance; CPU-only and about a millisecond, so no thread hop."""
        return self.parse_sync(text, language)

    async def aclose(self) -> None:
        """Nothing to release."""
