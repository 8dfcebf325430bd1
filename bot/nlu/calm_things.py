"""Calm things of round 19b (issue 10; bot.nlu.calm_situations holds the round-18 kinds): a
harm in a game, a pet that shut the writer in, the bot asked if it is locked in, a queue at a
border. Each lets off only the indicators its words explain.

* **A game**: "моего персонажа похитили в квесте", "I got killed in the game for the tenth time
  😤", "мяне забілі ў гульні", "my character got kidnapped in a quest": the harm happens "in"
  the game, or to "my character". "my boss beats me, I play games at night" names a game, not
  a harm in one: the preposition or "my character" is needed, and no police or report named
  ("в игре сказали, что убьют, если пойду в полицию" is a threat).
* **A pet**: "my cat locked me in the bathroom 😂", "кот запер меня в ванной": the pet right
  before the lock word. "нас заперли с котом" is people locking.
* **The bot itself**: "бот, ты живой? или тебя заперли на сервере 😂": the bot named, "you",
  and no first person ("бот, меня заперли" is a report).
* **A queue at a border**: "stuck at the border for 12 hours, they don't let us out of the
  queue", "застряли на границе, не выпускают из очереди": a border and a queue (or being stuck
  at a border), and nobody who holds people named (a boss, a dorm, a guard).

Tokens are cleaned words; `words` are the tokens and their Cyrillic reading (transliteration).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import has_cue

MOVEMENT = "risk_movement_restricted"
EMERGENCY = "emergency_now"
_IN_GAME = (("в", "игре"), ("в", "игру"), ("в", "квесте"), ("в", "компьютерной"),
            ("у", "гульні"), ("ў", "гульні"), ("у", "гульне"), ("ў", "гульне"), ("у", "квэсце"),
            ("ў", "квэсце"), ("у", "квесце"), ("ў", "квесце"), ("in", "the", "game"),
            ("in", "a", "game"), ("in", "game"), ("in", "a", "quest"), ("in", "the", "quest"),
            ("in", "this", "game"), ("my", "character"), ("my", "avatar"),
            ("мой", "персонаж"), ("моего", "персонажа"), ("мой", "персанаж"),
            ("майго", "персанажа"), ("маго", "персанажа"))  # fmt: skip
_GAME_HARMS = frozenset({MOVEMENT, "risk_violence_threats", "risk_deceptive_job", EMERGENCY})
# The police or a report named: a threat for going there is no game ("в игре сказали, что убьют,
# если пойду в полицию").
_POLICE_STEMS = ("полиц", "паліц", "міліц", "милиц", "мент", "police", "cops", "politsi",
                 "polici", "milic", "заяв", "заяў", "report")  # fmt: skip
_PET_WORDS = frozenset("кот кота котик кошка кошку кацяня кот кошак cat cats kitten dog puppy "
                       "сабака собака хомяк kot koshka".split())  # fmt: skip
_LOCK_STEMS = ("запер", "зачын", "закрыл", "захлопн", "locked", "lock", "shut", "trapped")
_PET_SPAN = 2
_BOT_WORDS = frozenset("бот бота боту ботик bot bota".split())
_YOU = frozenset("тебя цябе you tebya ты ти".split())
_ME_US = frozenset("меня мяне me нас nas us мы we i я menya".split())
_BORDER_STEMS = ("границ", "граніц", "мяж", "border", "checkpoint", "customs", "таможн",
                 "мытн", "granic", "granits", "kordon", "кордон", "погранпереход")  # fmt: skip
_QUEUE_STEMS = ("очеред", "чарг", "queue", "line", "ochered", "charg")
_STUCK_STEMS = ("stuck", "застрял", "затрымал", "zastryal", "стоим", "стаім", "waiting", "ждем",
                "чакаем")  # fmt: skip
# Who holds people: with one named, "не выпускают" may be theirs.
_HOLDER_STEMS = ("работодат", "наймальн", "хозя", "гаспадар", "начальн", "бригадир", "брыгадз",
                 "агент", "агенц", "охран", "ахоўн", "boss", "employer", "agenc", "agent",
                 "guard", "owner", "landlord", "foreman", "общежит", "общаг", "інтэрнат", "dorm",
                 "hostel", "barrack", "барак", "склад", "warehouse", "farm", "ферм",
                 "factory", "завод")  # fmt: skip


def _pair(words: Sequence[str], pairs: Sequence[tuple[str, ...]]) -> bool:
    return has_cue(words, pairs)


def _any_stem(words: Sequence[str], stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stems) for word in words)


def pet_locked(words: Sequence[str]) -> bool:
    """A pet right before a lock word: "my cat locked me in", "кот запер меня"."""
    return any(
        word.startswith(_LOCK_STEMS) and _PET_WORDS & set(words[max(0, at - _PET_SPAN) : at])
        for at, word in enumerate(words)
    )


def border_queue(words: Sequence[str]) -> bool:
    """A queue at a border, or stuck at one, and nobody who holds people named."""
    border = _any_stem(words, _BORDER_STEMS)
    waiting = _any_stem(words, _QUEUE_STEMS + _STUCK_STEMS)
    return border and waiting and not _any_stem(words, _HOLDER_STEMS)


def things_let_off(words: Sequence[str]) -> frozenset[str]:
    """The indicators a game, a pet, the bot or a border queue lets off (module doc)."""
    found: set[str] = set()
    if _pair(words, _IN_GAME) and not _any_stem(words, _POLICE_STEMS):
        found |= _GAME_HARMS
    if pet_locked(words):
        found |= {MOVEMENT, EMERGENCY}  # "kot zakryl menya 😂": the model reads a cry too
    if border_queue(words):
        found.add(MOVEMENT)
    if _BOT_WORDS & set(words) and _YOU & set(words) and not _ME_US & set(words):
        found |= {MOVEMENT, EMERGENCY}
    return frozenset(found)
