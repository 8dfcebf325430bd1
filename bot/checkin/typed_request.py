"""A whole check-in setup typed without /checkin: "check on me every 2 days for 3 weeks, I'm
going to Poland", "проверяй меня каждые 2 дня на 3 недели, еду в Польшу", "правярай мяне
кожныя 2 дні на 3 тыдні".

A message is one only when it starts as a request to be checked on (a few lead words at most:
"please", "можешь", "I want you to"; then a word asking to be checked on or written to; then
the person: "меня", "me", or "связь": "проверку связи"; or the person just before it, "можешь
меня проверять") and names at least one setting, read
as the setup reads it (typed.py `typed_plan`, a destination among the other words). So "my
boss checks on me every day" (someone else checks), "как проверить агентство за 2 дня?" (no
"me") and "я уезжаю на 2 недели" (no request) are not.
"""

from __future__ import annotations

import re

from bot.checkin.typed import typed_plan

# Stems of the words that ask to be checked on or written to (ru, be, en; Latin letters too).
REQUEST_STEMS = ("провер", "правяр", "prover", "pravyar", "pravier", "check", "спрашива",
                 "спроси", "пыта", "spras", "pyta", "ask", "пиши", "пішы", "напиши",
                 "напішы", "pishi", "napishi", "write", "message", "text")
# The person as the request's object, within the two words after it ("check on me").
OBJECT_WORDS = frozenset("меня мяне мне мяне me menya mene mne mianie myane".split())
OBJECT_STEMS = ("связ", "сувяз", "svyaz", "suviaz", "suvyaz")  # "проверку связи"
# Words that may come before the request: politeness and "I want you to".
LEAD_WORDS = frozenset((
    "пожалуйста калі ласка please pls plz pozhaluista можешь можаш можете можаце можно можна "
    "can could would will you ты вы мог могла бы давай давайце davai davay хочу хачу хотел "
    "хацеў i want чтобы каб to ну hi hello hey привет прывітанне privet ок ok okay и і and "
    "а так so"
).split())
LEAD_MOST = 5  # lead words at most before the request
# With the person first, the request's own forms only: "проверяй", "проверять", "правярай",
# "правяраць", "напиши"; not "меня проверяют" or "меня проверяли на границе" (someone did).
ASKING_ENDINGS = ("й", "йте", "ть", "ти", "ць", "ь", "ьте", "и", "ы", "іце", "ице", "ыце")
PAST_ENDINGS = ("ли", "лі")  # "проверяли", "правяралі": what happened, not a request
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def asks_for_checkins(text: str) -> bool:
    """Whether `text` asks for check-ins and names at least one of their settings."""
    words = _WORD.findall(text.lower().replace("ё", "е"))
    for at, word in enumerate(words[: LEAD_MOST + 1]):
        if word.startswith(REQUEST_STEMS):
            after = words[at + 1 : at + 3]
            if not any(w in OBJECT_WORDS or w.startswith(OBJECT_STEMS) for w in after):
                return False
            return typed_plan(text, leftover=[]) is not None
        # The person before the request, as Russian and Belarusian put it: "можешь меня
        # проверять", "мяне правярай".
        if word in OBJECT_WORDS and at + 1 < len(words) and words[at + 1].startswith(
                REQUEST_STEMS) and words[at + 1].endswith(ASKING_ENDINGS) and not (
                words[at + 1].endswith(PAST_ENDINGS)):
            return typed_plan(text, leftover=[]) is not None
        if word not in LEAD_WORDS:
            return False
    return False
