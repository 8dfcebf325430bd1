"""Keep answering when Redis goes away: fall back to memory, probe Redis, return when it is back."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.core.session import Session
from bot.core.session_store import InMemorySessionStore
from bot.storage.redis import RedisSessionStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class RedisHealth:
    """Whether Redis is usable now; after a failure, one PING per `probe_interval` seconds."""

    def __init__(self, redis: Redis, probe_interval: float = 2.0) -> None:
        self.redis = redis
        self._interval = probe_interval
        self._up = True
        self._next_probe = 0.0
        self._on_recover: list[Callable[[], Awaitable[None]]] = []

    @property
    def up(self) -> bool:
        return self._up

    def on_recover(self, callback: Callable[[], Awaitable[None]]) -> None:
        """Run `callback` once each time Redis comes back (e.g. replay erasures)."""
        self._on_recover.append(callback)

    def failed(self, exc: BaseException) -> None:
        """Record a failed Redis call; logs once per outage, with no user data."""
        if self._up:
            log.error("Redis unavailable (%s): answering from memory until it is back",
                      type(exc).__name__)
        self._up = False
        self._next_probe = time.monotonic() + self._interval

    async def available(self) -> bool:
        """True when Redis should be used; probes it when an outage's probe is due."""
        if self._up:
            return True
        if time.monotonic() < self._next_probe:
            return False
        self._next_probe = time.monotonic() + self._interval
        try:
            await self.redis.ping()
        except (RedisError, OSError):
            return False
        self._up = True
        log.warning("Redis is back: sessions are stored in Redis again")
        for callback in self._on_recover:
            try:
                await callback()
            except (RedisError, OSError) as exc:
                self.failed(exc)
                return False
        return True

    async def call(
        self, primary: Callable[[], Awaitable[T]], fallback: Callable[[], Awaitable[T]]
    ) -> T:
        """Run `primary` against Redis if it is up, else (or when it fails) `fallback`."""
        if await self.available():
            try:
                return await primary()
            except (RedisError, OSError) as exc:
                self.failed(exc)
        return await fallback()


class FallbackSessionStore:
    """A `SessionStore` on Redis that survives outages: memory meanwhile, merged back after."""

    def __init__(self, redis_store: RedisSessionStore, health: RedisHealth,
                 memory: InMemorySessionStore | None = None) -> None:
        self._redis = redis_store
        self._memory = memory or InMemorySessionStore()
        self._health = health
        self._pending_erase: set[str] = set()
        health.on_recover(self._replay_erasures)

    async def _replay_erasures(self) -> None:
        # A /delete during the outage must still reach Redis: the person asked for it.
        while self._pending_erase:
            user_key = next(iter(self._pending_erase))
            await self._redis.delete_user(user_key)
            self._pending_erase.discard(user_key)

    async def load(self, user_key: str) -> Session | None:
        async def from_redis() -> Session | None:
            # A session changed during an outage is newer than Redis's copy: write it back.
            newer = await self._memory.load(user_key)
            if newer is not None:
                await self._redis.save(user_key, newer)
                await self._memory.delete_user(user_key)
                return newer
            return await self._redis.load(user_key)

        return await self._health.call(from_redis, lambda: self._memory.load(user_key))

    async def save(self, user_key: str, session: Session) -> None:
        async def to_redis() -> None:
            await self._redis.save(user_key, session)
            await self._memory.delete_user(user_key)

        await self._health.call(to_redis, lambda: self._memory.save(user_key, session))

    async def delete_user(self, user_key: str) -> None:
        await self._memory.delete_user(user_key)

        async def remember() -> None:
            self._pending_erase.add(user_key)

        await self._health.call(lambda: self._redis.delete_user(user_key), remember)

    async def aclose(self) -> None:
        await self._memory.aclose()
        await self._redis.aclose()
