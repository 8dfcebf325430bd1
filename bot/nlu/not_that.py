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

from collections.abc import Sequence

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


def negator_elsewhere(clauses: Sequence[int] | None, start: int, matched: Sequence[str]) -> bool:
    """Whether the negators of a phrase match of `matched` words starting at token `start` all
    sit in an earlier clause than the match's last word (module doc)."""
    if clauses is None:
        return False
    last = clauses[start + len(matched) - 1]
    negators = [start + n for n, word in enumerate(matched) if word in NEGATORS]
    return bool(negators) and all(clauses[at] != last for at in negators)
