"""Before the country is known, 112 is not "the single European number" (adflow17): the
person may be in Russia, the UAE or the US. The numbers screen says where 112 works and which
countries have another number, from the content's entries (copied from the facts)."""

from __future__ import annotations

import pytest

from tests.core.test_adcheck_flow8 import _joined
from tests.helpers.chat import Chat, texts

CRIES = [("ru", "у меня забрали паспорт"), ("be", "у мяне забралі пашпарт"),
         ("en", "they took my passport")]
EUROPE_CLAIMS = ("европейск", "еўрапейск", "European")
RUSSIA = {"ru": "Россия", "be": "Расія", "en": "Russia"}
NOT_112 = {"ru": "не 112", "be": "не 112", "en": "not 112"}
US = {"ru": "США 911", "be": "ЗША 911", "en": "United States 911"}


@pytest.mark.parametrize(("lang", "cry"), CRIES)
async def test_adflow17_unknown_country_numbers_do_not_claim_europe(
    chat: Chat, lang: str, cry: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    first = texts(await chat.say(cry))[0]
    assert "112" in first
    assert not any(w in first for w in EUROPE_CLAIMS)
    assert RUSSIA[lang] in first  # where else 112 works, as the content lists it
    assert NOT_112[lang] in first and US[lang] in first
    other = _joined(await chat.press("c:other"))  # "another country": the same truth
    assert US[lang] in other and not any(w in other.split("\n\n")[2] for w in EUROPE_CLAIMS)


@pytest.mark.parametrize(("lang", "cry"), CRIES)
async def test_adflow17_a_known_country_gets_its_own_numbers_without_the_list(
    chat: Chat, lang: str, cry: str,
) -> None:
    """The other side: once the person is in Poland, Poland's own numbers, without the list."""
    chat.language_code = lang
    await chat.command("/start")
    await chat.say(cry)
    poland = _joined(await chat.press("c:PL"))
    assert "112" in poland and NOT_112[lang] not in poland
