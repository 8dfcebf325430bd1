"""The ad checker for the content of the moment, shared by whoever checks ads."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.models import AdCheck, Content
from bot.core.adcheck import AdChecker, build_ad_checker
from bot.core.adpatterns import PatternCompiler
from bot.modelcache import ModelCache

KEEP = 2  # the content in use and the one a reload is checking (which may be rejected)


class AdCheckers:
    """Builds the checker (rules compiled, sentence model trained: about a second) once per
    content: when the content is checked at load (`ContentHolder` passes its own, so the
    checker the examples were tried on is the one the bot answers with), and again after a
    reload. The engine, the group desk and the content check share one per process.

    Keeps the checkers of the last KEEP rules asked for: a reload that is rejected does not
    cost the content still in use its checker."""

    def __init__(self, build: Callable[[AdCheck], AdChecker] | None = None, *,
                 cache: ModelCache | None = None) -> None:
        """`build`: how to build a checker (tests count or share them); by default
        `build_ad_checker` with the content check's compiled patterns, its sentence model read
        from `cache` when it is there (BOT_MODEL_CACHE_DIR; None: trained)."""
        self._build = build
        self._cache = cache
        self._built: list[tuple[AdCheck, AdChecker]] = []  # newest last

    def for_content(self, content: Content) -> AdChecker | None:
        """The checker for `content`; None when it has no ad check."""
        rules = content.ad_check
        if rules is None:
            return None
        return self.for_rules(rules)

    def for_rules(self, rules: AdCheck, compiler: PatternCompiler | None = None) -> AdChecker:
        """The checker for these rules (the very object: a reload builds again); `compiler`:
        the one the content check compiled their patterns with, reused when it builds."""
        for index, (built_for, checker) in enumerate(self._built):
            if built_for is rules:
                self._built.append(self._built.pop(index))
                return checker
        checker = (build_ad_checker(rules, compiler, self._cache) if self._build is None
                   else self._build(rules))
        self._built = [*self._built, (rules, checker)][-KEEP:]
        return checker
