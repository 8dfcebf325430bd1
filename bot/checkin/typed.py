"""What a person types instead of pressing a check-in button: a setting ("kazhdye 3 dnya",
"2 тыдні", "every other day", "сутки") as a number of hours, or an answer to a check-in
("ок", "норм", "плохо"; the words are content's, content/checkin.yaml).

Russian, Belarusian and English, in Cyrillic or Latin letters, with the typos a hurried thumb
makes in word endings: words are matched by their stems, numbers as digits or words (1-12).
What the number counts comes from the word after it, else from the question asked.
"""

from __future__ import annotations

import re

from bot.checkin.plan import Answer
from bot.checkin.typed_words import (
    DURATION_CUES,
    FILLER,
    FREQUENCY,
    GRACE_CUES,
    HOURS,
    INTERVAL_CUES,
    MONTH,
    NUMBERS,
    PHRASES,
    PLACE_WORDS,
    UNITS,
    WORD,
    Role,
    Unit,
    times_in,
)
from bot.content.models import Checkin

__all__ = ["HOURS", "Role", "Unit", "typed_answer", "typed_cancel", "typed_hours", "typed_plan",
           "typed_settings", "typed_skip", "typed_start", "typed_yes_no", "uneven_frequency"]

MAX_WORDS = 6  # words per setting: "ask me every 3 days please"; longer is another sentence


def stem(word: str, stems: tuple[str, ...]) -> bool:
    """Whether the word starts with a stem: one letter ("d", "д") only in a word of up to three
    ("дня", "дгя"), two letters ("dn") with an ending of up to four letters."""
    for one in stems:
        if len(one) == 1:
            if word.startswith(one) and len(word) <= 3:
                return True
        elif word.startswith(one) and (len(one) > 2 or len(word) <= len(one) + 4):
            return True
    return False


def _among(word: str, words: tuple[str, ...]) -> bool:
    """A whole short word ("на", "in"), or a longer one's stem ("кажд", "провер")."""
    return any(word == w if len(w) < 4 else word.startswith(w) for w in words)


def _number(word: str) -> int | None:
    if word.lstrip("-−–").isdigit():
        digits = word.lstrip("-−–")
        if len(digits) > 3:
            return None
        return -int(digits) if digits != word else int(digits)
    for value, stems in NUMBERS:
        if stem(word, stems):
            return value
    return None


def _unit(word: str) -> Unit | None:
    for unit, stems in UNITS:
        if stem(word, stems):
            return unit
    return None


def _cue(word: str) -> Role | None:
    """The setting a cue word names ("каждые" the interval, "на" the duration, "жду" the
    grace), else None."""
    for role, cues in (("grace", GRACE_CUES), ("interval", INTERVAL_CUES),
                       ("duration", DURATION_CUES)):
        if _among(word, cues):
            return role  # type: ignore[return-value]
    return None


