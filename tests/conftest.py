"""Shared fixtures: a real redis-server per session, flushed between tests; the fake Bot API;
ad checkers whose sentence model is trained once per session for the same rules."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from redis.asyncio import Redis

from bot.core.adcheckers import AdCheckers
from tests.helpers.engine import trained_once
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer, running_redis


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    with running_redis() as server:
        yield server


@pytest.fixture
async def redis_client(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_server.url, decode_responses=True)
    await client.flushdb()
    try:
        yield client
    finally:
        await client.flushdb()
        await client.aclose()


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    try:
        yield api
    finally:
        await api.stop()


@pytest.fixture
def ad_checkers() -> AdCheckers:
    """For content a test loads (`check_content(..., ad_checkers=ad_checkers)`): the ad
    check's sentence model for rules equal to ones trained before in this session is not
    trained again (tests/helpers/engine.py TrainedOnce)."""
    return AdCheckers(trained_once())
