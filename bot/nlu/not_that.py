"""A withheld duty denied twice, or denied in another clause (set 14, round 18).

Phrases written with a negation ("не платят", "мне не плацяць") are the harm itself, so a
negation around them never lets them off (bot.nlu.negation). Two shapes say the opposite:

* a double negation: "не то чтобы мне не платили, платят, но с опозданием", "не тое каб мне не
  плацілі", "ne to chtoby ne platili", "it's not that they don't pay": "не то чтобы" / "not
  that" at most `_SPAN` words before the phrase, in its clause, denies it (`denied_twice`);
* the negator belongs to another clause: "мяне не падманулі, усё плацяць як абяцалі" matches
  "не плацяць" across the comma ("не" negates "падманулі"), `negator_elsewhere`.

"не то чтобы жаловаться, но мне не платят третий месяц" (the phrase is beyond the span and after
a comma) and "мне не плацяць, і пашпарт забралі" still fire.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.nlu.negation import NEGATORS

_NOT_THAT: tuple[tuple[str, ...], ...] = (
    ("не", "то", "чтобы"), ("не", "то", "что"), ("не", "тое", "каб"), ("не", "тое", "што"),
    ("ne", "to", "chtoby"), ("ne", "to", "chtob"), ("ne", "toe", "kab"), ("not", "that"),
)  # fmt: skip
_SPAN = 5  # words from the end of "не то чтобы" to the phrase's start


def denied_twice(tokens: Sequence[str], clauses: Sequence[int] | None, start: int) -> bool:
    """Whether "не то чтобы" / "not that" ends at most `_SPAN` words before token `start`, in its
    clause (module doc)."""
    for at in range(max(0, start - _SPAN - 3), start):
        for cue in _NOT_THAT:
            end = at + len(cue)
            if tuple(tokens[at:end]) != cue or end > start or start - end > _SPAN:
                continue
            if clauses is None or clauses[at] == clauses[start]:
                return True
    return False


def negator_elsewhere(
    clauses: Sequence[int] | None,
    start: int,
    matched: Sequence[str],
    own: Callable[[str], bool],
) -> bool:
    """Whether every negator of a phrase match of `matched` words starting at token `start` is
    followed by a word not of the phrase (`own` says which are) and sits in an earlier clause
    than the match's last word (module doc): "не падманулі, усё плацяць", not "не адпусцяць,
    пакуль" (the phrase's own verb follows its negator)."""
    if clauses is None:
        return False
    last = clauses[start + len(matched) - 1]
    negators = [n for n, word in enumerate(matched) if word in NEGATORS]
    return bool(negators) and all(
        n + 1 < len(matched) and not own(matched[n + 1]) and clauses[start + n] != last
        for n in negators
    )
