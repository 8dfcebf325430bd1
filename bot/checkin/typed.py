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
_FILLER = ("кажд", "кожн", "ежедн", "штодн", "every", "each", "kazhd", "kozhn", "ezhedn",
           "shtodn", "раз", "в", "у", "на", "по", "за", "мне", "меня", "спрашива", "пыта",
           "пожалуйста", "калі", "ласка", "once", "a", "an", "per", "for", "in", "ask", "me",
           "please", "raz", "v", "na", "po", "mne", "pls", "plz", "ok", "ну", "давай", "davai",
           "davay", "hm", "и", "and", "або", "или")
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
    """The setting in hours, or None when the text does not name one.

    `default` is what a bare number counts ("3" to "how often?" is 3 days). "every other day"
    is 2 days; a unit without a number is one of it ("каждый день", "сутки", "weekly");
    a month is four weeks.
    """
    low = " ".join(text.lower().replace("ё", "е").split())
    if any(phrase in low for phrase in _EVERY_OTHER):
        return 2 * HOURS["day"]
    words = _WORD.findall(low)
    if not words or len(words) > MAX_WORDS:
        return None
    number: int | None = None
    unit: Unit | None = None
    unit_word = ""
    for word in words:
        if number is None and (value := _number(word)) is not None:
            number = value
        elif unit is None and _stem(word, _MONTH):
            number, unit = (number or 1) * 4, "week"
        elif unit is None and (found := _unit(word)) is not None:
            unit, unit_word = found, word
        elif not _filler(word):
            return None  # a word that is no part of a setting: a sentence about something else
    if number is None:
        # A unit alone is one of it ("сутки", "неделю"), but not a short word ("da", "что").
        return HOURS[unit] if unit is not None and len(unit_word) >= 4 else None
    return number * HOURS[unit or default]


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
