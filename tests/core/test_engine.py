"""The dialogue engine end to end: real content, real recogniser, real triage, real Redis."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.config import Settings
from bot.content.branches import for_team
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.adcheckers import AdCheckers
from bot.core.engine import DialogueEngine
from bot.core.events import EraseUserData, EventKind, HideChat
from bot.core.labels import MENU_LABELS
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import I18n
from bot.nlu.base import ADVICE_INTENTS, SERVICE_INTENTS
from bot.privacy import Pseudonymizer
from bot.storage.keys import ERASED
from bot.storage.redis import RedisSessionStore
from tests.helpers.chat import Chat, alerts, all_payloads, payloads, texts
from tests.helpers.logs import leaks
from tests.helpers.redis_server import free_port

AT_RISK = {
    "ru": "у меня забрали паспорт и не отдают",
    "be": "у мяне забралі пашпарт і не аддаюць",
    "en": "my employer took my passport and will not give it back",
}
MAIN_MENU = {
    "m:job_check",
    "m:legal_work",
    "m:before_go",
    "m:help_now",
    "m:human",
    "m:hotlines",
    "m:language",
}


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def phones(content: Content, hotline_id: str) -> list[str]:
    return [p.number for p in content.hotlines[hotline_id].phones]


# ---------------------------------------------------------------------- onboarding and language
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_start_welcomes_in_the_client_language_and_shows_the_menu(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.command("/start")
    said = texts(response)
    assert said[0] == content.messages.welcome.get(lang).strip()
    assert said[1] == for_team(content.messages.privacy_notice.get(lang), True).strip()
    assert MAIN_MENU <= set(payloads(response.replies[-1]))


async def test_explicit_language_choice_wins_over_detection(
    chat: Chat, content: Content, unsure_text: str
) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    picker = await chat.command("/language")
    assert {"lang:ru", "lang:be", "lang:en"} <= set(all_payloads(picker))
    labels = [b.label for row in picker.replies[0].buttons for b in row]
    assert {"Русский", "Беларуская", "English"} <= set(labels)
    await chat.press("lang:be")
    response = await chat.say(unsure_text)
    assert texts(response)[0] == content.messages.low_confidence.get("be").strip()
    await chat.press("m:language")
    switched = await chat.press("lang:en")
    assert "English" in texts(switched)[0]


async def test_language_is_detected_from_the_text_until_chosen(
    chat: Chat, content: Content
) -> None:
    chat.language_code = "en"
    await chat.command("/start")
    response = await chat.say(AT_RISK["be"])
    assert response.replies[0].text.startswith(content.messages.risk_intro.get("be").strip())


# ---------------------------------------------------------------------- the at-risk path
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_at_risk_with_country_known_gives_numbers_first(
    chat: Chat, content: Content, lang: str
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/hotlines")  # "which country are you in?": where the person is
    await chat.press("c:PL")
    response = await chat.say(AT_RISK[lang])
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())
    assert "112" in first
    assert content.countries["PL"].name.get(lang) in first  # known from earlier: named ...
    assert payloads(response.replies[0]) == ["m:location"]  # ... and one tap to change it
    assert phones(content, "pl-kcik")[0] in first  # an offered hotline
    for number in phones(content, "pl-lastrada-pomoc"):  # low confidence: never offered
        assert number not in first
    assert response.replies[1].text.startswith(
        content.answers["risk_documents_withheld"].text.get(lang).strip()[:40]
    )
    offer = response.replies[-1]
    assert content.messages.offer_human.get(lang).strip() in offer.text
    assert payloads(offer) == ["h:yes", "h:text", "h:no"]


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_at_risk_with_country_unknown_gives_universal_numbers_then_asks(
    chat: Chat, content: Content, lang: str
) -> None:
    chat.language_code = lang
    response = await chat.say(AT_RISK[lang])
    first, second = response.replies[0], response.replies[1]
    assert first.text.startswith(content.messages.risk_intro.get(lang).strip())
    assert phones(content, "eu-112")[0] in first.text
    assert second.text == content.messages.ask_country.get(lang).strip()
    assert {f"c:{cid}" for cid in content.countries} <= set(payloads(second))
    assert "m:human" in payloads(second)

    chosen = await chat.say({"ru": "я в Польше", "be": "я ў Польшчы", "en": "Poland"}[lang])
    assert phones(content, "pl-kcik")[0] in chosen.replies[0].text
    assert payloads(chosen.replies[-1]) == ["h:yes", "h:text", "h:no"]


async def test_danger_phrase_inside_a_flow_interrupts_it(chat: Chat, content: Content) -> None:
    await chat.press("m:job_check")
    response = await chat.say("помогите меня избивают и не выпускают")
    assert response.replies[0].text.startswith(content.messages.risk_intro.get("ru").strip())


async def test_a_message_over_4000_characters_is_still_triaged(
    chat: Chat, content: Content
) -> None:
    long = "Работа на складе, условия такие. " * 150 + " У меня забрали паспорт."
    assert len(long) > 4000
    response = await chat.say(long)
    assert response.replies[0].text.startswith(content.messages.risk_intro.get("ru").strip())


def _never_offered(content: Content, country_id: str) -> set[str]:
    """Numbers of the country's lines that are not offered and that no offered line shares."""
    country = content.countries[country_id]
    ids = [*country.emergency, *country.hotlines]
    offered = {n for i in ids if content.hotlines[i].offered for n in phones(content, i)}
    return {
        n
        for i in ids
        if not content.hotlines[i].offered
        for n in phones(content, i)
        if n not in offered
    }


