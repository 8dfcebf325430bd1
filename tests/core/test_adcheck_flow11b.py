"""A fresh tester on a phone (adcheck11b): after /checkad, an ad with danger words and the
recruiter's "Text me on Telegram" / "Пишите мне" was taken for the person's own emergency, and
the country the ad named (Spain) became the person's, so their own cry later got "Numbers for
Spain"; one word ("Работа") in the step got the emergency reply. Through the real engine,
content, recogniser and triage.
"""

from __future__ import annotations

import pytest

from bot.core.events import Response
from tests.core.test_adcheck_flow8 import LEVEL_WORDS, _emergency_first, _joined
from tests.helpers.chat import Chat, alerts, texts

# Offer structure (pay, "no experience", the reader as "you/your") with danger words and a
# contact request in the first person, one per language; each names Spain.
ADS = [
    ("en", "Farm work in Spain, 2000 EUR a month, no experience. The boss keeps your passport "
     "and you cannot leave the farm until the ticket debt is paid. Text me on Telegram."),
    ("ru", "Работа на ферме в Испании, 2000 евро в месяц, без опыта. Хозяин держит ваш "
     "паспорт, и вы не сможете уйти с фермы, пока не отработаете долг за билет. Пишите мне "
     "в телеграм."),
    ("be", "Праца на ферме ў Іспаніі, 2000 еўра ў месяц, без вопыту. Гаспадар трымае ваш "
     "пашпарт, і вы не зможаце сысці з фермы, пакуль не адпрацуеце доўг за білет. Пішыце мне "
     "ў тэлеграм."),
    ("ru", "Rabota na ferme v Ispanii, 2000 evro v mesyac, bez opyta. Hozyain derzhit vash "
     "pasport, i vy ne smozhete ujti s fermy, poka ne otrabotaete dolg za bilet. Pishite mne "
     "v telegram."),
]
IDS = ["en", "ru", "be", "translit"]
# The person's own cry afterwards: it names no country.
CRIES = {
    "en": "They took my passport and I cannot leave, help",
    "ru": "У меня забрали паспорт и не выпускают, помогите",
    "be": "У мяне забралі пашпарт і не выпускаюць, дапамажыце",
}
SPAIN = ("Spain", "Испани", "Іспані")
OFFER_WORDS = ("Shall I check it", "Проверить его", "Праверыць яе")


def _names_spain(response: Response) -> bool:
    """The first reply gives Spain's numbers as the person's: Spain named outside the list of
    where 112 works (adflow17: the unknown-country screen names every country it knows)."""
    first = texts(response)[0]
    where_112 = [line for line in first.split("\n") if line.startswith("112")]
    rest = "\n".join(line for line in first.split("\n") if line not in where_112)
    return "091" in first or any(name in rest for name in SPAIN)


async def _pasted(chat: Chat, lang: str, text: str) -> str:
    """What the person reads after /start, /checkad and `text`, in `lang`."""
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(text)
    assert not _emergency_first(response)
    return _joined(response)


@pytest.mark.parametrize(("lang", "ad"), ADS, ids=IDS)
async def test_adcheck11b_an_ad_saying_text_me_after_checkad_is_checked_at_once(
    chat: Chat, lang: str, ad: str,
) -> None:
    joined = await _pasted(chat, lang, ad)
    assert any(w in joined for w in LEVEL_WORDS)
    assert not any(w in joined for w in OFFER_WORDS)


