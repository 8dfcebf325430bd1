"""A joke said as one: "шеф сказал, что запрёт нас в офисе до релиза 😂", "boss says he'll lock
us in till the deadline haha jk", "шэф жартуе, што зачыніць нас у офісе да рэлізу".

The classifier reads "запрёт нас" as a threat whatever the tone. A joke frame needs both a joke
marker and a frame that is clearly not literal:

* the writer calls it a joke ("это же шутка", "шучу", "jk", "just kidding", "жартуе"), or
* the writer laughs (😂, "ахах", "haha", "ha ha", "lol", ")))") at a work deadline as the
  condition ("до релиза", "пока не сдадим отчёт", "until the release", "till the deadline"), or
  in an everyday setting that no one is held in (a party, the dishes and the housework, a boring
  job, being locked OUT): "ha ha they locked me in the bathroom at the party", "I am trapped in
  a boring job lol", "муж кажа, што я трымаю яго ў рабстве, бо прымушаю мыць посуд 😂".

A cry is never a joke: "нас заперли, не смешно", "locked us in lol help", "не шучу", "no joke",
"seriously", "помогите", "sos", a fear word, a threat to life ("мне не жыць"), or a doubt
("не ведаю, жартуе ён ці не"). Laughter alone is no frame either: "нас заперли в
офисе 😂", "they locked me in lol what do i do" and "boss locked us in the warehouse lol" are
read as written; crying (😭) is not laughter ("help they locked me in 😭").

Under a joke frame the classifier alone needs `bot.core.triage.JOKE_THRESHOLD` of risk
evidence; the danger phrases decide as usual (a movement phrase is let off only with laughter
and a harmless setting, a deadline among them: `bot.nlu.message_frames`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

LAUGHTER_MARKS = re.compile(r"\){3,}|[😂🤣😆😅😹]")
_LAUGHTER_STEMS = ("ахах", "хаха", "haha", "ahah", "hehe", "lol", "lmao", "rofl", "хех")
# "ha ha", "ха ха": laughter written as two words.
_LAUGHTER_PAIRS = frozenset({("ha", "ha"), ("ха", "ха"), ("he", "he")})
# The writer names it a joke.
_JOKE_STEMS = ("шутк", "шуч", "шутит", "шутил", "пошутил", "прикол", "жарт", "пажартаваў", "joke",
               "joking", "kidding", "shutk", "shuch", "prikol")  # fmt: skip
_JOKE_WORDS = frozenset("jk jking j/k".split())
# A work deadline as the condition of being let out: hyperbole, not a lock.
DEADLINE_STEMS = ("релиз", "рэліз", "release", "дедлайн", "дэдлайн", "deadline", "спринт",
                  "sprint", "сдадим", "сдачи", "здадзім", "здачы", "отчет", "справаздач",
                  "reliz", "dedlajn")  # fmt: skip
# An everyday setting nobody is held in, laughed at: a party, the dishes and the housework, a
# boring job ("trapped in a boring job lol").
EVERYDAY_STEMS = ("party", "parties", "вечерин", "вечарын", "тусовк", "тусоўк", "корпоратив",
                  "карпаратыў", "посуд", "dishes", "уборк", "прыбіран", "housework", "chores",
                  "laundry", "стирк", "boring", "bored", "скучн", "нудн", "vecherin",
                  "posud")  # fmt: skip
# Locked OUT is not locked in: "lol my wife locked me out 😂".
_LOCKED_OUT: tuple[tuple[str, ...], ...] = (("locked", "out"), ("locked", "me", "out"),
                                            ("locked", "us", "out"), ("lock", "me", "out"))
# A cry in the same message: then it is no joke. Calls for help as the writer's own
# ("помогите", "help", not "do you help with jobs?"), fear, the police, a threat to life, and
# doubt whether it is a joke ("не знаю, шутит он или нет").
_CRY_WORDS = frozenset(
    "помогите помоги помагите памагите дапамажыце дапамажы спасите спаси ратуйце ратуй sos help "
    "pomogite pomogi scared afraid страшно страшна боюсь баюся police полиция паліцыя 112 "
    "kill killed dead убьет убьют уб'е уб'юць заб'е забьет забьют".split()
)
_CRY_STEMS = ("серьезн", "сур'ёзн", "сурьезн", "serious", "всерьез", "всур'ез", "мертв")
_NOT_A_CRY_BEFORE = frozenset("you вы ты can do does".split())  # "do you help with jobs?"
_CRIES: tuple[tuple[str, ...], ...] = (
    ("не", "смешно"), ("не", "смешна"), ("not", "funny"), ("не", "шучу"), ("не", "жартую"),
    ("no", "joke"), ("not", "joking"), ("not", "kidding"), ("not", "a", "joke"),
    ("for", "real"), ("не", "шутка"), ("не", "жарт"), ("ne", "smeshno"), ("ne", "shuchu"),
    ("i'm", "not", "joking"), ("im", "not", "joking"), ("не", "жить"), ("не", "жыць"),
    ("не", "знаю"), ("не", "ведаю"), ("не", "уверен"), ("не", "уверена"), ("не", "ўпэўнены"),
    ("не", "ўпэўнена"), ("don't", "know"), ("dont", "know"), ("not", "sure"), ("или", "нет"),
    ("ці", "не"), ("or", "not"), ("ne", "znayu"),
)  # fmt: skip


def _has(tokens: Sequence[str], cue: tuple[str, ...]) -> bool:
    size = len(cue)
    return any(tuple(tokens[at : at + size]) == cue for at in range(len(tokens) - size + 1))


def laughing(tokens: Sequence[str], raw: str) -> bool:
    """The writer laughs: 😂, ")))", "ахах", "haha", "ha ha", "lol" (not 😭)."""
    return (
        LAUGHTER_MARKS.search(raw) is not None
        or any(word.startswith(_LAUGHTER_STEMS) for word in tokens)
        or any(pair in _LAUGHTER_PAIRS for pair in pairwise(tokens))
    )


def everyday_setting(tokens: Sequence[str]) -> bool:
    """A party, the housework, a boring job, or locked out: nobody is held there."""
    return any(word.startswith(EVERYDAY_STEMS) for word in tokens) or any(
        _has(tokens, cue) for cue in _LOCKED_OUT
    )


def cries(tokens: Sequence[str]) -> bool:
    """A cry for help, a "not funny" or a doubt in cleaned `tokens`: no joke frame then."""
    for at, word in enumerate(tokens):
        asked = any(w in _NOT_A_CRY_BEFORE for w in tokens[max(0, at - 2) : at])
        if word in _CRY_WORDS and not asked:
            return True
        if word.startswith(_CRY_STEMS):
            return True
    return any(_has(tokens, cue) for cue in _CRIES)


def joke_frame(tokens: Sequence[str], raw: str) -> bool:
    """Whether cleaned `tokens` of `raw` frame the message as a joke (module doc)."""
    if cries(tokens):
        return False
    if any(word.startswith(_JOKE_STEMS) or word in _JOKE_WORDS for word in tokens):
        return True
    return laughing(tokens, raw) and (
        any(word.startswith(DEADLINE_STEMS) for word in tokens) or everyday_setting(tokens)
    )
