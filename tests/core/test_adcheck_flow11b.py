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
from tests.helpers.chat import Chat, texts

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
    return any(name in texts(response)[0] for name in SPAIN)


@pytest.mark.parametrize(("lang", "ad"), ADS, ids=IDS)
async def test_adcheck11b_an_ad_saying_text_me_after_checkad_is_checked_at_once(
    chat: Chat, lang: str, ad: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(ad)
    assert not _emergency_first(response)
    joined = _joined(response)
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
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(word)
    assert not _emergency_first(response)
    assert any(w in _joined(response) for w in ("слишком короткий", "занадта кароткі", "too short"))
