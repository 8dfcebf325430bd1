"""The ad check's sentence model: per sentence of an ad, the probability of each red-flag kind.

It helps the rules find wordings no pattern covers. Word and character n-grams of the sentence
(lower case, ё as е, transliteration read in Cyrillic, і/и and ў/у folded, digits as 0) and one
logistic regression per flag kind (one-vs-rest; a sentence with no flag is a negative for every
kind). Trained at start-up from content: the flags' `examples` and `counter_examples` and
content/ad_check_sentences.yaml. Deterministic (liblinear, fixed seed). Keeps no text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from bot.content.models import AdCheck
from bot.core.adnegation import WORD, negation_scopes
from bot.core.adpatterns import PatternCompiler
from bot.core.adtext import in_cyrillic, normalize, reads_transliterated
from bot.core.letters import FOLD

SEED = 0
LATIN_LANGS = frozenset({"translit", "ru-latn", "be-latn"})  # ad_check_sentences.yaml's `lang`
# Regularisation: chosen by `python -m bot adcheck cv` (C 1, 4 and 16 compared).
C = 4.0
_FOLD = FOLD  # shared with the code word (bot/core/letters.py)
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
SENTENCE_CHARS = 400  # a longer "sentence" (a wall of text) is read as its first 400 characters
MIN_WORDS = 3  # a shorter sentence ("Tel.", "ул. Горкага, 12.") has too little to go on
# Negation scope (`adnegation.negation_scopes`): the words after "не", "без", "no", … to the end
# of the clause are read as negated ("nothing is deducted" -> "nothing ¬is ¬deducted"), so
# "deducted" in an honest promise is not the "deducted" of a debt.


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """A training sentence and the flag ids it shows (empty: an honest sentence)."""

    text: str
    flags: frozenset[str]
    source: str | None = None  # the labelled ad it was taken from, if any
    latin: bool | None = None  # Russian or Belarusian in Latin letters; None: tell by reading


class Cues:
    """The rules' own words as the model's features, so rules and model agree: a sentence where
    a negation of content/ad_check.yaml (`negations_before`/`negations_after`: "no", "без",
    "the employer pays") or a flag's `unless` matches gets a token for it ("_cue_neg_",
    "_cue_fees_"), and the model learns how much that weighs."""

    def __init__(self, rules: AdCheck, compiler: PatternCompiler | None = None) -> None:
        """`compiler`: the rules' (`AdRules` compiles these very patterns); by default a new
        one."""
        both = _Both(compiler or PatternCompiler())
        # `negations_after` are written to match right after a flag's words, so a scan with them
        # costs more (about half the training time); without them fees lose a fifth of their
        # recall in cross-validation ("fee: not required", "paid by the employer").
        negations = [*rules.negations_before.values(), *rules.negations_after.values()]
        self._cues: list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]] = [
            ("neg", *both([p for items in negations for p in items]))
        ]
        for flag in rules.flags:
            unless = [p for items in flag.unless.values() for p in items]
            unless += [p for s in flag.sentences for items in s.unless.values() for p in items]
            if unless:
                self._cues.append((flag.id, *both(unless)))

    def names(self) -> list[str]:
        """"neg" and the flag ids that have cues, in the order `tokens` tries them."""
        return [name for name, _, _ in self._cues]

    def tokens(self, low: str, *, cyrillic: bool) -> list[str]:
        """The cue tokens of a normalised sentence (`cyrillic`: read from transliteration)."""
        return [
            f"_cue_{name}_"
            for name, letters, latin in self._cues
            if any(p.search(low) for p in (latin if cyrillic else letters))
        ]


class _Both:
    """A cue's patterns compiled as the ad is written and as a transliterated ad is read.

    One pattern at a time, stopping at the first that matches, finds what one alternation of
    them all would (no pattern refers to a group by number), in half the time: `re` skips to
    each pattern's own first letters, and tries no alternative at every character."""

    def __init__(self, compiler: PatternCompiler) -> None:
        self._compiler = compiler
        self._letters, self._latin, _, _ = compiler.readings()  # `fold`, `fold_soft`

    def __call__(self, patterns: list[str]) -> tuple[list[re.Pattern[str]],
                                                     list[re.Pattern[str]]]:
        compile_ = self._compiler.compile
        return ([compile_(self._letters(p)) for p in patterns],
                [compile_(self._latin(p)) for p in patterns])


def prepare(sentence: str, *, cyrillic: bool, cues: Cues | None = None) -> str:
    """The sentence as the model reads it; `cyrillic`: the ad is transliterated Russian or
    Belarusian, read again in Cyrillic letters. Negated words are marked "¬", and the rules'
    cue tokens added at the end."""
    low = normalize(sentence)
    if cyrillic:
        low = in_cyrillic(low)
    tokens = cues.tokens(low, cyrillic=cyrillic) if cues is not None else []
    folded = _DIGIT.sub("0", low.translate(_FOLD))
    return " ".join([_mark_negated(folded), *tokens])


def _mark_negated(text: str) -> str:
    """`text`'s words, those a negation covers (`negation_scopes`) marked "¬"."""
    scopes = negation_scopes(text)
    return " ".join(
        ("¬" if any(start <= word.start() < end for start, end in scopes) else "") + word.group()
        for word in WORD.finditer(text)
    )