async def test_unverified_hotlines_are_never_presented_as_working_lines(
    make_engine: Callable[..., DialogueEngine], content: Content
) -> None:
    assert "113" in _never_offered(content, "BY")  # La Strada Belarus: status uncertain
    for country_id in content.countries:
        hidden = _never_offered(content, country_id)
        chat = Chat(make_engine())
        await chat.command("/start")
        await chat.say(AT_RISK["ru"])
        pages = [await chat.press(f"c:{country_id}"), await chat.command("/hotlines")]
        pages.append(await chat.command("/country"))
        pages.append(await chat.press(f"c:{country_id}"))
        shown = "\n".join(t for page in pages for t in texts(page))
        for number in hidden:
            assert number not in shown, (country_id, number)


async def test_hotlines_with_country_unknown_show_universal_numbers_and_ask(
    chat: Chat, content: Content
) -> None:
    response = await chat.command("/hotlines")
    assert phones(content, "eu-112")[0] in response.replies[0].text
    assert "c:LT" in payloads(response.replies[1])
    page = await chat.press("c:LT")
    assert phones(content, "lt-national-association-line")[0] in page.replies[0].text


# ---------------------------------------------------------------------- handoff
async def test_human_offer_alert_carries_no_raw_ids_and_text_only_with_consent(
    make_engine: Callable[..., DialogueEngine], content: Content
) -> None:
    raw_id = "987654321"
    user_key = Pseudonymizer("test-secret").user_key(f"tg:{raw_id}")
    chat = Chat(make_engine(), user_key=user_key, chat_key="chat-opaque")
    await chat.say(AT_RISK["en"])
    await chat.press("c:PL")  # the answer to "which country are you in?"
    shared = await chat.press("h:text")
    [alert] = alerts(shared)
    assert alert.reason == "risk" and alert.risk_level == "high"
    assert alert.user_text == AT_RISK["en"]
    assert alert.country == "PL" and "risk_documents_withheld" in alert.indicators
    assert raw_id not in repr(alert)
    assert texts(shared)[0].startswith(content.messages.human_requested.get("en").strip())

    await chat.say(AT_RISK["en"])
    [answers_only] = alerts(await chat.press("h:yes"))
    assert answers_only.user_text is None
    # The held message was dropped with the answer: a late "share my message" has nothing.
    [late] = alerts(await chat.press("h:text"))
    assert late.user_text is None


async def test_talk_to_a_person_asks_consent_first(chat: Chat) -> None:
    offer = await chat.press("m:human")
    assert alerts(offer) == []
    assert payloads(offer.replies[-1]) == ["h:yes", "h:no"]
    declined = await chat.press("h:no")
    assert alerts(declined) == []
    await chat.command("/operator")
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.reason == "request" and alert.user_text is None


async def test_operator_intent_goes_through_consent(chat: Chat) -> None:
    response = await chat.say("I want to talk to a real person, an operator")
    assert payloads(response.replies[-1]) == ["h:yes", "h:no"]


