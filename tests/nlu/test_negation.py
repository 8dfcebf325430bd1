"""The scope of a negation or hypothetical over a danger phrase (bot/nlu/negation.py)."""

from __future__ import annotations

import pytest

from bot.content.models import DangerPhrase
from bot.core.danger_phrases import DangerPhraseMatcher


def _finds(phrase: str, text: str) -> bool:
    matcher = DangerPhraseMatcher(
        {"ru": [DangerPhrase(phrase=phrase, indicator="risk_documents_withheld")]}
    )
    return bool(matcher.find(text))


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("забрал* паспорт*", "никто не забрал паспорт"),
        ("забрал* паспорт*", "они не забрали паспорт, просто посмотрели"),
        ("lock* us in", "they did not lock us in"),
        ("took my passport", "nobody took my passport"),
        ("took my passport", "no one took my passport"),
        ("забрал* паспорт*", "на всякий случай: что если забрали паспорт?"),
        ("keep my passport", "just in case, what if a landlord wants to keep my passport"),
        ("keep my passport", "if my employer ever asks to keep my passport"),
        ("держат взаперти", "в сериале героиню держат взаперти, чем кончится"),
        ("trafficked", "a documentary about people who were trafficked"),
        # taken and given back: a check at the border, not a withheld document
        ("забрал* паспорт*", "на границе забрали паспорт на проверку и сразу вернули"),
        ("took my passport", "the border guard took my passport for a check and gave it back"),
    ],
)
def test_a_harm_under_a_negation_or_hypothetical_does_not_fire(phrase: str, text: str) -> None:
    assert not _finds(phrase, text)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("забрал* паспорт*", "забрали паспорт"),
        # a negation in another clause, or before "but", is not about the phrase
        ("забрал* паспорт*", "никто не помогает, забрали паспорт"),
        ("took my passport", "nobody helps us and they took my passport"),
        # the phrase is itself negated, or names something withheld: the negation is the harm
        ("не отда* паспорт*", "никто нам не отдает паспорта"),
        ("let us leave", "they don't let us leave"),
        ("let us leave", "they never let us leave"),
        ("отдают паспорт*", "не отдают паспорт"),
        ("плацяць", "не плацяць"),
        # a negated "stop" keeps the harm going
        ("бить", "не перестают бить"),
        ("hitting me", "he won't stop hitting me"),
        # a later occurrence that is not negated still counts
        ("забрал* паспорт*", "мой не забрали паспорт, а у брата забрали паспорт"),
        ("забрал* паспорт*", "забрали паспорт и не вернули"),
        ("took my passport", "they took my passport and never gave it back"),
    ],
)
def test_real_risk_with_a_negation_word_still_fires(phrase: str, text: str) -> None:
    assert _finds(phrase, text)
