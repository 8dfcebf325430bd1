"""A danger phrase of content/danger_phrases.yaml compiled into a rule: its cleaned words, a
regex over a cleaned message that allows up to `MAX_GAP` other words between them, and what
the let-offs need to know of it (bot.core.phrase_let_offs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.models import DangerPhrase
from bot.nlu.negation import NEGATORS, polarity_free
from bot.nlu.normalize import clean

MAX_GAP = 2  # DangerPhrase: at most two other words between the phrase's words


def phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """The phrase's cleaned words, each with whether it ends in `*` (any ending)."""
    words: list[tuple[str, bool]] = []
    for raw in phrase.split():
        star = raw.endswith("*")
        parts = clean(raw.rstrip("*")).split()
        if parts:
            words += [(part, False) for part in parts[:-1]] + [(parts[-1], star)]
    return words


def _compile(words: list[tuple[str, bool]]) -> re.Pattern[str]:
    """A regex over cleaned text for one DangerPhrase's (non-empty) words."""
    gap = rf"(?: [^ ]+){{0,{MAX_GAP}}} "
    body = gap.join(re.escape(word) + (r"[^ ]*" if star else "") for word, star in words)
    return re.compile(rf"(?:^| ){body}(?= |$)")


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """One danger phrase as the matcher tries it (`PhraseRule.of`)."""

    number: int  # its place in the content file
    pattern: re.Pattern[str]
    phrase: DangerPhrase
    negatable: bool  # a negation or hypothetical before it means the harm did not happen
    negated: bool  # written with a negation ("не платят"): the withheld duty is the harm
    words: frozenset[str]  # its whole words: all must be in the message
    stems: frozenset[str]  # its `*` words' stems: each must begin a word of the message

    def owns(self, word: str) -> bool:
        """Whether `word` is one of the phrase's words (or begins with one of its stems)."""
        return word in self.words or word.startswith(tuple(self.stems))

    @classmethod
    def of(cls, number: int, phrase: DangerPhrase, words: list[tuple[str, bool]]) -> PhraseRule:
        """The rule of `phrase`, the `number`-th of the content file, with its (non-empty)
        `phrase_words`."""
        return cls(
            number,
            _compile(words),
            phrase,
            polarity_free([w for w, _ in words]),
            any(w in NEGATORS for w, _ in words),
            frozenset(w for w, star in words if not star),
            frozenset(w for w, star in words if star),
        )
