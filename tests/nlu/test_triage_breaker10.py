"""A fresh tester's 477 messages through the real engine (issue 10, 2026-11-30) as kinds:
slavery, sale and strangling in every language; a duty not done said with "nobody"; short
English on a Russian phone; a decline or "I don't know" after an offer; "долго" read as "долг".

Real content, the real embedded model and the real danger phrases. Every kind has the tester's
lines and lines of our own, on both sides: caught, and not an alarm.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage, TriageDecision
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from bot.nlu.normalize import clean
from tests.helpers.engine import (
    content_fragments,
)


def _assess(triage: Triage, model: EmbeddedRecognizer, text: str, prior: str) -> TriageDecision:
    return triage.assess(text, model.parse_sync(text, detect_language(text, prior)))


# 1. Slavery, sale into a brothel, strangling: a person at risk who names them gets the numbers.
SLAVERY_SALE_STRANGLING = [
    # the tester's
    "в рабстве", "держат в рабстве", "рабство", "продали в бордель", "душил", "душат",
    "kept like slaves",
    # ours: ru, be, en, transliterated
    "нас держат как рабов на ферме", "меня продали другому хозяину", "он меня душил ночью",
    "бригадир задушу говорит", "у рабстве", "нас прадалі ў бардэль", "ён мяне душыў",
    "трымаюць як рабоў", "мяне прадалі", "they sold me to a brothel", "he choked me",
    "the boss strangled my friend", "we are slaves here", "she was sold into prostitution",
    "v rabstve", "derzhat v rabstve", "prodali v bordel", "dushil",
]  # fmt: skip
# The same words about a film, a book or a shower: the story frame keeps them benign.
SLAVERY_WORDS_NOT_AN_ALARM = [
    "документальный фильм о рабстве", "smotrel film pro rabstvo, kto rezhisser",
    "книга про рабство, посоветуйте", "I watched a documentary about slavery",
    "есть ли душ в общежитии", "принимаю душ два раза в день", "фільм пра рабства",
]  # fmt: skip


@pytest.mark.parametrize("text", SLAVERY_SALE_STRANGLING)
def test_slavery_sale_and_strangling_are_caught_by_phrase(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(text), text


@pytest.mark.parametrize("text", SLAVERY_WORDS_NOT_AN_ALARM)
def test_slavery_in_a_story_or_a_shower_is_no_phrase(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert not matcher.find(text), (text, matcher.find(text))


# 2. A duty not done, said with "nobody" / "no one", is the harm; a harm not done is not.
NOBODY_DUTY = [
    # the tester's
    "nobody will give me my documents back", "no one pays us", "nobody pays anyone here",
    "nobody lets us out", "nobody lets me go home",
    # ours
    "no one lets me leave the farm", "nobody paid us for three months",
    "no one returns my passport", "nobody gives my passport back", "nobody pays me",
]  # fmt: skip
NOBODY_HARM_NOT_DONE = [
    "nobody took my passport", "no one hit me, just asking", "nobody locked us in",
    "no one took my documents, it is about a visa", "nobody touched my documents",
    "никто не забирал паспорт", "ніхто не забіраў пашпарт",
]  # fmt: skip


@pytest.mark.parametrize("text", NOBODY_DUTY)
def test_a_duty_not_done_said_with_nobody_is_caught(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(text), text


@pytest.mark.parametrize("text", NOBODY_HARM_NOT_DONE)
def test_a_harm_not_done_said_with_nobody_is_no_phrase(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert not matcher.find(text), (text, matcher.find(text))


# 3. Short English on a Russian or Belarusian phone is English, so the model reads it as
# English and the reply is in English.
SHORT_ENGLISH = ["im scared", "i'm scared", "bruises everywhere", "nobody lets us out",
                 "nobody lets me go home", "I'm afraid", "not now", "I don't know"]  # fmt: skip


@pytest.mark.parametrize("prior", ["ru", "be"])
@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_on_a_cyrillic_phone_is_english(text: str, prior: str) -> None:
    assert detect_language(text, prior) == "en"


@pytest.mark.parametrize("prior", ["ru", "be"])
@pytest.mark.parametrize("text", ["im scared", "i'm scared", "bruises everywhere"])
def test_short_english_fear_is_at_risk_on_any_phone(
    triage: Triage, model: EmbeddedRecognizer, text: str, prior: str
) -> None:
    assert _assess(triage, model, text, prior).at_risk, (text, prior)


@pytest.mark.parametrize("text", ["ne znayu", "mne strashno", "zabrali pasport", "ya boyus"])
def test_short_transliterated_russian_stays_russian(text: str) -> None:
    assert detect_language(text, "ru") == "ru"


# 4. A whole-message decline or "I don't know" after an offer is no alarm.
DECLINES = {
    "ru": ["не знаю", "не сейчас", "нет, не нужно", "не уверен", "не важно", "не",
           "я не знаю", "не надо", "нет спасибо", "пока нет"],
    "be": ["не ведаю", "не зараз", "не трэба", "не ўпэўнена"],
    "en": ["I don't know", "not now", "no thanks", "not sure", "idk", "maybe later"],
    "translit": ["ne znayu", "ne nado", "ne sejchas"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in DECLINES.items() for text in texts]
)
def test_a_decline_or_i_dont_know_is_not_at_risk(
    triage: Triage, model: EmbeddedRecognizer, lang: str, text: str
) -> None:
    prior = "ru" if lang == "translit" else lang
    assert not _assess(triage, model, text, prior).at_risk, (lang, text)


@pytest.mark.parametrize(
    "text",
    ["не норм", "not ok", "мне не хорошо", "не знаю что делать, бьют", "не хочу жить",
     "не платят", "not paid", "не выпускают", "I don't know where my passport is, boss took it"],
)  # fmt: skip
def test_a_negation_that_carries_risk_is_no_decline(text: str) -> None:
    assert not content_fragments().benign(clean(text).split(), text)


@pytest.mark.parametrize("text", ["не хочу жить", "не платят", "не выпускают", "бьют"])
def test_short_risk_with_a_negator_is_still_at_risk(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert _assess(triage, model, text, "ru").at_risk, text


# 5. "долго" (long) shares its first letters with "долг" (debt): a how-long question is no
# debt bondage, a debt still is.
@pytest.mark.parametrize(
    "text", ["а долго?", "долго?", "а долго ждать?", "долго ли делают визу в литву?",
             "надолго?", "недолго"],
)  # fmt: skip
def test_how_long_is_not_debt_bondage(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert not _assess(triage, model, text, "ru").at_risk, text


@pytest.mark.parametrize(
    "text", ["заставляют отрабатывать долг", "долг перед работодателем растёт",
             "говорят я должен им за дорогу и не отпускают"],
)  # fmt: skip
def test_a_debt_is_still_debt_bondage(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    decision = _assess(triage, model, text, "ru")
    assert decision.at_risk and "risk_debt_bondage" in decision.indicators, (text, decision)


# 7. Belarusian fear on a Russian phone is Belarusian, so the reply is Belarusian; Russian stays.
@pytest.mark.parametrize("text", ["я баюся", "мне страшна тут", "баімся", "я смяюся з гэтага"])
def test_belarusian_fear_on_a_russian_phone_is_belarusian(text: str) -> None:
    assert detect_language(text, "ru") == "be"


@pytest.mark.parametrize(
    "text", ["я очень боюсь", "мне страшно, помогите", "он вернулся", "учимся"]
)
def test_russian_fear_and_reflexives_stay_russian(text: str) -> None:
    assert detect_language(text, "be") == "ru"
