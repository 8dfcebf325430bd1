"""Operator hours: open or not, the next opening, and how it is said to the person."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.handoff.hours import OperatorHours, read_closures

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


def on(day: int, hour: int, minute: int = 0) -> datetime:
    """November 2026: the 27th is a Friday, the 28th a Saturday, the 30th a Monday."""
    return datetime(2026, 11, day, hour, minute, tzinfo=MINSK)


WEEKDAYS = "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00"


def test_several_ranges_a_day_and_weekdays() -> None:
    hours = OperatorHours(WEEKDAYS, "Europe/Minsk")
    assert hours.is_open(on(27, 9)) and not hours.is_open(on(27, 13, 30))  # lunch break
    assert hours.next_open(on(27, 13, 30)) == on(27, 14)
    assert hours.next_open(on(27, 19)) == on(28, 10)  # Saturday has its own hours
    assert not hours.is_open(on(29, 12))  # Sunday: closed
    assert hours.next_open(on(29, 12)) == on(30, 9)


def test_friday_evening_never_promises_a_closed_saturday() -> None:
    hours = OperatorHours("mon-fri 09:00-18:00", "Europe/Minsk")
    assert hours.next_open(on(27, 19)) == on(30, 9)
    assert hours.when_text("ru", on(27, 19)) == "30 ноября, 09:00 (Минск)"
    assert hours.when_text("en", on(27, 19)) == "30 November, 09:00 (Minsk)"


def test_public_holidays_of_the_ngos_country_are_closed() -> None:
    # 11 November is Poland's Independence Day (a Wednesday in 2026).
    hours = OperatorHours("mon-fri 09:00-18:00", "Europe/Warsaw", holidays_country="PL")
    warsaw = ZoneInfo("Europe/Warsaw")
    evening = datetime(2026, 11, 10, 19, tzinfo=warsaw)
    assert hours.next_open(evening) == datetime(2026, 11, 12, 9, tzinfo=warsaw)
    assert not hours.is_open(datetime(2026, 11, 11, 10, tzinfo=warsaw))


def test_closures_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "closures.yaml"
    path.write_text("closures:\n  - 2026-11-30\n  - {from: 2026-12-01, to: 2026-12-02}\n",
                    encoding="utf-8")
    hours = OperatorHours("mon-fri 09:00-18:00", "Europe/Minsk",
                          closures=read_closures(path))
    assert hours.next_open(on(27, 19)) == datetime(2026, 12, 3, 9, tzinfo=MINSK)


def test_broken_closures_and_hours_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "closures.yaml"
    path.write_text("closures:\n  - {from: 2026-12-03, to: 2026-12-01}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"closures\.yaml"):
        read_closures(path)
    with pytest.raises(ValueError, match="unknown day"):
        OperatorHours("mon-fry 09:00-18:00", "Europe/Minsk")
    with pytest.raises(ValueError, match="HH:MM-HH:MM"):
        OperatorHours("mon-fri 9-18", "Europe/Minsk")
