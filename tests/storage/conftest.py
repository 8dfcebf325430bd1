"""Fixtures for storage: the real engine over a Redis-backed store, small-memory Redis servers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.config import REPO_ROOT, OperatorSettings
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.handoff.service import QueueHandoff, build_handoff
from bot.i18n import I18n
from bot.storage.fallback import FallbackSessionStore
from bot.storage.health import RedisHealth
from bot.storage.redis import RedisSessionStore, connect
from tests.handoff.conftest import (
    OPERATOR,
    OPS_CHAT,
    PSEUDONYMS,
    RecordingMessenger,
    make_handoff,  # noqa: F401  # a fixture, used by name
    minimal_content,
)
from tests.helpers.chat import plain_settings
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.redis_server import RedisServer, running_redis

# A Redis that is already near its limit: about 1 MB is used by an empty redis-server 7.
SMALL = {"maxmemory": "2mb", "maxmemory-policy": "noeviction"}


@pytest.fixture(scope="module")
def small_redis() -> Iterator[RedisServer]:
    """A redis-server with maxmemory 2 MB and noeviction (what deploy/redis.conf sets)."""
    with running_redis(SMALL) as server:
        yield server


@pytest.fixture
async def small_client(small_redis: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(small_redis.url, decode_responses=True)
    await make_room(client)
    await client.flushall()
    try:
        yield client
    finally:
        await make_room(client)
        await client.flushall()
        await client.aclose()


@pytest.fixture
def make_engine() -> Callable[..., DialogueEngine]:
    settings = plain_settings()
    i18n = I18n(settings.bot.locales_dir)

    def make(store: FallbackSessionStore) -> DialogueEngine:
        return DialogueEngine(shared_content(), shared_recognizer(),
                              build_triage(settings, shared_content().matchers),
                              store, i18n, settings)

    return make


@pytest.fixture
async def fallback_store() -> AsyncIterator[Callable[[str], FallbackSessionStore]]:
    """`fallback_store(url)`: the production store (Redis, memory meanwhile); closed at the end."""
    stores: list[FallbackSessionStore] = []

    def make(url: str) -> FallbackSessionStore:
        redis = connect(url)
        health = RedisHealth(redis, probe_interval=0.05)
        store = FallbackSessionStore(RedisSessionStore(redis), health, InMemorySessionStore())
        stores.append(store)
        return store

    try:
        yield make
    finally:
        for store in stores:
            await store.aclose()


async def fill(client: Redis) -> int:
    """Write 64 kB values until Redis refuses with OOM, and keep it full; returns how many.

    Redis frees buffers on its own (a client's query buffer shrinks within a second), which
    would let small writes through again; lowering maxmemory to what is used holds it full.
    """
    from redis.exceptions import OutOfMemoryError

    blob = "x" * 65536
    for n in range(10_000):
        try:
            await client.set(f"filler:{n}", blob)
        except OutOfMemoryError:
            used = int((await client.info("memory"))["used_memory"])
            await client.config_set("maxmemory", str(used - 256 * 1024))
            return n
    raise AssertionError("Redis never refused a write: is maxmemory set?")


async def make_room(client: Redis) -> None:
    """Free the filler and restore the small server's maxmemory: writes are accepted again."""
    await client.config_set("maxmemory", SMALL["maxmemory"])
    fillers = await client.keys("filler:*")
    if fillers:
        await client.delete(*fillers)


def handoff_on(client: Redis, messenger: RecordingMessenger, **kw: Any) -> QueueHandoff:
    settings = OperatorSettings(_env_file=None, chat_id=OPS_CHAT, ids=str(OPERATOR))  # type: ignore[call-arg]
    content = minimal_content()
    return build_handoff(
        settings, redis=client, messenger=messenger, pseudonymizer=PSEUDONYMS,
        content=lambda: content, i18n=I18n(REPO_ROOT / "locales"), case_ttl=3600,
        read_block=0.05, tick=0.05, claim_every=0.05, claim_idle=0.05, **kw,
    )


async def run_until(handoff: QueueHandoff, done: Callable[[], bool], limit: float = 5.0) -> None:
    """Run the handoff's background poster until `done()` (or `limit` seconds)."""
    stop = asyncio.Event()
    task = asyncio.create_task(handoff.run(stop))
    for _ in range(int(limit / 0.02)):
        if done():
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.3)  # room for a wrong second post to show up
    stop.set()
    await task
