"""A request for numbers that names a country gets that country's numbers at once (atrisk12).

"hotline number in Poland please" got the universal 112 and "Which country are you in?",
although the message named Poland. The kind: a country named (in any case form, language,
transliteration, or by a city) in a request for numbers. Engine-level with the real content,
the real recogniser and the real triage; the countries come from the content, so a page the
content adds later is covered without editing this file.
"""

from __future__ import annotations

import re

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content, Hotline
from bot.core.engine import DialogueEngine
from bot.core.events import Response
from tests.helpers.chat import Chat, all_payloads, texts

LOCATION_BUTTON = "m:location"  # "I am somewhere else"
# A number on a screen: one line each, alone or followed by what it is for ("112 — free").
PHONE = re.compile(r"^(\+?\d[\d ()-]*\d)(?: — |$)", re.MULTILINE)


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def said(response: Response) -> str:
    return "\n".join(texts(response))


def phones(hotlines: list[Hotline]) -> set[str]:
    return {p.number for h in hotlines for p in h.phones}


def assert_numbers_of(content: Content, response: Response, code: str, lang: str) -> None:
    """The Hotlines page of `code`: its name, its emergency numbers and offered lines (never a
    line an editor has not cleared), no country question, and "I am somewhere else"."""
    text = said(response)
    country = content.countries[code]
    assert country.name.get(lang) in text, text
    emergency = [content.hotlines[i] for i in country.emergency]
    assert emergency and all(n in text for n in phones(emergency)), text
    lines = [content.hotlines[i] for i in country.hotlines]
    assert all(n in text for n in phones([h for h in lines if h.offered and h.phones[:1]]))
    held_back = phones([h for h in lines if not h.offered]) - phones(
        [h for h in lines if h.offered] + emergency)
    assert not any(n in text for n in held_back), text
    assert content.messages.ask_country.get(lang).strip() not in text
    assert LOCATION_BUTTON in all_payloads(response)


def assert_invents_nothing(content: Content, response: Response) -> None:
    """Every phone number on the screen is one of the content's offered entries."""
    known = phones([h for h in content.hotlines.values() if h.offered])
    shown = {m.group(1) for m in PHONE.finditer(said(response))}
    assert shown
    digits = {re.sub(r"\D", "", n) for n in known}
    assert {re.sub(r"\D", "", n) for n in shown} <= digits | {""}, shown


async def location(engine: DialogueEngine, chat: Chat) -> str | None:
    session = await engine.store.load(chat.user_key)
    return None if session is None else session.location


async def chat_in(engine: DialogueEngine, code: str, lang: str) -> Chat:
    """A person who told the bot where they are (the Hotlines page's country button)."""
    chat = Chat(engine, language_code=lang, user_key=f"in-{code}-{lang}")
    await chat.command("/hotlines")
    await chat.press(f"c:{code}")
    assert await location(engine, chat) == code
    return chat


# The lead's examples and their siblings: case forms, Belarusian, transliterated, a city.
REQUESTS = [
    ("en", "hotline number in Poland please", "PL"),
    ("ru", "дайте номер горячей линии в Польше", "PL"),
    ("ru", "какой номер полиции в Польше?", "PL"),
    ("ru", "номер полиции Польши", "PL"),
    ("ru", "nomer goryachey linii v Polshe", "PL"),
    ("be", "дайце нумар гарачай лініі ў Польшчы", "PL"),
    ("ru", "номер горячей линии в Литве", "LT"),
    ("be", "нумар паліцыі у Літве", "LT"),
    ("en", "police number in Lithuania", "LT"),
    ("ru", "номер полиции в Варшаве", "PL"),
    ("en", "hotline in Warsaw", "PL"),
    ("ru", "телефон доверия в Германии", "DE"),
    # the country's adjective (content `adjectives`), in a request for numbers only
    ("en", "Lithuanian police number", "LT"),
    ("ru", "номер литовской полиции", "LT"),
    ("be", "нумар літоўскай паліцыі", "LT"),
    ("ru", "телефон польской горячей линии", "PL"),
]


