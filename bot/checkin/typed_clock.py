"""A time typed at a check-in setup question: the time of day to ask at ("9:30", "9 pm",
"в 9 вечера") and the clock where the person will be ("14:30", "UTC+3"), read as minutes after
midnight or as a UTC offset. Russian, Belarusian and English, Cyrillic or Latin letters.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.content.models import TimeWords

# "14:30", "14.30", "2:30 pm", "14ч30": the time it is now where the person will be.
_CLOCK = re.compile(r"^(\d{1,2})\s*[:.чhг]\s*(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?$")
def _offset(utc_words: list[str]) -> re.Pattern[str]:
    """"UTC+3", "GMT -5", "+5:30", "utc": an offset from UTC (`utc_words`: content's names)."""
    names = "|".join(re.escape(w) for w in sorted(utc_words, key=len, reverse=True))
    return re.compile(rf"^(?:{names or '(?!)'})?\s*(?:([+\-−–])\s*(\d{{1,2}})"
                      r"(?:\s*[:.]\s*(\d{2}))?)?$")
QUARTER = 15  # minutes: offsets are whole quarter hours (Nepal's +5:45 included)
EARLIEST, LATEST = -12 * 60, 14 * 60  # the UTC offsets places keep, in minutes


_HOUR_ONLY = re.compile(r"^(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)?$")


def typed_time_of_day(text: str, w: TimeWords) -> int | None:
    """A time of day typed as "9:30", "21.00", "9 pm", "9", "в 9 вечера", "у 7 раніцы"
    (minutes after midnight), or None; the words around it are content's (`w`)."""
    said = " ".join(word for word in text.lower().replace("ё", "е").replace(",", " ").split()
                    if word.strip(".!") not in w.courtesy)
    said = next((said.removeprefix(f"{at} ") for at in w.at if said.startswith(f"{at} ")),
                said)
    for half, words in (("am", w.am), ("pm", w.pm)):
        for word in words:
            if said.endswith(" " + word):
                said = f"{said.removesuffix(' ' + word)} {half}"
    if len(said) > 12:
        return None
    found = _CLOCK.match(said) or _HOUR_ONLY.match(said)
    if found is None:
        return None
    minutes = int(found[2]) if found.re is _CLOCK else 0
    return _minutes_after_midnight(int(found[1]), minutes, found[found.re.groups])


def _minutes_after_midnight(hours: int, minutes: int, half: str | None) -> int | None:
    """A clock's reading (12-hour when `half` is "am"/"pm" or its dotted form) as minutes
    after midnight, or None when it is no time of day."""
    if half is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.startswith("p") else 0)
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def typed_clock(text: str, now: float, w: TimeWords) -> timedelta | None:
    """The UTC offset a typed clock means, or None when the text is not one.

    Either the time it is now where the person will be ("14:30", "2:30 pm", "14.30"), read
    against `now` (epoch seconds) and rounded to a quarter hour (a clock a few minutes off
    still counts), or an offset ("UTC+3", "GMT-5", "+5:30", "UTC").
    """
    said = " ".join(text.lower().replace("utc ", "utc").split())
    if not said or len(said) > 20:
        return None
    if (clock := _CLOCK.match(said)) is not None:
        there = _minutes_after_midnight(int(clock[1]), int(clock[2]), clock[3])
        if there is None:
            return None
        utc = datetime.fromtimestamp(now, UTC)
        minutes_off = there - (utc.hour * 60 + utc.minute)
        # The nearest quarter, then into the range places keep: 01:00 typed at 23:00 UTC is +2.
        minutes_off = round(minutes_off / QUARTER) * QUARTER
        if minutes_off > LATEST:
            minutes_off -= 24 * 60
        elif minutes_off < EARLIEST:
            minutes_off += 24 * 60
        return timedelta(minutes=minutes_off)
    offset = _offset(w.utc).match(said)
    if offset is None or (offset[1] is None and not said.isalpha()):
        return None
    if offset[1] is None:
        return timedelta(0)  # "utc", "gmt" alone
    minutes_off = int(offset[2]) * 60 + int(offset[3] or 0)
    minutes_off = -minutes_off if offset[1] != "+" else minutes_off
    if not EARLIEST <= minutes_off <= LATEST or minutes_off % QUARTER:
        return None
    return timedelta(minutes=minutes_off)
