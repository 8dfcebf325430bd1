"""A bare "what should I do?" ("Что мне делать?", "что делать", "Што рабіць?", "chto delat",
"What should I do?") written alone, as the whole message: one family, answered the same way
in ru, be and en, with or without "мне", a particle, "now" or a question mark.

Alone, it is a frightened person's short question more often than a calm one's (README,
"What should I do?"): the engine gives it the emergency reply (the numbers first, then "which
country?" and the offer of a person), as the model already did for some of its spellings and
not for others. Right after a job ad's check it is about the ad (bot/core/adfollowup_step.py,
which runs first); with any other words ("что делать с налогами?") it is not this family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WHAT_TO_DO", "WhatToDo", "asks_what_to_do"]

_RU_BE = re.compile(
    r"(?:(?:и|ну|а|так|i|nu|a|tak) )?"
    r"(?:что|чо|че|шо|што|chto|cho|che|sho|shto|4to)"
    r"(?: (?:же|ж|жа|zhe|zh|zha))?"
    r"(?: (?:мне|нам|mne|nam))?"
    r"(?: (?:теперь|сейчас|дальше|цяпер|зараз|далей|teper|seichas|sejchas|sechas|"
    r"dalshe|ciapier|cyaper|zaraz|dalej))?"
    r" (?:делать|делать то|рабіць|рабить|робить|delat|delat'|rabic|rabit|rabits|robit)"
    r"(?: (?:теперь|сейчас|дальше|цяпер|зараз|далей|teper|seichas|sejchas|sechas|dalshe|"
    r"ciapier|zaraz|dalej))?")
_EN = re.compile(
    r"(?:(?:so|and|ok|okay|well|now) )?"
    r"(?:what (?:should|shall|do|can|must|would|will) (?:i|we) do"
    r"|what (?:am i|are we|i am|we are|i'm|we're|im) (?:supposed|meant|going) to do"
    r"|what to do|what do i do|what do we do)"
    r"(?: (?:now|next|then|here))?")
_KEEP = re.compile(r"[^\w' ]+", re.UNICODE)


def _plain(text: str) -> str:
    """Lower case, ё as е (but "чё" kept readable), punctuation and emoji dropped."""
    low = text.lower().replace("’", "'").replace("ё", "е")
    return " ".join(_KEEP.sub(" ", low).split())


def asks_what_to_do(text: str) -> bool:
    """Whether the whole message is a bare "what should I do?" in ru, be or en (either
    alphabet), nothing else with it."""
    plain = _plain(text)
    if not plain or len(plain) > 60:
        return False
    return bool(_RU_BE.fullmatch(plain) or _EN.fullmatch(plain))


@dataclass(frozen=True, slots=True)
class WhatToDo:
    """The decision for such a message: at risk, "emergency now", as certain as a danger
    phrase (no setup step takes it as its answer: it is not an employer's name)."""

    at_risk: bool = True
    indicators: tuple[str, ...] = ("emergency_now",)
    by_phrase: bool = True
    part_floor: float | None = None  # no parts read: the whole message is the decision


WHAT_TO_DO = WhatToDo()
