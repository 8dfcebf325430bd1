"""A risk told and a number asked for in one message ("меня закрыли в комнате, какой номер
полиции?", "they locked us in, what is the police number?").

The question pulls the classifier towards `hotline_request` and the told risk is lost with it:
the person gets the numbers page but not the at-risk path (the offer of a person, the alert).
So when the message reads as a request for numbers and triage saw no risk, the rest of it (the
clauses that are not themselves the request) is read again on its own, by the same recogniser
and triage: a negation, a joke or a "what if" there keeps it benign as it would alone.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from bot.core.assess import Assessor, Decision
from bot.core.turn import Reading, Turn
from bot.nlu.base import IntentResult
from bot.nlu.normalize import clean

NUMBERS_INTENT = "hotline_request"
# Clauses: sentences, comma parts, a dash, the joints "и/і/а/но/and/but" between a told harm
# and a request ("меня закрыли и мне нужен номер полиции"), and, typed without punctuation on
# a phone, before the person as a subject or object ("дайте номер полиции нас закрыли").
_CLAUSE_BREAK = re.compile(
    r"[.!?;,:\n…]+|\s[-—–]+\s|\s(?:и|і|а|но|але|and|but)\s"
    r"|\s(?=(?:я|мы|меня|нас|мне|нам|мяне|i|i'm|im|we|they|my|our|me|us)\s)",
    re.IGNORECASE,
)
# A request padded with a long story is read whole by the classifier already; the extra reading
# is for a message of a few clauses (each is one more parse).
MAX_CLAUSES = 6
# "если меня закроют, какой номер полиции?" is asked in advance (bot.nlu.conditional): the
# second reading is for harm told, never a condition; the danger phrases still decide those.
_IF_WORDS = frozenset("if если калі esli kali".split())

# The request's share of the classifier's reading at which the rest is read again: "my sister
# just called crying from Warsaw, the boss is hitting her, which number should we call?" read as
# out_of_scope 0.43 and hotline_request 0.26 (round 19), the harm lost between the two.
NUMBERS_SHARE = 0.2

Parse = Callable[[str], Awaitable[IntentResult]]


def asks_numbers(result: IntentResult) -> bool:
    """Whether the classifier read a request for numbers in the message: its top intent, or
    at least NUMBERS_SHARE of its ranking."""
    if result.intent == NUMBERS_INTENT:
        return True
    return any(i == NUMBERS_INTENT and score >= NUMBERS_SHARE for i, score in result.ranking)


def clauses(text: str) -> list[str]:
    """The message's clauses, stripped, empty ones dropped."""
    return [c.strip() for c in _CLAUSE_BREAK.split(text) if c.strip()]


async def told_risk(text: str, parse: Parse, assessor: Assessor) -> Decision | None:
    """Triage's at-risk decision on `text` without its request for numbers, or None (no clause
    is the request alone, nothing else is left, or the rest is not a risk)."""
    parts = clauses(text)
    if not 1 < len(parts) <= MAX_CLAUSES:
        return None
    rest = [p for p in parts if (await parse(p)).intent != NUMBERS_INTENT]
    if not rest or len(rest) == len(parts):
        return None
    statement = ", ".join(rest)
    if _IF_WORDS & set(clean(statement).split()):
        return None
    decision = assessor.assess(statement, await parse(statement))
    return decision if decision.at_risk else None


def numbers_of(turn: Turn, reading: Reading, *, ad_place: bool) -> str | None:
    """The country whose numbers a confident request names, by name or by adjective
    ("Lithuanian police number": whose numbers only, never where the person is)."""
    if not reading.confident or reading.intent.intent != NUMBERS_INTENT or ad_place:
        return None
    if reading.place is not None:
        return reading.place.code
    places = turn.r.places
    if places is None or turn.event.forwarded:
        return None
    adjective = places.find_adjective(reading.text)
    return adjective.code if adjective is not None else None
