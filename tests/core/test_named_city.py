"""A person in danger who names a city or a region instead of their country gets that
country's numbers at once, as if they had named the country ("Numbers for Poland." says which
country the city was read as); a city that is also a word, or in two countries, gets the
question; a city in a story, or in a friend's forwarded message, keeps the existing rules.

The real engine over the real content (content/places.yaml), recogniser and triage; ru, be,
en and transliterated Russian.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.engine import DialogueEngine
from bot.i18n import I18n
from tests.core.test_at_risk_path import OFFER, location, name, numbers, said
from tests.core.test_where_the_person_is import DANGER, asks_where, chat_in
from tests.helpers.chat import Chat, payloads


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


# (language, message naming a city or region, the country it is in)
NAMED = [
    ("ru", "Я в Кракове, у меня забрали паспорт и не выпускают", "PL"),
    ("be", "Я працую ў Вроцлаве, у мяне забралі пашпарт і не плацяць", "PL"),
    ("en", "im in texas, my boss took my passport and locks us in", "US"),
    ("translit", "ya v Krakove, u menya zabrali pasport i ne vypuskayut", "PL"),
    ("ru", "Я в Бангкоке, у меня забрали паспорт", "TH"),  # a country without a page
]


@pytest.mark.parametrize(("key", "message", "code"), NAMED)
async def test_a_city_named_in_a_danger_message_gets_its_countrys_numbers_at_once(
    engine: DialogueEngine, content: Content, i18n: I18n, key: str, message: str, code: str
) -> None:
    lang, chat = chat_in(engine, key)
    response = await chat.say(message)
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())
    assert name(content, code, lang) in first  # "Numbers for Poland.": the city read as
    if code in content.countries:
        own = [n for i in content.countries[code].emergency for n in numbers(content, i)]
        assert own and all(n in first for n in own)
    assert not asks_where(content, response, lang)
    assert payloads(response.replies[-1]) == OFFER
    assert await location(engine, chat) == code


@pytest.mark.parametrize(("key", "answer", "code"), [
    ("ru", "в Гданьске", "PL"),
    ("be", "пад Гданьскам", "PL"),
    ("en", "we are near Rotterdam", "NL"),
    ("translit", "v Varshave", "PL"),
    ("en", "Texas", "US"),
])
async def test_a_city_given_as_the_answer_to_which_country_gets_its_numbers(
    engine: DialogueEngine, content: Content, key: str, answer: str, code: str
) -> None:
    lang, chat = chat_in(engine, key)
    asked = await chat.say(DANGER[key])
    assert asks_where(content, asked, lang)
    response = await chat.say(answer)
    assert name(content, code, lang) in said(response)
    if code in content.countries:
        own = [n for i in content.countries[code].emergency for n in numbers(content, i)]
        assert all(n in said(response) for n in own)
    assert not asks_where(content, response, lang)
    assert await location(engine, chat) == code


@pytest.mark.parametrize(("lang", "message"), [
    ("ru", "Я в Бресте, у меня забрали паспорт"),  # Belarus and France
    ("en", "I'm in Nice, my boss took my passport"),  # a word too
])
async def test_a_city_in_two_countries_or_a_word_gets_the_question_not_a_guess(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    assert "112" in response.replies[0].text
    assert asks_where(content, response, lang)
    assert await location(engine, chat) is None


async def test_a_city_in_a_film_is_not_where_the_person_is(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.say("Смотрю фильм про торговлю людьми в Бангкоке, посоветуйте книги")
    assert await location(engine, chat) is None
    danger = await chat.say(DANGER["ru"])
    assert asks_where(content, danger, "ru")
    assert name(content, "TH", "ru") not in said(danger)


async def test_a_friends_forwarded_city_is_the_friends_and_keeps_the_persons_own(
    engine: DialogueEngine, content: Content, i18n: I18n
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.say("я в Литве")
    response = await chat.say("Лена, у меня забрали паспорт и не выпускают, я в Кракове, помоги",
                              forwarded=True)
    heading = i18n.translator("ru").gettext(
        "Numbers for {country}, where the person who wrote this message is."
    ).format(country=content.countries["PL"].name.get("ru"))
    assert heading in response.replies[0].text
    assert await location(engine, chat) == "LT"
