"""A check-in setting typed instead of pressed ("kazhdye 3 dnya", "2 тыдні", "every other day",
"сутки", "недели 3") as a number of hours; the whole-message answers ("ок", "стоп", "skip")
are typed_answers.py's.

Russian, Belarusian and English, in Cyrillic or Latin letters, with the typos a hurried thumb
makes in word endings: words are matched by their stems, numbers as digits or words (1-12).
What the number counts comes from the word after it, else from the question asked.
"""

from __future__ import annotations

import re

from bot.checkin.typed_words import HOURS, WORD, Role, Unit, frequency, times_in, unit_stems
from bot.content.models import SettingWords

__all__ = ["HOURS", "Role", "Unit", "typed_hours", "typed_plan", "typed_settings",
           "uneven_frequency"]

MAX_WORDS = 6  # words per setting: "ask me every 3 days please"; longer is another sentence


def stem(word: str, stems: tuple[str, ...] | list[str]) -> bool:
    """Whether the word starts with a stem: one letter ("d", "д") only in a word of up to three
    ("дня", "дгя"), two letters ("dn") with an ending of up to four letters."""
    for one in stems:
        if len(one) == 1:
            if word.startswith(one) and len(word) <= 3:
                return True
        elif word.startswith(one) and (len(one) > 2 or len(word) <= len(one) + 4):
            return True
    return False


def _among(word: str, words: tuple[str, ...] | list[str]) -> bool:
    """A whole short word ("на", "in"), or a longer one's stem ("кажд", "провер")."""
    return any(word == w if len(w) < 4 else word.startswith(w) for w in words)


def _number(word: str, w: SettingWords) -> int | None:
    if word.lstrip("-−–").isdigit():
        digits = word.lstrip("-−–")
        if len(digits) > 3:
            return None
        return -int(digits) if digits != word else int(digits)
    # The longest stem wins: "двенадцать" is 12, not "две".
    found = [(max(len(s) for s in stems if stem(word, (s,))), value)
             for value, stems in w.numbers.items() if stem(word, stems)]
    return max(found)[1] if found else None


def _unit(word: str, w: SettingWords) -> Unit | None:
    for unit, stems in unit_stems(w):
        if stem(word, stems):
            return unit
    return None


def _cue(word: str, w: SettingWords) -> Role | None:
    """The setting a cue word names ("каждые" the interval, "на" the duration, "жду" the
    grace), else None."""
    for role, cues in (("grace", w.grace_cues), ("interval", w.interval_cues),
                       ("duration", w.duration_cues)):
        if _among(word, cues):
            return role  # type: ignore[return-value]
    return None


