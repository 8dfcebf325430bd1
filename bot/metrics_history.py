"""A year of the bot's own counters, per day in Redis, for the NGO dashboard's "bot's side".

Prometheus keeps counters per process and forgets them on restart; the NGO wants them per day
for a year. `MetricsHistory` reads the chosen counters from the process's `Metrics` registry
(closed label sets only: no person is ever a label) and adds what grew since its last look to
`smb:bot:stats:<YYYY-MM-DD>` (a hash, field `<metric>` or `<metric>:<label values>`), in the
same day store as the case counters (`bot.storage.daily`). Each process adds only its own
growth, so replicas and restarts sum correctly; at most one interval of counts is lost when a
process dies without stopping.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from contextlib import suppress
from datetime import date, datetime
from zoneinfo import ZoneInfo

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.metrics import Metrics
from bot.storage import daily
from bot.storage.daily import DAILY_TTL, DailyCounts

log = logging.getLogger(__name__)

HISTORY_TTL = DAILY_TTL  # a year of reports, plus a margin
# The counters the dashboard shows, by their Prometheus names (without `_total`).
KEPT = ("smb_handled_events", "smb_started", "smb_at_risk", "smb_alerts_requested",
        "smb_other_country_pages", "smb_rasa_failovers", "smb_rate_limited")


SCOPE = ("bot", "stats")


def _days(redis: Redis) -> DailyCounts:
    return DailyCounts(redis, *SCOPE)


def day_key(day: date) -> str:
    """The Redis key of `day`'s bot counters."""
    return daily.day_key(SCOPE, day)


def read_counters(metrics: Metrics) -> dict[str, float]:
    """The kept counters now, as {"smb_at_risk:phrase": 3.0, "smb_rate_limited": 1.0, ...}."""
    values: dict[str, float] = {}
    for family in metrics.registry.collect():
        if family.name not in KEPT:
            continue
        for sample in family.samples:
            if not sample.name.endswith("_total"):
                continue  # `_created` timestamps
            labels = ",".join(sample.labels[k] for k in sorted(sample.labels))
            name = f"{family.name}:{labels}" if labels else family.name
            values[name] = values.get(name, 0.0) + sample.value
    return values


class MetricsHistory:
    """Adds the growth of the kept counters to today's hash (the NGO's day)."""

    def __init__(self, redis: Redis, metrics: Metrics, timezone: str = "UTC") -> None:
        self._redis = redis
        self._metrics = metrics
        self._tz = ZoneInfo(timezone)
        self._seen: Counter[str] = Counter()

    async def flush(self) -> None:
        """Write what grew since the last flush; on a Redis error keep it for the next one."""
        now = read_counters(self._metrics)
        grown = {name: int(value - self._seen[name]) for name, value in now.items()
                 if int(value - self._seen[name]) > 0}
        if not grown:
            return
        await _days(self._redis).add(datetime.now(self._tz).date(), grown)
        for name, delta in grown.items():
            self._seen[name] += delta

    async def run(self, stop: asyncio.Event, every_s: float = 60.0) -> None:
        """Flush every `every_s` seconds until `stop`, then once more."""
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every_s)
            try:
                await self.flush()
            except (RedisError, OSError) as exc:
                log.warning("bot counters not saved this time: %s", type(exc).__name__)


async def collect_history(redis: Redis, days: int, today: date) -> dict[date, Counter[str]]:
    """The saved counters of the last `days` days, oldest first; empty days left out."""
    return await _days(redis).collect(days, today)


def render_totals(per_day: dict[date, Counter[str]]) -> str:
    """The saved counters summed over the days, one `<metric>[:<labels>]  <count>` a line
    (what `python -m bot stats` prints under the cases; the dashboard labels them)."""
    totals: Counter[str] = Counter()
    for counts in per_day.values():
        totals.update(counts)
    if not totals:
        return "The bot's side: nothing counted in this period."
    return "\n".join(["The bot's side:"] + [f"  {name:<40} {count}"
                                             for name, count in sorted(totals.items())])
