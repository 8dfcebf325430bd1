"""A fresh tester on a phone (adcheck16), through the real engine, content, recogniser and
triage: an honest ad pasted without /checkad whose negated scary words ("Мы НЕ забираем
паспорт") tripped the danger layer got the emergency reply instead of the offer to check it;
after /checkad, a person's own cry told as "we" ("живём взаперти", "we work ... does not pay")
was checked as an ad; an answer about a taken passport showed a Moldovan and a Ukrainian
page as sources to a person in Spain.
"""

from __future__ import annotations

import pytest

from bot.core.events import Response
from bot.core.replies import Replies
from tests.core.test_adcheck_flow8 import FLAG_WORDS, LEVEL_WORDS, _emergency_first, _joined
from tests.helpers.chat import Chat, all_payloads
from tests.helpers.engine import shared_content

# Honest ads that deny a scary practice in its own words, pasted as typed text.
NEGATED_ADS = [
    ("ru", "Требуются рабочие на склад в Польше. Зарплата 1200 евро в месяц. Мы НЕ забираем "
     "паспорт, документы остаются у вас. Звоните +48 600 000 000"),
    ("be", "Патрэбны рабочыя на склад у Польшчы. Заробак 1200 еўра ў месяц. Мы НЕ забіраем "
     "пашпарт, дакументы застаюцца ў вас. Тэлефануйце +48 600 000 000"),
    ("en", "Warehouse workers needed in Poland, 1200 EUR a month. No fees, we never keep your "
     "passport, it stays with you. Call +48 600 123 456"),
    ("ru", "Rabota na sklade v Polshe, 1200 evro v mesyac. My NE zabiraem pasport, dokumenty "
     "ostayutsya u vas. Zvonite +48 600 000 000"),
]
IDS = ["ru", "be", "en", "translit"]
# The person writes about themselves and pastes the ad beside it: their own danger first.
OWN_AND_AD = [
    ("en", "They took my passport, here is the ad they posted: Warehouse workers needed in "
     "Poland, 1200 EUR a month, we keep your passport. Call +48 600 123 456"),
    ("ru", "У меня забрали паспорт, вот их объявление: Требуются рабочие на склад в Польше, "
     "1200 евро в месяц, паспорт сдаёте бригадиру. Звоните +48 600 000 000"),
]
# A person's own cry told as "we", with the pay and the job in it, after /checkad.
WE_CRIES = [
    ("ru", "Приехали по объявлению на склад 1200 евро, теперь живём взаперти, выходить нельзя"),
    ("en", "boss keeps passports and does not pay, we work 14 hours a day on the farm"),
    ("be", "Працуем на ферме, гаспадар трымае пашпарты і не плаціць, выходзіць нельга"),
    ("ru", "Rabotaem na ferme, hozyain derzhit pasporta i ne platit, vyhodit nelzya"),
]
# The ad's "we" with its conditions for the reader: checked after /checkad, as before.
WE_ADS = [
    ("ru", "Мы работаем с 2010 года. Склад в Польше, 1200 евро в месяц. Паспорт хранится у "
     "работодателя. Звоните +48 600 000 000"),
    ("en", "We work with farms in Spain since 2010. 1500 EUR a month. We keep your passport "
     "until the end of the contract. WhatsApp only."),
    ("be", "Працуем з фермамі ў Польшчы. 1200 еўра ў месяц. Пашпарт аддаеце каардынатару. "
     "Пішыце ў вайбер."),
]


def _offered(response: Response) -> bool:
    return any(p.startswith("ad:check:") for p in all_payloads(response))


@pytest.mark.parametrize(("lang", "ad"), NEGATED_ADS, ids=IDS)
async def test_adcheck16_a_pasted_ad_denying_a_danger_is_offered_its_check_not_the_numbers(
    chat: Chat, lang: str, ad: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    response = await chat.say(ad)
    assert "112" not in _joined(response)
    assert _offered(response)
    [payload] = [p for p in all_payloads(response) if p.startswith("ad:check:")]
    report = _joined(await chat.press(payload))
    assert any(w in report for w in LEVEL_WORDS)
    assert "112" not in report


@pytest.mark.parametrize(("lang", "text"), OWN_AND_AD, ids=["en", "ru"])
async def test_adcheck16_the_persons_own_words_beside_a_pasted_ad_get_the_numbers_first(
    chat: Chat, lang: str, text: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    assert _emergency_first(await chat.say(text))


@pytest.mark.parametrize("text", ["меня не выпускают, помогите",
                                  "не выпускают с фабрики, помогите"])
async def test_adcheck16_a_typed_cry_stays_at_risk(chat: Chat, text: str) -> None:
    await chat.command("/start")
    response = await chat.say(text)
    assert _emergency_first(response)
    assert not _offered(response)


@pytest.mark.parametrize(("lang", "text"), WE_CRIES, ids=IDS)
@pytest.mark.parametrize("start", ["/checkad", "m:ad_check", None])
async def test_adcheck16_a_cry_told_as_we_gets_the_numbers_and_no_ad_check(
    chat: Chat, lang: str, text: str, start: str | None,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    if start is not None:
        await (chat.command(start) if start.startswith("/") else chat.press(start))
    response = await chat.say(text)
    assert _emergency_first(response)
    assert not _offered(response)
    assert not any(w in _joined(response) for w in FLAG_WORDS)


@pytest.mark.parametrize(("lang", "ad"), WE_ADS, ids=["ru", "en", "be"])
async def test_adcheck16_an_ads_we_after_checkad_is_still_checked(
    chat: Chat, lang: str, ad: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(ad)
    assert not _emergency_first(response)
    assert any(w in _joined(response) for w in FLAG_WORDS)


def _links(response: Response) -> list[str]:
    return [b.url for reply in response.replies for row in reply.buttons for b in row if b.url]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I'm in Spain, they took my passport"),
    ("ru", "Я в Испании, у меня забрали паспорт"),
])
async def test_adcheck16_an_answer_shows_no_other_countrys_page_as_its_source(
    chat: Chat, lang: str, text: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    links = _links(await chat.say(text))
    assert not [url for url in links if "justitie.md" in url or "cedem.org.ua" in url]


def test_adcheck16_a_countrys_own_page_is_shown_to_a_person_there() -> None:
    """The other side: the Latvian page under "wages withheld" for a person in Latvia, not in
    Spain; the international ILO page under "debt bondage" anywhere, and where not known."""
    answers = shared_content().content.answers
    wages = answers["risk_wages_withheld"].sources
    assert any("patverums-dm.lv" in s.url for s in Replies.shown_sources(wages, "LV"))
    assert not any("patverums-dm.lv" in s.url for s in Replies.shown_sources(wages, "ES"))
    debt = answers["risk_debt_bondage"].sources
    for where in ("ES", None):
        assert any("ilo.org" in s.url for s in Replies.shown_sources(debt, where))
