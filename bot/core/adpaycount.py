"""Pay for a count of periods ("3 600 € за 20 смен", "$3,000 for 15 shifts"): the period and
the count to divide the figure by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.models import AdSalary
from bot.core.adtext import fold

_FLAGS = re.UNICODE
# A count of periods: "20", "24", "1,5" are read; "двадцать" in words is not.
_COUNT = r"(?P<n>\d{1,3})"


@dataclass(frozen=True)
class PayCount:
    """A figure read as pay for `count` periods of `period` ("hour", "day", "week", "month")."""

    period: str
    count: int


class PayCounts:
    """`salary.count_before`/`count_words` compiled; `after(low, end)` and
    `before(low, start)`: the count that a figure at that place is pay for, if any."""

    def __init__(self, salary: AdSalary) -> None:
        before = "|".join(fold(word) for word in salary.count_before)
        qualifier = "|".join(fold(word) for word in salary.qualifier_words)
        between = rf"\s*(?:(?:{qualifier})\W*)?" if qualifier else r"\s*"
        self._units = [
            (period, re.compile(rf"(?:{'|'.join(fold(w) for w in words)})(?!\w)", _FLAGS))
            for period, words in salary.count_words.items() if words
        ]
        self._calendar = re.compile(
            "|".join(fold(word) for word in salary.calendar_day_words) or r"(?!)", _FLAGS)
        self._days_in_month = salary.days_in_month
        # "за 20 смен", "for 15 shifts", "in 24 working days"; right after the figure (a net
        # or gross word may stand between: "на руки за 30 смен") or right before it ("За 20
        # смен — 3 600 €", "For 15 shifts: $3,000").
        self._after = (re.compile(rf"{between}(?:{before})\s+{_COUNT}\s+", _FLAGS)
                       if before else None)
        self._before = (re.compile(rf"(?<!\w)(?:{before})\s+{_COUNT}\s+(?P<unit>[^\W\d]+"
                                   rf"(?:\s+[^\W\d]+)?)\s*[:—–-]?\s*$", _FLAGS)
                        if before else None)

    def after(self, low: str, end: int) -> PayCount | None:
        """The count right after a figure that ends at `end` ("… за 20 смен"), if any."""
        if self._after is None:
            return None
        match = self._after.match(low, end)
        return self._read(low, match.end(), int(match.group("n"))) if match else None

    def before(self, low: str, start: int) -> PayCount | None:
        """The count right before a figure that starts at `start` ("За 20 смен — …")."""
        if self._before is None:
            return None
        match = self._before.search(low, max(0, start - 40), start)
        return self._read(low, match.start("unit"), int(match.group("n"))) if match else None

    def _read(self, low: str, at: int, count: int) -> PayCount | None:
        """The period whose unit is written at `low[at:]`; calendar days of a month or more
        are one month ("за 30 дней"). None: no unit, or a count of zero."""
        if count == 0:
            return None
        for period, unit in self._units:
            if read := unit.match(low, at):
                if period == "day" and self._calendar.fullmatch(read.group(0)):
                    if count >= self._days_in_month:
                        return PayCount("month", 1)
                return PayCount(period, count)
        return None
