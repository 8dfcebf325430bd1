"""Whether Redis can be used now, and how full it is: down, up, or up but refusing writes (OOM).

One `RedisHealth` per process, shared by the session store, the chat state and /readyz. It logs
one line per change of state (down, back, out of memory, writable again), never one per call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from redis.asyncio import Redis
from redis.exceptions import OutOfMemoryError, RedisError

from bot.metrics import Metrics
from bot.storage.memory import EvictionRefused, ServerMemory, eviction_problem, read_memory

log = logging.getLogger(__name__)
T = TypeVar("T")


class RedisHealth:
    """Redis' state for this process; after a failure, one PING per `probe_interval` seconds.

    `oom` is true from the first write refused with OOM until a reading shows room again (or a
    write succeeds). `problem` holds the eviction-policy line while Redis may evict keys.
    """

    def __init__(self, redis: Redis, probe_interval: float = 2.0, *,
                 metrics: Metrics | None = None, accept_eviction: bool = False) -> None:
        self.redis = redis
        self._interval = probe_interval
        self._metrics = metrics
        self._accept_eviction = accept_eviction
        self._up = True
        self._oom = False
        self._next_probe = 0.0
        self._on_recover: list[Callable[[], Awaitable[None]]] = []
        self.memory: ServerMemory | None = None
        self.problem: str | None = None

    @property
    def up(self) -> bool:
        return self._up

    @property
    def oom(self) -> bool:
        return self._oom

    def on_recover(self, callback: Callable[[], Awaitable[None]]) -> None:
        """Run `callback` once each time Redis comes back (e.g. replay erasures)."""
        self._on_recover.append(callback)

    # ------------------------------------------------------------------ state changes
    def failed(self, exc: BaseException) -> None:
        """Record a failed Redis call; an OOM refusal is not an outage (reads still work)."""
        if isinstance(exc, OutOfMemoryError):
            self.refused()
            return
        if self._up:
            log.error("Redis unavailable (%s): answering from memory until it is back",
                      type(exc).__name__)
            if self._metrics is not None:
                self._metrics.redis_fallbacks.inc()
        self._up = False
        self._next_probe = time.monotonic() + self._interval

    def refused(self) -> None:
        """A write refused with OOM: the caller keeps the data elsewhere (memory, the chat)."""
        if not self._oom:
            log.error(
                "Redis is out of memory and refuses writes (maxmemory reached): sessions are "
                "kept in memory and new alerts are posted directly; free memory or raise "
                "maxmemory (docs/REDIS.md)"
            )
        self._oom = True

    def wrote(self) -> None:
        """A write succeeded: Redis has room again."""
        if self._oom:
            log.warning("Redis accepts writes again: the queue is durable again")
        self._oom = False

    # ------------------------------------------------------------------ checks
    async def check(self) -> ServerMemory:
        """Read Redis' memory; EvictionRefused (one line) on an evicting policy not accepted.

        Called at start and whenever Redis comes back, since a failover may land on a server
        configured differently.
        """
        # Refused at start: the ConfigError is the one line, so refresh does not log it too.
        memory = await self.refresh(quiet=not self._accept_eviction)
        if self.problem is not None and not self._accept_eviction:
            raise EvictionRefused(self.problem)
        return memory

    async def refresh(self, *, quiet: bool = False) -> ServerMemory:
        """Read Redis' memory now: metrics, the eviction problem, the end of an OOM spell."""
        memory = await read_memory(self.redis)
        previous, self.memory = self.memory, memory
        problem = eviction_problem(memory)
        if problem != self.problem and not quiet:
            if problem is not None:
                log.error("%s%s", problem,
                          " (accepted by REDIS_ACCEPT_EVICTION)" if self._accept_eviction else "")
            else:
                log.warning("Redis maxmemory-policy is %s: no key will be evicted", memory.policy)
        self.problem = problem
        if previous is not None and memory.oom_refusals > previous.oom_refusals:
            self.refused()  # another replica's writes were refused: this one's will be too
        elif self._oom and not memory.full:
            self.wrote()
        if self._metrics is not None:
            self._metrics.redis_used_memory.set(memory.used)
            self._metrics.redis_maxmemory.set(memory.maxmemory)
            self._metrics.redis_evicted_keys.set(memory.evicted_keys)
            if previous is not None and memory.oom_refusals > previous.oom_refusals:
                self._metrics.redis_oom_refusals.inc(memory.oom_refusals - previous.oom_refusals)
        return memory

    def readiness(self) -> dict[str, object]:
        """What /readyz shows about Redis; `ready` is False while down or evicting unaccepted."""
        ready = self._up and (self.problem is None or self._accept_eviction)
        state = "down" if not self._up else ("oom" if self._oom else "up")
        report: dict[str, object] = {"redis": state, "ready": ready}
        if self.memory is not None:
            report.update(self.memory.as_dict())
        if self.problem is not None:
            report["problem"] = self.problem
        return report

    async def watch(self, stop: asyncio.Event, every: float = 15.0) -> None:
        """Refresh every `every` seconds until `stop` (metrics, OOM end, policy after failover)."""
        while not stop.is_set():
            if self._up:
                with contextlib.suppress(RedisError, OSError):
                    await self.refresh()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)

    # ------------------------------------------------------------------ calls
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
        try:
            await self.refresh()  # a failover may have brought an evicting policy
            for callback in self._on_recover:
                await callback()
        except (RedisError, OSError) as exc:
            self.failed(exc)
            return self._up
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


__all__ = ["EvictionRefused", "RedisHealth", "unless_full"]


async def unless_full(write: Awaitable[T]) -> T | None:
    """Await a bookkeeping write that must not undo what was already sent; None on OOM.

    For writes after a Telegram post (links, message ids): raising would post it again. The
    OOM spell itself is logged once by `RedisHealth`, so nothing is logged here.
    """
    try:
        return await write
    except OutOfMemoryError:
        return None
