"""Redis full on the whole Telegram path (fake Bot API, real redis-server), both adapters."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import OPS, HandoffBot, reach_consent, sent_to, settings_for
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person
from tests.storage.conftest import fill


@pytest.fixture
async def bot(request: pytest.FixtureRequest, fake_api: FakeBotAPI,
              small_redis: RedisServer) -> AsyncIterator[HandoffBot]:
    running = HandoffBot(settings_for(fake_api, request.param, small_redis.url))
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.mark.parametrize("bot", ["aiogram", "ptb"], indirect=True)
async def test_a_person_at_risk_is_answered_and_their_alert_reaches_operators_when_redis_is_full(
    bot: HandoffBot, fake_api: FakeBotAPI, small_client: Redis,
) -> None:
    person = Person(bot, fake_api, 556, "ru")
    await reach_consent(person)
    await fill(small_client)

    told = await person.press("h:yes")

    assert told and told[0].text  # answered, not left in silence
    (alert,) = await sent_to(fake_api, OPS, "Queue degraded")
    assert "Poland" in alert.text and "Documents withheld" in alert.text
    assert "номер в очереди" not in " ".join(c.text for c in told)  # no queue place promised
    assert (await small_client.info("stats"))["evicted_keys"] == 0