def training_sentences(rules: AdCheck) -> list[LabelledSentence]:
    """What the model learns from: every flag's examples (that flag) and counter-examples (no
    flag), and the labelled sentences of content/ad_check_sentences.yaml."""
    found = [
        LabelledSentence(text, frozenset({flag.id}))
        for flag in rules.flags
        for texts in flag.examples.values()
        for text in texts
    ]
    found += [
        LabelledSentence(text, frozenset())
        for flag in rules.flags
        for texts in flag.counter_examples.values()
        for text in texts
    ]
    found += [
        LabelledSentence(s.text, frozenset(s.flags), s.source, s.lang in LATIN_LANGS)
        for s in rules.training
    ]
    return found


def feature_union() -> FeatureUnion:
    """The model's features, unfitted: character 2-5-grams and word 1-2-grams, TF-IDF each."""
    # Characters across word boundaries ("no fee", "не бер") and words with their neighbours.
    return FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True,
                                  min_df=2, max_features=60000)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w+\b")),
    ])


def classifier(c: float = C) -> LogisticRegression:
    """One flag's logistic regression, unfitted (regularisation `c`)."""
    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True,
                              random_state=SEED, max_iter=1000)


class AdSentenceModel:
    """`probabilities(sentences)`: a (sentences x flags) array in the order of `flags`."""

    def __init__(self, flags: tuple[str, ...], features: FeatureUnion,
                 models: dict[str, LogisticRegression], cues: Cues) -> None:
        self.flags = flags
        self._features = features
        self._models = models
        self._cues = cues
        # The flags' logistic regressions side by side (features x flags with a model): one
        # product per ad instead of one validated `predict_proba` per flag; the same
        # probabilities, expit(x . coef + intercept) (test_admodel_logits.py).
        self._columns = [column for column, flag in enumerate(flags) if flag in models]
        self._coef = np.column_stack([models[flags[c]].coef_[0] for c in self._columns]) \
            if self._columns else np.zeros((0, 0))
        self._intercept = np.array([models[flags[c]].intercept_[0] for c in self._columns])

    @classmethod
    def train(cls, rules: AdCheck, sentences: Sequence[LabelledSentence], *,
              c: float = C, compiler: PatternCompiler | None = None) -> AdSentenceModel:
        """A model for the flags of `rules` from `sentences`; a flag with no positive sentence
        is never raised by the model; `compiler`: the rules' (see `Cues`). Raises ValueError
        with no sentences."""
        if not sentences:
            raise ValueError("the ad model needs training sentences")
        flags = [f.id for f in rules.flags]
        cues = Cues(rules, compiler)
        texts = [
            prepare(s.text, cyrillic=reads_transliterated(s.text) if s.latin is None else s.latin,
                    cues=cues)
            for s in sentences
        ]
        features = feature_union()
        matrix = features.fit_transform(texts)
        models: dict[str, LogisticRegression] = {}
        for flag in flags:
            target = np.fromiter((flag in s.flags for s in sentences), bool, len(sentences))
            if target.all() or not target.any():
                continue
            # The dual problem: far more features than sentences (about 0.02 s a flag).
            models[flag] = classifier(c).fit(matrix, target)
        return cls(tuple(flags), features, models, cues)

    @property
    def fitted(self) -> tuple[FeatureUnion, dict[str, LogisticRegression]]:
        """The fitted features and each modelled flag's regression (saved by
        bot/core/admodel_cache.py)."""
        return self._features, self._models

    def read(self, sentences: Sequence[str], *, cyrillic: bool) -> tuple[np.ndarray, np.ndarray]:
        """Per sentence (rows) and flag (columns, `flags` order): the probability in [0, 1]
        (0 for a sentence of fewer than MIN_WORDS words), and whether a negation of the rules
        or that flag's `unless` is in the sentence ("nothing is deducted", "the employer
        pays"). A sentence is read up to SENTENCE_CHARS characters."""
        probabilities = np.zeros((len(sentences), len(self.flags)))
        reassured = np.zeros((len(sentences), len(self.flags)), dtype=bool)
        prepared: list[str] = []
        rows: list[int] = []
        for row, sentence in enumerate(sentences):
            low = normalize(sentence[:SENTENCE_CHARS])
            if cyrillic:
                low = in_cyrillic(low)
            tokens = self._cues.tokens(low, cyrillic=cyrillic)
            negated = "_cue_neg_" in tokens
            for column, flag in enumerate(self.flags):
                reassured[row, column] = negated or f"_cue_{flag}_" in tokens
            if len(sentence.split()) >= MIN_WORDS:
                rows.append(row)
                folded = _DIGIT.sub("0", low.translate(_FOLD))
                prepared.append(" ".join([_mark_negated(folded), *tokens]))
        if not rows or not self._models:
            return probabilities, reassured
        matrix = self._features.transform(prepared)
        logits = np.asarray(matrix @ self._coef) + self._intercept
        probabilities[np.ix_(rows, self._columns)] = expit(logits)
        return probabilities, reassured

    def reassurance(self, sentences: Sequence[str], *,
                    cyrillic: bool) -> tuple[list[bool], np.ndarray]:
        """`read`'s reassurance in its two parts: per sentence, whether a negation of the rules
        is in it; per sentence and flag, whether that flag's `unless` is."""
        negated: list[bool] = []
        cued = np.zeros((len(sentences), len(self.flags)), dtype=bool)
        for row, sentence in enumerate(sentences):
            low = normalize(sentence[:SENTENCE_CHARS])
            if cyrillic:
                low = in_cyrillic(low)
            tokens = self._cues.tokens(low, cyrillic=cyrillic)
            negated.append("_cue_neg_" in tokens)
            for column, flag in enumerate(self.flags):
                cued[row, column] = f"_cue_{flag}_" in tokens
        return negated, cued
