"""An end date typed for the check-ins' "how long?": "до 15 января", "да 1 сакавіка", "until
15 January", "January 15th", "до 15.01", "до конца декабря", "till the end of the month",
"да канца наступнага месяца".

Month names come from Babel's locale data for ru, be and en (both grammatical forms, and the
abbreviations beside a day's number); the other words are content's (`checkin.words.until`).
A date without a year is the next one to come; one that has passed, one too far ahead and one
that is no date ("31 февраля", "до никогда") are told apart, so the step can ask plainly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from babel.dates import get_month_names

from bot.content.models import UntilWords

__all__ = ["Until", "month_names", "read_until"]

LOCALES = ("ru", "be", "en")
Problem = Literal["past", "far", "unreadable"]
JUST_PASSED = 366 - 60  # days: a year-less date this close to a year ahead has just passed
STEM_LEAST = 4  # a month's stem shared by its forms ("декабр", "снеж"): shorter, whole forms only
_TOKEN = re.compile(r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d+|[^\W\d_]+['’]?[^\W\d_]*")


@dataclass(frozen=True)
class Until:
    """An end date found in a message: the day (None with a `problem`) and the rest of the
    message without it (`rest`: the other settings it names)."""

    day: date | None
    rest: str
    problem: Problem | None = None
    cue_only: bool = False  # a cue and no date after it ("до никогда"): unreadable


@dataclass(frozen=True)
class MonthNames:
    """Month number by its written forms: `whole` anywhere, `short` (abbreviations) only beside
    a day's number, `stems` for the other cases of a name ("декабре", "снежні")."""

    whole: dict[str, int]
    short: dict[str, int]
    stems: dict[str, int]

    def month(self, word: str, *, beside_number: bool) -> int | None:
        if word in self.whole:
            return self.whole[word]
        if beside_number and word in self.short:
            return self.short[word]
        return next((m for stem, m in self.stems.items()
                     if word.startswith(stem) and len(word) <= len(stem) + 3), None)


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


def month_names() -> MonthNames:
    """The month names of ru, be and en, from Babel (built per call: no module cache)."""
    whole: dict[str, int] = {}
    short: dict[str, int] = {}
    stems: dict[str, int] = {}
    for locale in LOCALES:
        wide = {"format": get_month_names("wide", "format", locale),
                "stand-alone": get_month_names("wide", "stand-alone", locale)}
        for names in wide.values():
            whole.update({_plain(name): month for month, name in names.items()})
        for names in (get_month_names("abbreviated", "format", locale),
                      get_month_names("abbreviated", "stand-alone", locale)):
            short.update({_plain(name): month for month, name in names.items()})
        for month in range(1, 13):
            a, b = _plain(wide["format"][month]), _plain(wide["stand-alone"][month])
            common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                          min(len(a), len(b)))
            if common >= STEM_LEAST:
                stems[a[:common]] = month
    return MonthNames(whole, short, stems)


class _Reader:
    """One message's words, read from a position."""

    def __init__(self, text: str, words: UntilWords, months: MonthNames) -> None:
        self.low = text.lower().replace("ё", "е").replace("’", "'")
        self.tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self.low)]
        self.w, self.months = words, months

    def cue_before(self, at: int) -> int | None:
        """Where a cue ("до", "up to") ending just before `at` starts ("till | the end"), else
        None."""
        while at > 0 and self.word(at - 1) in self.w.filler:
            at -= 1
        for cue in self.w.cues:
            size = len(cue.split())
            if at >= size and [t for t, _, _ in self.tokens[at - size:at]] == cue.split():
                return at - size
        return None

    def word(self, at: int) -> str:
        return self.tokens[at][0] if at < len(self.tokens) else ""

    def skip(self, at: int) -> int:
        while self.word(at) in self.w.filler:
            at += 1
        return at

    def number(self, at: int) -> tuple[int | None, int]:
        """A day's number at `at` ("15", "15th", "15-го"), and the position after it."""
        word = self.word(at)
        if not word.isdigit() or len(word) > 2:
            return None, at
        at += 1
        if self.word(at) in self.w.ordinal_endings:
            at += 1
        return int(word), at

    def year(self, at: int) -> tuple[int | None, int]:
        word = self.word(self.skip(at))
        if word.isdigit() and len(word) == 4:
            return int(word), self.skip(at) + 1
        return None, at


