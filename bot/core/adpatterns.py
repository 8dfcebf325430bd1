"""The ad check's patterns folded and compiled once per set of rules.

One `AdRules` reads an ad four ways (as written, a transliteration in Cyrillic, and each with
its typos folded), so it folds every pattern of content/ad_check.yaml four ways: 2,953
patterns, of which 1,566 distinct strings (2026-12). `re` keeps only the last 512 compiled, so
without this each copy was compiled again (about a second at start-up and at each reload).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.adspelling import spell
from bot.core.adtext import fold, fold_soft

Fold = Callable[[str], str]
# No IGNORECASE: the text is lower-cased once (`normalize`) and so are the patterns (`fold`);
# case-insensitive matching of Cyrillic costs about thirty times more (bench/bench_adcheck.py).
FLAGS = re.UNICODE


class PatternCompiler:
    """Folds and compiles patterns (with FLAGS), each distinct string once; one per set of
    rules: the content check compiles the patterns as written through it (most are written
    folded already), then the rules and the sentence model's cues reuse those (the rules of a
    reload are new objects and get a new one, so nothing outlives its rules)."""

    def __init__(self) -> None:
        self._folded: dict[tuple[str, str], str] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}

    def folded(self, how: str, fold: Fold, pattern: str) -> str:
        """`fold(pattern)`, computed once per (`how`, the name of `fold`; `pattern`)."""
        key = (how, pattern)
        found = self._folded.get(key)
        if found is None:
            found = self._folded[key] = fold(pattern)
        return found

    def compile(self, pattern: str) -> re.Pattern[str]:
        """`re.compile(pattern, FLAGS)`, once per distinct string. Raises `re.error` (FLAGS
        changes nothing for a str pattern, which `re` reads as Unicode anyway)."""
        found = self._compiled.get(pattern)
        if found is None:
            found = self._compiled[pattern] = re.compile(pattern, FLAGS)
        return found

    def readings(self) -> tuple[Fold, Fold, Fold, Fold]:
        """How the four readings write a pattern: as written (`fold`), transliterated
        (`fold_soft`: no soft signs), and each with its typos folded (`spell`)."""

        def letters(pattern: str) -> str:
            return self.folded("fold", fold, pattern)

        def latin(pattern: str) -> str:
            return self.folded("fold_soft", fold_soft, pattern)

        def spelled(pattern: str) -> str:
            return self.folded("spell", spell, letters(pattern))

        def spelled_latin(pattern: str) -> str:
            return self.folded("spell", spell, latin(pattern))

        return letters, latin, spelled, spelled_latin