@pytest.mark.parametrize(("lang", "ad"), ADS, ids=IDS)
@pytest.mark.parametrize("route", ["checkad", "forwarded", "typed"])
async def test_adcheck11b_a_country_read_in_an_ad_never_becomes_the_persons(
    chat: Chat, lang: str, ad: str, route: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    if route == "checkad":
        await chat.command("/checkad")
    response = await chat.say(ad, forwarded=route == "forwarded")
    if _emergency_first(response):  # the numbers first: not Spain's, the ad's country
        assert not _names_spain(response)
    await chat.command("/checkad")
    cry = await chat.say(CRIES[lang if lang in CRIES else "ru"])
    assert _emergency_first(cry)
    assert not _names_spain(cry)


@pytest.mark.parametrize(("lang", "word"), [
    ("ru", "Работа"), ("ru", "rabota"), ("be", "Праца"), ("en", "Job"),
    ("ru", "Работа за границей"),
])
async def test_adcheck11b_one_word_after_checkad_is_too_short_not_an_emergency(
    chat: Chat, lang: str, word: str,
) -> None:
    told = await _pasted(chat, lang, word)
    assert any(w in told for w in ("слишком короткий", "занадта кароткі", "too short"))


# W8: short, obvious ads (a job, pay with its currency, a contact or the hours to call) are
# offered the check without a command; a person asking about such a job in their own words is not.
SHORT_ADS = [
    ("ru", "Работа в Варшаве, уборщица, 25 злотых в час, жильё 600 зл. Звонить 8:00-18:00"),
    ("ru", "Вакансия: сборщик на завод в Чехии, 150 000 рублей, без опыта, визу сделаем, "
     "звонить +420 777 123 456"),
    ("be", "Праца ў Варшаве, прыбіральшчыца, 25 злотых у гадзіну, жыллё 600 зл. Званіць "
     "8:00-18:00"),
    ("en", "Cleaner in Warsaw, 25 PLN an hour, housing 600 PLN. Call 8:00-18:00"),
    ("ru", "Rabota v Varshave, uborshchica, 25 zlotyh v chas, zhilyo 600 zl. Zvonit 8:00-18:00"),
]
OWN_WORDS = [
    ("ru", "Мне предложили работу уборщицей в Варшаве за 25 злотых в час, звонить им с 8:00 "
     "до 18:00"),
    ("be", "Мне прапанавалі працу прыбіральшчыцай у Варшаве за 25 злотых у гадзіну, я ім "
     "званіла"),
    ("en", "I was offered cleaning work in Warsaw for 25 PLN an hour, I call them at 8:00-18:00"),
    ("ru", "Нормально ли 25 злотых в час за уборку в Варшаве, звонить им?"),
]


@pytest.mark.parametrize(("lang", "text", "ad"), [
    *(pytest.param(lang, text, True, id=f"ad-{n}") for n, (lang, text) in enumerate(SHORT_ADS)),
    *(pytest.param(lang, text, False, id=f"own-{n}") for n, (lang, text) in enumerate(OWN_WORDS)),
])
async def test_adcheck11b_a_short_obvious_ad_is_offered_the_check_a_persons_words_are_not(
    chat: Chat, lang: str, text: str, ad: bool,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    told = _joined(await chat.say(text))
    assert any(w in told for w in OFFER_WORDS) == ad


# R4: the case opened from a checked ad's human offer after the person told of their own
# danger is about that danger ("risk found", high), not a "self-check" at the ad's level.
AD_AFTER_CRY = [
    ("en", "They took my passport and I cannot leave, help",
     "Hostess work in a club in Istanbul for girls 18-24, attractive appearance, $4000 a "
     "month. We keep your passport during the contract. Tickets on credit, you work it off."),
    ("ru", "У меня забрали паспорт и не выпускают, помогите",
     "Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
     "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора."),
    ("be", "У мяне забралі пашпарт і не выпускаюць, дапамажыце",
     "Дзяўчаты 18-23 гадоў, прывабнай знешнасці, на працу ў Дубаі. Пашпарт аддаеце "
     "каардынатару. Квіткі ў доўг, адпрацуеце. Выезд тэрмінова, заўтра."),
]


@pytest.mark.parametrize(("lang", "cry", "ad"), AD_AFTER_CRY, ids=["en", "ru", "be"])
async def test_adcheck11b_a_case_from_a_checked_ad_after_a_cry_says_the_risk(
    chat: Chat, lang: str, cry: str, ad: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    assert _emergency_first(await chat.say(cry))
    await chat.command("/checkad")
    checked = await chat.say(ad)
    assert any(w in _joined(checked) for w in LEVEL_WORDS)
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.reason == "risk"
    assert alert.risk_level == "high"
