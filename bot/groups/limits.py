"""The per-group cap on public replies: the project's GCRA token bucket, per hour.

The same limiter as for people (`bot.adapters.telegram.ratelimit`: one Redis script, shared by
every replica; the same arithmetic in memory while Redis is away), with a group's cap as the
bucket: `cap` replies at once, refilled at `cap` per hour, and never a wait (`max_delay` 0: a
reply that would have to wait is not sent). Lane "reply" is the cap; lane "danger" gets three
times the cap (RateLimits.from_settings gives the button lane three times the text lane).
Keys: `smb:rate:<group_key>`, expiring when the bucket is full again.
"""

from __future__ import annotations

from bot.adapters.telegram.ratelimit import (
    FallbackRateLimiter,
    MemoryRateLimiter,
    PersonRateLimiter,
    RateLimits,
    RatePolicy,
    RedisRateLimiter,
)
from bot.core.groups.model import MAX_CAP
from bot.core.groups.ports import Lane
from bot.storage.fallback import RedisHealth


def limits_for(cap: int) -> RateLimits:
    """`cap` public replies per hour (danger replies: three times that)."""
    cap = max(1, min(cap, MAX_CAP))
    return RateLimits(RatePolicy(cap / 60, cap, 0.0), RatePolicy(cap * 3 / 60, cap * 3, 0.0))


class GroupRateLimiter:
    """One bucket policy per cap value (at most MAX_CAP of them), over Redis or memory."""

    def __init__(self, health: RedisHealth | None) -> None:
        self._health = health
        self._limiters: dict[int, PersonRateLimiter] = {}

    def _limiter(self, cap: int) -> PersonRateLimiter:
        cap = max(1, min(cap, MAX_CAP))
        limiter = self._limiters.get(cap)
        if limiter is None:
            memory = MemoryRateLimiter(limits_for(cap))
            limiter = memory if self._health is None else FallbackRateLimiter(
                RedisRateLimiter(self._health.redis, limits_for(cap)), memory, self._health)
            self._limiters[cap] = limiter
        return limiter

    async def allow(self, group_key: str, cap: int, lane: Lane) -> bool:
        wait = await self._limiter(cap).reserve(group_key, "text" if lane == "reply" else "button")
        return wait is not None
