"""A flag's word with a sum of money a few words on, in one clause (content/ad_check.yaml
`sums`, ad33d): "Регистрация в агентстве 150€", "Registration at the office: EUR 90",
"Рэгістрацыя ў агенцтве — 100 еўра", "registraciya v agentstve 150 evro" (read in Cyrillic).

The sum is read as the salary reader reads pay (bot/core/adpay.py: every currency of
`salary.currencies` and Babel's symbols, before or after the figure), plus the rule's `units`
("у.е."); a zero is no sum, and neither is a rate (a period, net or gross word after it).
Between the word and the sum: at most `max_words` words, no figure, no sentence end, no comma
or semicolon, none of the rule's `breaks` ("зарплата", "жильё", "free"); but the word's phrase
may end in one joint right before the sum, a comma, colon or dash and at most one line break
("Оформление приглашения, 300 €", "Рэгістрацыя:\n100 USD", ad34b). Nothing here keeps the
ad's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.content.models import AdSumRule
from bot.core.adpatterns import PatternCompiler
from bot.core.adpay import PayFinder, amount, money_pattern
from bot.core.adtext import Span

# Between the word and its sum: a sentence end, a list's next item or another figure.
_APART = re.compile(r"[.!?;,\n\d]")
# The word's phrase and its sum joined across a comma, colon or dash and one line break, right
# before the sum: "Оформление приглашения, 300 €", "Документы —\n150 евро", "Рэгістрацыя:\n100 USD".
_JOINT = re.compile(r"\s*(?:[,:—–-][ \t]*(?:\n[ \t]*)?|\n[ \t]*)\Z")
_WORD = re.compile(r"\w+")
# Longer than `max_words` words could be, so a long run is not read word by word.
_MAX_CHARS = 120


@dataclass(frozen=True, slots=True)
class SumRule:
    """One reading's `AdSumRule`, compiled; `spans(low)`: from each word to its sum."""

    words: list[re.Pattern[str]]
    breaks: list[re.Pattern[str]]
    rates: list[re.Pattern[str]]
    money: re.Pattern[str]
    max_words: int

    @classmethod
    def build(cls, rule: AdSumRule, fold: Callable[[str], str], compiler: PatternCompiler,
              pay: PayFinder) -> SumRule:
        """`fold`: how this reading writes a pattern; `pay`: the salary reader, whose currencies
        and rate words (`PayFinder.rate_words`) are read here as this reading writes them."""

        def compiled(groups: Iterable[list[str]]) -> list[re.Pattern[str]]:
            return [compiler.compile(fold(p)) for items in groups for p in items]

        # Folded as the reading writes its words: "евро" is "ивро" where typos are folded.
        currency = fold("|".join([pay.currency, *rule.units]))
        rates = [*rule.rates.values(), pay.rate_words()]
        return cls(compiled(rule.words.values()), compiled(rule.breaks.values()),
                   compiled(rates), compiler.compile(money_pattern(currency).pattern),
                   rule.max_words)

    def patterns(self) -> list[re.Pattern[str]]:
        """Every pattern searched through an ad's text (the breaks and rates are tried only
        between a word and a sum, and right after a sum)."""
        return [*self.words, self.money]

    def spans(self, low: str) -> list[Span]:
        """Per word of the rule in `low`, the span from it to the first sum after it, when
        the two belong together (see the module's docstring)."""
        sums = [(m.start(), m.end()) for m in self.money.finditer(low) if self._sum(low, m)]
        if not sums:
            return []
        starts = [start for start, _ in sums]
        found: list[Span] = []
        for pattern in self.words:
            for word in pattern.finditer(low):
                at = bisect_left(starts, word.end())
                if at < len(sums) and self._together(low, word.end(), sums[at][0]):
                    found.append(Span(word.start(), sums[at][1]))
        return found

    def _sum(self, low: str, match: re.Match[str]) -> bool:
        """A figure with its currency, above zero, that is no rate."""
        if not (match.group("pre") or match.group("post")):
            return False
        if amount(match.group("low")) <= 0:
            return False
        return not any(rate.match(low, match.end()) for rate in self.rates)

    def _together(self, low: str, start: int, end: int) -> bool:
        """Whether `low[start:end]`, between a word and a sum, keeps them together."""
        if end - start > _MAX_CHARS:
            return False
        joint = _JOINT.search(low, start, end)
        if _APART.search(low, start, joint.start() if joint else end):
            return False
        if len(_WORD.findall(low, start, end)) > self.max_words:
            return False
        return not any(b.search(low, start, end) for b in self.breaks)
