"""A fresh tester after a job-ad check (adflow17), through the real engine, content,
recogniser and triage: "Што мне рабіць? Яны хочуць каб я адказала сёння" got the emergency
screen, and "Ці варта ехаць?" was read as the answer to "which country are you in?". Pressure
to decide is the ad's red flag, not danger now: such questions get an answer about the ad. A
real cry after the check still gets the numbers first."""

from __future__ import annotations

import pytest

from bot.core.events import Response
from tests.core.test_adcheck_flow8 import _emergency_first, _joined
from tests.helpers.chat import Chat, all_payloads

ADS = {
    "ru": "Работа в Германии на складе! Зарплата 2500 евро, опыт не нужен. Оплата визы и "
          "оформления 300 евро. Пишите в WhatsApp +49 151 0000000. Мест мало, ответ нужен сегодня!",
    "be": "Праца ў Германіі на складзе! Заробак 2500 еўра, досвед не патрэбны. Аплата візы і "
          "афармлення 300 еўра. Пішыце ў WhatsApp +49 151 0000000. Месцаў мала, адказ патрэбны "
          "сёння!",
    "en": "Warehouse work in Germany! 2500 EUR a month, no experience needed. Visa and paperwork "
          "fee 300 EUR. WhatsApp +49 151 0000000. Few places, answer today!",
}
HONEST = {
    "ru": "Больница в Вильнюсе приглашает медсестёр. Договор с больницей до выезда, рабочая "
          "виза, зарплата 1400 евро. Резюме на hr@hospital.lt, собеседование по видео.",
    "en": "Hospital in Vilnius hiring nurses. Contract with the hospital before travel, work "
          "visa, 1400 EUR a month. Send your CV to hr@hospital.lt, video interview.",
}
ABOUT_AD = ("Вы спрашиваете о предложении", "Вы пытаецеся пра прапанову",
            "You are asking about the offer")
RUSH = ("Торопят с решением", "Падганяюць з рашэннем", "Pressure to decide fast")
# The tester's words, and the same kind said otherwise (transliterated, without the "?").
PRESSED = [
    ("be", "Што мне рабіць? Яны хочуць каб я адказала сёння"),
    ("ru", "Что мне делать? Они хотят чтобы я ответила сегодня"),
    ("en", "What should I do? They want an answer today"),
    ("ru", "chto mne delat? oni hotyat otvet segodnya"),
    ("en", "they want me to answer by tomorrow, what do I do"),
]
SHOULD_GO = [("be", "Ці варта ехаць?"), ("ru", "стоит ли ехать?"), ("en", "should I go?"),
             ("ru", "соглашаться или нет? что мне ответить")]
# A real cry after the check: the numbers first, never an answer about the ad.
CRIES = [("en", "they took my passport"), ("en", "I'm locked in"), ("ru", "меня заперли"),
         ("be", "у мяне забралі пашпарт"), ("ru", "Что мне делать? Меня не выпускают из дома")]


def _about_ad(response: Response) -> bool:
    return any(w in _joined(response) for w in ABOUT_AD)


async def _checked(chat: Chat, lang: str, ad: str) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    report = _joined(await chat.say(ad))
    assert "112" not in report


@pytest.mark.parametrize(("lang", "text"), PRESSED)
async def test_adflow17_pressed_to_answer_after_a_check_is_about_the_ad_not_danger(
    chat: Chat, lang: str, text: str,
) -> None:
    await _checked(chat, lang, ADS[lang])
    response = await chat.say(text)
    said = _joined(response)
    assert "112" not in said and _about_ad(response)
    assert any(w in said for w in RUSH)  # pressure to answer today is itself a red flag
    assert "mvd.gov.by" in said  # how to check the agency
    assert "m:job_check" in all_payloads(response)


@pytest.mark.parametrize(("lang", "text"), SHOULD_GO)
async def test_adflow17_should_i_go_after_a_check_is_answered_about_the_ad(
    chat: Chat, lang: str, text: str,
) -> None:
    await _checked(chat, lang, ADS[lang if lang in ADS else "ru"])
    response = await chat.say(text)
    assert _about_ad(response) and "112" not in _joined(response)


@pytest.mark.parametrize(("lang", "text"), SHOULD_GO[:3])
async def test_adflow17_a_question_about_the_offer_is_no_answer_to_which_country(
    chat: Chat, lang: str, text: str,
) -> None:
    """After a cry and its "which country?", the question about the offer is answered and the
    country question comes again: not "I did not recognise this country"."""
    await _checked(chat, lang, ADS[lang])
    cry = await chat.say({"be": "мяне зачынілі", "ru": "меня заперли",
                          "en": "I'm locked in"}[lang])
    assert _emergency_first(cry) and "c:PL" in all_payloads(cry)
    response = await chat.say(text)
    assert _about_ad(response)
    assert "c:PL" in all_payloads(response)  # the question again, still open
    assert chat.engine is not None
    answer = await chat.press("c:PL")
    assert "112" in _joined(answer)


@pytest.mark.parametrize(("lang", "text"), CRIES)
async def test_adflow17_a_real_cry_after_a_check_still_gets_the_numbers_first(
    chat: Chat, lang: str, text: str,
) -> None:
    await _checked(chat, lang, ADS[lang])
    response = await chat.say(text)
    assert _emergency_first(response)
    assert not _about_ad(response)


@pytest.mark.parametrize("lang", ["ru", "en"])
async def test_adflow17_an_honest_ad_then_should_i_go_is_told_no_flags_found(
    chat: Chat, lang: str,
) -> None:
    await _checked(chat, lang, HONEST[lang])
    response = await chat.say(SHOULD_GO[1][1] if lang == "ru" else "should I go?")
    said = _joined(response)
    assert any(w in said for w in ("не нашёл", "found no known"))
    assert not any(w in said for w in RUSH)


@pytest.mark.parametrize(("lang", "text"), [("en", "should I go?"), ("be", "Ці варта ехаць?")])
async def test_adflow17_after_moving_on_the_same_question_is_no_longer_about_the_ad(
    chat: Chat, lang: str, text: str,
) -> None:
    await _checked(chat, lang, ADS[lang])
    await chat.press("m:menu")
    response = await chat.say(text)
    assert not _about_ad(response)
