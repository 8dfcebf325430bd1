"""The employer's name and the contact a person typed for check-ins are never kept in Redis as
plain text: the plan seals them (store.py), and the case a missed check-in opens shows them in
its alert once (the person's words shared with consent) and drops them from its record when
the alert is posted; the posted alert keeps them for the operators, also after a take (it is
never redrawn without them). Fake Bot API, real redis-server, fake clock, both adapters."""

from __future__ import annotations

from typing import Any

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import GRACE, INTERVAL, FakeClock, miss_check_in, sent_to, set_up
from tests.handoff.telegram import OPS, HandoffBot, Operator, case_of
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

EMPLOYER, CONTACT = "Агентство Зорька", "сестра +48 500 100 200"
FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


async def everything(redis: Redis) -> str:
    """Every key and value in Redis, as one text."""
    out: list[str] = []
    async for key in redis.scan_iter("*"):
        kind = await redis.type(key)
        readers: dict[str, Any] = {
            "string": redis.get, "hash": redis.hgetall, "set": redis.smembers,
            "list": lambda k: redis.lrange(k, 0, -1), "zset": lambda k: redis.zrange(k, 0, -1),
            "stream": redis.xrange,
        }
        value = await readers[kind](key) if kind in readers else None
        out.append(f"{key!r} {value!r}")
    return "\n".join(out)


def plain(dump: str) -> list[str]:
    return [word for word in ("Зорька", "500 100 200", "сестра") if word in dump]


@FRAMEWORKS
async def test_no_plain_employer_or_contact_in_redis_after_a_missed_check_in(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock,
    bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 7971, "ru")
    await person.say("/start")
    await set_up(person, employer=EMPLOYER, contact=CONTACT)
    assert plain(await everything(redis_client)) == []  # the plan: sealed
    await miss_check_in(person, fake_api, clock, "Как дела, всё в порядке?")
    [alert] = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]
    assert EMPLOYER in alert.text and CONTACT in alert.text  # the team sees them
    await bot.settle()
    await fake_api.quiet()
    assert plain(await everything(redis_client)) == []
    # Taken: the alert still shows them (a note is posted, the alert is not redrawn).
    await Operator(fake_api).press(f"op:take:{case_of(alert)}")
    await fake_api.quiet()
    assert any(EMPLOYER in text and CONTACT in text for text in fake_api.chats[OPS].values())
    assert plain(await everything(redis_client)) == []


@FRAMEWORKS
async def test_no_plain_employer_or_contact_in_redis_while_the_alert_waits_to_be_posted(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock,
    bot: HandoffBot,
) -> None:
    """The case a missed check-in opens holds the name and the contact until its alert is
    posted; while Telegram refuses the post (429), they are in Redis, sealed like the plan."""
    person = Person(bot, fake_api, 7972, "ru")
    await person.say("/start")
    await set_up(person, employer=EMPLOYER, contact=CONTACT)
    fake_api.fail("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5,
                  times=1000, chat_id=OPS)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, person.chat_id, "Как дела, всё в порядке?")
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    await fake_api.wait_calls("sendMessage", 1, chat_id=OPS)  # tried, refused: still queued
    cases = [key async for key in redis_client.scan_iter("*handoff:case:*")]
    held = [await redis_client.hget(key, "user_text") for key in cases]
    assert any(held), "the case must still hold the shared words while the alert waits"
    assert plain(await everything(redis_client)) == []
    assert all([await redis_client.ttl(key) > 0 for key in cases])
    fake_api.clear_failures()  # Telegram answers again: the alert shows them to the team
    await sent_to(fake_api, OPS, "Case #", since=mark)
    [alert] = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]
    assert EMPLOYER in alert.text and CONTACT in alert.text
