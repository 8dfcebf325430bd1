"""The job-ad check over real HTTP (fake Bot API) and a real Redis, for aiogram and PTB."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

# A recruiter's message as it arrives forwarded: short, in someone else's words.
RECRUITER = (
    "Девочки, срочно! Работа хостес в Дубае, 18-25 лет, приятная внешность. "
    "Паспорт оставите у координатора, билет в долг. Пиши в телеграм @dubai_hostess_now"
)


Start = Callable[..., Awaitable[RunningBot]]


async def _value(redis: Redis, key: str) -> Any:
    """Whatever a key holds, whatever its type (sessions, queues, case records)."""
    kind = await redis.type(key)
    readers = {
        "string": redis.get, "hash": redis.hgetall, "set": redis.smembers,
        "list": lambda k: redis.lrange(k, 0, -1), "zset": lambda k: redis.zrange(k, 0, -1),
        "stream": redis.xrange,
    }
    return await readers[kind](key) if kind in readers else None

# The operators' supergroup: a human is offered only where someone can read the case.
OPS = -1009876543


async def test_forwarded_recruiter_message_gets_its_red_flags(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    bot: RunningBot = await running(
        make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS), engine_factory
    )
    person = Person(bot, fake_api, 3101, "ru")
    await person.say("/start")
    origin = {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())}

    offer = await person.send(text=RECRUITER, forward_origin=origin)
    assert any(p.startswith("ad:check") for call in offer for p in call.payloads)

    report = await person.press("ad:check")
    text = "\n".join(call.text for call in report)
    assert "Паспорт нужно отдать" in text
    assert "Паспорт оставите у координатора" in text  # the ad's own words, quoted
    assert "Уровень риска: высокий" in text
    assert any("h:yes" in call.payloads for call in report)  # a human is offered
    stored = json.dumps([await _value(redis_client, k) for k in await redis_client.keys("*")])
    assert "координатора" not in stored and "dubai_hostess_now" not in stored
