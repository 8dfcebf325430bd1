"""The webhook inbox: every accepted update is written to Redis before Telegram gets its 200.

Telegram does not resend an update it got 200 for, so an update in hand when the process stops
would be lost. Each one is kept at `smb:inbox:<update_id>` (JSON, `INBOX_TTL`, listed in the
sorted set `smb:inbox-index`) from before the 200 until it has been handled.

Whose it is: each process has an owner id and keeps `smb:inbox-owner:<id>` alive (renewed
every `SWEEP_EVERY`, expiring after `OWNER_LEASE`). Entries of a live owner are left alone
(taking one would break a person's order); an owner that stopped (it deletes its key last) or
died (its key expires) leaves entries any replica takes up at its next sweep or start. So a
clean stop hands over at once, a SIGKILL within OWNER_LEASE + SWEEP_EVERY seconds.

The entries hold the update as Telegram sent it (text and Telegram ids) for seconds while it is
handled, or until the next sweep after a stop; they expire after `INBOX_TTL` whatever happens.
Handling an entry twice (a replica taking it while its stalled owner still handles it) is
harmless: the update de-duplication (`ChatState.admit`) lets only one of them answer.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.storage.health import RedisHealth
from bot.storage.keys import global_key

INBOX_TTL = 24 * 3600  # as long as the update de-duplication remembers an update id
OWNER_LEASE = 15.0  # seconds a process's claim on its entries outlives its last renewal
SWEEP_EVERY = OWNER_LEASE / 3  # renew the claim, and take up what others left
# Entries written before owners existed (a rolling upgrade): taken when released, or this old.
UNOWNED_AFTER = 120.0
INDEX = global_key("inbox-index")
READ_CHUNK = 500  # entries per MGET


class Inbox(Protocol):
    """Where accepted updates wait until they are handled."""

    async def put(self, update_id: int, update: dict[str, Any]) -> bool:
        """Record an update as this process's; False when it could not be recorded durably."""
        ...

    async def done(self, update_id: int) -> None:
        """The update has been handled: forget it."""
        ...

    async def renew(self) -> None:
        """Keep this process's claim on its entries (raises RedisError while Redis is away)."""
        ...

    async def release(self) -> None:
        """Stopping: what this process leaves is anyone's to take up, now."""
        ...

    def left(self, full: bool = False) -> AsyncIterator[dict[str, Any]]:
        """Updates whose owner stopped or died, oldest first (`full`: also entries missing
        from the index, by a SCAN of the keyspace: once, at start)."""
        ...


class NoInbox:
    """Without Redis: nothing is durable, `put` says so."""

    async def put(self, update_id: int, update: dict[str, Any]) -> bool:
        return False

    async def done(self, update_id: int) -> None:
        return None

    async def renew(self) -> None:
        return None

    async def release(self) -> None:
        return None

    async def left(self, full: bool = False) -> AsyncIterator[dict[str, Any]]:
        for _ in ():
            yield {}


