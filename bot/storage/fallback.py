"""Keep answering when Redis goes away or is full: memory meanwhile, merged back after.

Never blank a session: a load that fails answers with the last copy this process saw (so an
alert keeps the risk, country and answers the person already gave), and a session started from
nothing during a failure never replaces the one Redis still holds.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from bot.core.session import Session
from bot.core.session_store import InMemorySessionStore
from bot.storage.health import RedisHealth
from bot.storage.redis import RedisSessionStore, Staged

log = logging.getLogger(__name__)
# Last-known sessions kept per process, for loads that fail: about 0.5 kB each (see
# bench/bench_redis_memory.py), so 10,000 people cost about 5 MB of the bot's memory.
LAST_KNOWN = 10_000

__all__ = ["FallbackSessionStore", "RedisHealth"]


class FallbackSessionStore:
    """A `SessionStore` on Redis that survives outages and OOM without losing or blanking one."""

    def __init__(self, redis_store: RedisSessionStore, health: RedisHealth,
                 memory: InMemorySessionStore | None = None, *,
                 last_known: int = LAST_KNOWN) -> None:
        self._redis = redis_store
        self._memory = memory or InMemorySessionStore()  # written while Redis cannot be
        self._health = health
        self._pending_erase: set[str] = set()
        self._known: OrderedDict[str, str] = OrderedDict()
        self._known_max = last_known
        self._blind: set[str] = set()  # loaded when Redis failed and nothing was known
        health.on_recover(self._replay_erasures)

    async def _replay_erasures(self) -> None:
        # A /delete during the outage must still reach Redis: the person asked for it.
        while self._pending_erase:
            user_key = next(iter(self._pending_erase))
            await self._redis.delete_user(user_key)
            self._pending_erase.discard(user_key)

    def _remember(self, user_key: str, session: Session | None) -> None:
        if session is None:
            self._known.pop(user_key, None)
            return
        self._known[user_key] = session.model_dump_json()
        self._known.move_to_end(user_key)
        while len(self._known) > self._known_max:
            self._known.popitem(last=False)

    async def load(self, user_key: str) -> Session | None:
        async def from_redis() -> Session | None:
            newer = await self._memory.load(user_key)
            if newer is not None:
                # Changed while Redis could not be written: newer than Redis's copy, unless it
                # grew from nothing, when Redis's copy (if any) is the real one.
                written = await self._redis.save(user_key, newer,
                                                 only_new=user_key in self._blind)
                await self._memory.delete_user(user_key)
                self._health.wrote()
                if not written:
                    log.warning("a session started during a Redis failure was dropped: "
                                "the stored one is kept")
                    newer = await self._redis.load(user_key)
            else:
                newer = await self._redis.load(user_key)
            self._blind.discard(user_key)
            self._remember(user_key, newer)
            return newer

        async def from_memory() -> Session | None:
            session = await self._memory.load(user_key)
            if session is None and user_key in self._known:
                session = Session.model_validate_json(self._known[user_key])
            if session is None:
                self._blind.add(user_key)  # unknown, not empty: never written over Redis's
            return session

        return await self._health.call(from_redis, from_memory)

    async def save(self, user_key: str, session: Session, *, also: Staged | None = None) -> None:
        """Save (Redis, or memory while it is away); `also`: more commands in the same
        MULTI/EXEC on Redis, dropped with the session's Redis write when it goes to memory."""
        async def to_redis() -> None:
            blind = user_key in self._blind
            if await self._redis.save(user_key, session, only_new=blind, also=also) or not blind:
                self._remember(user_key, session)
            else:
                log.warning("a session started during a Redis failure was dropped: "
                            "the stored one is kept")
            self._blind.discard(user_key)
            await self._memory.delete_user(user_key)
            self._health.wrote()

        async def to_memory() -> None:
            await self._memory.save(user_key, session)
            if user_key not in self._blind:
                self._remember(user_key, session)

        await self._health.call(to_redis, to_memory)

    async def delete_user(self, user_key: str) -> None:
        await self._memory.delete_user(user_key)
        self._known.pop(user_key, None)
        self._blind.discard(user_key)

        async def remember() -> None:
            self._pending_erase.add(user_key)

        await self._health.call(lambda: self._redis.delete_user(user_key), remember)

    async def aclose(self) -> None:
        await self._memory.aclose()
        await self._redis.aclose()
