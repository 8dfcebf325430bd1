"""After /checkad, an ad that cries out itself ("Помогите! Срочно нужны рабочие", "URGENT help
needed!!!") or tells the reader what to do if harm was done ("если у вас забрали паспорт — не
беда", "ці забралі пашпарт — звяртайцеся ў 113") is checked, not answered with the emergency
reply; the person's own cry in that step still gets the numbers first (adcheck10b, a fresh
tester's finding). Through the real engine, content, recogniser and triage.
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


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    """The full check (rules and sentence model), as the bot runs it."""
    built = shared_ad_checkers().for_content(content_holder.content)
    assert built is not None
    return built


CASES = [
    *(pytest.param(lang, text, False, id=f"ad-{lang}-{n}") for n, (lang, text) in enumerate(ADS)),
    *(pytest.param(lang, text, True, id=f"cry-{lang}-{n}") for n, (lang, text) in enumerate(CRIES)),
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