# ---------------------------------------------------------------------- fallbacks
async def test_low_confidence_offers_topics_and_the_menu(
    chat: Chat, content: Content, unsure_text: str, i18n: I18n
) -> None:
    await chat.command("/start")
    response = await chat.say(unsure_text)
    reply = response.replies[0]
    assert reply.text == content.messages.low_confidence.get("ru").strip()
    suggested = [p for p in payloads(reply) if p.startswith("i:")]
    assert 1 <= len(suggested) <= 3
    # Every menu entry is there, once: a menu button whose label is a suggested topic's
    # ("Check a job offer" for i:job_offer_check) is shown as that topic only.
    labels = {b.label for row in reply.buttons for b in row}
    tr = i18n.translator("ru")
    for entry in MAIN_MENU - set(payloads(reply)):
        assert tr.gettext(MENU_LABELS[entry.removeprefix("m:")]) in labels, entry
    picked = await chat.press(suggested[0])
    assert picked.replies


@pytest.mark.parametrize(
    "kind",
    [
        EventKind.STICKER,
        EventKind.PHOTO,
        EventKind.VIDEO,
        EventKind.LOCATION,
        EventKind.CONTACT,
        EventKind.DOCUMENT,
        EventKind.OTHER,
    ],
)
async def test_non_text_gets_a_text_only_notice_and_the_menu(
    chat: Chat, content: Content, kind: EventKind
) -> None:
    chat.language_code = "be"
    await chat.command("/start")
    response = await chat.send(kind)
    assert texts(response) == [content.messages.non_text.get("be").strip()]
    assert MAIN_MENU <= set(payloads(response.replies[0]))


# hotline_request, human_operator and change_language lead to their own pages, not an answer.
@pytest.mark.parametrize(
    "intent",
    sorted(
        (ADVICE_INTENTS | SERVICE_INTENTS)
        - {"hotline_request", "human_operator", "change_language"}
    ),
)
async def test_every_advice_and_service_intent_is_answered_from_content(
    chat: Chat, content: Content, intent: str
) -> None:
    chat.language_code = "en"
    response = await chat.press(f"i:{intent}")
    reply = response.replies[0]
    assert reply.text.startswith(for_team(content.answers[intent].text.get("en"), True).strip())
    assert "m:menu" in payloads(reply)
    for action in content.answers[intent].menu:
        assert f"m:{action}" in payloads(reply)


# ---------------------------------------------------------------------- privacy
async def test_delete_erases_the_session_in_redis(
    make_engine: Callable[..., DialogueEngine], redis_client: Redis, content: Content
) -> None:
    store = RedisSessionStore(redis_client)
    chat = Chat(make_engine(store=store), language_code="be")
    await chat.command("/start")
    await chat.press("c:LT")
    key = f"smb:session:{chat.user_key}"
    assert await redis_client.exists(key)
    response = await chat.command("/delete")
    assert EraseUserData(chat.user_key) in response.effects
    assert texts(response) == [content.messages.deleted.get("be").strip()]
    # Only the erasure record is left: the keyed hash and the time, TTL'd, so that a restore
    # from a backup erases the person again (docs/DEPLOY.md "Erasure record").
    assert await redis_client.keys("*") == [ERASED]
    assert await redis_client.ttl(ERASED) > 0
    assert await redis_client.zrange(ERASED, 0, -1) == [chat.user_key]


async def test_delete_button_erases_too(chat: Chat) -> None:
    response = await chat.press("m:delete")
    assert any(isinstance(e, EraseUserData) for e in response.effects)


