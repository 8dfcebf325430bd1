"""The at-risk path never loses, delays or misdirects a person (issue 8 items 1, 2 and 7).

Engine-level with the real content, the real recogniser and the real triage. The countries
without a page are taken from the library data, not from a list here, so that a page the
content adds later turns an example into a page country and the test still holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pycountry
import pytest
from babel import Locale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.engine import DialogueEngine
from bot.core.events import EventKind, HideChat, Response
from bot.core.session import Session
from bot.core.session_store import InMemorySessionStore
from bot.i18n import I18n
from bot.storage.redis import RedisSessionStore
from tests.helpers.chat import Chat, alerts, all_payloads, payloads, texts

AT_RISK = {
    "ru": "у меня забрали паспорт и не отдают",
    "be": "у мяне забралі пашпарт і не аддаюць",
    "en": "my employer took my passport and will not give it back",
}
OFFER = ["h:yes", "h:text", "h:no"]


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def numbers(content: Content, hotline_id: str) -> list[str]:
    return [p.number for p in content.hotlines[hotline_id].phones]


def name(content: Content, code: str, lang: str) -> str:
    """The country's name as the person sees it: the page's, else the library's."""
    if code in content.countries:
        return content.countries[code].name.get(lang)
    return str(Locale.parse(lang).territories[code])


def said(response: Response) -> str:
    return "\n".join(texts(response))


def assert_numbers_for(content: Content, response: Response, code: str, lang: str) -> None:
    """Numbers for `code` were given and named, then the human offered; no loop, no shrug."""
    text = said(response)
    assert name(content, code, lang) in text, text
    country = content.countries.get(code)
    if country is not None:
        wanted = [n for i in country.emergency for n in numbers(content, i)] or ["112"]
        assert any(n in text for n in wanted), text
    else:  # no page: how to reach the local emergency number, and 112 where it works
        assert "112" in text
    assert_not_stuck(content, response, lang)
    assert payloads(response.replies[-1]) == OFFER


def assert_not_stuck(content: Content, response: Response, lang: str) -> None:
    """None of the replies that leave a person at risk alone or going round in circles."""
    text = said(response)
    assert content.answers["out_of_scope"].text.get(lang).strip()[:40] not in text
    assert content.messages.privacy_notice.get(lang).strip()[:40] not in text
    assert content.messages.low_confidence.get(lang).strip() not in text


async def location(engine: DialogueEngine, chat: Chat) -> str | None:
    session = await engine.store.load(chat.user_key)
    assert session is not None
    return session.location


# ---------------------------------------------------------------------- 1. the named country
@pytest.mark.parametrize(
    ("lang", "message", "code"),
    [
        ("ru", "Я в Польше, у меня забрали паспорт", "PL"),
        ("en", "I'm in Dubai, my employer took my passport", "AE"),
        ("be", "Я ў Літве, у мяне забралі пашпарт", "LT"),
    ],
)
async def test_the_country_named_in_a_risk_message_gets_its_numbers_at_once(
    engine: DialogueEngine, content: Content, lang: str, message: str, code: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())
    own = [n for i in content.countries[code].emergency for n in numbers(content, i)]
    assert own and all(n in first for n in own)
    assert content.countries[code].name.get(lang) in first
    # Not the country question: the person already said where they are.
    assert content.messages.ask_country.get(lang).strip() not in said(response)
    assert payloads(response.replies[-1]) == OFFER
    assert await location(engine, chat) == code


async def test_a_country_named_now_wins_over_the_one_stored_earlier(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="en")
    await chat.command("/hotlines")
    await chat.press("c:RU")
    assert await location(engine, chat) == "RU"

    response = await chat.say("I'm in Dubai, my employer took my passport")
    first = response.replies[0].text
    assert "999" in first and numbers(content, "ae-emergency")[0] in first
    assert content.countries["AE"].name.get("en") in first
    assert content.countries["RU"].name.get("en") not in first
    assert await location(engine, chat) == "AE"
    # The alert carries where the person is now.
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.country == "AE"


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_a_location_known_from_earlier_is_named_and_can_be_changed(
    chat: Chat, content: Content, i18n: I18n, lang: str
) -> None:
    tr = i18n.translator(lang)
    chat.language_code = lang
    await chat.command("/hotlines")
    await chat.press("c:PL")

    response = await chat.say(AT_RISK[lang])
    first = response.replies[0]
    numbers_for = tr.gettext("Numbers for {country}.").format(
        country=content.countries["PL"].name.get(lang)
    )
    assert f"{numbers_for} {tr.gettext('Somewhere else?')}" in first.text
    assert payloads(first) == ["m:location"]

    question = await chat.press("m:location")
    assert "c:LT" in all_payloads(question) and "c:other" in all_payloads(question)
    moved = await chat.press("c:LT")
    assert numbers(content, "lt-national-association-line")[0] in said(moved)
    assert payloads(moved.replies[-1]) == OFFER
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.country == "LT"


