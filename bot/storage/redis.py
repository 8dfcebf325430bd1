"""Sessions in Redis: one JSON value per person under `smb:session:<user_key>`, with a TTL."""

from __future__ import annotations

import logging

from redis.asyncio import Redis

from bot.core.session import Session
from bot.storage.keys import UserKey, user_keys

log = logging.getLogger(__name__)


def connect(url: str) -> Redis:
    """One shared client (with its connection pool) for the whole process."""
    return Redis.from_url(
        url, decode_responses=True, socket_timeout=2.0, socket_connect_timeout=2.0,
        health_check_interval=30,
    )


class RedisSessionStore:
    """The production `SessionStore`: every key has a TTL; `delete_user` erases every key kind."""

    def __init__(self, redis: Redis, ttl_seconds: int = 30 * 24 * 3600) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def load(self, user_key: str) -> Session | None:
        raw = await self._redis.get(str(UserKey("session", user_key)))
        if raw is None:
            return None
        try:
            return Session.model_validate_json(raw)
        except ValueError:
            # A session written by an older, incompatible version: start afresh, do not crash.
            log.warning("discarding an unreadable session")
            return None

    async def save(self, user_key: str, session: Session) -> None:
        await self._redis.set(
            str(UserKey("session", user_key)), session.model_dump_json(), ex=self._ttl
        )

    async def delete_user(self, user_key: str) -> None:
        await self._redis.delete(*user_keys(user_key))

    async def aclose(self) -> None:
        await self._redis.aclose()
