"""A past exploitation, over, told by someone out of it who wants to report or testify (set
14, round 18).

"last year I was kept on a farm without pay, got out with a union's help, I'm home now and fine,
can I still report the employer?", "my colleague and I escaped from a bad employer last spring
and want to testify", "в прошлом году меня держали на ферме без оплаты, вырвалась, сейчас дома,
можно ещё заявить?" carry danger words of a story that is over. The frame needs a past time
("last year", "last spring", "в прошлом году", "летась", "у мінулым годзе"), the writer out of it
(escaped, got out, home, safe) and a wish to report or testify, and nothing going on now: a
search for the person, someone "still there", yesterday or today ("escaped yesterday, they are
looking for me" is an emergency), a threat, a cry. "can I still report" is a question about
time limits, not something still going on.

Then the danger phrases are let off and a story read part by part has no part classified
(bot.core.triage: PAST_SAFE_THRESHOLD, `message_threshold`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import Cue, has_cue, has_stem
from bot.nlu.past_safe import PastSafe

_PAST: tuple[Cue, ...] = (
    ("last", "year"), ("last", "spring"), ("last", "summer"), ("last", "autumn"),
    ("last", "fall"), ("last", "winter"), ("a", "year", "ago"), ("в", "прошлом", "году"),
    ("прошлой", "весной"), ("прошлым", "летом"), ("прошлой", "осенью"), ("прошлой", "зимой"),
    ("год", "назад"), ("летась",), ("у", "мінулым", "годзе"), ("ў", "мінулым", "годзе"),
    ("мінулай", "вясной"), ("мінулым", "летам"), ("мінулай", "восенню"), ("мінулай", "зімой"),
    ("год", "таму"), ("v", "proshlom", "godu"), ("proshloj", "vesnoj"), ("proshlym", "letom"),
    ("years", "ago"), ("back", "in"), ("года", "назад"), ("лет", "назад"), ("гады", "таму"),
    ("гадоў", "таму"), ("let", "nazad"), ("goda", "nazad"),
)  # fmt: skip
_OUT_STEMS = ("escaped", "got", "left", "fled", "home", "safe", "fine", "сбежал", "убежал",
              "вырвал", "ушл", "ушел", "уехал", "дома", "домой", "безопасн", "уцяк", "уцёк",
              "ўцяк", "ўцёк", "вырвал", "сышл", "з'ехал", "з'ехаў", "дадому", "бяспец",
              "sbezhal", "vyrval", "doma")  # fmt: skip
_REPORT_STEMS = ("report", "testif", "testimon", "witness", "court", "complain", "заяв", "показан",
                 "свидетел", "пожаловат", "суд", "засвед", "сведч", "паведам", "скарг",
                 "паскардз", "warn", "предупред", "папярэдз", "zayav", "pokazan",
                 "svidetel")  # fmt: skip
# Now or just now, a search, a threat, someone still there.
_NOW_STEMS = ("yesterday", "today", "tonight", "вчера", "сегодня", "учора", "сёння", "vchera",
              "segodnya", "ищут", "ищет", "шукаюць", "шукае", "looking", "search", "follow",
              "threat", "угрож", "паграж", "ishchut", "ishut")  # fmt: skip
_STILL = frozenset("still ещё еще яшчэ eshche esche".split())


def _ongoing(tokens: Sequence[str], past: PastSafe) -> bool:
    """"still", "до сих пор", "again" said of the story, not of the report ("can I still
    report")."""
    kept = [
        word for at, word in enumerate(tokens)
        if not (word in _STILL and has_stem(tokens[at + 1 : at + 5], _REPORT_STEMS))
    ]  # fmt: skip
    there = (("still", "there"), ("еще", "там"), ("яшчэ", "там"))
    return past.goes_on(kept) or has_cue(kept, there)


def reported_later(tokens: Sequence[str], past: PastSafe) -> bool:
    """Whether cleaned `tokens` tell a past exploitation the writer is out of and wants to report
    or testify about, with nothing going on now (module doc); `past`: the content's past-safe
    frame, whose "still", "again" words tell a story that goes on."""
    return (
        has_cue(tokens, _PAST)
        and has_stem(tokens, _OUT_STEMS)
        and has_stem(tokens, _REPORT_STEMS)
        and not has_stem(tokens, _NOW_STEMS)
        and not _ongoing(tokens, past)
    )
