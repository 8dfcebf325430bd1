"""After /checkad, an ad that cries out itself ("Помогите! Срочно нужны рабочие", "URGENT help
needed!!!") or tells the reader what to do if harm was done ("если у вас забрали паспорт — не
беда", "ці забралі пашпарт — звяртайцеся ў 113") is checked, not answered with the emergency
reply; the person's own cry in that step still gets the numbers first (adcheck10b, a fresh
tester's finding). Through the real engine, content, recogniser and triage.

adcheck11: the person's own cry written like an ad but with no first-person word ("Паспорт
забрали, денег не платят, выйти не дают, адрес: ферма под Вроцлавом"; "Passport taken. No pay
3 months. Locked at night.") gets the numbers first, while an ad in nearly the same words,
telling conditions and offers ("паспорт сдаёте хозяину", "pay every 3 months") or where to
turn "if" it happened, is checked (`recognise.harm_told`, read sentence by sentence).
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from tests.core.test_adcheck_flow8 import FLAG_WORDS, LEVEL_WORDS, _emergency_first, _joined
from tests.helpers.chat import Chat
from tests.helpers.engine import shared_ad_checkers

# The tester's ads, written out whole: a cry word as the recruiter's exclamation, danger words
# in the ad's own voice ("Паспорт сдаёте начальнику", "we keep your passport"), and honest ads
# that tell the reader where to turn if their passport was taken.
ADS = [
    ("ru", "Помогите! Срочно нужны рабочие на склад в Германию, зарплата 2200 евро в месяц, "
     "жильё дают. Выезд на этой неделе. Паспорт сдаёте начальнику на время контракта, так "
     "надёжнее. Пишите в телеграм @sklad_de_job."),
    ("ru", "Pomogite! Srochno nuzhny rabochie na sklad v Germaniyu, zarplata 2200 evro v "
     "mesyac, zhilyo dayut. Vyezd na etoy nedele. Pasport sdayote nachalniku na vremya "
     "kontrakta, tak nadyozhnee. Pishite v telegram @sklad_de_job."),
    ("en", "URGENT help needed!!! my cousin's farm in Spain needs pickers for the season, "
     "1600 EUR a month, housing included. Start next week. We keep your passport safe in the "
     "office while you work. Write on WhatsApp +34 600 000 000."),
    ("be", "Шпіталь у Гданьску шукае санітараў, заробак 1400 еўра ў месяц, дамова да выезду, "
     "жыллё за кошт шпіталя. Калі вам пагражалі на мінулай працы ці забралі пашпарт — "
     "звяртайцеся ў 113. Пішыце на hr@szpital.example.pl."),
    ("ru", "Требуются упаковщики на производство в Литве, зарплата 1300 евро в месяц, "
     "официальный договор до выезда, жильё от работодателя. Если у вас забрали паспорт на "
     "прошлой работе — не беда, поможем восстановить. Звоните +370 600 00000."),
]
# The person's own words in that step, short and as long as an ad, with its signs.
CRIES = [
    ("ru", "у меня забрали паспорт и не выпускают"),
    ("en", "they took my passport, help"),
    ("be", "Мяне зачынілі на складзе, пашпарт забралі, дапамажыце"),
    ("ru", "Работаю на складе в Германии через агентство, зарплата 2200 евро в месяц, паспорт "
     "забрали, не выпускают с территории, пишите в телеграм @x_help_de, помогите срочно "
     "пожалуйста люди добрые"),
    ("en", "We work on a farm in Spain, pay 1600 EUR a month, contact our team on WhatsApp "
     "+34 600 000 000, they took our passports and locked us in the barn, nobody lets us out"),
    ("ru", "u menya zabrali pasport na zavode v Chehii, zarplata 1800 evro, ne vypuskayut, "
     "pishite v telegram @x_help_cz, pomogite pozhaluysta srochno, ya ne znayu chto delat"),
]


# The person's own danger, told as events, with an address, a phone and a pay figure like an
# ad, but no "я", "меня", "I", "my".
TOLD = [
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
ADS_NEAR_TOLD = [
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
    *(pytest.param(lang, text, False, id=f"ad-{lang}-{n}") for n, (lang, text) in enumerate(ADS)),
    *(pytest.param(lang, text, True, id=f"cry-{lang}-{n}") for n, (lang, text) in enumerate(CRIES)),
    *(pytest.param(lang, text, True, id=f"told-{lang}-{n}") for n, (lang, text) in enumerate(TOLD)),
    *(pytest.param(lang, text, False, id=f"ad-near-told-{lang}-{n}")
      for n, (lang, text) in enumerate(ADS_NEAR_TOLD)),
]


@pytest.mark.parametrize(("lang", "text", "cry"), CASES)
async def test_adcheck10b_after_checkad_an_ad_crying_out_is_checked_a_persons_cry_is_not(
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
def test_adcheck10b_only_the_persons_own_voice_is_a_cry(
    checker: AdChecker, lang: str, text: str, cry: bool,
) -> None:
    assert checker.cries(text) == cry
    assert checker.is_pasted_ad(text) != cry
