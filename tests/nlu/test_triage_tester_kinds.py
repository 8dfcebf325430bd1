"""The tester's triage failures as kinds (a new user in the local chat): suicidal messages,
negations and hypotheticals, "help with <something mundane>", shelter requests, Łacinka and
a lone "SOS". Real content, the real embedded model and the real danger phrases.

Examples are, where it matters, worded unlike nlu/data, so a kind fails, not one line.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage, TriageDecision
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from bot.nlu.normalize import clean, cyrillize_lacinka, has_lacinka


def _assess(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    return triage.assess(text, model.parse_sync(text))


@pytest.mark.parametrize(
    "text",
    [
        "покончу с собой",
        "хочу умереть",
        "жить не хочу",
        "не хочу жить",
        "не хочется жить больше",
        "думаю о суициде",
        "hochu umeret",
        "ne hochu zhit",
        "pokonchu s soboj",
        "скончу з сабой",
        "не хачу жыць",
        "хачу памерці",
        "I want to die",
        "I'm going to kill myself",
        "I don't want to live anymore",
        "thinking about suicide",
    ],
)
def test_suicidal_messages_are_an_emergency_by_phrase(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk and decision.by_phrase, text
    assert decision.indicators[0] == "emergency_now"


@pytest.mark.parametrize(
    "text",
    [
        # a negator in the gap of a phrase ("я [не] в опасности", "мне [не] угрожают")
        "мне не угрожают, просто хочу узнать про визу",
        "я не в опасности",
        "нет, меня не бьют",
        "никто меня не бьёт, просто вопрос",
        "nobody took my passport",
        "no one took my documents, it is about a visa",
        "I am not in danger",
        "I'm not in danger, I only want to ask about permits",
        # hypotheticals: subjunctive "бы", "what if"
        "если бы у меня забрали паспорт, что делать?",
        "если бы работодатель забрал документы, что делать",
        "what if my employer takes my passport?",
        "меня бы не отпустили, если бы я попросил? просто интересно",
    ],
)
def test_negations_and_hypotheticals_are_no_alarm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text",
    [
        "не отдают паспорт",
        "they won't let me leave",
        "не плацяць",
        "не хочу жить",
        "мне угрожают",
        "я в опасности",
        "меня бьют, помогите",
    ],
)
def test_real_risk_with_or_near_a_negation_still_fires(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert _assess(triage, model, text).at_risk, text


def test_a_negator_in_a_phrase_gap_suppresses_only_that_phrase(
    matcher: DangerPhraseMatcher,
) -> None:
    assert not matcher.find("я не в опасности")
    assert matcher.find("я не в опасности, но у меня забрали паспорт")


@pytest.mark.parametrize(
    "text",
    [
        "my employer asked for a scan of my passport",
        "the agency wants a scan of my ID for the contract",
        "нужна помощь с визой",
        "помогите с резюме",
        "помогите с визой в чехию",
        "нужна помощь с переводом диплома",
        "help me with my CV please",
        "паспорт сдал в посольство на визу",
    ],
)
def test_help_with_a_mundane_thing_is_advice(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize("text", ["помогите", "помогите мне", "помогите пожалуйста"])
def test_help_alone_is_still_an_emergency(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text", ["мне нужен shelter", "нужен шелтер", "a shelter for me please", "патрэбны шэлтар"]
)
def test_asking_for_a_shelter_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    # Someone asking for a shelter abroad has nowhere safe to stay: numbers first, then a person.
    assert _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text",
    ["mianie bjuć", "nas bjuć kožny dzień", "mianie źbili", "mianie bjuc", "brygadzir nas źbiŭ"],
)
def test_lacinka_violence_reports_are_caught_by_phrase(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert {m.indicator for m in matcher.find(text)} == {"risk_violence_threats"}


@pytest.mark.parametrize("prior", ["ru", "be", "en"])
@pytest.mark.parametrize("text", ["SOS", "sos!", "ok", "help", "SOS SOS"])
def test_a_language_neutral_word_alone_keeps_the_language(text: str, prior: str) -> None:
    assert detect_language(text, prior) == prior


def test_real_english_still_switches_the_language() -> None:
    assert detect_language("help me please, they took my passport", "ru") == "en"


@pytest.mark.parametrize(
    ("text", "indicator"),
    [("zabrali pašpart", "risk_documents_withheld"), ("nam nie płaciać", "risk_wages_withheld")],
)
def test_lacinka_is_read_as_belarusian_cyrillic(
    matcher: DangerPhraseMatcher, text: str, indicator: str
) -> None:
    assert indicator in {m.indicator for m in matcher.find(text)}


def test_lacinka_reading_leaves_english_alone() -> None:
    assert not has_lacinka(clean("they took my passport"))
    assert cyrillize_lacinka(clean("mianie bjuć")) == "мяне б'юць"
