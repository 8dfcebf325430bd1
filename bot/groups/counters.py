"""Per-group counts for the NGO dashboard: ads checked and warned, danger replies, capped.

One Redis hash per day, `smb:groups:stats:<YYYY-MM-DD>` (the NGO's day, OPERATOR_TIMEZONE),
fields `<name>` (all groups) and `<name>:<group_key>` (one group, by its keyed hash: the
dashboard can tell groups apart without learning which they are). Names: checked, warned,
admins_told, danger, capped. Kept `STATS_TTL` (400 days), like the handoff's counters.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from bot.storage.fallback import RedisHealth
from bot.storage.keys import global_key

STATS_TTL = 400 * 24 * 3600
NAMES = ("checked", "warned", "admins_told", "danger", "capped")


def day_key(day: date) -> str:
    return global_key("groups", "stats", day.isoformat())


class RedisGroupCounters:
    """Adds to today's hash; a Redis outage loses the count, never the reply."""

    def __init__(self, redis: Redis, timezone: str = "UTC",
                 health: RedisHealth | None = None) -> None:
        self._redis = redis
        self._tz = ZoneInfo(timezone)
        self._health = health

    async def count(self, group_key: str, *names: str) -> None:
        async def add() -> None:
            key = day_key(datetime.now(self._tz).date())
            async with self._redis.pipeline(transaction=True) as pipe:
                for name in names:
                    pipe.hincrby(key, name, 1)
                    pipe.hincrby(key, f"{name}:{group_key}", 1)
                pipe.expire(key, STATS_TTL)
                await pipe.execute()

        async def lost() -> None:
            return None

        if self._health is None:
            await add()
        else:
            await self._health.call(add, lost)


class NoGroupCounters:
    """Without Redis nothing is counted (the dashboard reads Redis only)."""

    async def count(self, group_key: str, *names: str) -> None:
        return None


async def collect(redis: Redis, today: date, days: int) -> dict[str, Counter[str]]:
    """The last `days` days summed: {"all": Counter(checked=..), "<group_key>": Counter(..)}."""
    totals: dict[str, Counter[str]] = {"all": Counter()}
    for n in range(days):
        raw = await redis.hgetall(day_key(today - timedelta(days=n)))
        for field, value in raw.items():
            name = field.decode() if isinstance(field, bytes) else field
            metric, _, group = name.partition(":")
            totals.setdefault(group or "all", Counter())[metric] += int(value)
    return totals