@pytest.mark.parametrize("how", ["command", "button"])
async def test_delete_logs_the_key_an_erase_after_a_restore_finds_the_person_by(
    chat: Chat, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    """`python -m bot erase` after a restore takes the `user=` of this line (DEPLOY.md)."""
    caplog.set_level(logging.INFO, logger="bot.erasure")
    await (chat.command("/delete") if how == "command" else chat.press("m:delete"))
    assert f"data erased user={chat.user_key[:12]}" in [r.getMessage() for r in caplog.records]


async def test_hide_sends_only_the_neutral_notice(chat: Chat, content: Content) -> None:
    chat.language_code = "en"
    await chat.command("/start")
    response = await chat.command("/hide")
    assert response.replies == []
    assert response.effects == [
        HideChat(chat.chat_key, content.messages.hide_notice.get("en").strip())
    ]


async def test_no_message_text_in_redis_or_logs(
    make_engine: Callable[..., DialogueEngine],
    redis_client: Redis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(make_engine(store=RedisSessionStore(redis_client)))
    await chat.say(AT_RISK["ru"])
    await chat.say("Варшава, улица Маршалковская")
    stored = json.dumps([await redis_client.get(k) for k in await redis_client.keys("*")])
    assert "паспорт" not in stored and "Маршалковская" not in stored
    assert "паспорт" not in caplog.text and "Маршалковская" not in caplog.text
    assert chat.user_key not in caplog.text  # only a shortened keyed hash


# ---------------------------------------------------------------------- resilience
async def test_session_survives_a_restart_mid_flow(
    make_engine: Callable[..., DialogueEngine], redis_client: Redis
) -> None:
    first = Chat(make_engine(store=RedisSessionStore(redis_client)), language_code="en")
    await first.press("m:job_check")
    await first.press("f:job_offer_check:fees:no")
    await first.press("f:job_offer_check:credit:no")
    second = Chat(make_engine(store=RedisSessionStore(redis_client)), language_code="en")
    response = await second.say("2")  # typed: the second option of question 3
    assert response.replies[0].text.startswith("Question 4 of 13")


async def test_store_outage_still_gives_the_numbers(
    make_engine: Callable[..., DialogueEngine], content: Content
) -> None:
    from bot.storage.redis import connect

    dead = RedisSessionStore(connect(f"redis://127.0.0.1:{free_port()}/0"))
    chat = Chat(make_engine(store=dead))
    response = await chat.say(AT_RISK["ru"])
    assert phones(content, "eu-112")[0] in response.replies[0].text
    await dead.aclose()


async def test_content_edits_apply_without_restart(
    make_engine: Callable[..., DialogueEngine], content_dir: Path, tmp_path: Path,
    ad_checkers: AdCheckers,
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    holder = ContentHolder(copy, ad_checkers=ad_checkers)
    chat = Chat(make_engine(holder=holder), language_code="en")
    before = texts(await chat.command("/start"))[0]
    messages = copy / "messages.yaml"
    old_line = "Hello! I am a bot run by a project of a non-governmental organisation."
    text = messages.read_text(encoding="utf-8")
    assert old_line in text
    messages.write_text(text.replace(old_line, "Hi! This is the edited welcome."), "utf-8")
    holder.reload()
    after = texts(await chat.command("/start"))[0]
    assert before != after and after.startswith("Hi! This is the edited welcome.")


@pytest.mark.parametrize(
    ("lang", "yes", "no"), [("ru", "да", "нет"), ("be", "так", "не"), ("en", "yes", "no thanks")]
)
async def test_typed_yes_and_no_answer_the_human_offer(
    chat: Chat, lang: str, yes: str, no: str
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/operator")
    assert alerts(await chat.say(no)) == []
    await chat.command("/operator")
    [alert] = alerts(await chat.say(yes))
    assert alert.reason == "request" and alert.user_text is None


async def test_country_named_in_a_danger_message_answers_the_country_question(
    chat: Chat, content: Content
) -> None:
    await chat.command("/hotlines")  # the bot is waiting for the country
    response = await chat.say("я в Литве, у меня забрали паспорт")
    assert phones(content, "lt-national-association-line")[0] in response.replies[0].text
    assert payloads(response.replies[-1]) == ["h:yes", "h:text", "h:no"]


class _QuotingRecognizer:
    """A recogniser whose errors quote the text, as HTTP clients and validators do."""

    async def parse(self, text: str, language: str | None = None) -> None:
        raise ValueError(f"cannot classify {text!r}")


class _QuotingStore(InMemorySessionStore):
    """A store whose errors quote what it holds, like a pydantic validation error."""

    async def load(self, user_key: str) -> None:
        raise ValueError(f"invalid session for {user_key}: input_value='call +375 29 123-45-67'")

    async def save(self, user_key: str, session: object) -> None:
        raise ValueError(f"cannot save {session!r} for {user_key}")


async def test_failures_are_logged_without_the_persons_text(
    settings: Settings, content_holder: ContentHolder, i18n: I18n,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    engine = DialogueEngine(content_holder, _QuotingRecognizer(),  # type: ignore[arg-type]
                            build_triage(settings, content_holder.matchers), _QuotingStore(),
                            i18n, settings)
    chat = Chat(engine, language_code="ru")
    said = "меня заперли, позвоните +375 29 123-45-67"
    response = await chat.say(said)
    assert "112" in response.replies[0].text  # the danger phrases still answered
    assert caplog.records  # the failures were logged ...
    assert leaks(caplog.records, said, "+375 29 123-45-67", chat.user_key) == []  # ... bare


async def test_a_caption_is_read_like_a_message(chat: Chat, content: Content) -> None:
    chat.language_code = "en"
    response = await chat.send(EventKind.PHOTO, text=AT_RISK["en"])
    assert "112" in response.replies[0].text
    assert texts(response)[0] != content.messages.non_text.get("en").strip()