class RedisInbox:
    """`Inbox` in Redis; while Redis is away (`RedisHealth`), `put` returns False at once."""

    def __init__(self, redis: Redis, health: RedisHealth | None = None,
                 owner: str | None = None, *, wait_replicas: int = 0,
                 wait_timeout_ms: int = 100,
                 on_unreplicated: Callable[[], None] | None = None) -> None:
        self._redis = redis
        self._health = health
        self.owner = owner or uuid.uuid4().hex  # random: says nothing about the host
        # REDIS_WAIT_REPLICAS: an entry the primary alone holds dies with it (asynchronous
        # replication), so `put` waits for this many replicas, up to `wait_timeout_ms`.
        self._wait = (wait_replicas, wait_timeout_ms)
        self._on_unreplicated = on_unreplicated or (lambda: None)

    def _owner_key(self, owner: str) -> str:
        return global_key("inbox-owner", owner)

    async def put(self, update_id: int, update: dict[str, Any]) -> bool:
        if self._health is not None and not await self._health.available():
            return False
        entry = {"at": time.time(), "owner": self.owner, "update": update}
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(global_key("inbox", str(update_id)),
                         json.dumps(entry, ensure_ascii=False), ex=INBOX_TTL)
                pipe.zadd(INDEX, {str(update_id): update_id})
                pipe.expire(INDEX, INBOX_TTL)
                # With the entry: never an entry whose owner looks dead while it is alive.
                pipe.set(self._owner_key(self.owner), 1, ex=int(OWNER_LEASE))
                await pipe.execute()
        except (RedisError, OSError) as exc:
            if self._health is not None:
                self._health.failed(exc)
            return False
        await self._replicated()
        return True

    async def _replicated(self) -> None:
        """REDIS_WAIT_REPLICAS: wait for the replicas to have the entry. Fewer in time: still
        answered 200 and handled here at once, and counted; docs/DEPLOY.md says why this beats
        a 503 (which would stop the bot whenever a replica is down)."""
        replicas, timeout_ms = self._wait
        if not replicas:
            return
        try:
            confirmed = int(await self._redis.wait(replicas, timeout_ms))
        except (RedisError, OSError):
            confirmed = 0  # the entry is written: it is handled, just not known replicated
        if confirmed < replicas:
            self._on_unreplicated()

    async def done(self, update_id: int) -> None:
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.delete(global_key("inbox", str(update_id)))
                pipe.zrem(INDEX, str(update_id))
                await pipe.execute()
        except (RedisError, OSError) as exc:  # it expires; a later sweep skips it as handled
            if self._health is not None:
                self._health.failed(exc)

    async def renew(self) -> None:
        await self._redis.set(self._owner_key(self.owner), 1, ex=int(OWNER_LEASE))

    async def release(self) -> None:
        try:
            await self._redis.delete(self._owner_key(self.owner))
        except (RedisError, OSError) as exc:  # then the claim expires within OWNER_LEASE
            if self._health is not None:
                self._health.failed(exc)

    async def left(self, full: bool = False) -> AsyncIterator[dict[str, Any]]:
        ids = {int(m) for m in await self._redis.zrange(INDEX, 0, -1) if isinstance(m, str | bytes)}
        if full:
            ids |= {_update_id(key) async for key in self._redis.scan_iter(
                match=global_key("inbox", "*"), count=1000)}
        ordered = sorted(ids)  # update ids grow: a person's messages keep their order
        alive: dict[str, bool] = {self.owner: True}  # ours are in hand here
        for start in range(0, len(ordered), READ_CHUNK):
            chunk = ordered[start:start + READ_CHUNK]
            raws = await self._redis.mget([global_key("inbox", str(i)) for i in chunk])
            gone = [str(i) for i, raw in zip(chunk, raws, strict=True) if raw is None]
            if gone:  # handled meanwhile (or expired): keep the index short
                await self._redis.zrem(INDEX, *gone)
            for update_id, raw in zip(chunk, raws, strict=True):
                entry = _entry(raw)
                if entry is None:
                    continue
                owner = entry.get("owner")
                if isinstance(owner, str):
                    if owner not in alive:
                        alive[owner] = bool(await self._redis.exists(self._owner_key(owner)))
                    if alive[owner]:
                        continue
                elif not (entry.get("released")
                          or float(entry.get("at", 0)) < time.time() - UNOWNED_AFTER):
                    continue
                if entry["update"].get("update_id") == update_id:
                    yield entry["update"]


def _entry(raw: str | bytes | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        entry = json.loads(raw)
    except ValueError:
        return None  # not ours to read; it expires
    if not isinstance(entry, dict) or not isinstance(entry.get("update"), dict):
        return None
    return entry


def _update_id(key: str | bytes) -> int:
    text = key.decode() if isinstance(key, bytes) else key
    tail = text.rsplit(":", 1)[-1]
    return int(tail) if tail.lstrip("-").isdigit() else 0
