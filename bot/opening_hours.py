"""Operators' opening hours as written in OPERATOR_HOURS, parsed into a week of time ranges.

Shapes: a range is (start, end) as `datetime.time`; a `Week` is seven tuples of ranges,
Monday first. Errors are `ValueError` with a message that shows the expected form, which
`bot.config` turns into a `ConfigError` naming the setting.
"""

from __future__ import annotations

from datetime import time


def parse_hours(value: str) -> tuple[time, time] | None:
    """"HH:MM-HH:MM" as (start, end), None when empty; ValueError when malformed."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    try:
        span = (time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))
    except ValueError:
        raise ValueError("must be HH:MM-HH:MM, e.g. 09:00-18:00") from None
    if not sep:
        raise ValueError("must be HH:MM-HH:MM, e.g. 09:00-18:00")
    return span


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Week = tuple[tuple[tuple[time, time], ...], ...]  # Monday..Sunday -> ranges (start, end)


def parse_week(value: str) -> Week | None:
    """OPERATOR_HOURS as seven days of ranges; None when empty (around the clock).

    "09:00-18:00" is every day; "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00" gives
    weekdays two ranges, Saturday one, Sunday none. A range may wrap past midnight
    ("20:00-08:00", counted on the day it starts). ValueError when malformed.
    """
    if not value.strip():
        return None
    week: list[list[tuple[time, time]]] = [[] for _ in DAYS]
    for part in filter(None, (p.strip() for p in value.split(";"))):
        head, _, rest = part.partition(" ")
        days = list(range(7))
        if head[:1].isalpha():
            days = _days(head.lower())
            part = rest
        for span in filter(None, (s.strip() for s in part.split(","))):
            parsed = parse_hours(span)
            if parsed is None:
                continue
            for day in days:
                week[day].append(parsed)
    return tuple(tuple(sorted(ranges)) for ranges in week)


def _days(spec: str) -> list[int]:
    found: list[int] = []
    for piece in spec.split(","):
        first, _, last = piece.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f"unknown day {piece!r}: use mon, tue, wed, thu, fri, sat, sun")
        start, end = DAYS.index(first), DAYS.index(last or first)
        found.extend(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    return found
