"""Costs an ad says are paid for the worker, then takes back (a flag's `taken_back` in
content/ad_check.yaml): "Работодатель оплачивает перелёт и визу — всё это удерживается из
зарплаты", "Пералёт і віза — за кошт фірмы; першыя месяцы вы іх адпрацоўваеце". "The employer
pays" reads as a let-off to the rules (a negation before a match, an honest sentence, a
sentence rule's `unless`); a take-back in the same sentence or the next clause undoes it
(ad33b). Nothing here keeps or logs the ad's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.adnegation import SENTENCE_END, negation_scopes
from bot.core.adtext import Span


@dataclass(frozen=True, slots=True)
class TakenBack:
    """One flag's `taken_back` (`AdTakenBack`), compiled for one reading of the ad."""

    costs: list[re.Pattern[str]]
    back: list[re.Pattern[str]]
    whole: list[re.Pattern[str]]
    others: list[re.Pattern[str]]
    forbidden: list[re.Pattern[str]]  # "удерживать их нельзя", "prohibited by law" (ad35c)

    def patterns(self) -> list[re.Pattern[str]]:
        """Every pattern searched through an ad (for the linear-time check)."""
        return [*self.costs, *self.back, *self.whole, *self.others, *self.forbidden]

    def spans(self, low: str) -> list[Span]:
        """The spans of `low` (an ad as `adtext.normalize` leaves it) that raise the flag: per
        sentence, the first words of `costs` and the first take-back after them, in that
        sentence or the next one (split as `adnegation.SENTENCE_END`, so ";" ends a clause
        here), that no negation covers ("это не удерживается", "nothing is deducted") and whose
        sentence does not say it is not allowed (`forbidden`: "по закону удерживать их нельзя")."""
        bounds = _sentences(low)
        found: list[Span] = []
        for at, (start, end) in enumerate(bounds):
            costs = _first(self.costs, low, start, end)
            if costs is None:
                continue
            back = self._back(low, costs.end, (start, end), same=True)
            if back is None and at + 1 < len(bounds):
                back = self._back(low, bounds[at + 1][0], bounds[at + 1], same=False)
            if back is not None:
                found += [costs, back]
        return found

    def _back(self, low: str, start: int, sentence: tuple[int, int], *,
              same: bool) -> Span | None:
        """The first take-back in low[start:sentence end] outside a negation; `back` (and
        `whole` outside the costs' own sentence) only with no `others` before it there; none in
        a sentence that forbids the take-back."""
        if any(p.search(low[sentence[0] : sentence[1]]) for p in self.forbidden):
            return None  # each pattern reads the sentence alone: it starts with "^(?!.*…)"
        scopes = [(sentence[0] + a, sentence[0] + b)
                  for a, b in negation_scopes(low[sentence[0] : sentence[1]])]
        kinds = [(p, not same or kind is self.back)
                 for kind in (self.whole, self.back) for p in kind]
        matches = sorted(((m, mind) for p, mind in kinds
                          for m in p.finditer(low, start, sentence[1]) if m.end() > m.start()),
                         key=lambda item: item[0].start())
        for match, mind_others in matches:
            if any(a < match.end() and match.start() < b for a, b in scopes):
                continue
            if mind_others and _first(self.others, low, start, match.start()) is not None:
                continue
            return Span(match.start(), match.end())
        return None


def _sentences(low: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `low` that holds a word, its ending mark left out."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in SENTENCE_END.finditer(low)] + [len(low)]:
        if low[start:end].strip():
            bounds.append((start, end))
        start = end + 1
    return bounds


def _first(patterns: list[re.Pattern[str]], low: str, start: int, end: int) -> Span | None:
    """The earliest match of any of `patterns` in low[start:end]."""
    matches = [m for p in patterns for m in [p.search(low, start, end)]
               if m is not None and m.end() > m.start()]
    first = min(matches, key=lambda m: m.start(), default=None)
    return None if first is None else Span(first.start(), first.end())
