"""A danger inside a fiction asked about: a video game, a song, a film (set 14, round 18).

"in GTA my guy got kidnapped and locked in a trunk 😂 how do I pass it", "who sings 'you took my
passport and my heart'", "в игре моего персонажа похитили, как пройти миссию?" name a danger
that happens to a game character or in a song's words. A fiction frame needs a fiction named (a
game and its mission or level, a song, a film or a series) and either a question about it ("how
do I pass", "who sings", "как называется") or laughter; a cry ("help", "помогите", "не
смешно": the content's joke frame, `JokeFrame.cries`) is never a fiction.

Under the frame the danger phrases are let off and the classifier alone needs
`bot.core.triage.JOKE_THRESHOLD`. "my boss locked me in, like in GTA, help" (a cry), "they
took my passport at the game factory" (no question about a fiction, no laughter) stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import Cue, has_cue, has_stem
from bot.nlu.joke_frame import JokeFrame

# A game, a song, a film or a book named (stems: "игре", "гульні", "миссию", "песня").
_FICTION_STEMS = ("gta", "videogame", "mission", "миссию", "миссия", "миссии", "місію", "місія",
                  "квест", "персонаж", "character", "гульн", "уровен", "узровен", "song",
                  "песн", "песьн", "lyrics", "singer", "певец", "певиц", "спявак", "спявачк",
                  "movie", "фильм", "фільм", "сериал", "серыял", "igr", "missi",
                  "pesn")  # fmt: skip
_FICTION_WORDS = frozenset(
    "game games игра игре игру игры гульня гульню igra igre igru igry series film films quest "
    "level sings sang поет пел спявае спяваў poet".split()
)
# A question about the fiction: how to pass it, who sings it, what it is called.
_ASKED: tuple[Cue, ...] = (
    ("how", "do", "i", "pass"), ("how", "to", "pass"), ("how", "do", "i", "beat"),
    ("how", "to", "beat"), ("how", "do", "i", "finish"), ("how", "do", "i", "complete"),
    ("who", "sings"), ("who", "sang"), ("what", "song"), ("what", "movie"), ("what", "film"),
    ("name", "of", "the"), ("what", "is", "it", "called"), ("как", "пройти"), ("как", "пройду"),
    ("кто", "поет"), ("кто", "пел"), ("кто", "исполняет"), ("что", "за", "песня"),
    ("какая", "песня"), ("как", "называется"), ("як", "прайсці"), ("хто", "спявае"),
    ("хто", "спяваў"), ("што", "за", "песня"), ("як", "называецца"), ("kak", "proyti"),
    ("kak", "projti"), ("kto", "poet"), ("kak", "nazyvaetsya"),
)  # fmt: skip


def _fiction_named(tokens: Sequence[str]) -> bool:
    return has_stem(tokens, _FICTION_STEMS) or any(w in _FICTION_WORDS for w in tokens)


def in_fiction(tokens: Sequence[str], raw: str, jokes: JokeFrame) -> bool:
    """Whether cleaned `tokens` of `raw` tell a danger inside a fiction asked about (module doc);
    `jokes`: the content's joke frame, for laughter and cries."""
    if not _fiction_named(tokens) or jokes.cries(tokens):
        return False
    return has_cue(tokens, _ASKED) or jokes.laughing(tokens, raw)
