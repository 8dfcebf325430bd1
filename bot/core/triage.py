"""Safety triage on every message: danger phrases first, then the classifier's risk evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.content.models import DangerPhrase
from bot.nlu.base import RISK_INTENTS, IntentResult
from bot.nlu.normalize import clean, cyrillize, has_latin_words

MAX_GAP = 2  # DangerPhrase: at most two other words between the phrase's words
# A risk intent below this probability is noise, not an indicator worth showing an operator.
INDICATOR_FLOOR = 0.1


def _phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """The phrase's cleaned words, each with whether it ends in `*` (any ending)."""
    words: list[tuple[str, bool]] = []
    for raw in phrase.split():
        star = raw.endswith("*")
        parts = clean(raw.rstrip("*")).split()
        if parts:
            words += [(part, False) for part in parts[:-1]] + [(parts[-1], star)]
    return words


def compile_phrase(phrase: str) -> re.Pattern[str] | None:
    """A regex over cleaned text for one DangerPhrase, or None if the phrase has no words."""
    words = _phrase_words(phrase)
    if not words:
        return None
    gap = rf"(?: [^ ]+){{0,{MAX_GAP}}} "
    body = gap.join(re.escape(word) + (r"[^ ]*" if star else "") for word, star in words)
    return re.compile(rf"(?:^| ){body}(?= |$)")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One danger phrase found in a message."""

    phrase: str
    indicator: str


class DangerPhraseMatcher:
    """Finds danger phrases of every language in a message (people mix languages)."""

    def __init__(self, phrases: Mapping[str, Iterable[DangerPhrase]]) -> None:
        self._rules: list[tuple[re.Pattern[str], DangerPhrase]] = []
        for items in phrases.values():
            for item in items:
                pattern = compile_phrase(item.phrase)
                if pattern is not None:
                    self._rules.append((pattern, item))

    def __len__(self) -> int:
        return len(self._rules)

    def find(self, text: str) -> list[PhraseMatch]:
        """Every matching phrase, in the order of the content file."""
        cleaned = clean(text)
        # Transliterated Russian is also matched against the Cyrillic phrases.
        variants = [cleaned, cyrillize(cleaned)] if has_latin_words(cleaned) else [cleaned]
        return [
            PhraseMatch(item.phrase, item.indicator)
            for pattern, item in self._rules
            if any(pattern.search(variant) for variant in variants)
        ]


@dataclass(frozen=True, slots=True)
class TriageDecision:
    """Whether this message opens the at-risk path, and why."""

    at_risk: bool
    indicators: tuple[str, ...] = ()  # risk intents seen, strongest first
    by_phrase: bool = False  # a danger phrase matched
    risk_score: float = 0.0  # summed probability of the risk intents (1.0 on a phrase match)


def risk_evidence(result: IntentResult) -> float:
    """The classifier's summed probability of the risk intents."""
    ranking = result.ranking or ((result.intent, result.confidence),)
    return min(1.0, sum(score for intent, score in ranking if intent in RISK_INTENTS))


class Triage:
    """At risk when a danger phrase matches or the risk intents together reach the threshold.

    The summed probability (not the top intent alone) is used because risk intents share
    probability with each other and with nearby advice intents: "they took my passport and
    don't pay" splits between two risk intents and must still count.
    """

    def __init__(self, matcher: DangerPhraseMatcher, risk_threshold: float) -> None:
        self._matcher = matcher
        self._threshold = risk_threshold

    @property
    def risk_threshold(self) -> float:
        return self._threshold

    def assess(self, text: str, result: IntentResult) -> TriageDecision:
        """The decision for one message and its classification."""
        matches = self._matcher.find(text)
        score = risk_evidence(result)
        by_model = score >= self._threshold
        if not matches and not by_model:
            return TriageDecision(at_risk=False, risk_score=score)
        indicators: list[str] = [m.indicator for m in matches]
        if by_model:
            ranking = result.ranking or ((result.intent, result.confidence),)
            risky = [(i, s) for i, s in ranking if i in RISK_INTENTS]
            risky.sort(key=lambda pair: -pair[1])
            indicators += [i for n, (i, s) in enumerate(risky) if n == 0 or s >= INDICATOR_FLOOR]
        return TriageDecision(
            at_risk=True,
            indicators=tuple(dict.fromkeys(indicators)),
            by_phrase=bool(matches),
            risk_score=1.0 if matches else score,
        )
