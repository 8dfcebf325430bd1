"""Anonymous case counters for the NGO's reports, and `python -m bot stats [--csv FILE]`.

One Redis hash per day (`smb:handoff:stats:<YYYY-MM-DD>`) with fields like `lang:ru`: counts
only, nothing that points back to a person (kept by `bot.storage.daily`, as the bot's own
counters are).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.groups.counters import collect_days as group_days
from bot.groups.counters import render_totals as render_group_totals
from bot.handoff.labels import OperatorTexts
from bot.i18n import N_, I18n
from bot.metrics_history import collect_history, render_totals
from bot.storage.daily import DAILY_TTL, DailyCounts
from bot.storage.keys import global_key

STATS_TTL = DAILY_TTL  # a year of reports, plus a margin
DIMENSIONS = ("language", "country", "reason", "risk", "indicator", "outcome")
# The report's headings, in OPERATOR_LANGUAGE when the report has labels.
HEADINGS: dict[str, str] = {
    "language": N_("By language:"), "country": N_("By country:"), "reason": N_("By reason:"),
    "risk": N_("By risk level:"), "indicator": N_("By warning sign:"),
    "outcome": N_("By outcome:"),
}
NO_CASES = N_("No cases in this period.")
BY_DAY = N_("Cases by day:")
TOTAL = N_("Total cases: {n}")
TIMES = N_("Time to take / to close, by week (median, p90):")
TAKE = N_("take {median}, {p90} (n={n})")
CLOSE = N_("close {median}, {p90} (n={n})")
OUTCOMES = ("referred", "advice", "no_risk", "unreachable")


def _days(redis: Redis) -> DailyCounts:
    return DailyCounts(redis, "handoff", "stats")


def _durations_key(day: date, kind: str) -> str:
    return global_key("handoff", "durations", day.isoformat(), kind)


# How long cases waited, in whole seconds: "taken" from the alert to an operator taking it,
# "closed" from the alert to the case being closed. Durations only, no case id.
DURATION_KINDS = ("taken", "closed")


class CaseCounters:
    """Increments the day's counters; the day is the NGO's (OPERATOR_TIMEZONE), not UTC."""

    def __init__(self, redis: Redis, timezone: str = "UTC") -> None:
        self._redis = redis
        self._tz = ZoneInfo(timezone)

    def _today(self) -> date:
        return datetime.now(self._tz).date()

    async def _add(self, fields: Iterable[str]) -> None:
        await _days(self._redis).add(self._today(), Counter(fields))

    async def opened(self, language: str, country: str, reason: str, risk: str,
                     indicators: Iterable[str]) -> None:
        """Count a new case by language, country, reason, risk level and indicator."""
        fields = ["cases", f"language:{language or 'unknown'}",
                  f"country:{country or 'unknown'}", f"reason:{reason}",
                  f"risk:{risk or 'unknown'}"]
        fields.extend(f"indicator:{name}" for name in dict.fromkeys(indicators))
        await self._add(fields)

    async def outcome(self, outcome: str) -> None:
        """Count a closed case's outcome on the day it was recorded."""
        await self._add([f"outcome:{outcome}"])

    async def duration(self, kind: str, seconds: float) -> None:
        """Record how long a case took to be `kind` ("taken" or "closed"), on today's list."""
        if kind not in DURATION_KINDS:
            raise ValueError(f"unknown duration kind {kind!r}")
        key = _durations_key(self._today(), kind)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(key, str(max(0, round(seconds))))
            pipe.expire(key, STATS_TTL)
            await pipe.execute()


async def collect(redis: Redis, days: int, today: date) -> dict[date, Counter[str]]:
    """The counters of the last `days` days, oldest first; days without cases are left out."""
    return await _days(redis).collect(days, today)


