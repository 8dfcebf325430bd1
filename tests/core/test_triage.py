"""Safety triage: danger phrases and the classifier's risk evidence open the at-risk path."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import DangerPhrase
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage, TriageDecision
from bot.nlu.base import IntentResult
from bot.nlu.embedded import EmbeddedRecognizer

DOCS = "risk_documents_withheld"
NOTHING = IntentResult("greet", 0.9, (("greet", 0.9), ("out_of_scope", 0.1)))


def _matcher(*phrases: tuple[str, str]) -> DangerPhraseMatcher:
    return DangerPhraseMatcher({"ru": [DangerPhrase(phrase=p, indicator=i) for p, i in phrases]})


@pytest.fixture(scope="module")
def real_matcher(content_holder: ContentHolder) -> DangerPhraseMatcher:
    return DangerPhraseMatcher(content_holder.content.danger_phrases)


@pytest.fixture
def triage(real_matcher: DangerPhraseMatcher) -> Triage:
    return Triage(real_matcher, risk_threshold=0.35)


async def _assess(triage: Triage, recognizer: EmbeddedRecognizer, text: str) -> TriageDecision:
    return triage.assess(text, await recognizer.parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "у меня забрали паспорт",
        "у мяне забралі пашпарт",
        "they took my passport",
        "u menya zabrali pasport",
        "U MENJA ZABRALI PASPORT!!!",
    ],
)
async def test_taken_passport_is_at_risk_in_every_language(
    triage: Triage, recognizer: EmbeddedRecognizer, text: str
) -> None:
    decision = await _assess(triage, recognizer, text)
    assert decision.at_risk
    assert DOCS in decision.indicators


@pytest.mark.parametrize(
    "text",
    [
        "как продлить паспорт",
        "привет",
        "спасибо, пока",
        "какие документы нужны для работы в польше",
    ],
)
async def test_ordinary_questions_are_not_at_risk(
    triage: Triage, recognizer: EmbeddedRecognizer, text: str
) -> None:
    assert not (await _assess(triage, recognizer, text)).at_risk


def test_a_danger_phrase_wins_whatever_the_classifier_says() -> None:
    triage = Triage(_matcher(("забрал* паспорт*", DOCS)), risk_threshold=0.35)
    decision = triage.assess("Слушайте, у меня ЗАБРАЛИ, гады, паспорт!", NOTHING)
    assert decision == TriageDecision(at_risk=True, indicators=(DOCS,), by_phrase=True,
                                      risk_score=1.0)  # fmt: skip


def test_phrase_words_must_be_in_order_and_at_most_two_words_apart() -> None:
    matcher = _matcher(("забрал* паспорт*", DOCS))
    assert matcher.find("забрали мой старый паспорт")
    assert not matcher.find("забрали мой старый новый паспорт")
    assert not matcher.find("паспорт забрали")


def test_a_word_without_star_must_match_whole() -> None:
    matcher = _matcher(("бьют", "risk_violence_threats"))
    assert matcher.find("нас бьют")
    assert not matcher.find("бьются часы")


def test_ё_punctuation_and_case_do_not_matter() -> None:
    matcher = _matcher(("отобрал* документ*", DOCS))
    assert matcher.find("ОТОБРАЛ, все Документы!")
    matcher = _matcher(("не отдаёт паспорт", DOCS))
    assert matcher.find("Не отдает... паспорт")


def test_phrases_of_every_language_match_any_message() -> None:
    matcher = DangerPhraseMatcher(
        {"en": [DangerPhrase(phrase="took* my passport", indicator=DOCS)]}
    )
    assert matcher.find("короче they took my passport вчера")


def test_transliteration_matches_cyrillic_phrases() -> None:
    assert _matcher(("забрали паспорт*", DOCS)).find("zabrali pasport")


def test_summed_risk_intents_reach_the_threshold() -> None:
    # Probability split between two risk intents still opens the at-risk path.
    split = IntentResult(
        "job_offer_check",
        0.3,
        (("job_offer_check", 0.3), (DOCS, 0.25), ("risk_wages_withheld", 0.2), ("greet", 0.25)),
    )
    decision = Triage(_matcher(), risk_threshold=0.35).assess("they hold my papers", split)
    assert decision.at_risk and not decision.by_phrase
    assert decision.indicators == (DOCS, "risk_wages_withheld")
    assert decision.risk_score == pytest.approx(0.45)


def test_weak_risk_evidence_is_not_at_risk() -> None:
    weak = IntentResult("greet", 0.8, (("greet", 0.8), (DOCS, 0.2)))
    decision = Triage(_matcher(), risk_threshold=0.35).assess("...", weak)
    assert not decision.at_risk and decision.indicators == ()


async def test_a_single_letter_is_not_a_risk_whatever_the_model_guesses(
    triage: Triage, recognizer: EmbeddedRecognizer
) -> None:
    # The model has nothing to go on in "а" (Russian "and/but"); a guess must not open the
    # at-risk path. Danger phrases still decide for short texts ("sos" is matched by them).
    assert not (await _assess(triage, recognizer, "а")).at_risk
