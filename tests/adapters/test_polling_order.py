"""Polling: one person's updates of one getUpdates batch are answered in update_id order, while
different people still run at once (both adapters, fake Bot API over real HTTP, real Redis).

The ops tester's case: after a restart `/start` and an at-risk message came in one batch and the
at-risk message was answered first (emergency numbers and the consent question before the
greeting with its privacy note).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.person_order import PersonOrder
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


@pytest.mark.xfail(strict=True, reason="the per-person order is off in polling: it held a danger "
                   "message behind an earlier update whose send hung (test_delivery_failures)")
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


async def test_people_are_not_served_one_at_a_time() -> None:
    order = PersonOrder()
    first_in = asyncio.Event()
    seen: list[str] = []

    async def slow_person() -> None:
        async with order.turn(1):
            first_in.set()
            await asyncio.sleep(3600)  # cancelled below

    async def other_person() -> None:
        async with order.turn(2):
            seen.append("other")

    async def same_person_later() -> None:
        async with order.turn(1):
            seen.append("same")

    blocked = asyncio.create_task(slow_person())
    await first_in.wait()
    later = asyncio.create_task(same_person_later())
    await asyncio.wait_for(other_person(), 5)  # not held up by person 1
    assert seen == ["other"]
    blocked.cancel()
    await later
    assert seen == ["other", "same"] and len(order) == 0


async def test_a_cancelled_wait_does_not_let_a_later_update_overtake() -> None:
    order = PersonOrder()
    release = asyncio.Event()
    seen: list[str] = []

    async def turn(name: str, wait: asyncio.Event | None = None) -> None:
        async with order.turn(7):
            if wait is not None:
                await wait.wait()
            seen.append(name)

    first = asyncio.create_task(turn("first", release))
    await asyncio.sleep(0)
    second = asyncio.create_task(turn("second"))
    await asyncio.sleep(0)
    third = asyncio.create_task(turn("third"))
    await asyncio.sleep(0)
    second.cancel()
    await asyncio.sleep(0)
    assert seen == []  # third still waits for first
    release.set()
    await asyncio.gather(first, third)
    assert seen == ["first", "third"] and len(order) == 0


async def test_an_update_that_never_ends_holds_the_next_one_only_for_the_wait(
    caplog: pytest.LogCaptureFixture,
) -> None:
    order = PersonOrder(wait=0.05)  # as the person's lock: an update stuck for good
    stuck = asyncio.Event()
    seen: list[str] = []

    async def never_ends() -> None:
        async with order.turn(9):
            stuck.set()
            await asyncio.Event().wait()

    async def next_words() -> None:
        async with order.turn(9):
            seen.append("answered")

    hanging = asyncio.create_task(never_ends())
    await stuck.wait()
    with caplog.at_level(logging.WARNING):
        await asyncio.wait_for(next_words(), 30)
    assert seen == ["answered"]
    assert "the next one goes ahead" in caplog.text
    hanging.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await hanging
    assert len(order) == 0
