"""The check-in tests' running bot: aiogram through the fake Bot API, real redis-server, a fake
clock (a module may define its own `bot`, which wins; `framework` picks the adapter)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import FakeClock, checkin_bot
from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer


@pytest.fixture
def framework() -> str:
    """The adapter `bot` runs: aiogram, unless a test parametrizes `framework`."""
    return "aiogram"


@pytest.fixture
def clock() -> FakeClock:
    """The time `bot`'s engine and scheduler read: it moves when a test advances it."""
    return FakeClock()


@pytest.fixture
async def bot(framework: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis, clock: FakeClock) -> AsyncIterator[HandoffBot]:
    running = checkin_bot(fake_api, framework, redis_server.url, clock)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()
