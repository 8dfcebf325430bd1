"""Short messages as a person types them (the tester's finding on 2026-11-30): a duration, a
number or an "ok" is not a risk, while a two- or three-word real report still is.

"на месяц" was read as wages withheld at 0.93 and "норм" as violence, so a person answering in
a few words got the emergency reply. Real content, the real embedded model and the real danger
phrases; the fragments are worded unlike the tester's lines, so the kind fails, not one line.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage, TriageDecision
from bot.nlu.base import RISK_INTENTS
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from bot.nlu.normalize import clean
from tests.helpers.engine import (
    content_fragments,
    content_triage,
    shared_recognizer,
)


@pytest.fixture(scope="module")
def triage() -> Triage:
    return content_triage()


@pytest.fixture(scope="module")
def model() -> EmbeddedRecognizer:
    return shared_recognizer()


def _assess(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    return triage.assess(text, model.parse_sync(text))


BENIGN_FRAGMENTS = {
    "ru": ["на месяц", "на два месяца", "норм", "нормально", "всё ок", "на неделю",
           "каждые 2 дня", "через 3 месяца", "полгода", "2 недели", "ок спасибо", "года три"],
    "be": ["2 тыдні", "нармальна", "усё добра", "на тры месяцы", "праз тыдзень", "кожны дзень",
           "паўгода", "дзякуй", "два тыдні"],
    "en": ["every 3 days", "3 weeks", "ok", "fine", "for 2 months", "about a year",
           "3 months", "all good", "ok thanks", "twice a week"],
    "translit": ["na mesyac", "norm", "na 2 mesyaca", "vsyo ok", "na nedelyu", "3 mesyaca",
                 "kazhdye 3 dnya"],
}  # fmt: skip
SHORT_REPORTS = {
    "ru": ["бьют", "меня бьют", "не платят", "забрали паспорт", "избили", "заперли",
           "не отдают паспорт", "угрожают"],
    "be": ["б'юць", "не плацяць", "забралі пашпарт", "мяне б'юць", "нас зачынілі"],
    "en": ["they hit me", "took my passport", "not paid", "locked in", "help me"],
    "translit": ["bjut", "ne platyat", "zabrali pasport", "menya byut"],
}  # fmt: skip


def _table(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, text) for lang, texts in table.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), _table(BENIGN_FRAGMENTS))
def test_short_benign_fragment_is_not_at_risk(
    triage: Triage, model: EmbeddedRecognizer, lang: str, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert not decision.at_risk, (lang, text, decision)


@pytest.mark.parametrize(("lang", "text"), _table(SHORT_REPORTS))
def test_short_real_report_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, lang: str, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk, (lang, text, decision)
    assert decision.indicators and set(decision.indicators) <= RISK_INTENTS


@pytest.mark.parametrize(
    "text", ["не норм", "not ok", "всё не ок", "на месяц заперли", "3 weeks no pay", "бьют"]
)
def test_a_negator_or_a_risk_word_is_not_a_fragment(text: str) -> None:
    """The fragment rule stands aside when a word could carry risk: the model decides."""
    assert not content_fragments().benign(clean(text).split(), text)


@pytest.mark.parametrize(
    "text", ["every 3 days", "2 weeks", "ok thanks", "for 3 months", "twice a week", "fine"]
)
def test_short_english_with_digits_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "lang"), [("на 2 месяца", "ru"), ("2 тыдні", "be"),
                                            ("na 2 mesyaca", "ru")])  # fmt: skip
def test_short_cyrillic_and_translit_durations_keep_their_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