@pytest.mark.parametrize(("lang", "message", "code"), REQUESTS)
async def test_a_request_naming_a_country_gets_its_numbers_at_once(
    engine: DialogueEngine, content: Content, lang: str, message: str, code: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    assert_numbers_of(content, response, code, lang)
    assert_invents_nothing(content, response)
    # Whose numbers, not where the person is: they may ask for a relative abroad.
    assert await location(engine, chat) is None


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_every_page_country_named_in_a_request_gets_its_own_numbers(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    """The kind, over every country the content has a page for (its name as a person writes
    it after a colon, so no case ending is needed)."""
    ask = {"ru": "номер горячей линии: {}", "be": "нумар гарачай лініі: {}",
           "en": "hotline number: {}"}[lang]
    for code, country in content.countries.items():
        chat = Chat(engine, language_code=lang, user_key=f"named-{code}-{lang}")
        response = await chat.say(ask.format(country.name.get(lang)))
        assert_numbers_of(content, response, code, lang)


async def test_a_person_at_home_asking_for_a_relative_abroad_keeps_their_own_country(
    engine: DialogueEngine, content: Content
) -> None:
    chat = await chat_in(engine, "BY", "ru")
    response = await chat.say("номер горячей линии в Литве")
    assert_numbers_of(content, response, "LT", "ru")
    assert await location(engine, chat) == "BY"
    # "I am somewhere else" asks where the person is.
    asked = await chat.press(LOCATION_BUTTON)
    assert content.messages.ask_country.get("ru").strip() in said(asked)


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ru", "я в Польше, дайте номер горячей линии"), ("en", "I'm in Poland, hotline number?"),
     ("be", "я ў Польшчы, дайце нумар гарачай лініі")],
)
async def test_saying_i_am_there_with_the_request_sets_where_the_person_is(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    assert_numbers_of(content, response, "PL", lang)
    assert await location(engine, chat) == "PL"


@pytest.mark.parametrize(
    ("lang", "message", "code"),
    [("en", "hotline number in France", "FR"), ("ru", "номер полиции во Франции", "FR")],
)
async def test_a_country_without_a_page_gets_the_universal_guidance_never_a_made_up_number(
    engine: DialogueEngine, content: Content, lang: str, message: str, code: str
) -> None:
    assert code not in content.countries  # a page added later: pick another country here
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    text = said(response)
    assert "112" in text
    assert content.messages.ask_country.get(lang).strip() not in text
    assert_invents_nothing(content, response)
    assert LOCATION_BUTTON in all_payloads(response)


async def test_the_country_question_on_the_at_risk_path_takes_a_request_naming_one(
    engine: DialogueEngine, content: Content
) -> None:
    """Asked "which country?" after a risk: a request naming Poland answers it (the numbers
    there, then the offer of a person), and that is where the person is."""
    chat = Chat(engine, language_code="ru")
    first = await chat.say("у меня забрали паспорт и не отдают")
    assert content.messages.ask_country.get("ru").strip() in said(first)
    response = await chat.say("какой номер полиции в Польше?")
    text = said(response)
    assert all(n in text for n in phones([content.hotlines[i]
                                           for i in content.countries["PL"].emergency]))
    assert "h:yes" in all_payloads(response)
    assert await location(engine, chat) == "PL"


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "I'm Lithuanian, my employer took my passport"),
     ("en", "I'm Lithuanian, hotline number please"),
     ("ru", "я литовская гражданка, у меня забрали паспорт")],
)
async def test_an_adjective_outside_a_request_for_numbers_is_not_a_place(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    """Who someone is, not where: never where the person is (asked instead on the at-risk
    path); a request for numbers gets Lithuania's, with "I am somewhere else"."""
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    if "hotline" not in message:
        assert content.messages.ask_country.get(lang).strip() in said(response)
    assert await location(engine, chat) is None
