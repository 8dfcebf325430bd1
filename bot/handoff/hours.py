"""Operator hours in the NGO's timezone: open now?, and when someone will next read a message.

A week of ranges (OPERATOR_HOURS, see `bot.opening_hours.parse_week`), minus the public holidays of
OPERATOR_HOLIDAYS_COUNTRY (the `holidays` package) and the dates in OPERATOR_CLOSURES_FILE. What
the person is told is the next range that really opens: never "Saturday 09:00" when Saturday is
closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import yaml
from babel.dates import format_datetime, get_timezone_location

from bot.config import OperatorSettings
from bot.opening_hours import Week, parse_week

LOOKAHEAD_DAYS = 60  # a closure longer than this is a configuration mistake: say "in 60 days"


def read_closures(path: Path | None) -> frozenset[date]:
    """The closed dates in a YAML file: `closures:` of dates and {from, to} spans (inclusive).
    Raises ValueError with the file name on a malformed file."""
    if path is None:
        return frozenset()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read the closures ({exc})") from None
    days: set[date] = set()
    for item in data.get("closures") or []:
        if isinstance(item, date):
            days.add(item)
        elif isinstance(item, dict) and isinstance(item.get("from"), date):
            first, last = item["from"], item.get("to", item["from"])
            if not isinstance(last, date) or last < first:
                raise ValueError(f"{path}: {item!r}: 'to' must be a date after 'from'")
            days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
        else:
            raise ValueError(f"{path}: {item!r}: expected a date like 2026-12-24 or "
                             "{from: ..., to: ...}")
    return frozenset(days)


class OperatorHours:
    """Ranges per weekday in a timezone; empty means around the clock; closed days skipped."""

    def __init__(self, hours: str, timezone: str, *, holidays_country: str = "",
                 closures: Iterable[date] = ()) -> None:
        self.tz = ZoneInfo(timezone)
        self._week: Week | None = parse_week(hours)
        self._holidays = (holidays.country_holidays(holidays_country.upper())
                          if holidays_country else None)
        self._closures = frozenset(closures)

    @classmethod
    def from_settings(cls, settings: OperatorSettings) -> OperatorHours:
        return cls(settings.hours, settings.timezone,
                   holidays_country=settings.holidays_country,
                   closures=read_closures(settings.closures_file))

    @property
    def always(self) -> bool:
        if self._week is None:
            return True
        spans = [span for ranges in self._week for span in ranges]
        return len(spans) == 7 and all(start == end for start, end in spans)

    def closed_on(self, day: date) -> bool:
        """A public holiday or a listed closure: no range of that day opens."""
        return day in self._closures or (self._holidays is not None and day in self._holidays)

    def _spans(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's ranges as moments (a range past midnight ends the next day)."""
        if self._week is None or self.closed_on(day):
            return []
        out = []
        for start, end in self._week[day.weekday()]:
            begin = datetime.combine(day, start, tzinfo=self.tz)
            finish = datetime.combine(day if start < end else day + timedelta(days=1), end,
                                      tzinfo=self.tz)
            out.append((begin, finish))
        return out

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether operators are working at `now` (aware; defaults to the current time)."""
        if self._week is None or self.always:
            return True
        current = (now or datetime.now(self.tz)).astimezone(self.tz)
        for day in (current.date() - timedelta(days=1), current.date()):
            if any(begin <= current < finish for begin, finish in self._spans(day)):
                return True
        return False

    def next_open(self, now: datetime | None = None) -> datetime:
        """When operators next start work (`now` itself when they are working)."""
        current = (now or datetime.now(self.tz)).astimezone(self.tz)
        if self.is_open(current):
            return current
        for offset in range(LOOKAHEAD_DAYS + 1):
            for begin, _ in self._spans(current.date() + timedelta(days=offset)):
                if begin > current:
                    return begin
        return current + timedelta(days=LOOKAHEAD_DAYS)

    def when_text(self, locale: str, now: datetime | None = None) -> str:
        """The next opening in the person's language, e.g. '13 марта, 09:00 (Минск)'."""
        moment = self.next_open(now)
        text = format_datetime(moment, "d MMMM, HH:mm", tzinfo=self.tz, locale=locale)
        # The city, not the zone's name: Babel calls Minsk time "Moscow Time", which misleads.
        city = get_timezone_location(self.tz, locale=locale, return_city=True)
        return f"{text} ({city})"

