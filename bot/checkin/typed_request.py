"""A check-in setup asked for without /checkin: "check on me every 2 days for 3 weeks, I'm
going to Poland", "пиши мне каждые 3 дня", "правярай мяне кожны тыдзень", "hi, can you check
on me while I travel?", "привет, можешь проверять меня пока я в дороге?".

A message is one only when it starts as a request to be checked on (a few lead words at most:
greetings, "please", "можешь", "I want you to"; then a word asking to be checked on or written
to; then the person: "меня", "me", or "связь": "проверку связи"; or the person just before it,
"можешь меня проверять") and either names a setting, read as the setup reads it (typed.py
`typed_plan`, an end date too: "до конца месяца"), or speaks of the journey ("while I
travel", "пока я в дороге"). So "my boss checks on me every day" (someone else checks), "как
проверить агентство за 2 дня?" (no "me") and "я уезжаю на 2 недели" (no request) are not.

The words are content's (content/checkin.yaml `checkin.words.request`).
"""

from __future__ import annotations

import re
import time

from bot.checkin.typed import typed_plan
from bot.checkin.until_step import until_rest
from bot.content.models import Checkin, RequestWords

LEAD_MOST = 6  # lead words at most before the request ("hi there, could you please")
# With the person first, the request's own forms only: "проверяй", "проверять", "правярай",
# "правяраць", "напиши"; not "меня проверяют" or "меня проверяли на границе" (someone did).
# Grammar, not vocabulary: these stay here.
ASKING_ENDINGS = ("й", "йте", "ть", "ти", "ць", "ь", "ьте", "и", "ы", "іце", "ице", "ыце")
PAST_ENDINGS = ("ли", "лі")  # "проверяли", "правяралі": what happened, not a request
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _plain(text: str) -> str:
    return text.lower().replace("ё", "е").replace("’", "'")


def _names_journey(text: str, stems: list[str]) -> bool:
    """Whether the text speaks of the journey ("travel", "в дороге", "за мяжу")."""
    low = f" {' '.join(_WORD.findall(_plain(text)))} "
    return any((f" {stem} " in low) if " " in stem else (f" {stem}" in low)
               for stem in (_plain(s) for s in stems))


def _is_request(words: list[str], w: RequestWords) -> bool:
    """Whether the words start as a request to be checked on (see the module's doc)."""
    verbs, objects = tuple(_plain(v) for v in w.verbs), {_plain(o) for o in w.objects}
    object_stems = tuple(_plain(s) for s in w.object_stems)
    lead = {_plain(word) for word in w.lead}
    for at, word in enumerate(words[: LEAD_MOST + 1]):
        if verbs and word.startswith(verbs):
            after = words[at + 1 : at + 3]
            return any(o in objects or (object_stems and o.startswith(object_stems))
                       for o in after)
        # The person before the request, as Russian and Belarusian put it: "можешь меня
        # проверять", "мяне правярай".
        if word in objects and at + 1 < len(words) and verbs and words[at + 1].startswith(
                verbs) and words[at + 1].endswith(ASKING_ENDINGS) and not (
                words[at + 1].endswith(PAST_ENDINGS)):
            return True
        if word not in lead:
            return False
    return False


def asks_for_checkins(text: str, texts: Checkin | None, now: float | None = None) -> bool:
    """Whether `text` asks for check-ins: a request (at the start of the message or of one of
    its clauses: "I'm leaving tomorrow, can you check on me?") that names a setting, an end
    date or the journey."""
    if texts is None:
        return False
    clauses = re.split(r"[,.!?;:\n]+", _plain(text))
    if not any(_is_request(_WORD.findall(c), texts.words.request) for c in clauses):
        return False
    if until_rest(text, texts, time.time() if now is None else now) is not None:
        return True  # "пиши мне до конца месяца": the end date is a setting
    return (typed_plan(text, texts.words.settings, leftover=[]) is not None
            or _names_journey(text, texts.words.request.journey))
