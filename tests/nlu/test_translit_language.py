"""Belarusian typed in Latin letters is answered in Belarusian, Russian in Russian (issue 10).

Without Łacinka's marks (ŭ, ć, ł) Belarusian in Latin letters was read as transliterated
Russian, so a person at risk writing "dapamazhy, jany zabrali pashpart" got the emergency reply
in Russian. Belarusian words typed in Latin letters ("kali laska", "mianie", "heta", "pracu",
"ci", "jana") and its -ць/-сці endings ("placiac", "vyjsci") now tell the two apart.
"""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import I18n
from bot.nlu.language import detect_language
from tests.helpers.chat import Chat, plain_settings, texts
from tests.helpers.engine import shared_content, shared_recognizer

BELARUSIAN = [
    "dapamazhy, jany zabrali pashpart",
    "mianie b'juc, dapamazhy kali laska",
    "heta pracu ne placiac uzho try miesiacy",
    "kali laska dapamazhycie",
    "ci mozhna pamianiac pasport",
    "jana ne moza vyjsci z kvatery",
    "mianie ni adpuskajuc dadomu",
    "pamazhycie mnie ŭ polshchy zabrali pashpart",
    "dziakuj, heta vielmi dapamahlo",
]
RUSSIAN = [
    "pomogite zabrali pasport",
    "ne platyat uzhe mesyats",
    "ya ne mogu uyti s raboty",
    "u menya zabrali pasport i ni kopeyki ne dali",
    "chto delat esli zaberut pasport",
    "rabotodatel ne otdaet dokumenty",
    "kak vyekhat domoj iz polshi",
    "spasibo, eto ochen pomoglo",
]


@pytest.mark.parametrize("text", BELARUSIAN)
def test_belarusian_in_latin_letters_is_belarusian(text: str) -> None:
    assert detect_language(text) == "be"
    assert detect_language(text, prior="ru") == "be"


@pytest.mark.parametrize("text", RUSSIAN)
def test_russian_in_latin_letters_stays_russian(text: str) -> None:
    assert detect_language(text) == "ru"
    assert detect_language(text, prior="be") == "ru"


def _engine() -> DialogueEngine:
    settings = plain_settings()
    return DialogueEngine(
        shared_content(),
        shared_recognizer(),
        build_triage(settings),
        InMemorySessionStore(),
        I18n(REPO_ROOT / "locales"),
        settings,
    )


@pytest.mark.parametrize(
    ("text", "client", "language"),
    [
        ("dapamazhy, jany zabrali pashpart i ne addajuc", "ru", "be"),
        ("mianie b'juc, dapamazhy kali laska", None, "be"),
        ("pomogite, zabrali pasport i ne otdayut", "be", "ru"),
        ("menya b'yut, pomogite pozhalujsta", None, "ru"),
    ],
)
async def test_the_emergency_reply_comes_in_the_language_typed(
    text: str, client: str | None, language: str
) -> None:
    intro = shared_content().content.messages.risk_intro
    assert intro.get("be").strip() != intro.get("ru").strip()
    response = await Chat(_engine(), language_code=client).say(text)
    assert texts(response)[0].startswith(intro.get(language).strip())
