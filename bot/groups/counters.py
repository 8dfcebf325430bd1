"""Per-group counts for the NGO dashboard: ads checked and warned, danger replies, capped.

Kept in the one day store (`bot.storage.daily`, 400 days) as scope ("groups", "stats"): one
hash per day, `smb:groups:stats:<YYYY-MM-DD>` (the NGO's day, OPERATOR_TIMEZONE), fields
`<name>` (all groups) and `<name>:<group_key>` (one group, by its keyed hash: the dashboard can
tell groups apart without learning which they are). Names: `NAMES`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from bot.storage import daily
from bot.storage.daily import DAILY_TTL, DailyCounts
from bot.storage.fallback import RedisHealth

SCOPE = ("groups", "stats")
STATS_TTL = DAILY_TTL
NAMES = ("checked", "warned", "admins_told", "danger", "capped")


def day_key(day: date) -> str:
    """The Redis key of `day`'s group counters."""
    return daily.day_key(SCOPE, day)


def _days(redis: Redis) -> DailyCounts:
    return DailyCounts(redis, *SCOPE)


class RedisGroupCounters:
    """Adds to today's hash; a Redis outage loses the count, never the reply."""

    def __init__(self, redis: Redis, timezone: str = "UTC",
                 health: RedisHealth | None = None) -> None:
        self._redis = redis
        self._tz = ZoneInfo(timezone)
        self._health = health

    async def count(self, group_key: str, *names: str) -> None:
        counts: Counter[str] = Counter()
        for name in names:
            counts[name] += 1
            counts[f"{name}:{group_key}"] += 1

        async def add() -> None:
            await _days(self._redis).add(datetime.now(self._tz).date(), counts)

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


async def collect_days(redis: Redis, days: int, today: date) -> dict[date, Counter[str]]:
    """The day hashes of the last `days` days up to `today`, oldest first; empty days left out.
    Fields as stored: `<name>` and `<name>:<group_key>`."""
    return await _days(redis).collect(days, today)


def by_group(counts: Counter[str]) -> dict[str, Counter[str]]:
    """One day's (or a sum's) fields split: {"all": Counter(checked=..), "<group_key>": ..}."""
    totals: dict[str, Counter[str]] = {"all": Counter()}
    for field, value in counts.items():
        metric, _, group = field.partition(":")
        totals.setdefault(group or "all", Counter())[metric] += value
    return totals


async def collect(redis: Redis, today: date, days: int) -> dict[str, Counter[str]]:
    """The last `days` days summed: {"all": Counter(checked=..), "<group_key>": Counter(..)}."""
    summed: Counter[str] = Counter()
    for counts in (await collect_days(redis, days, today)).values():
        summed.update(counts)
    return by_group(summed)


def render_totals(per_day: dict[date, Counter[str]]) -> str:
    """All groups' counts summed over the days, one `<name>  <count>` a line, and how many
    groups were active (what `python -m bot stats` prints; no group key, no id)."""
    summed: Counter[str] = Counter()
    for counts in per_day.values():
        summed.update(counts)
    groups = by_group(summed)
    if not summed:
        return "Groups: nothing counted in this period."
    lines = ["Groups:"] + [f"  {name:<40} {groups['all'][name]}" for name in NAMES]
    lines.append(f"  {'groups_active':<40} {len(groups) - 1}")
    return "\n".join(lines)