def _plain(text: str) -> str | None:
    """Lower case, ё as е, phrases and frequencies as plain numbers ("через день" as "every
    2 day", "twice a week" as "every 84 hour"); None for a frequency that is no whole number
    of days ("twice a week", "2 раза в день"): such a plan cannot be kept."""
    low = " " + " ".join(text.lower().replace("ё", "е").replace("’", "'").split()) + " "
    for phrase, plain in PHRASES:
        low = low.replace(f" {phrase} ", f" {plain} ")
    for found in reversed(list(FREQUENCY.finditer(low))):
        times, unit_word = times_in(found["n"]), found["unit"]
        unit = "week" if stem(unit_word, MONTH) else _unit(unit_word)
        if times is None or unit is None:
            continue
        hours = HOURS[unit] * (4 if stem(unit_word, MONTH) else 1)
        if times <= 0 or hours % times or (hours // times) % 24:
            return None
        low = f"{low[:found.start()]} every {hours // times} hour {low[found.end():]}"
    return low


def uneven_frequency(text: str) -> bool:
    """Whether the text names a frequency that is no whole number of days ("twice a week",
    "2 раза в день"): the interval step then asks for days plainly."""
    return _plain(text) is None


def typed_hours(text: str, default: Unit) -> int | None:
    """The setting in hours, or None when the text does not name exactly one.

    `default` is what a bare number counts ("3" to "how often?" is 3 days). "every other day"
    is 2 days; a unit without a number is one of it ("каждый день", "сутки", "weekly");
    a month is four weeks; a negative number stays negative (the step names the range).
    """
    found = typed_settings(text, [default])
    return found[0] if found is not None and len(found) == 1 else None


def typed_settings(text: str, defaults: list[Unit]) -> list[int] | None:
    """The settings one message names, in order, in hours ("каждые 3 дня на 2 недели": two,
    the interval and the duration), or None when it names none or holds another word.

    `defaults[i]` is what a bare number counts in the i-th setting; at most `len(defaults)`
    settings are read (a message naming more is not read).
    """
    parts = read_parts(text, len(defaults))
    if parts is None:
        return None
    return [p.hours(default) for p, default in zip(parts, defaults, strict=False)]


class Part:
    """One setting in a message: its number, its unit, and the cue before it."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.unit: Unit | None = None
        self.unit_word = ""
        self.cue: Role | None = None

    @property
    def empty(self) -> bool:
        return self.number is None and self.unit is None

    def hours(self, default: Unit) -> int:
        return (1 if self.number is None else self.number) * HOURS[self.unit or default]


def read_parts(text: str, most: int, leftover: list[str] | None = None) -> list[Part] | None:
    """The settings a message names with the cue before each ("каждые 3 дня | на 2 недели"),
    or None when it names none, more than `most`, or holds a word that is no part of one;
    with `leftover`, such words (and the preposition before them: "в Польшу") are added
    there instead, for the caller to read (a destination)."""
    low = _plain(text)
    words = WORD.findall(low) if low is not None else []
    if not words or len(words) > MAX_WORDS * (most + (leftover is not None)):
        return None
    previous = ""
    parts: list[Part] = []
    part, cue_next = Part(), None
    for word in words:
        value = _number(word)
        month = value is None and stem(word, MONTH)
        unit = None if value is not None or month else _unit(word)
        if value is None and not month and unit is None:
            cue = _cue(word)
            if cue is None and not _among(word, FILLER):
                if leftover is None:
                    return None  # a word that is no part of a setting: another sentence
                if previous in PLACE_WORDS and (not leftover or leftover[-1] != previous):
                    leftover.append(previous)  # "в | Польшу", "to | the UK"
                leftover.append(word)
            previous = word
            if cue is not None and part.empty:
                part.cue = part.cue or cue
            elif cue is not None:
                cue_next = cue_next or cue  # "3 дня | на 2 недели": the next part's
            continue
        previous = word
        if part.unit is not None or (value is not None and part.number is not None):
            parts.append(part)  # the next setting starts here ("3 дня |")
            part = Part()
        if cue_next is not None and part.empty and part.cue is None:
            part.cue, cue_next = cue_next, None
        if value is not None:
            part.number = value
        elif month:
            part.number, part.unit, part.unit_word = (part.number or 1) * 4, "week", word
        else:
            part.unit, part.unit_word = unit, word
            if _among(word, INTERVAL_CUES) and part.cue is None:
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


def _normal(text: str) -> str:
    """Lower case, ё as е, letters, digits and apostrophes only, single spaces."""
    kept = "".join(ch if ch.isalnum() or ch in "'’" else " " for ch in text.lower())
    return " ".join(kept.replace("ё", "е").replace("’", "'").split())


def typed_answer(text: str, texts: Checkin) -> Answer | None:
    """"ok" or "help" when the whole message is one of content's typed answers, else None."""
    said = _normal(text)
    if not said or len(said) > 40:
        return None
    if said in {_normal(t) for t in texts.typed_not_fine}:
        return "help"
    if said in {_normal(t) for t in texts.typed_ok}:
        return "ok"
    return None


def typed_skip(text: str, texts: Checkin) -> bool:
    """Whether a typed name or contact means "Skip", as the button does: the whole message is
    one of content's `typed_skip` words ("skip", "нет", "няма", "propustit"), or it has no
    letter or digit at all ("-", "…")."""
    said = _normal(text)
    return not said or said in {_normal(t) for t in texts.typed_skip}


CANCEL_MOST_WORDS = 6  # "хватит, не спрашивай меня больше": longer is another sentence


def typed_start(text: str, texts: Checkin) -> bool:
    """Whether a message typed on the setup's last screen means "Turn on": the whole message
    is one of content's `typed_start` words ("включить", "turn on"), or a typed yes."""
    said = _normal(text)
    return bool(said) and (said in {_normal(t) for t in texts.typed_start}
                           or typed_yes_no(text) is True)


def typed_cancel(text: str, texts: Checkin, *, whole: bool = False) -> bool:
    """Whether a message typed at a setup step means "Cancel": one of content's
    `typed_cancel` words, as the whole message or (unless `whole`) at its start, in a short
    message ("хватит, не спрашивай больше", "stop it")."""
    said = _normal(text)
    if not said:
        return False
    words = {_normal(t) for t in texts.typed_cancel}
    if said in words:
        return True
    if whole or len(said.split()) > CANCEL_MOST_WORDS:
        return False
    return any(said.startswith(word + " ") for word in words if word)


ROLES: tuple[Role, ...] = ("interval", "duration", "grace")
_DEFAULT_UNIT: dict[Role, Unit] = {"interval": "day", "duration": "week", "grace": "hour"}


def typed_plan(text: str, order: tuple[Role, ...] = ROLES,
               leftover: list[str] | None = None) -> dict[Role, int] | None:
    """The settings one message names, as role -> hours ("проверяй меня каждые 3 дня на 2
    недели, жду сутки"; "жду 6 часов, every day for a month"), in any order: a part with a
    cue word is the setting it names ("каждые", "daily" the interval; "на", "for" the
    duration; "жду", "wait", "after" the grace), the rest fill `order` (the steps still to
    set, the one on screen first). None when a word is no part of a setting (with
    `leftover`: such words are put there), or two parts name the same setting."""
    pieces = [p for p in re.split(r"[,;]", text) if p.strip()]
    found: dict[Role, int] = {}
    rest: list[Part] = []
    for piece in pieces:
        parts = read_parts(piece, len(ROLES), leftover)
        if parts is None:
            if leftover is None:
                return None
            continue  # "еду в Польшу": no setting, the caller reads the words
        for part in parts:
            if part.cue is None:
                rest.append(part)
            elif part.cue in found:
                return None
            else:
                found[part.cue] = part.hours(_DEFAULT_UNIT[part.cue])
    for role in order:
        if role not in found and rest:
            found[role] = rest.pop(0).hours(_DEFAULT_UNIT[role])
    return found if found and not rest else None


# A typed answer to a yes/no step ("no", "нет", "так, паказаць"): its first word.
_YES = frozenset("да ага угу конечно так yes y yep yeah sure da tak konechno".split())
_NO = frozenset("нет не неа no nope n net ne nie".split())


def typed_yes_no(text: str) -> bool | None:
    """True for a typed yes, False for a no (by the first word of up to three), else None."""
    words = _normal(text).split()
    if not words or len(words) > 3:
        return None
    if words[0] in _YES:
        return True
    return False if words[0] in _NO else None
