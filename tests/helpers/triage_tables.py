"""Helpers for the triage tables of tests/nlu (a table per kind of message, both sides)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.long_message import part_risk
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


async def decide(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    """Triage as the bot runs it on a new user's message: whole, then a long one by parts."""
    language = detect_language(text)
    whole = model.parse_sync(text, language)
    decision = triage.assess(text, whole)
    if decision.at_risk:
        return decision
    by_part = await part_risk(text, whole, lambda part: model.parse(part, language), triage)
    assert by_part is None or isinstance(by_part, TriageDecision)
    return by_part or decision


SideTest = Callable[[Triage, EmbeddedRecognizer, str, str, bool], Awaitable[None]]


def sides_test(
    calm: Mapping[str, Sequence[str]], at_risk: Mapping[str, Sequence[str]]
) -> SideTest:
    """A test of every row of `sides(calm, at_risk)`: triage (`decide`) opens the at-risk path
    on the at-risk table's lines and not on the calm one's. A kinds module binds it to a name
    starting with "test_" and pytest collects it there."""

    @pytest.mark.parametrize(("kind", "text", "at_risk"), sides(calm, at_risk))
    async def test(
        triage: Triage, model: EmbeddedRecognizer, kind: str, text: str, at_risk: bool
    ) -> None:
        decision = await decide(triage, model, text)
        assert decision.at_risk is at_risk, (kind, decision.indicators)

    return test
