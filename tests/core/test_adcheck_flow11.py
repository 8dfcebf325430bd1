"""After /checkad, a person's own cry written like an ad but with no first-person word
("Паспорт забрали, денег не платят, выйти не дают, адрес: ферма под Вроцлавом"; "Passport
taken. No pay 3 months. Locked at night.") gets the emergency numbers first, while an ad in
nearly the same words, telling conditions and offers ("Паспорт сдаёте бригадиру", "зарплату
платим раз в 3 месяца", "if your passport was taken, call 112"), is checked (adcheck11: harm
told as done, in past or present events, read sentence by sentence; `recognise.harm_told`).
Through the real engine, content, recogniser and triage.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from tests.core.test_adcheck_flow8 import FLAG_WORDS, LEVEL_WORDS, _emergency_first, _joined
from tests.helpers.chat import Chat
from tests.helpers.engine import shared_ad_checkers

# The person's own danger, told as events, with an address, a phone and a pay figure like an
# ad, but no "я", "меня", "I", "my".
CRIES = [
    ("ru", "Паспорт забрали, денег не платят, выйти не дают, адрес: ферма под Вроцлавом, "
     "телефон хозяина +48 600 000 000, работа на ферме, зарплата обещали 1200 евро"),
    ("ru", "Документы отобрали. Зарплату не платят третий месяц. На ночь запирают в бараке. "
     "Ферма под Вроцлавом, хозяин Марек, телефон +48 600 000 000"),
    ("ru", "Pasport zabrali, deneg ne platyat, vyjti ne dayut, adres: ferma pod Vroclavom, "
     "telefon hozyaina +48 600 000 000, rabota na ferme, zarplata 1200 evro"),
    ("be", "Пашпарт забралі, грошай не плацяць, выйсці не даюць, адрас: ферма пад Вроцлавам, "
     "тэлефон гаспадара +48 600 000 000, праца на ферме, заробак абяцалі 1200 еўра"),
    ("be", "Дакументы адабралі. Заробак не плацяць трэці месяц. На ноч зачыняюць у бараку. "
     "Ферма пад Вроцлавам, гаспадар Марэк, тэлефон +48 600 000 000"),
    ("en", "Passport taken. No pay 3 months. Locked at night. Farm near Wroclaw, boss Marek, "
     "phone +48 600 000 000, work on the farm, salary was 1200 EUR"),
    ("en", "Passports were taken by the boss, not paid for two months, can't leave the farm, "
     "address: farm near Wroclaw, contact the owner on WhatsApp +48 600 000 000"),
]
# Ads in nearly the same words: conditions and offers to the reader, or where to turn "if".
ADS = [
    ("ru", "Работа на ферме под Вроцлавом, зарплата 1200 евро, паспорт сдаёте хозяину на время "
     "контракта, зарплату платим раз в 3 месяца, выходить с территории ночью нельзя, "
     "телефон +48 600 000 000"),
    ("ru", "Ферма под Вроцлавом ищет работников, 1200 евро в месяц, жильё бесплатно. Если у "
     "вас забрали паспорт или не платят на прошлой работе — звоните 112. Телефон хозяина "
     "+48 600 000 000"),
    ("be", "Праца на ферме пад Вроцлавам, заробак 1200 еўра, пашпарт здаяце гаспадару на час "
     "кантракта, заробак плацім раз на 3 месяцы, тэлефон +48 600 000 000"),
    ("en", "Farm work near Wroclaw, 1200 EUR a month, hand your passport to the owner on "
     "arrival, pay every 3 months, no leaving the farm at night. Phone +48 600 000 000"),
    ("en", "Farm near Wroclaw hiring pickers, 1200 EUR a month, housing free. If your passport "
     "was taken or you were not paid at a past job, call 112. Owner: +48 600 000 000"),
]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    """The full check (rules and sentence model), as the bot runs it."""
    built = shared_ad_checkers().for_content(content_holder.content)
    assert built is not None
    return built


CASES = [
    *(pytest.param(lang, text, True, id=f"cry-{lang}-{n}") for n, (lang, text) in enumerate(CRIES)),
    *(pytest.param(lang, text, False, id=f"ad-{lang}-{n}") for n, (lang, text) in enumerate(ADS)),
]


@pytest.mark.parametrize(("lang", "text", "cry"), CASES)
async def test_adcheck11_after_checkad_harm_told_as_events_gets_the_numbers_an_ad_is_checked(
    chat: Chat, lang: str, text: str, cry: bool,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(text)
    assert _emergency_first(response) == cry
    if cry:
        assert not any(w in _joined(response) for w in FLAG_WORDS)
    else:
        assert any(w in _joined(response) for w in LEVEL_WORDS)


@pytest.mark.parametrize(("lang", "text", "cry"), CASES)
def test_adcheck11_harm_told_as_events_is_the_persons_own_cry(
    checker: AdChecker, lang: str, text: str, cry: bool,
) -> None:
    assert checker.cries(text) == cry
    assert checker.is_pasted_ad(text) != cry
