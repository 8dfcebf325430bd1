"""The numbers behind the dashboard's pages, read from Redis and content; no personal data.

Cases come from the anonymous day counters and duration lists (`bot/handoff/stats.py`) and,
for the queue now, from the open case hashes (pseudonym-free: only state, times and a keyed
hash of the operator). Content health comes from `check_content` and the hotlines' fields.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from redis.asyncio import Redis

from bot.content.facts import find_facts_dir
from bot.content.loader import check_content
from bot.content.problems import Problem
from bot.handoff.case import Case
from bot.handoff.cases import case_key
from bot.handoff.stats import DIMENSIONS, collect, collect_durations
from bot.i18n import I18n
from bot.privacy import Pseudonymizer

Period = Literal["day", "week"]
STALE_AFTER_DAYS = 365


def period_start(day: date, period: Period) -> date:
    """The day itself, or the Monday of its ISO week."""
    return day if period == "day" else day - timedelta(days=day.weekday())


def percentile(values: list[int], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation; 0 for no values."""
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1])


@dataclass
class CaseReport:
    """Cases per period and per dimension value, and response times per period (seconds)."""

    period: Period
    periods: list[date]
    cases: dict[date, int]
    by_dimension: dict[str, dict[str, dict[date, int]]]  # dimension -> value -> period -> n
    taken: dict[date, list[int]]
    closed: dict[date, list[int]]

    def totals(self, dimension: str) -> list[tuple[str, int]]:
        """(value, total) for one dimension, largest first."""
        values = self.by_dimension.get(dimension, {})
        return sorted(((v, sum(n.values())) for v, n in values.items()),
                      key=lambda item: (-item[1], item[0]))

    def response_rows(self) -> list[tuple[date, str, int, float, float]]:
        """(period, "taken"/"closed", cases, median s, p90 s) per period that has any."""
        out = []
        for start in self.periods:
            for kind, source in (("taken", self.taken), ("closed", self.closed)):
                values = source.get(start, [])
                if values:
                    out.append((start, kind, len(values), float(statistics.median(values)),
                                percentile(values, 90)))
        return out


async def case_report(redis: Redis, today: date, days: int, period: Period) -> CaseReport:
    """Read `days` days of counters ending `today` and group them by day or ISO week."""
    per_day = await collect(redis, days, today)
    durations = await collect_durations(redis, days, today)
    first = period_start(today - timedelta(days=days - 1), period)
    step = timedelta(days=1 if period == "day" else 7)
    periods: list[date] = []
    cursor = first
    while cursor <= today:
        periods.append(cursor)
        cursor += step
    cases: dict[date, int] = dict.fromkeys(periods, 0)
    by_dimension: dict[str, dict[str, dict[date, int]]] = {d: {} for d in DIMENSIONS}
    for day, counts in per_day.items():
        start = period_start(day, period)
        for name, count in counts.items():
            if name == "cases":
                cases[start] = cases.get(start, 0) + count
                continue
            dimension, _, value = name.partition(":")
            if dimension in by_dimension:
                slot = by_dimension[dimension].setdefault(value, {})
                slot[start] = slot.get(start, 0) + count
    taken: dict[date, list[int]] = {}
    closed: dict[date, list[int]] = {}
    for day, kinds in durations.items():
        start = period_start(day, period)
        taken.setdefault(start, []).extend(kinds.get("taken", []))
        closed.setdefault(start, []).extend(kinds.get("closed", []))
    return CaseReport(period, periods, cases, by_dimension, taken, closed)


@dataclass
class QueueNow:
    """Waiting cases (how long each has waited, seconds) and taken cases per operator."""

    waiting: list[tuple[str, int]] = field(default_factory=list)  # (pseudonym, seconds)
    per_operator: dict[str, int] = field(default_factory=dict)  # keyed hash -> open cases


async def queue_now(redis: Redis, pseudonymizer: Pseudonymizer,
                    now: float | None = None) -> QueueNow:
    """The open cases as they are now; operators are shown as keyed hashes, people by pseudonym."""
    now = time.time() if now is None else now
    result = QueueNow()
    operators: Counter[str] = Counter()
    async for key in redis.scan_iter(match=case_key("*"), count=500):
        raw = await redis.hgetall(key)
        if not raw.get("id"):
            continue
        case = Case.from_redis({str(k): str(v) for k, v in raw.items()})
        if case.state == "new":
            result.waiting.append((case.pseudonym, max(0, int(now - case.created))))
        elif case.state == "taken":
            operators[operator_label(pseudonymizer, case.operator)] += 1
    result.waiting.sort(key=lambda item: -item[1])
    result.per_operator = dict(sorted(operators.items()))
    return result


def operator_label(pseudonymizer: Pseudonymizer, operator_id: int) -> str:
    """An operator as the dashboard shows them: `op-` and 8 hex of a keyed hash."""
    return "op-" + pseudonymizer.user_key(f"operator:{operator_id}")[:8]


@dataclass
class HotlineRow:
    id: str
    country: str
    kind: str
    confidence: str
    offered: bool
    verified_by_editor: bool
    last_checked: date
    stale: bool
    checked_by: str = ""  # the editor's name or initials, when content/hotlines.yaml says


@dataclass
class ContentHealth:
    """The `content check` result and each hotline's trust, for editors."""

    problems: list[Problem]
    hotlines: list[HotlineRow]
    countries_without_verified: list[str]
    loaded: bool

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def content_health(content_dir: Path, today: date, i18n: I18n) -> ContentHealth:
    """Run the content check (screens measured in `i18n`'s catalogs) and list hotlines,
    oldest check first within each country."""
    content, problems = check_content(content_dir, today=today, i18n=i18n)
    if content is None:
        return ContentHealth(problems, [], [], loaded=False)
    rows = [
        HotlineRow(h.id, h.country, h.kind, h.confidence, h.offered, h.verified_by_editor,
                   h.last_checked, (today - h.last_checked).days > STALE_AFTER_DAYS,
                   h.checked_by or "")
        for h in content.hotlines.values()
    ]
    rows.sort(key=lambda r: (r.country, r.offered, r.last_checked, r.id))
    verified = {h.country for h in content.hotlines.values()
                if h.kind != "emergency" and h.verified_by_editor}
    missing = sorted(c for c in content.countries if c not in verified)
    return ContentHealth(problems, rows, missing, loaded=True)


class ContentHealthCheck:
    """`content_health`, run again only when a content or facts file changed or the day did.

    The check reads and validates every YAML file (seconds on a busy machine); the page is
    opened far more often than an editor saves a file.
    """

    def __init__(self, content_dir: Path, i18n: I18n) -> None:
        self._dir = content_dir
        self._i18n = i18n
        self._last: tuple[tuple[float, int, date], ContentHealth] | None = None

    def _signature(self, today: date) -> tuple[float, int, date]:
        folders = [self._dir]
        facts = find_facts_dir(self._dir)
        if facts is not None:
            folders.append(facts)
        stamps = [p.stat().st_mtime for folder in folders for p in folder.rglob("*")
                  if p.is_file()]
        return (max(stamps, default=0.0), len(stamps), today)

    def get(self, today: date) -> ContentHealth:
        """The check's result for `today` (blocking: call it in a thread)."""
        signature = self._signature(today)
        if self._last is None or self._last[0] != signature:
            self._last = (signature, content_health(self._dir, today, self._i18n))
        return self._last[1]

