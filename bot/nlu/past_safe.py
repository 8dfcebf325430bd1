"""A harm told as the past by a writer who is safe now (victim12).

"I was a victim of trafficking years ago, now I volunteer", "я была жертвой торговли людьми
много лет назад, теперь я волонтёр", "гадоў таму мяне прадалі, цяпер я ў бяспецы" name a harm
that is over: the writer tells their story, perhaps to help others. Such a message needs both
a cue of the past ("years ago", "лет назад", "гадоў таму", "in the past") and a cue of being
safe now ("I'm safe", "в безопасности", "volunteer", "helping others"), and no cue that it goes
on ("still", "again", "до сих пор", "снова", "зноў"): "years ago I came here, they still keep
my passport" and "two years ago they sold me and I am still here" are reports.

`bot.nlu.mention` lets off the danger phrases of such a message and `bot.core.triage` asks
the classifier for more evidence. The danger phrases stay the safety net for every other
message: "я жертва торговли людьми" and "I was trafficked, help" still fire.
"""

from __future__ import annotations

from collections.abc import Sequence

_PAST: tuple[tuple[str, ...], ...] = (
    ("years", "ago"), ("year", "ago"), ("months", "ago"), ("long", "ago"), ("in", "the", "past"),
    ("лет", "назад"), ("года", "назад"), ("год", "назад"), ("месяцев", "назад"), ("давно",),
    ("когда-то",), ("в", "прошлом"), ("гадоў", "таму"), ("гады", "таму"), ("год", "таму"),
    ("месяцаў", "таму"), ("даўно",), ("калісьці",), ("у", "мінулым"), ("let", "nazad"),
)  # fmt: skip
_SAFE_NOW: tuple[tuple[str, ...], ...] = (
    ("i'm", "safe"), ("im", "safe"), ("i", "am", "safe"), ("safe", "now"), ("help", "others"),
    ("helping", "others"), ("it's", "over"), ("behind", "me"), ("в", "безопасности"),
    ("помогаю", "другим"), ("помогаю", "людям"), ("все", "позади"), ("у", "бяспецы"),
    ("ў", "бяспецы"), ("дапамагаю", "іншым"), ("дапамагаю", "людзям"), ("усё", "ззаду"),
)  # fmt: skip
_VOLUNTEER_STEMS = ("volunteer", "волонт", "валанц", "valont", "volont")
_ONGOING: tuple[tuple[str, ...], ...] = (
    ("still",), ("again",), ("до", "сих", "пор"), ("все", "еще"), ("опять",),
    ("снова",), ("зноў",), ("ізноў",), ("дагэтуль",), ("па-ранейшаму",), ("по-прежнему",),
)  # fmt: skip


def _has(tokens: Sequence[str], cues: Sequence[tuple[str, ...]]) -> bool:
    return any(
        tuple(tokens[at : at + len(cue)]) == cue for at in range(len(tokens)) for cue in cues
    )


def goes_on(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` say it goes on: "still", "again", "до сих пор", "зноў"."""
    return _has(tokens, _ONGOING)


def past_and_safe(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell a harm as the past and the writer as safe now (module doc)."""
    safe = _has(tokens, _SAFE_NOW) or any(w.startswith(_VOLUNTEER_STEMS) for w in tokens)
    return safe and _has(tokens, _PAST) and not _has(tokens, _ONGOING)


# Back home now: "сейчас я дома", "I'm back home now", "цяпер я дома", "вернулась домой".
_HOME_NOW: tuple[tuple[str, ...], ...] = (
    ("сейчас", "я", "дома"), ("теперь", "я", "дома"), ("я", "уже", "дома"), ("уже", "дома"),
    ("вернулась", "домой"), ("вернулся", "домой"), ("цяпер", "я", "дома"), ("я", "ўжо", "дома"),
    ("вярнулася", "дадому"), ("вярнуўся", "дадому"), ("back", "home"), ("i'm", "home"),
    ("im", "home"), ("now", "at", "home"), ("seichas", "ya", "doma"), ("ya", "uzhe", "doma"),
)  # fmt: skip


def told_from_home(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell a harm as the past by a writer back home now ("Два года
    назад ... не платили три месяца. Сейчас я дома"): a long message's story, read part by
    part (bot.core.long_message), whose danger sentence alone reads as a report."""
    return _has(tokens, _HOME_NOW) and _has(tokens, _PAST) and not _has(tokens, _ONGOING)
