"""Check-in times in the person's own time: a country's time zones and the times as shown.

The zones of a country come from the IANA tz database as the `tzdata` package ships it
(`zoneinfo/zone.tab`: one line per country and zone, the most populous zone of a country
first). Zones that keep the same clock (Berlin and Busingen) count as one: a country "has one
zone" when all its zones show the same UTC offset all year. Times are formatted by Babel
(CLDR) in the person's language, with the zone named by its city (`get_timezone_location`).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_location

# Sample days across a year: two zones with the same offsets on all of them keep one clock.
_SAMPLES = tuple(timedelta(days=d) for d in (0, 61, 122, 183, 244, 305))


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    """One clock of a country: its IANA name (the first zone keeping it) and UTC offset now."""

    name: str
    offset: timedelta


class ZoneTable:
    """Country (ISO 3166 alpha-2) -> its IANA zones, read once from tzdata's zone.tab."""

    def __init__(self) -> None:
        text = importlib.resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(
            encoding="utf-8")
        self._zones: dict[str, list[str]] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            self._zones.setdefault(fields[0].upper(), []).append(fields[2])

    def zones(self, country: str | None) -> list[str]:
        """The country's zones, most populous first; [] for an unknown code or None."""
        return list(self._zones.get((country or "").upper(), ()))

    def choices(self, country: str | None, now: float) -> list[ZoneChoice]:
        """One entry per distinct clock in the country (zones keeping the same offsets over
        the coming year are one), in the table's order; [] when the country is unknown."""
        start = datetime.fromtimestamp(now, UTC)
        seen: dict[tuple[timedelta | None, ...], ZoneChoice] = {}
        for name in self.zones(country):
            zone = ZoneInfo(name)
            key = tuple((start + step).astimezone(zone).utcoffset() for step in _SAMPLES)
            if key not in seen:
                seen[key] = ZoneChoice(name, key[0] or timedelta(0))
        return list(seen.values())

    def single(self, country: str | None, now: float) -> str | None:
        """The country's one clock (its first zone), or None with several or none."""
        choices = self.choices(country, now)
        return choices[0].name if len(choices) == 1 else None

    def belongs(self, country: str | None, zone: str) -> bool:
        return zone in self._zones.get((country or "").upper(), ())

    def clocks(self, countries: Iterable[str], now: float) -> list[ZoneChoice]:
        """One entry per UTC offset now among the countries' clocks, west to east: for a person
        whose country is not known. Each offset is named by the first country (in the order
        given) whose own first clock keeps it (Warsaw for UTC+1, Dubai for UTC+4), else by any
        of the countries' clocks."""
        codes = list(countries)
        firsts = [c[0] for code in codes if (c := self.choices(code, now))]
        rest = [choice for code in codes for choice in self.choices(code, now)[1:]]
        by_offset: dict[timedelta, ZoneChoice] = {}
        for choice in (*firsts, *rest):
            by_offset.setdefault(choice.offset, choice)
        return [by_offset[offset] for offset in sorted(by_offset)]

    def keeping(self, offset: timedelta, countries: Iterable[str], now: float) -> str | None:
        """A zone whose UTC offset is `offset` now: one of `clocks(countries)` first (the
        city the picker shows), else any in the table; None when no place keeps it."""
        for choice in self.clocks(countries, now):
            if choice.offset == offset:
                return choice.name
        start = datetime.fromtimestamp(now, UTC)
        for zones in self._zones.values():
            for name in zones:
                if start.astimezone(ZoneInfo(name)).utcoffset() == offset:
                    return name
        return None

    def known(self, zone: str) -> bool:
        """Whether the name is one of the table's zones (a payload is never trusted)."""
        return any(zone in zones for zones in self._zones.values())


def zone_of(name: str | None) -> ZoneInfo | None:
    """The zone for a stored IANA name; None for none or one this machine does not know."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def city(name: str, locale: Locale | str) -> str:
    """The zone's city as the language names it (CLDR), e.g. Europe/Warsaw -> "Варшава"."""
    return str(get_timezone_location(ZoneInfo(name), locale=locale, return_city=True))


def offset_label(offset: timedelta) -> str:
    """"UTC+3", "UTC-9:30", "UTC" for a UTC offset."""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@dataclass(frozen=True, slots=True)
class Moment:
    """One instant as shown: the date and time in a zone, and which zone (its city or UTC)."""

    date: str
    time: str
    zone: str  # the city (local time) or "UTC"
    local: bool


def moment(at: float, zone_name: str | None, locale: Locale | str) -> Moment:
    """`at` (epoch seconds) in the zone named (local, with its city), else in UTC."""
    zone = zone_of(zone_name)
    instant = datetime.fromtimestamp(at, UTC)
    if zone is None or zone_name is None:
        return Moment(format_date(instant, "long", locale=locale),
                      format_time(instant, "short", tzinfo=UTC, locale=locale), "UTC", False)
    local = instant.astimezone(zone)
    return Moment(format_date(local, "long", locale=locale),
                  format_time(instant, "short", tzinfo=zone, locale=locale),
                  city(zone_name, locale), True)
