"""Polling: one person's updates of one getUpdates batch are answered in update_id order, while
different people still run at once (both adapters, fake Bot API over real HTTP, real Redis).

The ops tester's case: after a restart `/start` and an at-risk message came in one batch and the
at-risk message was answered first (emergency numbers and the consent question before the
greeting with its privacy note). Not so yet: the per-person order held a danger message behind
a hung send and was taken out (README "Rate limit, edits and delivery").
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from tests.helpers.fake_bot_api import FakeBotAPI, message_update, user
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

AT_RISK = "у меня забрали паспорт и не отдают"
SEQUENCE = ["/start", AT_RISK, "/help", "спасибо"]
Start = Callable[..., Awaitable[RunningBot]]


async def answers_one_by_one(bot: RunningBot, api: FakeBotAPI, user_id: int) -> list[str]:
    """What a person who waits for each answer gets: the order the batch must keep."""
    person = Person(bot, api, user_id, "ru")
    texts: list[str] = []
    for text in SEQUENCE:
        texts += [call.text for call in await person.say(text)]
    return texts


async def test_a_batch_is_answered_in_order_per_person(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    alone, first, second = 5101, 5201, 5202
    # Queued while the bot is down: its first getUpdates returns them all in one batch. One
    # person's whole sequence, then two people's interleaved.
    for text in SEQUENCE:
        await fake_api.push(message_update(fake_api, user(alone), text=text))
    for text in SEQUENCE:
        for person in (first, second):
            await fake_api.push(message_update(fake_api, user(person), text=text))

    settings = make_settings(fake_api, framework, redis_server.url, rate_limit=100)
    bot = await running(settings, engine_factory)
    await fake_api.quiet()
    await bot.settle()
    expected = await answers_one_by_one(bot, fake_api, 5301)

    assert expected[0] != expected[1]  # the greeting differs from what follows it
    for person in (alone, first, second):
        got = [call.text for call in fake_api.calls_to("sendMessage", person)]
        assert got == expected  # in order, nothing lost or doubled
