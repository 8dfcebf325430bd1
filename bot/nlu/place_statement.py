"""A message that only says where the person is now: "я сейчас в Польше", "I'm in Italy right
now", "зараз мы ў Нідэрландах", "ya seichas v Latvii".

People say where they are to answer "which country are you in?" or before a question. The
training data has "сейчас" / "зараз" / "now" almost only inside cries ("помогите прямо сейчас",
"help me right now"), so the model read "я сейчас в Польше" as an emergency (0.74) while "я в
Польше" was a person abroad. In such a statement "now" adds nothing: `without_now` drops it
before the model reads the message, so the statement is read as the same words without "now".

Only a statement: the pronoun, "now", a verb of being somewhere, "already", and places, each
place word at most `_PLACE_WORDS` words after "в" / "у" / "ў" / "in" / "at" (a city after its
country: "в Бельгии, в Брюсселе"). Any other word ("помогите", "меня не выпускают", "they are
here", "scared") keeps "now" where it stands; a negator is never part of a statement; and the
danger phrases read the message unchanged ("я сейчас в опасности" is caught by them).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.negation import NEGATORS

# Read after clean() and the Cyrillic reading of transliteration ("ya seichas v Polshe").
# Transliteration too: the model reads it in Cyrillic, but a short Latin line may be taken as
# English and kept in Latin letters ("ya seichas v Polshe").
_NOW = frozenset("сейчас сеичас сечас щас теперь зараз цяпер now currently seichas sejchas "
                 "seychas sechas zaraz teper".split())  # fmt: skip
# "right now", "at the moment", "в данный момент", "на данный момент": dropped with "now".
_NOW_PHRASES: tuple[tuple[str, ...], ...] = (
    ("right", "now"), ("at", "the", "moment"), ("в", "данный", "момент"),
    ("на", "данный", "момент"), ("на", "дадзены", "момант"), ("у", "дадзены", "момант"),
)  # fmt: skip
_WHO = frozenset("я мы i i'm im we we're were am are is уже ужо already ya uzhe".split())
# "нахожусь", "знаходжуся", and their transliterations read back ("nakhozhus": "нахожус").
_BEING_STEMS = ("нахож", "наход", "знаходж", "знаходз", "staying", "living", "based")
_AT = frozenset("в во у ў ŭ in at v vo".split())
# Not a place but a plight: "I'm in trouble now", "мы сейчас в подвале" keep their "now".
_PLIGHT_STEMS = ("troubl", "danger", "trap", "hid", "panic", "basement", "lock", "hospital",
                 "police", "custody", "jail", "prison", "бед", "бяд", "опасн", "небяспе", "ловушк",
                 "пастк", "плен", "палон", "рабств", "подвал", "склеп", "запер", "зачын", "больниц",
                 "бальніц", "полиц", "паліц", "турм", "тюрьм")  # fmt: skip
_PLACE_WORDS = 2  # "в Нидерландах, в Амстердаме", "in the netherlands", "in czech republic"
_MAX_WORDS = 10


def _now_spans(tokens: Sequence[str]) -> set[int]:
    """The positions of "now" words and phrases in `tokens`."""
    spans: set[int] = set()
    for at, word in enumerate(tokens):
        if word in _NOW:
            spans.add(at)
        for phrase in _NOW_PHRASES:
            if tuple(tokens[at : at + len(phrase)]) == phrase:
                spans.update(range(at, at + len(phrase)))
    return spans


def without_now(tokens: Sequence[str]) -> list[str]:
    """`tokens` without their "now" words when they only say where the person is now (module
    doc); otherwise `tokens` unchanged."""
    if len(tokens) > _MAX_WORDS or any(word in NEGATORS for word in tokens):
        return list(tokens)
    now = _now_spans(tokens)
    if not now:
        return list(tokens)
    since_at: int | None = None  # words since the last "в" / "in"
    places = 0
    for at, word in enumerate(tokens):
        if at in now or word in _WHO or word.startswith(_BEING_STEMS):
            since_at = None
        elif word in _AT:
            since_at = 0
        elif since_at is not None and since_at < _PLACE_WORDS and not word.startswith(
            _PLIGHT_STEMS
        ):
            since_at += 1
            places += 1
        else:
            return list(tokens)
    if not places:
        return list(tokens)
    return [word for at, word in enumerate(tokens) if at not in now]
