"""Operator hours in the NGO's timezone: open now?, and when someone will next read a message."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_timezone_location

from bot.config import OperatorSettings, parse_hours


class OperatorHours:
    """`HH:MM-HH:MM` in a timezone; empty means around the clock; may wrap past midnight."""

    def __init__(self, hours: str, timezone: str) -> None:
        self.tz = ZoneInfo(timezone)
        self._span: tuple[time, time] | None = parse_hours(hours)

    @classmethod
    def from_settings(cls, settings: OperatorSettings) -> OperatorHours:
        return cls(settings.hours, settings.timezone)

    @property
    def always(self) -> bool:
        return self._span is None or self._span[0] == self._span[1]

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether operators are working at `now` (aware; defaults to the current time)."""
        if self._span is None or self.always:
            return True
        local = (now or datetime.now(self.tz)).astimezone(self.tz).time()
        start, end = self._span
        if start < end:
            return start <= local < end
        return local >= start or local < end  # a night shift, e.g. 20:00-08:00

    def next_open(self, now: datetime | None = None) -> datetime:
        """When operators next start work (`now` itself when they are working)."""
        current = (now or datetime.now(self.tz)).astimezone(self.tz)
        if self._span is None or self.is_open(current):
            return current
        start = self._span[0]
        candidate = datetime.combine(current.date(), start, tzinfo=self.tz)
        if candidate <= current:
            candidate = datetime.combine(current.date() + timedelta(days=1), start, tzinfo=self.tz)
        return candidate

    def when_text(self, locale: str, now: datetime | None = None) -> str:
        """The next opening in the person's language, e.g. '13 марта, 09:00 (Минск)'."""
        moment = self.next_open(now)
        text = format_datetime(moment, "d MMMM, HH:mm", tzinfo=self.tz, locale=locale)
        # The city, not the zone's name: Babel calls Minsk time "Moscow Time", which misleads.
        city = get_timezone_location(self.tz, locale=locale, return_city=True)
        return f"{text} ({city})"
