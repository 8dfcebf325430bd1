"""The decoy texts must not give the person away: a text someone else holding the phone may
see (the silent alarm's ordinary reply, the check-in's question and buttons) holds none of
content's give-away words (content/silent_alarm.yaml `giveaway_words`: help, operators,
trafficking, safety), in any language."""

from __future__ import annotations

import re

from bot.content.models import LocalizedText
from bot.content.problems import Problem
from bot.content.yamlfile import Where

LANGUAGES = ("ru", "be", "en")
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """Lower case, ё as е, letters and digits only (as `giveaway_words` are written)."""
    return _WORD.findall(text.lower().replace("ё", "е"))


def giveaway_in(text: str, giveaway_words: list[str]) -> str | None:
    """The first of `giveaway_words` found in `text` (each of its words the start of a word
    there, in order: "помощ" in "помощь уже в пути"), or None."""
    words = _words(text)
    for entry in giveaway_words:
        stems = _words(entry)
        if stems and any(all(words[at + i].startswith(stem) for i, stem in enumerate(stems))
                         for at in range(len(words) - len(stems) + 1)):
            return entry
    return None


def decoy_problems(name: str, value: LocalizedText, at: Where,
                   giveaway_words: list[str]) -> list[Problem]:
    """An error per language where the text `name` holds a give-away word, naming both."""
    problems = []
    for lang in LANGUAGES:
        word = giveaway_in(getattr(value, lang) or "", giveaway_words)
        if word is not None:
            problems.append(at.problem(
                "error", f"{name} ({lang}) may be seen by someone else and gives the alarm "
                f"away: it says {word!r} (giveaway_words in silent_alarm.yaml)", lang))
    return problems
