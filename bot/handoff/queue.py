"""The durable alert queue: a Redis Stream with a consumer group, acknowledged once posted.

Every replica reads the group; an entry held by a dead replica is claimed by another after
`claim_idle` seconds (XAUTOCLAIM). Posting is idempotent per (case, post number): a short lock
stops two replicas posting at once, a marker stops a second post after a redelivery.

Redis failures: a group lost with the data (Redis restarted empty, failover to an empty replica:
NOGROUP) is created again from the start of the stream; when Redis is out of memory the lock and
the marker cannot be written, so an alert is posted without them (a rare double post beats an
alert that is never posted) and acknowledged, which needs no memory.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from redis.asyncio import Redis
from redis.exceptions import OutOfMemoryError, ResponseError

from bot.storage.keys import global_key

log = logging.getLogger(__name__)

STREAM = global_key("handoff", "alerts")
GROUP = "posters"
LOCK_TTL = 20.0  # seconds one replica may spend posting before another may try (default)
MARK_TTL = 30 * 24 * 3600


@dataclass(frozen=True, slots=True)
class QueuedAlert:
    """One stream entry: post alert number `n` (0 first, then escalations) of a case."""

    entry_id: str
    case_id: str
    n: int


Poster = Callable[[QueuedAlert], Awaitable[None]]
T = TypeVar("T")


def _posted_key(case_id: str, n: int) -> str:
    return global_key("handoff", "posted", case_id, str(n))


def _lock_key(case_id: str, n: int) -> str:
    return global_key("handoff", "posting", case_id, str(n))


class AlertQueue:
    """XADD on alert; XREADGROUP / XAUTOCLAIM, post, then XACK (and XDEL: nothing piles up)."""

    def __init__(self, redis: Redis, *, claim_idle: float = 30.0,
                 post_lock: float = LOCK_TTL) -> None:
        """`claim_idle`: seconds before an entry a dead replica held is claimed; `post_lock`:
        seconds one replica may spend posting an alert before another may try it (a post cut
        by a crash is taken up after this)."""
        self._redis = redis
        self._post_lock_ms = int(post_lock * 1000)
        self.consumer = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
        self._claim_idle_ms = int(claim_idle * 1000)
        self._ready = False
        # Posts in flight in this process: the one guard left when Redis is too full for a lock.
        self._posting: set[tuple[str, int]] = set()

    async def ensure_group(self) -> bool:
        """Create the stream and the group once; an existing group is fine. True if created."""
        if self._ready:
            return False
        try:
            # From id 0: entries queued before the group existed are posted too.
            await self._redis.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
            created = True
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
            created = False  # another loop or replica made it first
        self._ready = True
        return created

    async def _grouped(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run a group command; on NOGROUP (Redis lost its data) recreate the group, run again."""
        await self.ensure_group()
        try:
            return await call()
        except ResponseError as exc:
            # UNBLOCKED: a blocked XREADGROUP whose stream vanished under it (FLUSHALL).
            if not str(exc).startswith(("NOGROUP", "UNBLOCKED")):
                raise
        self._ready = False
        if await self.ensure_group():
            log.error(
                "the alert queue's consumer group was missing (Redis restarted empty or failed "
                "over to a replica without it): recreated from the start of the stream, queued "
                "alerts still in it will be posted; cases opened before were lost with the data"
            )
        return await call()

    async def push(self, case_id: str, n: int = 0) -> str:
        """Queue alert number `n` of a case; returns the entry id."""
        await self.ensure_group()
        return str(await self._redis.xadd(STREAM, {"case": case_id, "n": str(n)}))

    async def read(self, block_ms: int = 1000, count: int = 10) -> list[QueuedAlert]:
        """New entries for this consumer (they stay pending until acknowledged)."""
        reply: Any = await self._grouped(lambda: self._redis.xreadgroup(
            GROUP, self.consumer, {STREAM: ">"}, count=count, block=block_ms
        ))
        return [alert for _, entries in reply or [] for alert in self._parse(entries)]

    async def claim(self, count: int = 20) -> list[QueuedAlert]:
        """Entries pending longer than `claim_idle` on any consumer, now ours to post."""
        reply: Any = await self._grouped(lambda: self._redis.xautoclaim(
            STREAM, GROUP, self.consumer, self._claim_idle_ms, start_id="0-0", count=count
        ))
        return self._parse(reply[1])

    def _parse(self, entries: list[tuple[str, dict[str, str]] | None]) -> list[QueuedAlert]:
        alerts = []
        for entry in entries:
            if not entry or not entry[1]:
                continue  # an entry deleted while pending: nothing to post
            entry_id, fields = entry
            alerts.append(QueuedAlert(entry_id, fields.get("case", ""), int(fields.get("n", 0))))
        return alerts

    async def ack(self, entry_id: str) -> None:
        # Not MULTI: Redis refuses to queue a transaction when out of memory, while XACK and
        # XDEL alone need none. An entry acknowledged but not yet deleted is never redelivered.
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.xack(STREAM, GROUP, entry_id)
            pipe.xdel(STREAM, entry_id)
            await pipe.execute()

    async def deliver(self, alert: QueuedAlert, post: Poster) -> bool:
        """Post once across all replicas, then acknowledge; False leaves it pending for a retry."""
        if (alert.case_id, alert.n) in self._posting:
            return False  # read and re-claimed at once: the first delivery is still posting
        self._posting.add((alert.case_id, alert.n))
        try:
            return await self._deliver(alert, post)
        finally:
            self._posting.discard((alert.case_id, alert.n))

    async def _deliver(self, alert: QueuedAlert, post: Poster) -> bool:
        if await self._redis.exists(_posted_key(alert.case_id, alert.n)):
            await self.ack(alert.entry_id)  # posted by someone before a crash or redelivery
            return True
        try:
            locked = await self._redis.set(_lock_key(alert.case_id, alert.n), self.consumer,
                                           nx=True, px=self._post_lock_ms)
        except OutOfMemoryError:
            locked = True  # no room for the lock: post anyway, an unposted alert is worse
        if not locked:
            return False  # another replica is posting it right now
        try:
            await post(alert)
        except Exception as exc:
            # Telegram down or refusing: stays pending, claimed again after `claim_idle`.
            log.error("posting alert failed (%s): will retry", type(exc).__name__)
            await self._redis.delete(_lock_key(alert.case_id, alert.n))
            return False
        try:
            await self._redis.set(_posted_key(alert.case_id, alert.n), 1, ex=MARK_TTL)
        except OutOfMemoryError:
            pass  # acknowledged below (no memory needed), so it is not delivered again
        await self.ack(alert.entry_id)
        return True

    async def pending(self) -> int:
        """How many entries are delivered to some consumer but not yet acknowledged."""
        info = await self._grouped(lambda: self._redis.xpending(STREAM, GROUP))
        return int(info["pending"])
