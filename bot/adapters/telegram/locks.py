"""One update per person at a time, across every replica: a local queue, then a Redis lease.

Telegram delivers up to `max_connections` webhook updates at once and a load balancer spreads
them over the replicas, so two processes may hold the same person's updates together; the
session is read-modify-write, and the held text for the human offer travels with it. Within a
process an `asyncio.Lock` per person keeps arrival order and keeps the process from polling
Redis for its own queue; across processes redis-py's `Lock` (SET NX PX with a random token,
released by a script that checks the token) serialises, with a lease renewed while the update
is in hand, so a crashed replica blocks the person for one lease at most.

A person's words are never dropped for a lock: when Redis is away, or the lease holder does
not let go within `wait` seconds, the update goes ahead on the local lock alone (logged). The
same bound holds within the process: an update of the person in hand here that does not end
(a stuck handler keeps renewing its lease) holds a later one for `wait` seconds at most, then
that one goes ahead without either lock (logged); `wait` counts from the update's arrival.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from redis.asyncio.lock import Lock
from redis.exceptions import LockError, LockNotOwnedError, RedisError

from bot.storage.fallback import RedisHealth
from bot.storage.keys import UserKey

log = logging.getLogger(__name__)


class PersonLocks:
    """`async with locks.hold(user_key):` around everything that reads or writes the person."""

    def __init__(self, health: RedisHealth | None = None, *, lease: float = 15.0,
                 wait: float = 60.0, poll: float = 0.05) -> None:
        self._health = health
        self._lease = lease
        self._wait = wait
        self._poll = poll
        self._local: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, user_key: str) -> AsyncIterator[None]:
        """Hold the person's lock in this process and, with Redis, across processes."""
        deadline = asyncio.get_running_loop().time() + self._wait
        async with self._local_lock(user_key) as local:
            if not local:
                # The holder is in this process and holds the lease too: no use waiting for it.
                yield
                return
            lease = await self._acquire(user_key, deadline)
            renew = asyncio.create_task(self._renew(lease)) if lease is not None else None
            try:
                yield
            finally:
                if renew is not None:
                    renew.cancel()
                    with suppress(asyncio.CancelledError):
                        await renew
                if lease is not None:
                    await self._release(lease)

    @asynccontextmanager
    async def _local_lock(self, user_key: str) -> AsyncIterator[bool]:
        """The person's lock in this process: True when taken, False when its holder did not
        let go within `wait` seconds (logged; the caller goes ahead without it)."""
        # Counted, so the entry goes when nobody waits: memory follows the people in hand.
        lock, users = self._local.get(user_key) or (asyncio.Lock(), 0)
        self._local[user_key] = (lock, users + 1)
        taken = False
        try:
            try:
                taken = await asyncio.wait_for(lock.acquire(), self._wait)
            except TimeoutError:
                log.warning("person lock not released within %.0fs: going ahead without it "
                            "(held in this process)", self._wait)
            yield taken
        finally:
            if taken:
                lock.release()
            lock, users = self._local[user_key]
            if users == 1:
                del self._local[user_key]
            else:
                self._local[user_key] = (lock, users - 1)

    async def _acquire(self, user_key: str, deadline: float) -> Lock | None:
        health = self._health
        if health is None or not await health.available():
            return None
        lease = Lock(health.redis, str(UserKey("lock", user_key)), timeout=self._lease,
                     sleep=self._poll, thread_local=False)
        # What is left of `wait` after the local queue (at least one try).
        left = max(deadline - asyncio.get_running_loop().time(), 0.0)
        try:
            if await lease.acquire(blocking_timeout=left):
                return lease
        except (RedisError, OSError) as exc:
            health.failed(exc)
            return None
        log.warning("person lock not released within %.0fs: going ahead without it",
                    self._wait)
        return None

    async def _renew(self, lease: Lock) -> None:
        loop = asyncio.get_running_loop()
        warn_at: float | None = loop.time() + self._wait
        while True:
            await asyncio.sleep(self._lease / 3)
            if warn_at is not None and loop.time() >= warn_at:
                # Handling is bounded (send budget, Redis timeouts): this one is stuck. Said by
                # the holder, so the log shows where, not only that others waited.
                warn_at = None
                log.warning("person lock held over %.0fs by one update still in hand: the "
                            "person's other updates go ahead without it", self._wait)
            try:
                await lease.reacquire()
            except (LockError, RedisError, OSError) as exc:
                # Lost (e.g. /delete erased it, or Redis went away): the update finishes anyway.
                log.warning("person lock lease not renewed (%s)", type(exc).__name__)
                return

    async def _release(self, lease: Lock) -> None:
        try:
            await lease.release()
        except LockNotOwnedError:
            # /delete erases the person's keys, their lock among them, while the update that
            # holds it is in hand: the usual end of every /delete, not news for the log.
            log.debug("person lock already gone (erased or expired)")
        except (LockError, RedisError, OSError) as exc:
            # Expired or erased meanwhile: nothing left to release.
            log.info("person lock already gone (%s)", type(exc).__name__)
