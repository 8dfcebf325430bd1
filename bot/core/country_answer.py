"""What an answer to "which country are you in?" says when it names no one country: that the
person does not know ("не знаю", "no idea", "ne znayu"), or two countries ("Poland or
Germany"). In ru, be, en and transliterated Russian."""

from __future__ import annotations

import re

from bot.core.countries import CountryIndex, tokens

# "Don't know" in every language the bot speaks, as words after `tokens` (apostrophes as ').
_DONT_KNOW = (
    "не знаю", "незнаю", "без понятия", "понятия не имею", "не уверен", "не уверена", "хз",
    "не помню", "не ведаю", "няведаю", "не ўпэўнены", "не ўпэўнена", "не памятаю",
    "don't know", "dont know", "do not know", "no idea", "not sure", "idk", "dunno",
    "no clue", "unsure", "ne znayu", "ne znaju", "ne znau", "neznayu", "bez ponyatiya",
    "ne uveren", "ne uverena", "ne vedayu", "ne pomnyu", "hz",
)
# An answer, not a question asked instead ("не знаю, как получить визу" is a question).
_MOST_WORDS = 8
# Where one country ends and another begins: "Польша или Германия", "Poland or Germany".
_BETWEEN = re.compile(
    r"[,;/]|\b(?:or|and|или|либо|и|або|ці|і|ili|libo|abo)\b", re.IGNORECASE)


def dont_know(text: str) -> bool:
    """True when a short answer says the person does not know (where they are)."""
    words = tokens(text)
    if not words or len(words) > _MOST_WORDS:
        return False
    said = f" {' '.join(words)} "
    return any(f" {phrase} " in said for phrase in _DONT_KNOW)


def countries_in(places: CountryIndex, text: str) -> list[str]:
    """The countries an answer names, each on its own ("Poland or Germany" -> PL, DE), in the
    order named; [] or one code when it names fewer than two."""
    found: list[str] = []
    for part in _BETWEEN.split(text):
        match = places.find(part)
        if match is not None and match.code not in found:
            found.append(match.code)
    return found
