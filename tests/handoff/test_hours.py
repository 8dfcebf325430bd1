"""Operator hours: open or not, the next opening, and how it is said to the person."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.handoff.hours import OperatorHours

MINSK = ZoneInfo("Europe/Minsk")


def at(hour: int, minute: int = 0, day: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=MINSK)


def test_day_shift() -> None:
    hours = OperatorHours("09:00-18:00", "Europe/Minsk")
    assert hours.is_open(at(9)) and hours.is_open(at(17, 59))
    assert not hours.is_open(at(18)) and not hours.is_open(at(8, 59))
    assert hours.next_open(at(20)) == at(9, day=13)
    assert hours.next_open(at(7)) == at(9)


def test_night_shift_wraps_midnight() -> None:
    hours = OperatorHours("20:00-08:00", "Europe/Minsk")
    assert hours.is_open(at(23)) and hours.is_open(at(3))
    assert not hours.is_open(at(12))
    assert hours.next_open(at(12)) == at(20)


def test_empty_means_always() -> None:
    hours = OperatorHours("", "Europe/Minsk")
    assert hours.always and hours.is_open(at(3))


def test_next_opening_in_the_persons_language() -> None:
    hours = OperatorHours("09:00-18:00", "Europe/Minsk")
    assert hours.when_text("ru", at(20)) == "13 марта, 09:00 (Минск)"
    assert hours.when_text("be", at(20)) == "13 сакавіка, 09:00 (Мінск)"
    assert hours.when_text("en", at(20)) == "13 March, 09:00 (Minsk)"


def test_other_timezone_is_converted() -> None:
    hours = OperatorHours("09:00-18:00", "Europe/Warsaw")
    utc_now = datetime(2026, 3, 12, 7, 30, tzinfo=ZoneInfo("UTC"))  # 08:30 in Warsaw
    assert not hours.is_open(utc_now)
    assert hours.next_open(utc_now).hour == 9
