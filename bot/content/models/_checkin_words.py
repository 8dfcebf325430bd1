"""The words check-ins read in free text (content/checkin.yaml `checkin.words`): a request
to be checked on, an end date ("до конца декабря", "until 15 January"), a typed yes or no.
Month names are not here: they come from Babel's locale data (bot/checkin/typed_until.py)."""

from __future__ import annotations

from pydantic import Field

from bot.content.models._base import Strict


def _words() -> list[str]:
    return []


class RequestWords(Strict):
    """A request to be checked on, typed without /checkin (bot/checkin/typed_request.py)."""

    # Stems of the verbs that ask to be checked on or written to ("провер", "check", "пиши").
    verbs: list[str] = Field(default_factory=_words)
    # The person as the verb's object, within the two words after it ("me", "меня", "мяне").
    objects: list[str] = Field(default_factory=_words)
    # Stems that make the object the contact itself ("проверку связи").
    object_stems: list[str] = Field(default_factory=_words)
    # Words that may come before the request: greetings, politeness, "can you", "I want".
    lead: list[str] = Field(default_factory=_words)
    # Stems that say the request is about the journey ("travel", "дорог", "паездк"): with
    # one, a request naming no setting ("hi, can you check on me while I travel?") starts
    # the setup at its first screen.
    journey: list[str] = Field(default_factory=_words)


class UntilWords(Strict):
    """An end date typed for the check-ins (bot/checkin/typed_until.py)."""

    cues: list[str] = Field(default_factory=_words)  # "до", "да", "until", "till", "up to"
    end: list[str] = Field(default_factory=_words)  # "конца", "канца", "end"
    month: list[str] = Field(default_factory=_words)  # "месяца", "month"
    year: list[str] = Field(default_factory=_words)  # "года", "year"
    next: list[str] = Field(default_factory=_words)  # "следующего", "наступнага", "next"
    # Words inside a date that say nothing more ("the", "of", "этого", "числа").
    filler: list[str] = Field(default_factory=_words)
    # Endings after a day's number ("15th", "15-го", "1-га"): the number alone counts.
    ordinal_endings: list[str] = Field(default_factory=_words)


class SettingUnits(Strict):
    """The stems of each unit a setting counts in."""

    week: list[str] = Field(default_factory=_words)
    day: list[str] = Field(default_factory=_words)
    hour: list[str] = Field(default_factory=_words)


class SettingWords(Strict):
    """The words of a typed setting: "каждые 3 дня", "2 тыдні", "every other day", "жду сутки"
    (bot/checkin/typed.py reads them)."""

    units: SettingUnits = Field(default_factory=SettingUnits)
    month: list[str] = Field(default_factory=_words)  # a month is four weeks
    numbers: dict[int, list[str]] = Field(default_factory=dict)  # numbers as words, by stem
    interval_cues: list[str] = Field(default_factory=_words)  # "каждые", "every", "daily"
    duration_cues: list[str] = Field(default_factory=_words)  # "на", "for", "до"
    grace_cues: list[str] = Field(default_factory=_words)  # "жду", "wait", "after"
    # Grace cues that name the interval when nothing else does ("через 2 дня" to "how often?").
    weak_grace_cues: list[str] = Field(default_factory=_words)
    filler: list[str] = Field(default_factory=_words)  # words around a setting, saying nothing
    place_words: list[str] = Field(default_factory=_words)  # "в", "to": kept with a destination
    phrases: dict[str, str] = Field(default_factory=dict)  # "через день": "every 2 day"
    times: dict[str, int] = Field(default_factory=dict)  # "twice": 2, "два": 2
    times_words: list[str] = Field(default_factory=_words)  # "раза", "times"
    per_words: list[str] = Field(default_factory=_words)  # "в", "a", "per" before the unit


class TimeWords(Strict):
    """A time of day or a clock typed at the setup ("в 9 вечера", "at 9 pm pls", "UTC+3")."""

    at: list[str] = Field(default_factory=_words)  # "в", "at": before a time, saying nothing
    courtesy: list[str] = Field(default_factory=_words)  # "pls", "пожалуйста" around a time
    am: list[str] = Field(default_factory=_words)  # "утра", "раніцы", "in the morning"
    pm: list[str] = Field(default_factory=_words)  # "вечера", "вечара", "in the evening"
    utc: list[str] = Field(default_factory=_words)  # "utc", "gmt", "гринвич" before an offset


class CheckinWords(Strict):
    """Word lists editors may change; each compared in lower case, ё as е."""

    settings: SettingWords = Field(default_factory=SettingWords)
    time: TimeWords = Field(default_factory=TimeWords)
    request: RequestWords = Field(default_factory=RequestWords)
    until: UntilWords = Field(default_factory=UntilWords)
    # A typed yes or no at a yes/no step ("так", "no"): the first word of up to three.
    yes_words: list[str] = Field(default_factory=_words)
    no_words: list[str] = Field(default_factory=_words)
    # Courtesy after a typed answer to a check-in ("всё ок, спасибо", "fine, thanks").
    courtesy: list[str] = Field(default_factory=_words)
