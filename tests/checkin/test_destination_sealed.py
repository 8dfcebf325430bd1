"""What a person agreed to share for check-ins is sealed at rest like their other words: the
destination and the clock they chose (which names where they will be) are encrypted in the plan
(`smb:checkin:<user>`, with its TTL), the destination line of a missed check-in's case too (its
`summary`); "Stop asking" and /delete erase the plan at once. Raw Redis keys are read: no plain
value. Fake Bot API, real redis-server, fake clock."""

from __future__ import annotations

import json

import pytest
from redis.asyncio import Redis

from bot.checkin.store import plan_key
from bot.privacy import Pseudonymizer
from tests.checkin.helpers import FakeClock, miss_check_in, set_up
from tests.checkin.test_typed_fields_not_in_redis import everything
from tests.handoff.telegram import OPS, HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

PLAIN = ("Europe/Warsaw", "Poland", "Польша", "Польшча", "Warsaw")


def user_key(user_id: int) -> str:
    return Pseudonymizer(PSEUDONYM_KEY).user_key(f"tg:{user_id}")


async def stored_plan(redis: Redis, user_id: int) -> dict[str, object]:
    raw = await redis.get(plan_key(user_key(user_id)))
    assert raw is not None
    return dict(json.loads(raw))


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_the_destination_and_clock_are_sealed_in_the_plan_and_the_case(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock,
    bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 7981, "ru")
    await person.say("/start")
    await set_up(person, country="PL")
    plan = await stored_plan(redis_client, 7981)
    assert str(plan["country"]).startswith("gAAAAA") and str(plan["zone"]).startswith("gAAAAA")
    assert await redis_client.ttl(plan_key(user_key(7981))) > 0
    assert [p for p in PLAIN if p in await everything(redis_client)] == []
    await miss_check_in(person, fake_api, clock, "Как дела, всё в порядке?")
    [alert] = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]
    assert "Poland" in alert.text  # the team reads it
    await bot.settle()
    assert [p for p in PLAIN if p in await everything(redis_client)] == []


@pytest.mark.parametrize("end", ["/delete", "ci:stop"])
async def test_stop_and_delete_erase_the_plan_at_once(
    end: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 7982, "en")
    await person.say("/start")
    await set_up(person, country="PL")
    if end == "/delete":
        await person.say("/delete")
    else:
        await person.press("ci:stop")
    assert await redis_client.get(plan_key(user_key(7982))) is None