def _plain(text: str, w: SettingWords) -> str | None:
    """Lower case, ё as е, phrases and frequencies as plain numbers ("через день" as "every
    2 day", "twice a week" as "every 84 hour"); None for a frequency that is no whole number
    of days ("twice a week", "2 раза в день"): such a plan cannot be kept."""
    low = " " + " ".join(text.lower().replace("ё", "е").replace("’", "'").split()) + " "
    for phrase, plain in w.phrases.items():
        low = low.replace(f" {phrase} ", f" {plain} ")
    for found in reversed(list(frequency(w).finditer(low))):
        times, unit_word = times_in(found["n"], w), found["unit"]
        unit = "week" if stem(unit_word, w.month) else _unit(unit_word, w)
        if times is None or unit is None:
            continue
        hours = HOURS[unit] * (4 if stem(unit_word, w.month) else 1)
        if times <= 0 or hours % times or (hours // times) % 24:
            return None
        low = f"{low[:found.start()]} every {hours // times} hour {low[found.end():]}"
    return low


def uneven_frequency(text: str, w: SettingWords) -> bool:
    """Whether the text names a frequency that is no whole number of days ("twice a week",
    "2 раза в день"): the interval step then asks for days plainly."""
    return _plain(text, w) is None


def typed_hours(text: str, default: Unit, w: SettingWords) -> int | None:
    """The setting in hours, or None when the text does not name exactly one.

    `default` is what a bare number counts ("3" to "how often?" is 3 days). "every other day"
    is 2 days; a unit without a number is one of it ("каждый день", "сутки", "weekly");
    a month is four weeks; a negative number stays negative (the step names the range).
    """
    found = typed_settings(text, [default], w)
    return found[0] if found is not None and len(found) == 1 else None


def typed_settings(text: str, defaults: list[Unit], w: SettingWords) -> list[int] | None:
    """The settings one message names, in order, in hours ("каждые 3 дня на 2 недели": two,
    the interval and the duration), or None when it names none or holds another word.

    `defaults[i]` is what a bare number counts in the i-th setting; at most `len(defaults)`
    settings are read (a message naming more is not read).
    """
    parts = read_parts(text, len(defaults), w)
    if parts is None:
        return None
    return [p.hours(default) for p, default in zip(parts, defaults, strict=False)]


class Part:
    """One setting in a message: its number, its unit, and the cue before it (`weak`: a cue
    that names the wait only beside an interval named otherwise, "через", "after")."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.unit: Unit | None = None
        self.unit_word = ""
        self.cue: Role | None = None
        self.weak = False

    @property
    def empty(self) -> bool:
        return self.number is None and self.unit is None

    def hours(self, default: Unit) -> int:
        return (1 if self.number is None else self.number) * HOURS[self.unit or default]

    def takes_number_after(self, w: SettingWords) -> bool:
        """Whether a number right after this part's unit may be its own, as Russian and
        Belarusian put an about-number after the unit ("недели 3", "дня через 2", "тыдні на
        3", "жду часов 6"; "weeks 3" too): a unit with no number, not the interval's "every"
        ("каждый день 3 недели" is every day, then 3 weeks; "штодня", "daily")."""
        return (self.unit is not None and self.number is None and self.cue != "interval"
                and not _among(self.unit_word, w.interval_cues))


def _kind(word: str, w: SettingWords) -> tuple[int | None, bool, Unit | None]:
    """A word's number, whether it names a month, and its unit."""
    value = _number(word, w)
    month = value is None and stem(word, w.month)
    return value, month, None if value is not None or month else _unit(word, w)


def read_parts(text: str, most: int, w: SettingWords,
               leftover: list[str] | None = None) -> list[Part] | None:
    """The settings a message names with the cue before each ("каждые 3 дня | на 2 недели"),
    or None when it names none, more than `most`, or holds a word that is no part of one;
    with `leftover`, such words (and the preposition before them: "в Польшу") are added
    there instead, for the caller to read (a destination). A number may follow its unit
    ("недели 3", "дня через 2": `Part.takes_number_after`)."""
    low = _plain(text, w)
    words = WORD.findall(low) if low is not None else []
    if not words or len(words) > MAX_WORDS * (most + (leftover is not None)):
        return None
    kinds = [_kind(word, w) for word in words]
    # Numbers after units throughout ("недели 3 каждые 2 дня", "days 3 weeks 2") when the
    # first unit has its number after it; else only where no unit follows the number.
    setting = [at for at, (value, month, unit) in enumerate(kinds)
               if value is not None or month or unit is not None]
    after = (len(setting) > 1 and kinds[setting[0]][2] is not None
             and kinds[setting[1]][0] is not None)
    previous = ""
    parts: list[Part] = []
    part, cue_next, weak_next = Part(), None, False
    for at, word in enumerate(words):
        value, month, unit = kinds[at]
        if value is None and not month and unit is None:
            cue = _cue(word, w)
            if cue is None and not _among(word, w.filler):
                if leftover is None:
                    return None  # a word that is no part of a setting: another sentence
                if previous in w.place_words and (not leftover or leftover[-1] != previous):
                    leftover.append(previous)  # "в | Польшу", "to | the UK"
                leftover.append(word)
            previous = word
            if cue is not None and part.empty:
                part.cue = part.cue or cue
                part.weak = part.weak or _among(word, w.weak_grace_cues)
            elif cue is not None and cue_next is None:  # "3 дня | на 2 недели": the next's
                cue_next, weak_next = cue, _among(word, w.weak_grace_cues)
            continue
        previous = word
        following = kinds[at + 1] if at + 1 < len(words) else (None, False, None)
        unit_next = following[1] or following[2] is not None
        if value is not None and part.takes_number_after(w) and (after or not unit_next):
            part.number = value  # "недели 3", "дня через 2": the unit's own number
            if cue_next is not None:
                part.cue, part.weak, cue_next, weak_next = cue_next, weak_next, None, False
            continue
        if part.unit is not None or (value is not None and part.number is not None):
            parts.append(part)  # the next setting starts here ("3 дня |")
            part = Part()
        if cue_next is not None and part.empty and part.cue is None:
            part.cue, part.weak, cue_next, weak_next = cue_next, weak_next, None, False
        if value is not None:
            part.number = value
        elif month:
            part.number, part.unit, part.unit_word = (part.number or 1) * 4, "week", word
        else:
            part.unit, part.unit_word = unit, word
            if _among(word, w.interval_cues) and part.cue is None:
                part.cue = "interval"  # "штодня", "daily", "weekly": the interval's own word
    if not part.empty:
        parts.append(part)
    if not parts or len(parts) > most:
        return None
    for one in parts:
        # A unit alone is one of it ("сутки", "неделю", "каждый den"), but not a short word
        # standing alone ("da", "что").
        if one.number is None and (one.unit is None or (
                len(one.unit_word) < 4 and one.unit_word != "day" and one.cue is None)):
            return None
    return parts


ROLES: tuple[Role, ...] = ("interval", "duration", "grace")
_DEFAULT_UNIT: dict[Role, Unit] = {"interval": "day", "duration": "week", "grace": "hour"}


def typed_plan(text: str, w: SettingWords, order: tuple[Role, ...] = ROLES,
               leftover: list[str] | None = None) -> dict[Role, int] | None:
    """The settings one message names, as role -> hours ("проверяй меня каждые 3 дня на 2
    недели, жду сутки"; "жду 6 часов, every day for a month"), in any order: a part with a
    cue word is the setting it names ("каждые", "daily" the interval; "на", "for" the
    duration; "жду", "wait", "after" the grace), the rest fill `order` (the steps still to
    set, the one on screen first); "через", "after" name the wait only where the interval is
    named otherwise or already set, else the interval ("через 2 дня" to "how often?"). None
    when a word is no part of a setting (with
    `leftover`: such words are put there), or two parts name the same setting."""
    pieces = [p for p in re.split(r"[,;]", text) if p.strip()]
    found: dict[Role, int] = {}
    rest: list[Part] = []
    weak: list[tuple[Part, bool]] = []  # with whether a part without a cue came before it
    for piece in pieces:
        parts = read_parts(piece, len(ROLES), w, leftover)
        if parts is None:
            if leftover is None:
                return None
            continue  # "еду в Польшу": no setting, the caller reads the words
        for part in parts:
            if part.cue is None:
                rest.append(part)
            elif part.weak:
                weak.append((part, bool(rest)))
            elif part.cue in found:
                return None
            else:
                found[part.cue] = part.hours(_DEFAULT_UNIT[part.cue])
    for part, after_rest in weak:
        # "через 2 дня" to "how often?" is every 2 days; beside "каждые 3 дня", or after the
        # answer to the step on screen ("2 дня, через сутки"), it is the wait.
        role: Role = ("interval" if "interval" in order and "interval" not in found
                      and not after_rest else "grace")
        if role in found:
            return None
        found[role] = part.hours(_DEFAULT_UNIT[role])
    for role in order:
        if role not in found and rest:
            found[role] = rest.pop(0).hours(_DEFAULT_UNIT[role])
    return found if found and not rest else None
