"""What a person types instead of pressing a check-in button: a setting ("kazhdye 3 dnya",
"2 тыдні", "every other day", "сутки") as a number of hours, or an answer to a check-in
("ок", "норм", "плохо"; the words are content's, content/checkin.yaml).

Russian, Belarusian and English, in Cyrillic or Latin letters, with the typos a hurried thumb
makes in word endings: words are matched by their stems, numbers as digits or words (1-12).
What the number counts comes from the word after it, else from the question asked.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.checkin.plan import Answer
from bot.content.models import Checkin

Unit = Literal["hour", "day", "week"]
HOURS: dict[Unit, int] = {"hour": 1, "day": 24, "week": 24 * 7}

# Stems, Cyrillic and the usual Latin spellings of them; matched at a word's start.
_UNITS: tuple[tuple[Unit, tuple[str, ...]], ...] = (
    ("week", ("недел", "нядзел", "тыдн", "тыдз", "тыдня", "week", "wk", "nedel", "ned",
              "tydn", "tydz", "tyzh")),
    ("day", ("дн", "ден", "дзён", "дзен", "дзень", "сут", "day", "dail", "dn", "den", "dzen",
             "dzion", "sut", "d", "д")),
    ("hour", ("час", "гадз", "hour", "hr", "h", "ч", "chas", "gadz", "hadz")),
)
_MONTH = ("месяц", "месяч", "месец", "месяцы", "month", "mesyac", "mesiac", "mesyats")
_NUMBERS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (12, ("двенадц", "дванаццац", "twelve", "dvenad", "dvanac")),
    (11, ("одиннадц", "адзінаццац", "eleven", "odinnad")),
    (10, ("десят", "дзесяц", "ten", "desyat", "dziesiac")),
    (1, ("один", "одна", "одну", "одно", "адзін", "адна", "адну", "one", "odin", "odna", "odnu",
         "adzin", "adna", "adnu")),
    (2, ("два", "две", "двое", "дзве", "двух", "two", "dva", "dve", "dvoe", "dzve",
         "dvuh", "dvukh")),
    (3, ("три", "тры", "трое", "трох", "трёх", "трех", "three", "tri", "try", "troe", "treh")),
    (4, ("четыр", "чатыр", "four", "chetyr", "chatyr")),
    (5, ("пят", "пяц", "five", "pyat", "piat", "pjat")),
    (6, ("шест", "шэсц", "six", "shest", "shesc")),
    (7, ("сем", "сям", "seven", "sem", "siam")),
    (8, ("восем", "восьм", "eight", "vosem")),
    (9, ("девят", "дзевяц", "nine", "devyat")),
)
# Whole phrases that name an interval without a number.
_EVERY_OTHER = ("через день", "праз дзень", "every other day", "each other day", "cherez den",
                "praz dzen", "через сутки", "cherez sutki")
# Words around a setting that say nothing more ("каждые", "раз в", "for", "please"): the text
# is a setting only when every word is a number, a unit or one of these (so "не платят 2
# месяца" is never read as "8 weeks").
# Words that say a setting is the grace ("жду сутки", "tell them after 6 hours").
# Every form of the verb counts ("ждать сутки", "ждите", "чакаць"): four-letter stems.
_GRACE_CUES = ("жду", "жди", "ждат", "ждит", "ждем", "подожд", "чака", "пачака", "wait",
               "tell", "them", "after", "через", "праз", "zhdu", "zhdi", "zhdat", "chaka",
               "then", "потом", "потым")
_DURATION_CUES = ("на", "for", "na", "в течение", "на працягу")
_FILLER = ("кажд", "кожн", "ежедн", "штодн", "every", "each", "kazhd", "kozhn", "ezhedn",
           "shtodn", "раз", "в", "у", "на", "по", "за", "мне", "меня", "спрашива", "пыта",
           "пожалуйста", "калі", "ласка", "once", "a", "an", "per", "for", "in", "ask", "me",
           "please", "raz", "v", "na", "po", "mne", "pls", "plz", "ok", "ну", "давай", "davai",
           "davay", "hm", "и", "and", "або", "или", *_GRACE_CUES)
_WORD = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
MAX_WORDS = 5  # "ask me every 3 days please": longer is a sentence about something else


def _stem(word: str, stems: tuple[str, ...]) -> bool:
    """Whether the word starts with a stem: one letter ("d", "д") only in a word of up to three
    ("дня", "дгя"), two letters ("dn") with an ending of up to four letters."""
    for stem in stems:
        if len(stem) == 1:
            if word.startswith(stem) and len(word) <= 3:
                return True
        elif word.startswith(stem) and (len(stem) > 2 or len(word) <= len(stem) + 4):
            return True
    return False


def _filler(word: str) -> bool:
    return any(word == f if len(f) < 4 else word.startswith(f) for f in _FILLER)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 3 else None
    for value, stems in _NUMBERS:
        if _stem(word, stems):
            return value
    return None


def _unit(word: str) -> Unit | None:
    for unit, stems in _UNITS:
        if _stem(word, stems):
            return unit
    return None


def typed_hours(text: str, default: Unit) -> int | None:
    """The setting in hours, or None when the text does not name exactly one.

    `default` is what a bare number counts ("3" to "how often?" is 3 days). "every other day"
    is 2 days; a unit without a number is one of it ("каждый день", "сутки", "weekly");
    a month is four weeks.
    """
    found = typed_settings(text, [default])
    return found[0] if found is not None and len(found) == 1 else None


def typed_settings(text: str, defaults: list[Unit]) -> list[int] | None:
    """The settings one message names, in order, in hours ("каждые 3 дня на 2 недели": two,
    the interval and the duration), or None when it names none or holds another word.

    `defaults[i]` is what a bare number counts in the i-th setting; at most `len(defaults)`
    settings are read (a message naming more is not read).
    """
    low = " ".join(text.lower().replace("ё", "е").split())
    for phrase in _EVERY_OTHER:  # "через день на 2 недели": the phrase is "2 days"
        low = low.replace(phrase, " 2 day ")
    words = _WORD.findall(low)
    if not words or len(words) > MAX_WORDS * len(defaults):
        return None
    parts: list[tuple[int | None, Unit | None, str]] = []  # number, unit, the unit's word
    number: int | None = None
    unit: Unit | None = None
    unit_word = ""
    for word in words:
        value = _number(word)
        month = value is None and _stem(word, _MONTH)
        found = None if value is not None or month else _unit(word)
        if value is None and not month and found is None:
            if not _filler(word):
                return None  # a word that is no part of a setting: a sentence about something else
            continue
        if unit is not None or (value is not None and number is not None):
            parts.append((number, unit, unit_word))  # the next setting starts here ("3 дня |")
            number, unit, unit_word = None, None, ""
        if value is not None:
            number = value
        elif month:
            number, unit, unit_word = (number or 1) * 4, "week", word
        else:
            unit, unit_word = found, word
    if number is not None or unit is not None:
        parts.append((number, unit, unit_word))
    if not parts or len(parts) > len(defaults):
        return None
    hours = []
    for (count, named, named_word), default in zip(parts, defaults, strict=False):
        if count is None:
            # A unit alone is one of it ("сутки", "неделю"), but not a short word ("da", "что").
            if named is None or (len(named_word) < 4 and named_word != "day"):
                return None
            hours.append(HOURS[named])
        else:
            hours.append(count * HOURS[named or default])
    return hours


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


def typed_plan(text: str) -> dict[str, int] | None:
    """Interval, duration and grace named in one message in any order of its comma-separated
    parts ("каждые 3 дня на 2 недели, жду сутки", "жду 6 часов, every day for a month"), as
    step name -> hours; a part with a grace word ("жду", "wait", "after") is the grace, one
    starting with "на" / "for" the duration, the rest fill interval, duration, grace in order.
    None when the message has fewer than two parts or a part is no setting."""
    parts = [p.strip() for p in re.split(r"[,;]", text.lower()) if p.strip()]
    if len(parts) < 2:
        return None
    found: dict[str, int] = {}
    rest: list[int] = []
    for part in parts:
        values = typed_settings(part, ["day", "week", "hour"])
        if values is None:
            return None
        words = _WORD.findall(part)
        if len(values) == 1 and any(_filler_of(w, _GRACE_CUES) for w in words):
            found.setdefault("grace", values[0])
        elif len(values) == 1 and part.startswith(_DURATION_CUES) and "duration" not in found:
            found["duration"] = values[0]
        else:
            rest.extend(values)
    for step in ("interval", "duration", "grace"):
        if step not in found and rest:
            found[step] = rest.pop(0)
    return found if not rest else None


def _filler_of(word: str, cues: tuple[str, ...]) -> bool:
    return any(word == c if len(c) < 4 else word.startswith(c) for c in cues)


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