def read_until(text: str, words: UntilWords, today: date, most_days: int) -> Until | None:
    """The end date the text names, or None when it names none. `today`: the person's date;
    a date is taken from tomorrow to `most_days` ahead."""
    reader = _Reader(text, words, month_names())
    for at in range(len(reader.tokens)):
        cue = reader.cue_before(at)
        found = _date_at(reader, at, cue is not None, today)
        if found is None:
            continue
        kind, end = found
        start = at if cue is None else cue
        rest = (reader.low[: reader.tokens[start][1]] + " "
                + reader.low[reader.tokens[end - 1][2]:]).strip(" ,;.")
        if isinstance(kind, str):
            return Until(None, rest, kind)  # type: ignore[arg-type]
        if kind <= today:
            return Until(None, rest, "past")
        if kind > today + timedelta(days=most_days):
            return Until(None, rest, "far")
        return Until(kind, rest)
    cue = next((len(c.split()) for c in words.cues
                if [t for t, _, _ in reader.tokens[:len(c.split())]] == c.split()), 0)
    if cue and len(reader.tokens) > cue and not reader.word(cue).isdigit():
        # "до никогда", "until forever": a date was meant and none can be read
        return Until(None, "", "unreadable", cue_only=True)
    return None


def _date_at(r: _Reader, at: int, cued: bool, today: date
             ) -> tuple[date | str, int] | None:
    """A date starting at `at` and the position after it; "unreadable" for one that is no
    date ("31 февраля"); a year-less date is the next to come (this year's, else next)."""
    w, word = r.w, r.word(at)
    if cued and word in w.end:  # "до конца декабря", "till the end of the (next) month"
        after = r.skip(at + 1)
        ahead = r.word(after) in w.next
        after = r.skip(after + 1) if ahead else after
        name = r.word(after)
        month = r.months.month(name, beside_number=False)
        if month is not None:
            year, end = r.year(after + 1)
            day = _last_day(year or today.year, month)
            if year is None and day < today:
                day = _last_day(today.year + 1, month)
            return day, end
        if name in w.month:
            first = date(today.year, today.month, 1) + timedelta(days=32 if ahead else 0)
            return _last_day(first.year, first.month), after + 1
        if name in w.year:
            return date(today.year + (1 if ahead else 0), 12, 31), after + 1
        return None
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?", word)
    if numeric:
        year = int(numeric[3]) + (2000 if len(numeric[3]) == 2 else 0) if numeric[3] else None
        return _resolve(year, int(numeric[2]), int(numeric[1]), today), at + 1
    number, after = r.number(at)
    if number is not None:  # "15 января", "15th of January"
        after = r.skip(after)
        month = r.months.month(r.word(after), beside_number=True)
        if month is None:
            return None
        year, end = r.year(after + 1)
        return _resolve(year, month, number, today), max(end, after + 1)
    month = r.months.month(word, beside_number=False)
    if month is None:
        return None
    number, after = r.number(at + 1)  # "January 15th"
    if number is not None:
        year, end = r.year(after)
        return _resolve(year, month, number, today), max(end, after)
    if cued:  # "до декабря", "until March": until the month begins
        begins = _resolve(None, month, 1, today)
        return (begins - timedelta(days=1) if isinstance(begins, date) else begins), at + 1
    return None


def _resolve(year: int | None, month: int, day: int, today: date) -> date | str:
    """The date, or "unreadable"; without a year the next one to come (this year's if it is
    still ahead, else next year's)."""
    try:
        found = date(year or today.year, month, day)
        if year is None and found <= today:
            found = date(today.year + 1, month, day)
    except ValueError:  # "31 февраля", "45 December"
        return "unreadable"
    if year is None and found - today > timedelta(days=JUST_PASSED):
        # "до 1 декабря" on 2 December: this year's, just passed (not next December's)
        return date(today.year, month, day)
    return found


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
