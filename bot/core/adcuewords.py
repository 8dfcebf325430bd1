"""Whether a sentence of an ad holds a word that carries a red flag (a flag's `cue_words` in
content/ad_check.yaml), outside a negation: the sentence model alone may quote a sentence for a
flag only when it does, or when it is very sure (`AdModel.uncued`). "Надбаўкі за вечар і
нядзелю" holds no word of pressure; "не по туристической визе" holds "визе" only negated.

Negation scope, the same as the sentence model marks (`admodel`): the words after "не", "без",
"no", … to the end of the clause, or a whole clause that ends in "нет", "none". A cue word
that starts with the negation itself ("без визы", "no work permit") counts. Nothing here keeps
or logs the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.content.models import AdCheck
from bot.core.adpatterns import PatternCompiler
from bot.core.adtext import in_cyrillic, normalize

NEGATORS = frozenset("""не без ни нет ничего никаких никакой никогда бесплатно бесплатный
    бясплатна бясплатны ні няма нічога ніякіх ніколі no not never nothing none without free
    dont doesnt isnt arent wont zero nobody""".split())
AFTER_NEGATORS = frozenset({"нет", "няма", "none", "ничего", "нічога"})
CLAUSE_END = re.compile(r"[,.;:!?()\-–—]")
_SENTENCE_ENDS = (".", "!", "?", "…")
WORD = re.compile(r"\w+(?:['’]\w+)?")


def negated_from(low: str) -> list[tuple[int, int]]:
    """The stretches (start, end offsets) of `low` that a negation covers: from the first word
    after a negator to the end of its clause, or a clause that ends in "нет", "none"."""
    scopes: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in CLAUSE_END.finditer(low)] + [len(low)]:
        words = list(WORD.finditer(low, start, end))
        if words and words[-1].group() in AFTER_NEGATORS:
            scopes.append((words[0].start(), words[-1].start()))
        else:
            for at, word in enumerate(words[:-1]):
                if word.group().replace("'", "").replace("’", "") in NEGATORS:
                    scopes.append((words[at + 1].start(), end))
                    break
        start = end + 1
    return scopes


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
            scopes = [(one, reading, negated_from(one)) for one, reading in lows]
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