async def test_a_destination_read_about_is_not_where_the_person_is(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="en")
    await chat.command("/country")
    page = await chat.press("p:DE")  # reading the page about Germany
    assert said(page).startswith(content.countries["DE"].name.get("en").upper())
    await chat.say("work legally in Germany")
    session = await engine.store.load(chat.user_key)
    assert session is not None and session.destination == "DE" and session.location is None

    response = await chat.say(AT_RISK["en"])
    first = response.replies[0].text
    assert content.countries["DE"].name.get("en") not in first  # not "Numbers for Germany"
    assert response.replies[1].text == content.messages.ask_country.get("en").strip()


async def test_a_country_button_keeps_its_meaning_when_the_question_was_forgotten(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="en")
    asked = await chat.say(AT_RISK["en"])
    assert "c:PL" in payloads(asked.replies[-1])
    session = await engine.store.load(chat.user_key)
    assert session is not None
    session.awaiting = None  # as after a Redis outage: the question is gone, the button is not
    await engine.store.save(chat.user_key, session)
    response = await chat.press("c:PL")
    assert numbers(content, "pl-kcik")[0] in said(response)
    assert payloads(response.replies[-1]) == OFFER
    assert await location(engine, chat) == "PL"


async def test_reading_a_page_while_asked_where_keeps_the_question(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.command("/country")  # an old "Choose a country" keyboard ...
    await chat.say(AT_RISK["ru"])  # ... then the risk and "which country are you in?"
    await chat.press("p:DE")  # the old keyboard pressed: a page, not the answer
    response = await chat.say("я в Италии")
    assert_numbers_for(content, response, "IT", "ru")


async def test_reading_about_a_destination_keeps_the_location(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.say("Я в Польше, у меня забрали паспорт")
    await chat.press("h:no")
    await chat.command("/country")
    await chat.press("p:DE")
    assert await location(engine, chat) == "PL"
    response = await chat.say(AT_RISK["ru"])
    assert content.countries["PL"].name.get("ru") in response.replies[0].text


async def test_someone_at_risk_who_says_where_they_are_later_gets_numbers_there(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.say(AT_RISK["ru"])
    await chat.press("c:other")  # would not say at first
    await chat.press("h:no")
    response = await chat.say("я в Италии")
    assert name(content, "IT", "ru") in said(response) and "112" in said(response)
    assert_not_stuck(content, response, "ru")
    assert await location(engine, chat) == "IT"


async def test_the_page_question_does_not_ask_where_the_person_is(
    chat: Chat, content: Content
) -> None:
    asked = await chat.command("/country")
    question = content.messages.ask_destination
    assert question is not None and asked.replies[0].text == question.get("ru").strip()
    assert asked.replies[0].text != content.messages.ask_country.get("ru").strip()


# ---------------------------------------------------------------------- 2. every country
@pytest.mark.parametrize(
    ("lang", "answer", "code"),
    [("ru", "я в Италии", "IT"), ("en", "I am in Spain", "ES"), ("ru", "Казахстан", "KZ"),
     ("be", "я ў Іспаніі", "ES"), ("ru", "мы в Саудовской Аравии", "SA")],
)
async def test_a_country_without_a_page_answers_the_country_question(
    engine: DialogueEngine, content: Content, lang: str, answer: str, code: str
) -> None:
    chat = Chat(engine, language_code=lang)
    first = await chat.say(AT_RISK[lang])
    assert "c:other" in payloads(first.replies[-1])  # nobody is stuck off the list
    response = await chat.say(answer)
    assert_numbers_for(content, response, code, lang)
    assert content.messages.ask_country.get(lang).strip() not in said(response)
    assert await location(engine, chat) == code


def _countries_without_a_page(content: Content) -> list[str]:
    return sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in content.countries)


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_every_country_by_its_name_gets_numbers_and_a_human(
    make_engine: Callable[..., DialogueEngine], content: Content, lang: str
) -> None:
    missed = []
    engine = make_engine()
    for code in _countries_without_a_page(content):
        territory = Locale.parse(lang).territories.get(code)
        if not territory:
            continue
        chat = Chat(engine, user_key=f"user-{code}-{lang}", language_code=lang)
        await chat.say(AT_RISK[lang])
        response = await chat.say(territory)
        try:
            assert_numbers_for(content, response, code, lang)
        except AssertionError:
            missed.append(f"{code} {territory}")
    assert missed == []


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_other_country_button_gives_universal_guidance_and_a_human(
    chat: Chat, content: Content, i18n: I18n, lang: str
) -> None:
    chat.language_code = lang
    await chat.say(AT_RISK[lang])
    response = await chat.press("c:other")
    text = said(response)
    assert "112" in text
    for hotline in content.hotlines.values():
        if hotline.country == "INT" and hotline.offered:
            assert hotline.name.get(lang) in text
    assert i18n.translator(lang).gettext("another country") in text
    assert payloads(response.replies[-1]) == OFFER
    assert_not_stuck(content, response, lang)


@pytest.mark.parametrize(("page", "other"), [("/country", "p:other"), ("/hotlines", "c:other")])
async def test_every_country_question_has_the_other_country_button(
    chat: Chat, page: str, other: str
) -> None:
    response = await chat.command(page)
    assert other in all_payloads(response)
    guidance = await chat.press(other)
    assert "112" in said(guidance)


async def test_a_voice_note_instead_of_the_country_gets_the_country_buttons_again(
    chat: Chat, content: Content
) -> None:
    await chat.say(AT_RISK["ru"])
    response = await chat.send(EventKind.VOICE)
    assert texts(response)[0].startswith(
        content.messages.non_text_voice.get("ru").splitlines()[0])
    assert {"c:PL", "c:other", "m:human"} <= set(payloads(response.replies[-1]))
    chosen = await chat.press("c:other")
    assert payloads(chosen.replies[-1]) == OFFER


async def test_hotlines_never_ask_the_same_question_twice(chat: Chat, content: Content) -> None:
    await chat.command("/hotlines")
    response = await chat.say("asdf")
    assert "112" in said(response)
    assert content.messages.ask_country.get("ru").strip() not in said(response)
    assert "m:human" in all_payloads(response)


@pytest.mark.parametrize(
    "follow_up", ["asdf", "ну", "что?", "🙂", "I don't know where I am", "не знаю", "???"]
)
async def test_a_raised_risk_is_never_met_by_a_shrug_or_the_same_question(
    chat: Chat, content: Content, follow_up: str
) -> None:
    chat.language_code = "ru"
    await chat.say(AT_RISK["ru"])
    response = await chat.say(follow_up)
    lang = "ru"
    assert_not_stuck(content, response, lang)
    assert "112" in said(response)
    assert content.messages.ask_country.get(lang).strip() not in said(response)
    assert payloads(response.replies[-1]) == OFFER


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(follow_up=st.one_of(
    st.text(min_size=1, max_size=30),
    st.sampled_from(["да", "нет", "не знаю", "Италия", "я из Беларуси", "меня бьют", "112",
                     "/start", "Польша и Литва", "ok", "помогите"]),
))
async def test_whatever_follows_a_raised_risk_the_person_gets_numbers_and_a_human(
    make_engine: Callable[..., DialogueEngine], content: Content, follow_up: str
) -> None:
    chat = Chat(make_engine(), language_code="ru")
    await chat.say(AT_RISK["ru"])
    response = await chat.say(follow_up)
    text = said(response)
    assert re.search(r"\b\d{3}\b", text), text  # an emergency number
    assert_not_stuck(content, response, chat_language(response, content))
    assert content.messages.ask_country.get("ru").strip() not in text
    assert payloads(response.replies[-1]) in (OFFER, ["h:yes", "h:no"])


def chat_language(response: Response, content: Content) -> str:
    """The language the replies are in (a follow-up may be clearly in another one)."""
    text = said(response)
    return next((lang for lang in ("ru", "be", "en")
                 if content.messages.risk_intro.get(lang).strip()[:20] in text), "ru")


# ---------------------------------------------------------------------- old sessions
async def test_an_old_session_is_read_and_carried_on(
    make_engine: Callable[..., DialogueEngine], redis_client: Redis, content: Content
) -> None:
    store = RedisSessionStore(redis_client)
    engine = make_engine(store=store)
    old = {"language": "ru", "country": "RU", "awaiting": "country:risk:risk_documents_withheld",
           "at_risk": True, "risk_indicators": ["risk_documents_withheld"], "onboarded": True}
    await redis_client.set("smb:session:old-person", json.dumps(old), ex=60)
    chat = Chat(engine, user_key="old-person", language_code="ru")

    response = await chat.say("я в Польше")
    assert numbers(content, "pl-kcik")[0] in said(response)
    assert response.replies[1].text.startswith(
        content.answers["risk_documents_withheld"].text.get("ru").strip()[:40]
    )
    # The message that raised the risk was before the update: nothing held to share.
    assert payloads(response.replies[-1]) == ["h:yes", "h:no"]
    stored = json.loads(await redis_client.get("smb:session:old-person") or "{}")
    assert stored["country"] == "PL"
    assert {k: stored["awaiting"][k] for k in ("kind", "reason")} == {"kind": "consent",
                                                                       "reason": "risk"}


@pytest.mark.parametrize(
    "awaiting",
    ["consent:risk", "consent:", "country:", "country:page", "nonsense", 17, [],
     {"kind": "country", "purpose": "somewhere"}, {"kind": "future", "x": 1}],
)
async def test_old_or_odd_stored_states_never_lose_the_session(
    make_engine: Callable[..., DialogueEngine], content: Content, awaiting: object
) -> None:
    raw = json.dumps({"language": "en", "country": "PL", "awaiting": awaiting})
    session = Session.model_validate_json(raw)  # never raises: the rest of the session stays
    assert session.location == "PL" and session.language == "en"
    store = InMemorySessionStore()
    await store.save("odd", session)
    chat = Chat(make_engine(store=store), user_key="odd", language_code="en")
    response = await chat.say(AT_RISK["en"])
    assert content.countries["PL"].name.get("en") in response.replies[0].text


# ---------------------------------------------------------------------- 7. small things
@pytest.mark.parametrize("gibberish", ["lol", "ok thx", "lol lol", "asdf", "ыыы", "qwerty the"])
async def test_the_conversation_language_is_sticky(
    chat: Chat, content: Content, gibberish: str
) -> None:
    await chat.say("Добры дзень, мне патрэбна дапамога з працай за мяжой")
    response = await chat.say(gibberish)
    text = said(response)
    for lang in ("ru", "en"):
        assert content.messages.privacy_notice.get(lang).strip()[:40] not in text
    assert content.messages.privacy_notice.get("be").strip()[:40] not in text  # only once
    menu = [b.label for reply in response.replies for row in reply.buttons for b in row]
    # Whatever the answer, its buttons stay Belarusian (letters only Belarusian has).
    assert any(set(label) & set("іўІЎ") for label in menu), menu


async def test_a_clear_switch_of_language_is_followed(chat: Chat, content: Content) -> None:
    await chat.say("Добры дзень, мне патрэбна дапамога з працай за мяжой")
    first = await chat.say("I need to find work abroad")  # one message: not yet
    assert content.messages.low_confidence.get("en") not in said(first)
    response = await chat.say(AT_RISK["en"])  # a second one: the person writes English now
    assert response.replies[0].text.startswith(content.messages.risk_intro.get("en").strip())


# Words a hide notice must not contain: it must not tell whoever holds the phone that something
# was erased or hidden, nor what the chat was about.
TELLTALE = ("чат", "очищ", "ачышч", "удал", "выдал", "скры", "схав", "clear", "delet", "hid",
            "erase", "помощ", "дапамог", "help", "migra", "work", "работ", "прац")


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_hide_leaves_an_ordinary_harmless_line(
    chat: Chat, content: Content, lang: str
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.say(AT_RISK[lang])
    response = await chat.command("/hide")
    [hide] = [e for e in response.effects if isinstance(e, HideChat)]
    assert hide.notice == content.messages.hide_notice.get(lang).strip()  # editable in content
    assert hide.notice and not [w for w in TELLTALE if w in hide.notice.lower()]


@pytest.mark.parametrize("message", ["🆘", "🆘🆘🆘", " 🆘 "])
async def test_a_danger_emoji_alone_opens_the_at_risk_path(
    chat: Chat, content: Content, message: str
) -> None:
    chat.language_code = "ru"
    response = await chat.say(message)
    assert response.replies[0].text.startswith(content.messages.risk_intro.get("ru").strip())
    assert "112" in response.replies[0].text
    assert_not_stuck(content, response, "ru")


async def test_the_hotlines_page_changes_where_the_person_is(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="en")
    await chat.command("/hotlines")
    page = await chat.press("c:PL")
    assert "m:location" in all_payloads(page)
    await chat.press("m:location")
    await chat.press("c:LT")
    assert await location(engine, chat) == "LT"
