"""Helpers for the triage tables of tests/nlu (a table per kind of message, both sides)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage, TriageDecision
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language


def assess(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    """The triage decision on `text` as a new user's message: the detected language, the
    embedded model's parse."""
    return triage.assess(text, model.parse_sync(text, detect_language(text)))


def phrases(matcher: DangerPhraseMatcher, text: str) -> list[str]:
    """The danger phrases found in `text`, in file order."""
    return [match.phrase for match in matcher.find(text)]


def table(kinds: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """(kind, text) rows of a table of texts by kind, for `pytest.mark.parametrize`."""
    return [(kind, text) for kind, texts in kinds.items() for text in texts]


def sides(
    calm: Mapping[str, Sequence[str]], at_risk: Mapping[str, Sequence[str]]
) -> list[tuple[str, str, bool]]:
    """(kind, text, at_risk) rows of a calm table and an at-risk one, for parametrize."""
    return [(kind, text, False) for kind, text in table(calm)] + [
        (kind, text, True) for kind, text in table(at_risk)
    ]
