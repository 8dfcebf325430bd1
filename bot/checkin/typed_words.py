"""How a typed check-in setting's words are looked up. The words themselves (units, numbers,
the cue words that say which setting a part is, "каждые" the interval, "на" / "for" the
duration, "жду" / "after" the grace, and the phrases rewritten to plain numbers, "через день",
"полдня", "twice a week") are content's: content/checkin.yaml `checkin.words.settings`.

Stems are matched at a word's start (typed.py `stem`); a hurried thumb's endings still count.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.content.models import SettingWords

Unit = Literal["hour", "day", "week"]
Role = Literal["interval", "duration", "grace"]
HOURS: dict[Unit, int] = {"hour": 1, "day": 24, "week": 24 * 7}
UNITS: tuple[Unit, ...] = ("week", "day", "hour")  # looked up in this order
WORD = re.compile(r"(?<![\w.])[-−–]\d+|\d+|[^\W\d_]+", re.UNICODE)


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, the longest first (so "раза" wins over "раз")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def frequency(words: SettingWords) -> re.Pattern[str]:
    """"twice a week", "2 раза в неделю", "тры разы на тыдзень": how many times in a unit."""
    times = _alternation(list(words.times))
    return re.compile(
        rf"(?<!\w)(?P<n>\d+{'|' + times if times else ''})\s*"
        rf"(?:{_alternation(words.times_words) or '(?!)'})?\s+"
        rf"(?:{_alternation(words.per_words) or '(?!)'})\s+(?P<unit>[^\W\d_]+)", re.UNICODE)


def times_in(word: str, words: SettingWords) -> int | None:
    """How many times a frequency's count word means ("twice", "2", "тры"), else None."""
    if word.isdigit():
        return int(word)
    return words.times.get(word)


def unit_stems(words: SettingWords) -> tuple[tuple[Unit, tuple[str, ...]], ...]:
    """Each unit with its stems, in lookup order."""
    return tuple((unit, tuple(getattr(words.units, unit))) for unit in UNITS)
