"""The webhook inbox: every accepted update is written to Redis before Telegram gets its 200.

Telegram does not resend an update it got 200 for, so an update in hand when the process stops
would be lost. Each one is kept at `smb:inbox:<update_id>` (JSON, `INBOX_TTL`) from before the
200 until it has been handled; a start handles whatever a previous process left there.

The entries hold the update as Telegram sent it (text and Telegram ids) for seconds while it is
handled, or until the next start after a stop; they expire after `INBOX_TTL` whatever happens.
Handling an entry twice (a start draining while another replica still handles it) is harmless:
the update de-duplication (`ChatState.admit`) lets only one of them answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.storage.health import RedisHealth
from bot.storage.keys import global_key

INBOX_TTL = 24 * 3600  # as long as the update de-duplication remembers an update id
# An entry nobody released is taken up after this long: its process died without stopping.
# Before, it may be in the hands of a live replica (taking it would break a person's order).
ORPHANED_AFTER = 120.0


class Inbox(Protocol):
    """Where accepted updates wait until they are handled."""

    async def put(self, update_id: int, update: dict[str, Any], released: bool = False) -> bool:
        """Record an update (`released`: left by a stopping process for the next start);
        False when it could not be recorded durably."""
        ...

    async def done(self, update_id: int) -> None:
        """The update has been handled: forget it."""
        ...

    def left(self) -> AsyncIterator[dict[str, Any]]:
        """Updates a stopped process left, or a dead one ORPHANED_AFTER seconds ago."""
        ...


class NoInbox:
    """Without Redis: nothing is durable, `put` says so."""

    async def put(self, update_id: int, update: dict[str, Any], released: bool = False) -> bool:
        return False

    async def done(self, update_id: int) -> None:
        return None

    async def left(self) -> AsyncIterator[dict[str, Any]]:
        for _ in ():
            yield {}


class RedisInbox:
    """`Inbox` in Redis; while Redis is away (`RedisHealth`), `put` returns False at once."""

    def __init__(self, redis: Redis, health: RedisHealth | None = None) -> None:
        self._redis = redis
        self._health = health

    async def put(self, update_id: int, update: dict[str, Any], released: bool = False) -> bool:
        if self._health is not None and not await self._health.available():
            return False
        entry = {"at": time.time(), "released": released, "update": update}
        try:
            await self._redis.set(global_key("inbox", str(update_id)),
                                  json.dumps(entry, ensure_ascii=False), ex=INBOX_TTL)
        except (RedisError, OSError) as exc:
            if self._health is not None:
                self._health.failed(exc)
            return False
        return True

    async def done(self, update_id: int) -> None:
        try:
            await self._redis.delete(global_key("inbox", str(update_id)))
        except (RedisError, OSError) as exc:  # it expires; a later start skips it as handled
            if self._health is not None:
                self._health.failed(exc)

    async def left(self) -> AsyncIterator[dict[str, Any]]:
        keys = [key async for key in self._redis.scan_iter(match=global_key("inbox", "*"),
                                                           count=1000)]
        # Oldest first: update ids grow, and a person's messages keep their order.
        for key in sorted(keys, key=_update_id):
            raw = await self._redis.get(key)
            if raw is None:
                continue  # handled meanwhile
            try:
                entry = json.loads(raw)
            except ValueError:
                await self._redis.delete(key)
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("update"), dict):
                continue
            if entry.get("released") or float(entry.get("at", 0)) < time.time() - ORPHANED_AFTER:
                yield entry["update"]


def _update_id(key: str | bytes) -> int:
    text = key.decode() if isinstance(key, bytes) else key
    tail = text.rsplit(":", 1)[-1]
    return int(tail) if tail.lstrip("-").isdigit() else 0
