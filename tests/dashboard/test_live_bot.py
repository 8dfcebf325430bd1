"""The dashboard's numbers come from a real bot: runner, engine, handoff, fake Bot API, Redis."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.dashboard.botside import bot_report
from bot.dashboard.data import case_report, queue_now
from bot.privacy import Pseudonymizer
from tests.dashboard.conftest import today
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    consent,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person


async def test_a_case_handled_by_the_bot_shows_on_the_dashboard(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    bot = HandoffBot(settings_for(fake_api, "aiogram", redis_server.url))
    await bot.start()
    try:
        person, operator = Person(bot, fake_api, 555, "ru"), Operator(fake_api)
        await reach_consent(person, "у меня забрали паспорт и не отпускают")
        await consent(person)
        (alert,) = await sent_to(fake_api, OPS, "Case #")
        waiting = await queue_now(redis_client, Pseudonymizer(PSEUDONYM_KEY))
        assert len(waiting.waiting) == 1 and not waiting.per_operator
        await operator.press(f"op:take:{case_of(alert)}")
        await sent_to(fake_api, person.chat_id, "подключился")
        taken = await queue_now(redis_client, Pseudonymizer(PSEUDONYM_KEY))
        assert not taken.waiting and list(taken.per_operator.values()) == [1]
    finally:
        await bot.stop()  # the bot's counters are saved as it stops

    cases = await case_report(redis_client, today(), 7, "day")
    assert cases.cases[today()] == 1
    assert cases.by_dimension["country"] == {"PL": {today(): 1}}
    (row,) = [r for r in cases.response_rows() if r[1] == "taken"]
    assert row[2] == 1
    side = await bot_report(redis_client, today(), 7, "day")
    assert side.rows["handled"][today()] >= 4  # /start, the message, the country, consent
