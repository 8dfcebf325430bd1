"""The words a typed check-in setting is made of (Russian, Belarusian, English, each also in
Latin letters): units, numbers, the cue words that say which setting a part is ("каждые" the
interval, "на" / "for" the duration, "жду" / "after" the grace), and the phrases rewritten to
plain numbers before reading ("через день", "полдня", "twice a week").

Stems are matched at a word's start (typed.py `stem`); a hurried thumb's endings still count.
"""

from __future__ import annotations

import re
from typing import Literal

Unit = Literal["hour", "day", "week"]
Role = Literal["interval", "duration", "grace"]
HOURS: dict[Unit, int] = {"hour": 1, "day": 24, "week": 24 * 7}

UNITS: tuple[tuple[Unit, tuple[str, ...]], ...] = (
    ("week", ("недел", "нядзел", "тыдн", "тыдз", "тыдня", "week", "wk", "nedel", "ned",
              "tydn", "tydz", "tyzh", "еженед", "штотыдз", "ezhened", "shtotydz")),
    ("day", ("дн", "ден", "дзён", "дзен", "дзень", "сут", "day", "dail", "dn", "den", "dzen",
             "dzion", "sut", "d", "д", "ежедн", "штодн", "штодз", "ezhedn", "shtodn", "shtodz")),
    ("hour", ("час", "гадз", "hour", "hr", "h", "ч", "chas", "gadz", "hadz")),
)
MONTH = ("месяц", "месяч", "месец", "месяцы", "month", "mesyac", "mesiac", "mesyats")
NUMBERS: tuple[tuple[int, tuple[str, ...]], ...] = (
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
# Cue words: which setting the part they stand before is. Every form of a verb counts
# ("ждать", "ждите", "чакаць"): four-letter stems, shorter ones only as whole words.
INTERVAL_CUES = ("кажд", "кожн", "every", "each", "kazhd", "kozhn", "ежедн", "штодн", "штодз",
                 "еженед", "штотыдз", "ezhedn", "shtodn", "ezhened", "dail", "weekly", "раз",
                 "once", "raz")
DURATION_CUES = ("на", "for", "na", "течение", "працягу", "techenie", "until", "до", "да")
GRACE_CUES = ("жду", "жди", "ждат", "ждит", "ждем", "подожд", "чака", "пачака", "wait",
              "tell", "them", "after", "через", "праз", "zhdu", "zhdi", "zhdat", "chaka",
              "then", "потом", "потым", "grace")
# Grace cues that may name the interval too: "через 2 дня" answering "how often?" is every 2
# days; beside "каждые 3 дня" it is the wait (typed.py `typed_plan`).
WEAK_GRACE_CUES = ("через", "праз", "after", "cherez", "praz")
# Words around a setting that say nothing more ("проверяй меня", "раз в", "please"): the text
# is a setting only when every word is a number, a unit, a cue or one of these (so "не платят
# 2 месяца" is never read as "8 weeks").
FILLER = ("в", "у", "ў", "по", "за", "мне", "меня", "мяне", "спрашива", "пыта", "провер",
          "правяр", "check", "prover", "pravyar", "пожалуйста", "калі", "ласка", "a", "an",
          "per", "in", "ask", "me", "on", "the", "please", "v", "u", "po", "mne", "menya",
          "mianie", "pls", "plz", "ok", "ну", "давай", "davai", "davay", "hm", "и", "і", "and",
          "або", "или", "ili", "i", "хочу", "want", "khochu", "hochu", "нужно", "надо",
          "трэба", "treba", "пиши", "пішы", "write", "напиши", "напішы",
          "time", "раза", "razy", "times", "ответа", "адказу", "answer", "reply", "otveta",
          "pered", "перед", "перад", "before", "тем", "как", "чем", "сообщ", "паведам", "team",
          "команд", "камандз", "komand", "kamand")
# Words before a destination, kept with it for the country matcher ("в Польшу", "to the UK").
PLACE_WORDS = frozenset("в во у ў на to into in до да v vo u na the".split())
WORD = re.compile(r"(?<![\w.])[-−–]\d+|\d+|[^\W\d_]+", re.UNICODE)
# Whole phrases rewritten before reading: they name a setting without a plain number.
PHRASES: tuple[tuple[str, str], ...] = (
    ("через день", " every 2 day "), ("праз дзень", " every 2 day "),
    ("every other day", " every 2 day "), ("each other day", " every 2 day "),
    ("cherez den", " every 2 day "), ("praz dzen", " every 2 day "),
    ("через сутки", " every 2 day "), ("cherez sutki", " every 2 day "),
    ("half a day", " 12 hour "), ("half day", " 12 hour "), ("half a week", " 84 hour "),
    ("полдня", " 12 hour "), ("пол дня", " 12 hour "), ("полсуток", " 12 hour "),
    ("пол суток", " 12 hour "), ("паўдня", " 12 hour "), ("паў дня", " 12 hour "),
    ("паўсутак", " 12 hour "), ("паў сутак", " 12 hour "), ("poldnya", " 12 hour "),
    ("pol dnya", " 12 hour "), ("polsutok", " 12 hour "), ("pol sutok", " 12 hour "),
    ("полтора дня", " 36 hour "), ("полторы сутки", " 36 hour "),
    ("полтора суток", " 36 hour "), ("паўтара дня", " 36 hour "),
    ("паўтара сутак", " 36 hour "), ("a day and a half", " 36 hour "),
    ("day and a half", " 36 hour "), ("полнедели", " 84 hour "), ("пол недели", " 84 hour "),
    ("паўтыдня", " 84 hour "), ("a couple of days", " 2 day "), ("couple of days", " 2 day "),
    ("пару дней", " 2 day "), ("пару дзён", " 2 day "), ("a fortnight", " 2 week "),
    ("fortnight", " 2 week "),
)
# "twice a week", "2 раза в неделю", "тры разы на тыдзень": how many times in a unit.
_TIMES_WORDS = {"twice": 2, "дважды": 2, "двойчы": 2, "dvazhdy": 2, "dvojchy": 2,
                "thrice": 3, "трижды": 3, "тройчы": 3, "trizhdy": 3}
FREQUENCY = re.compile(
    r"(?<!\w)(?P<n>\d+|twice|thrice|дважды|двойчы|трижды|тройчы|dvazhdy|dvojchy|trizhdy|"
    r"два|две|тры|три|dva|dve|tri|try)\s*(?:раза?|разы|times?|razy?|raza)?\s+"
    r"(?:в|у|ў|на|a|per|each|v|u|na)\s+(?P<unit>[^\W\d_]+)", re.UNICODE)
_SMALL = {"два": 2, "две": 2, "тры": 3, "три": 3, "dva": 2, "dve": 2, "tri": 3, "try": 3}


def times_in(word: str) -> int | None:
    """How many times a frequency's count word means ("twice", "2", "тры"), else None."""
    if word.isdigit():
        return int(word)
    return _TIMES_WORDS.get(word) or _SMALL.get(word)
