"""Whether a sentence of an ad holds a word that carries a red flag (a flag's `cue_words` in
content/ad_check.yaml), outside a negation: the sentence model alone may quote a sentence for a
flag only when it does, or when it is very sure (`AdModel.uncued`). "Надбаўкі за вечар і
нядзелю" holds no word of pressure; "не по туристической визе" holds "визе" only negated.

Negation scope, the one the sentence model marks (`adnegation.negation_scopes`): the words after
"не", "без", "no", … to the end of the clause, or a whole clause that ends in "нет", "none". A cue
word that starts with the negation itself ("без визы", "no work permit") counts. Nothing here keeps
or logs the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.content.models import AdCheck
from bot.core.adnegation import negation_scopes
from bot.core.adpatterns import PatternCompiler
from bot.core.adtext import in_cyrillic, normalize

_SENTENCE_ENDS = (".", "!", "?", "…")


@dataclass(frozen=True, slots=True)
class _Reading:
    """Each flag's cue words compiled for one way of reading the ad (empty: the flag has none)."""

    patterns: list[list[re.Pattern[str]]]


class CueWords:
    """content/ad_check.yaml's `cue_words` per flag, compiled as the flags' patterns are (the ad's
    letters, and a transliterated ad in Cyrillic)."""

    def __init__(self, rules: AdCheck, compiler: PatternCompiler | None = None) -> None:
        compiler = compiler or PatternCompiler()
        letters, latin, _, _ = compiler.readings()
        self._letters = _Reading([[compiler.compile(letters(p)) for items in f.cue_words.values()
                                   for p in items] for f in rules.flags])
        self._latin = _Reading([[compiler.compile(latin(p)) for items in f.cue_words.values()
                                 for p in items] for f in rules.flags])

    def cued(self, sentences: Sequence[str], *, cyrillic: bool) -> np.ndarray:
        """Per sentence (rows) and flag (columns, content order): True when the flag has no
        cue words or one of them matches the sentence, starting outside a negation; `cyrillic`: the
        ad is transliterated, so it is also read in Cyrillic letters."""
        found = np.ones((len(sentences), len(self._letters.patterns)), dtype=bool)
        for row, sentence in enumerate(sentences):
            low = normalize(sentence)
            lows = [(low, self._letters)]
            if cyrillic:
                lows.append((in_cyrillic(low), self._latin))
            scopes = [(one, reading, negation_scopes(one)) for one, reading in lows]
            for column, patterns in enumerate(self._letters.patterns):
                if patterns:
                    found[row, column] = any(
                        _outside(m.start(), negated)
                        for one, reading, negated in scopes
                        for p in reading.patterns[column]
                        for m in p.finditer(one)
                    )
        # A sentence cut by a line break ("Візу адкрываем праз Польшчу (…),\n а працаваць
        # будзеце ў Нідэрландах"): the part after the break is cued by the part before it.
        for row in range(1, len(sentences)):
            if not sentences[row - 1].rstrip().endswith(_SENTENCE_ENDS):
                found[row] |= found[row - 1]
        return found


def _outside(at: int, scopes: list[tuple[int, int]]) -> bool:
    return not any(start <= at < end for start, end in scopes)
