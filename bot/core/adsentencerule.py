"""A flag's sentence rules (content/ad_check.yaml `sentences`): words of every group in one
sentence of the ad, in any order ("you pay" + "for the visa"), compiled once per reading.
Nothing here keeps or logs the ad's text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.content.models import AdSentenceRule, Language
from bot.core.adnegation import SENTENCE_END
from bot.core.adpatterns import PatternCompiler
from bot.core.adtext import Span

NOT_AFTER_WINDOW = 60  # characters before a group's words where `not_after` is read


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """One sentence rule compiled: per group its patterns, the sentence's `unless`, and
    `not_after` (each compiled to end where a group's words begin, see `_first`)."""

    groups: list[list[re.Pattern[str]]]
    unless: list[re.Pattern[str]]
    not_after: list[re.Pattern[str]]

    @classmethod
    def build(cls, rule: AdSentenceRule, fold: Callable[[str], str],
              compiler: PatternCompiler) -> SentenceRule:
        """`fold`: how this reading writes a pattern (see `adrules._RuleSet`)."""
        def each(groups: dict[Language, list[str]]) -> list[re.Pattern[str]]:
            return [compiler.compile(fold(p)) for items in groups.values() for p in items]

        return cls(
            [each(group) for group in rule.groups], each(rule.unless),
            [compiler.compile(rf"(?:{fold(p)})\W*(?:\w+\W+){{0,2}}$")
             for items in rule.not_after.values() for p in items],
        )

    def patterns(self) -> list[re.Pattern[str]]:
        """Every pattern searched through an ad (for the linear-time check)."""
        return [*self.unless, *self.not_after, *(p for group in self.groups for p in group)]


def sentence_spans(rules: list[SentenceRule], low: str) -> list[list[Span]]:
    """The words of every group of a sentence rule, in each sentence that has them all."""
    spans: list[list[Span]] = []
    start = 0
    for end in [m.start() for m in SENTENCE_END.finditer(low)] + [len(low)]:
        for rule in rules:
            if any(p.search(low, start, end) for p in rule.unless):
                continue
            found = [_first(group, low, start, end, rule.not_after) for group in rule.groups]
            if all(found):
                spans.append([span for span in found if span is not None])
        start = end + 1
    return spans


def _first(patterns: list[re.Pattern[str]], low: str, start: int, end: int,
           not_after: list[re.Pattern[str]]) -> Span | None:
    """The first match in low[start:end] of the first of `patterns` that has one, but not one
    that a `not_after` ends just before ("остальное по приезду": a payment, ad33b)."""
    for pattern in patterns:
        matches = pattern.finditer(low, start, end) if not_after else [
            pattern.search(low, start, end)]
        for match in matches:
            if match is None or match.end() == match.start():
                break
            if not any(p.search(low, max(start, match.start() - NOT_AFTER_WINDOW),
                                match.start()) for p in not_after):
                return Span(match.start(), match.end())
    return None
