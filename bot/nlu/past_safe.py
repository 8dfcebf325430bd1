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

from bot.nlu.everyday import THREAT_VERB_STEMS

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


# Left the place: "I left", "escaped", "came home", "уехал", "сбежала", "ўцякла", "uehal".
_LEFT_STEMS = ("left", "escaped", "escape", "fled", "уехал", "уехали", "сбежал", "убежал",
               "вернул", "ушл", "ушёл", "ушел", "выбрал", "уцёк", "уцяк", "ўцёк", "ўцяк",
               "з'ехаў", "з'ехала", "з'ехалі", "з’ехаў", "з’ехала", "вярнул", "сыш", "сышл",
               "uehal", "uekhal", "sbezhal", "ubezhal", "vernul")  # fmt: skip
_LEFT: tuple[tuple[str, ...], ...] = (
    ("came", "home"), ("came", "back"), ("got", "out"), ("got", "home"), ("no", "longer", "there"),
    ("больше", "не", "там"), ("ужо", "не", "там"), ("уже", "не", "там"), ("bolshe", "ne", "tam"),
    ("uzhe", "ne", "tam"),
)  # fmt: skip
# Safe now: "I'm safe", "home now", "в безопасности", "давно дома", "у бяспецы", "v bezopasnosti".
_SAFE_WORDS = frozenset("safe fine дома бяспецы безопасности bezopasnosti doma home".split())
# "ушла из дома, где нас держали" (a house), "не в безопасности" (not safe)
_FROM = frozenset("из з iz from ад от не ne not".split())
# Present work or a search for the person: "я працую", "живём", "найдёт", "они меня ищут".
_NOW_THERE = frozenset(
    "работаю работаем працую працуем живу живём живем жыву жывём rabotayu "
    "ищут шукаюць ishut найдёт найдет найдут знайдзе знойдуць najdut".split()
)
_NOT_LET_GO = ("отпуска", "адпуска", "выпуска", "otpuska", "let")


def _present_danger(tokens: Sequence[str]) -> bool:
    """A clause that tells a danger now: "still", "ищут", "threaten", "не отпускают", "help"."""
    for at, word in enumerate(tokens):
        if word in _NOW_THERE or word in ("still", "follow", "following", "calling"):
            return True
        if word.startswith(THREAT_VERB_STEMS):  # "threaten", "грозят", "grozyat soobshit"
            return True
        if word in ("help", "помогите", "дапамажыце", "pomogite"):
            return True
        if word in ("не", "ne", "won't", "wont") and any(
            w.startswith(_NOT_LET_GO) for w in tokens[at + 1 : at + 3]
        ):
            return True
        if word in ("ещё", "еще", "яшчэ", "eshche", "esche") and "там" in tokens[at - 1 : at + 2]:
            return True
    return goes_on(tokens)


def left_and_safe(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell that the person (or a friend, a sister) left a place and is
    safe or home now, with no danger going on: "they took our passports, I left in March, I'm in
    Poland now, totally safe, I want to report the agency", "ён з'ехаў, цяпер ён дома, у
    бяспецы". "I escaped but they still have my passport", "сбежала, но они меня ищут", "my
    sister is still there and they won't let her go" are not (a present danger)."""
    left = any(w.startswith(_LEFT_STEMS) for w in tokens) or _has(tokens, _LEFT)
    safe = any(
        w in _SAFE_WORDS and not _FROM & set(tokens[max(0, at - 2) : at])
        for at, w in enumerate(tokens)
    )
    return left and safe and not _present_danger(tokens)


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
