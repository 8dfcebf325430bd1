"""The at-risk path for every country, over real HTTP (fake Bot API) and a real Redis, for
aiogram and PTB: the "Other country" button, a country without a page typed in, and the
harmless line left by /hide (issue 8 items 2 and 7)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.nlu.base import IntentRecognizer
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

AT_RISK = "у меня забрали паспорт и не отдают"
Start = Callable[..., Awaitable[RunningBot]]

# The operators' supergroup: a human is offered only where someone can read the case.
OPS = -1009876543


@pytest.fixture
def content(engine_parts: tuple[ContentHolder, IntentRecognizer]) -> Content:
    return engine_parts[0].content


@pytest.fixture
async def bot(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> RunningBot:
    settings = make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS)
    return await running(settings, engine_factory)


def payloads(calls: list[Call]) -> list[str]:
    return [p for call in calls for p in call.payloads]


def text(calls: list[Call]) -> str:
    return "\n".join(call.text for call in calls)


async def test_nobody_is_stuck_off_the_country_list(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content
) -> None:
    person = Person(bot, fake_api, 3101, "ru")
    asked = await person.say(AT_RISK)
    assert "112" in text(asked) and "c:other" in payloads(asked)
    other = await person.press("c:other")
    assert "112" in text(other)
    assert payloads(other)[-3:] == ["h:yes", "h:text", "h:no"]

    typed = Person(bot, fake_api, 3102, "ru")
    await typed.say(AT_RISK)
    italy = await typed.say("я в Италии")
    name = content.countries["IT"].name.get("ru") if "IT" in content.countries else "Италия"
    assert name in text(italy) and "112" in text(italy)
    assert content.answers["out_of_scope"].text.get("ru")[:40] not in text(italy)
    assert payloads(italy)[-3:] == ["h:yes", "h:text", "h:no"]


async def test_hide_leaves_an_ordinary_line(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content
) -> None:
    person = Person(bot, fake_api, 3103, "be")
    await person.say("/start")
    await person.say("у мяне забралі пашпарт")
    await person.say("/hide")
    [left] = list(fake_api.chats[person.chat_id].values())
    assert left == content.messages.hide_notice.get("be")
    assert not any(w in left.lower() for w in ("чат", "ачышч", "выдал", "схав"))


async def test_a_danger_emoji_alone_gets_the_numbers(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content
) -> None:
    person = Person(bot, fake_api, 3104, "ru")
    replies = await person.say("🆘")
    assert replies[0].text.startswith(content.messages.risk_intro.get("ru")[:30])
    assert "112" in replies[0].text


# A phone's keyboard or a habit puts a slash first: in the person's chat only their commands
# are commands (bot/core/commands.py); the rest is the message, never "I do not know this
# command", and never logged.
@pytest.mark.parametrize("text", ["/помогите меня держат и бьют", "/+48600123456 меня бьют"])
async def test_a_slash_before_a_cry_is_read_as_the_message_and_never_logged(
    text: str, fake_api: FakeBotAPI, bot: RunningBot, caplog: pytest.LogCaptureFixture,
) -> None:
    person = Person(bot, fake_api, 8801, "ru")
    caplog.set_level(logging.DEBUG)
    answer = await person.say(text)
    assert "112" in answer[0].text  # the at-risk path, not "I do not know this command"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "помогите" not in logged and "48600123456" not in logged and "бьют" not in logged


async def test_a_city_named_instead_of_the_country_gets_its_numbers_at_once(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content
) -> None:
    person = Person(bot, fake_api, 3104, "ru")
    told = await person.say("Я в Кракове, у меня забрали паспорт и не отдают")
    poland = content.countries["PL"]
    emergency = [p.number for i in poland.emergency for p in content.hotlines[i].phones]
    assert poland.name.get("ru") in text(told)
    assert emergency and all(n in text(told) for n in emergency)
    assert content.messages.ask_country.get("ru").strip() not in text(told)
    assert payloads(told)[-3:] == ["h:yes", "h:text", "h:no"]
