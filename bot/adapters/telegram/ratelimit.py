"""The per-person rate limit: a token bucket per lane that slows a person down, never silences.

Each person has two buckets, `text` (messages, commands, media) and `button` (presses, which
cost no classification and come fast in a questionnaire). A bucket holds `burst` tokens and
refills at `per_minute`; an update that finds it empty waits for its token (`reserve` says how
long) instead of being dropped. Only when the wait would pass `max_delay` is the update a
flood: it is not answered (one notice per minute says so). The glue runs the danger-phrase
layer before asking, and a message that shows risk skips the limit altogether.

The buckets live in Redis (GCRA: one timestamp per lane, updated by one script, on Redis's
clock), because the same person's updates are spread over every replica behind the webhook:
an in-process limiter (aiolimiter) would let a person through once per replica. While Redis is
away the same arithmetic runs in memory.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Literal, Protocol

from redis.asyncio import Redis

from bot.storage.fallback import RedisHealth
from bot.storage.keys import UserKey

Lane = Literal["text", "button"]


@dataclass(frozen=True, slots=True)
class RatePolicy:
    """One bucket: `burst` updates at once, then `per_minute`; waits up to `max_delay` s."""

    per_minute: float
    burst: int
    max_delay: float

    @property
    def interval(self) -> float:
        """Seconds between two tokens."""
        return 60.0 / self.per_minute

    @property
    def tolerance(self) -> float:
        """How far ahead of the steady rate a burst may run (GCRA's tau), in seconds."""
        return (self.burst - 1) * self.interval


@dataclass(frozen=True, slots=True)
class RateLimits:
    """The policy for each lane."""

    text: RatePolicy
    button: RatePolicy

    @classmethod
    def from_settings(cls, per_minute: int, burst: int, max_delay: float) -> RateLimits:
        """BOT_RATE_LIMIT_PER_MINUTE and BOT_RATE_BURST for text; presses get three times
        both (a 13-question check answered briskly never waits)."""
        return cls(RatePolicy(per_minute, burst, max_delay),
                   RatePolicy(per_minute * 3, burst * 3, max_delay))

    def policy(self, lane: Lane) -> RatePolicy:
        return self.text if lane == "text" else self.button


class PersonRateLimiter(Protocol):
    """Reserve a token for one update of a person."""

    async def reserve(self, user_key: str, lane: Lane) -> float | None:
        """Seconds to wait before handling the update (0: now); None when it is a flood
        (the wait would pass `max_delay`; nothing is reserved then)."""
        ...


# GCRA on Redis's clock: KEYS[1] a hash lane -> theoretical arrival time (seconds).
# Returns the wait in milliseconds, or -1 for a flood. A key of an older type is replaced.
_RESERVE = """
if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then redis.call('DEL', KEYS[1]) end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval, tau, max_delay = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local tat = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tat < now then tat = now end
local wait = tat - tau - now
if wait < 0 then wait = 0 end
if wait > max_delay then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.4f', tat + interval))
redis.call('EXPIRE', KEYS[1], math.ceil(tat + interval - now) + 1)
return math.floor(wait * 1000)
"""


class RedisRateLimiter:
    """Buckets in `smb:rate:<user_key>` (a hash, one field per lane, expiring when full)."""

    def __init__(self, redis: Redis, limits: RateLimits) -> None:
        self._limits = limits
        self._reserve = redis.register_script(_RESERVE)

    async def reserve(self, user_key: str, lane: Lane) -> float | None:
        policy = self._limits.policy(lane)
        args: list[str | float] = [lane, policy.interval, policy.tolerance, policy.max_delay]
        wait_ms = int(await self._reserve(keys=[str(UserKey("rate", user_key))], args=args))
        return None if wait_ms < 0 else wait_ms / 1000


class MemoryRateLimiter:
    """The same buckets in a dict (no Redis, or while it is away)."""

    def __init__(self, limits: RateLimits, max_entries: int = 100_000) -> None:
        self._limits = limits
        self._tat: dict[tuple[str, Lane], float] = {}
        self._max = max_entries

    async def reserve(self, user_key: str, lane: Lane) -> float | None:
        policy = self._limits.policy(lane)
        now = time.monotonic()
        tat = max(self._tat.get((user_key, lane), now), now)
        wait = max(tat - policy.tolerance - now, 0.0)
        if wait > policy.max_delay:
            return None
        if len(self._tat) >= self._max:  # full buckets carry no state: drop them
            self._tat = {k: v for k, v in self._tat.items() if v > now}
        self._tat[(user_key, lane)] = tat + policy.interval
        return math.floor(wait * 1000) / 1000

    def forget(self, user_key: str) -> None:
        for lane in ("text", "button"):
            self._tat.pop((user_key, lane), None)


class FallbackRateLimiter:
    """Redis while it answers, memory while it does not."""

    def __init__(self, redis: RedisRateLimiter, memory: MemoryRateLimiter,
                 health: RedisHealth) -> None:
        self._redis = redis
        self._memory = memory
        self._health = health

    async def reserve(self, user_key: str, lane: Lane) -> float | None:
        return await self._health.call(
            lambda: self._redis.reserve(user_key, lane),
            lambda: self._memory.reserve(user_key, lane),
        )