async def collect_durations(
    redis: Redis, days: int, today: date
) -> dict[date, dict[str, list[int]]]:
    """{day: {"taken": [seconds, ...], "closed": [...]}} for the last `days` days, oldest first."""
    span = [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    async with redis.pipeline(transaction=False) as pipe:
        for day in span:
            for kind in DURATION_KINDS:
                pipe.lrange(_durations_key(day, kind), 0, -1)
        lists = iter(await pipe.execute())
    result: dict[date, dict[str, list[int]]] = {}
    for day in span:
        found = {kind: [int(v) for v in next(lists)] for kind in DURATION_KINDS}
        if any(found.values()):
            result[day] = found
    return result


def week_of(day: date) -> str:
    """The ISO week of a day, e.g. 2026-W48."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def by_week(per_day: dict[date, dict[str, list[int]]]) -> dict[str, dict[str, list[int]]]:
    """The per-day duration lists of `collect_durations`, gathered by ISO week."""
    weeks: dict[str, dict[str, list[int]]] = {}
    for day, found in per_day.items():
        week = weeks.setdefault(week_of(day), {kind: [] for kind in DURATION_KINDS})
        for kind, seconds in found.items():
            week[kind].extend(seconds)
    return weeks


def median_p90(seconds: list[int]) -> tuple[float, float]:
    """The median and the 90th percentile (inclusive method: never beyond the data)."""
    if len(seconds) == 1:
        return float(seconds[0]), float(seconds[0])
    return (float(statistics.median(seconds)),
            float(statistics.quantiles(seconds, n=10, method="inclusive")[8]))


MINUTES = N_("{minutes} min")


def _minutes(seconds: float, texts: OperatorTexts | None = None) -> str:
    value = f"{seconds / 60:.1f}"
    return texts.text(MINUTES, minutes=value) if texts else f"{value} min"


def _label(texts: OperatorTexts | None, dimension: str, code: str) -> str:
    if texts is None:
        return code
    label = {"country": texts.country, "indicator": texts.indicator, "reason": texts.reason,
             "outcome": texts.outcome, "risk": texts.risk_level,
             "language": texts.person_language}.get(dimension)
    return label(code) if label and code != "unknown" else code


def rows(per_day: dict[date, Counter[str]]) -> list[tuple[str, str, str, int]]:
    """(day, dimension, value, count) rows; dimension `cases` has an empty value."""
    out: list[tuple[str, str, str, int]] = []
    for day, counts in per_day.items():
        for field_name, count in sorted(counts.items()):
            dimension, _, value = field_name.partition(":")
            out.append((day.isoformat(), dimension, value, count))
    return out


def render(per_day: dict[date, Counter[str]], texts: OperatorTexts | None = None,
           durations: dict[date, dict[str, list[int]]] | None = None) -> str:
    """A plain-text report: cases by day, totals per dimension (labels, when `texts` is
    given, instead of codes), then time to take and to close by ISO week (median, p90)."""
    def say(msgid: str, **values: object) -> str:
        if texts is not None:
            return texts.text(msgid, **values)
        return msgid.format(**values) if values else msgid

    if not per_day and not durations:
        return say(NO_CASES)
    totals: Counter[str] = Counter()
    lines = [say(BY_DAY)]
    for day, counts in per_day.items():
        lines.append(f"  {day.isoformat()}  {counts.get('cases', 0)}")
        totals.update(counts)
    lines.append(say(TOTAL, n=totals.get("cases", 0)))
    for dimension in DIMENSIONS:
        values = {k.partition(":")[2]: v for k, v in totals.items()
                  if k.startswith(f"{dimension}:")}
        if values:
            lines.append(say(HEADINGS[dimension]))
            lines.extend(f"  {_label(texts, dimension, name):<32} {count}" for name, count in
                         sorted(values.items(), key=lambda item: (-item[1], item[0])))
    if durations:
        lines.append(say(TIMES))
        for week, found in by_week(durations).items():
            parts = []
            for kind, msgid in (("taken", TAKE), ("closed", CLOSE)):
                if found.get(kind):
                    median, p90 = median_p90(found[kind])
                    parts.append(say(msgid, median=_minutes(median, texts),
                                     p90=_minutes(p90, texts), n=len(found[kind])))
            lines.append(f"  {week}  " + "; ".join(parts))
    return "\n".join(lines)


def write_csv(path: str, per_day: dict[date, Counter[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["day", "dimension", "value", "count"])
        writer.writerows(rows(per_day))


async def _run(url: str, timezone: str, days: int, csv_path: str | None,
               texts: OperatorTexts | None = None) -> int:
    redis = Redis.from_url(url, decode_responses=True, socket_timeout=5.0)
    try:
        today = datetime.now(ZoneInfo(timezone)).date()
        per_day = await collect(redis, days, today)
        durations = await collect_durations(redis, days, today)
        bot_side = await collect_history(redis, days, today)  # the same day store's other scope
        group_side = await group_days(redis, days, today)
    finally:
        await redis.aclose()
    if csv_path:
        write_csv(csv_path, per_day)
        print(f"wrote {len(rows(per_day))} rows to {csv_path}")
    else:
        print(render(per_day, texts, durations))
        print(render_totals(bot_side))
        print(render_group_totals(group_side))
    return 0


def main(args: argparse.Namespace) -> int:
    """`python -m bot stats`: print the counters of the last `--days` days, or write `--csv`."""
    from bot.config import ConfigError, load_settings

    settings = load_settings()
    if not settings.redis.url:
        raise ConfigError("REDIS_URL: not set; case counters live in Redis")
    days = max(1, int(getattr(args, "days", 90) or 90))
    try:
        texts = OperatorTexts(I18n(settings.bot.locales_dir).translator(
            settings.operators.language))
        return asyncio.run(_run(settings.redis.url, settings.operators.timezone, days,
                                getattr(args, "csv", None), texts))
    except (RedisError, OSError) as exc:
        print(f"cannot read the counters: {type(exc).__name__}", file=sys.stderr)
        return 1
