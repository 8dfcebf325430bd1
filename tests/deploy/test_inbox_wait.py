"""REDIS_WAIT_REPLICAS: an accepted update is on a Redis replica before Telegram gets its 200.

Real redis-server primary and replica and three real redis-sentinels (tests/helpers/ha.py); the
inbox is built from the settings as the webhook runner builds it, on a client of the primary.
While the replica is up, an update put in the inbox is already on it when `put` returns; with
the replica gone, `put` still accepts the update (it is handled at once: a 503 would stop the
bot while a replica is down) and counts it in `smb_inbox_unreplicated_total`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.inbox import RedisInbox
from bot.adapters.telegram.webhook_runner import build_inbox
from bot.config import load_settings
from bot.metrics import Metrics
from bot.storage.health import RedisHealth
from bot.storage.redis import connect
from tests.helpers.ha import SentinelRedis

pytestmark = pytest.mark.replicas


@pytest.fixture
async def sentinel_redis() -> AsyncIterator[SentinelRedis]:
    redis = SentinelRedis()
    try:
        await asyncio.to_thread(redis.up)
        yield redis
    finally:
        await asyncio.to_thread(redis.close)


def unreplicated(metrics: Metrics) -> float:
    return metrics.registry.get_sample_value("smb_inbox_unreplicated_total") or 0.0


async def test_an_accepted_update_is_on_the_replica_when_the_setting_asks_for_it(
    sentinel_redis: SentinelRedis, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]  # no developer's .env is read
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{sentinel_redis.ports['a']}/0")
    monkeypatch.setenv("REDIS_WAIT_REPLICAS", "1")
    # Generous: on a loaded machine the replica's ack can take longer than a production-like
    # 100-200 ms, and a WAIT that times out counts the update as unreplicated.
    monkeypatch.setenv("REDIS_WAIT_TIMEOUT_MS", "3000")
    settings = load_settings()
    assert (settings.redis.wait_replicas, settings.redis.wait_timeout_ms) == (1, 3000)
    client = connect(settings.redis.url or "")  # the primary (the sentinels watch it)
    replica = Redis(port=sentinel_redis.ports["b"], decode_responses=True)
    metrics = Metrics()
    inbox = build_inbox(settings, RedisHealth(client), metrics)
    assert isinstance(inbox, RedisInbox)
    await asyncio.to_thread(sentinel_redis.in_sync)  # the replica has finished its first sync
    try:
        # Each put is on the replica the moment it returns: WAIT held the 200 until then.
        for update_id in range(1, 21):
            assert await inbox.put(update_id, {"update_id": update_id})
            assert await replica.exists(f"smb:inbox:{update_id}") == 1, update_id
        assert unreplicated(metrics) == 0

        # The replica is gone: the update is still taken (and handled), and counted.
        await asyncio.to_thread(sentinel_redis.stop, "redis-b")
        assert await inbox.put(21, {"update_id": 21})
        assert unreplicated(metrics) == 1
        assert [u["update_id"] async for u in inbox.left()] == []  # ours: in hand here
    finally:
        await replica.aclose()
        await client.aclose()


async def test_without_the_setting_the_inbox_does_not_wait(
    sentinel_redis: SentinelRedis, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{sentinel_redis.ports['a']}/0")
    monkeypatch.delenv("REDIS_WAIT_REPLICAS", raising=False)
    settings = load_settings()
    assert settings.redis.wait_replicas == 0
    client = connect(settings.redis.url or "")  # the primary (the sentinels watch it)
    metrics = Metrics()
    inbox = build_inbox(settings, RedisHealth(client), metrics)
    try:
        await asyncio.to_thread(sentinel_redis.stop, "redis-b")
        assert await inbox.put(1, {"update_id": 1})
        assert unreplicated(metrics) == 0  # nothing waited for, nothing counted
    finally:
        await client.aclose()
