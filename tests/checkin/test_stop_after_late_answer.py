""""Stop asking" after a missed check-in reaches the team even when a late answer came first
(docs/OPERATORS.md promises a "stop asking (check-ins are off)" line): missed -> alert; a late
"плохо" -> "not fine"; then "Stop asking" -> "stop asking", and the plan is gone. Without an
alert, "Stop asking" tells nobody. Fake Bot API, real redis-server, fake clock, both adapters."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import plan_key
from bot.storage.keys import CHECKIN_DUE
from tests.checkin.helpers import INTERVAL, FakeClock, idle, miss_check_in, set_up
from tests.handoff.telegram import OPS, HandoffBot, pseudonym, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = "Как дела, всё в порядке?"
FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
STOP_LINE = "answered the missed check-in late: stop asking"


@FRAMEWORKS
async def test_stop_after_a_late_answer_is_told_to_the_team(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7951, "ru")
    await person.say("/start")
    await set_up(person)
    await miss_check_in(person, fake_api, clock, QUESTION)
    mark = len(fake_api.calls)
    await person.say("плохо")
    await sent_to(fake_api, OPS, "answered the missed check-in late: not fine", since=mark)
    mark = len(fake_api.calls)
    [stopped] = await person.press("ci:stop")
    assert "больше не буду спрашивать" in stopped.text
    (line,) = await sent_to(fake_api, OPS, STOP_LINE, since=mark)
    assert pseudonym(7951) in line.text
    await idle()
    assert await redis_client.zcard(CHECKIN_DUE) == 0
    assert [k async for k in redis_client.scan_iter(plan_key("*"))] == []
    # No more questions come.
    mark = len(fake_api.calls)
    clock.advance(3 * INTERVAL)
    await idle()
    assert not fake_api.calls_to("sendMessage", person.chat_id, mark)


@FRAMEWORKS
async def test_stop_without_a_missed_check_in_tells_nobody(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7952, "ru")
    await person.say("/start")
    await set_up(person)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, person.chat_id, QUESTION)
    mark = len(fake_api.calls)
    await person.press("ci:stop")
    await idle()
    assert not fake_api.calls_to("sendMessage", OPS, mark)
