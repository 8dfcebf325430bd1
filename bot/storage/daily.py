"""Counters per day in Redis, kept a year: the one store behind every report the NGO reads.

One hash per day and scope, `smb:<scope...>:<YYYY-MM-DD>`, fields like `lang:ru` or
`smb_at_risk:phrase`: counts only, nothing that points back to a person. Every write renews
the day's TTL (`DAILY_TTL`). The case counters (`bot.handoff.stats`) and the bot's own counters
(`bot.metrics_history`) both keep their days here, so `python -m bot stats`, the dashboard and
backups treat them alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

from redis.asyncio import Redis

from bot.storage.keys import global_key

DAILY_TTL = 400 * 24 * 3600  # a year of reports, plus a margin


def day_key(scope: tuple[str, ...], day: date) -> str:
    """The Redis key of `day`'s hash in `scope`: `smb:<scope...>:<YYYY-MM-DD>`."""
    return global_key(*scope, day.isoformat())


class DailyCounts:
    """The day hashes of one scope (e.g. ("handoff", "stats") or ("bot", "stats"))."""

    def __init__(self, redis: Redis, *scope: str) -> None:
        self._redis = redis
        self._scope = scope

    def key(self, day: date) -> str:
        """The Redis key of `day`'s hash."""
        return day_key(self._scope, day)

    async def add(self, day: date, counts: Mapping[str, int]) -> None:
        """Add `counts` to `day`'s fields in one transaction and renew its TTL."""
        if not counts:
            return
        key = self.key(day)
        async with self._redis.pipeline(transaction=True) as pipe:
            for name, delta in counts.items():
                pipe.hincrby(key, name, delta)
            pipe.expire(key, DAILY_TTL)
            await pipe.execute()

    async def collect(self, days: int, today: date) -> dict[date, Counter[str]]:
        """The counters of the last `days` days up to `today`, oldest first; empty days left
        out. One round trip, not one per day (a year is 366 HGETALLs)."""
        span = [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
        async with self._redis.pipeline(transaction=False) as pipe:
            for day in span:
                pipe.hgetall(self.key(day))
            found = await pipe.execute()
        return {day: Counter({str(k): int(v) for k, v in raw.items()})
                for day, raw in zip(span, found, strict=True) if raw}
