"""Red flags in the text of a job ad, each pointing at the words that raised it.

The rules are content (content/ad_check.yaml, `AdCheck`): regular expressions per flag and
language, and pay limits per currency. Nothing here keeps or logs the ad's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.content.models import AdCheck, AdFlagRule, AdLevel
from bot.core.adtext import Reading, Span, fold, fold_soft, normalize, transliterated
from bot.nlu.normalize import MAX_TEXT_CHARS

__all__ = ["AdChecker", "AdReport", "FoundFlag", "Span", "normalize", "quote"]

NEGATION_WINDOW = 40  # characters around a match where "не", "без", "no" undo it
QUOTE_CHARS = 90  # the quoted words plus a little context, so the person finds them in the ad
# A pay figure: "2 500", "2.500", "2500,50", "3 000-4 000", "от 2500".
_NUMBER = r"\d{1,3}(?:[ \u00a0.,]\d{3})+|\d+(?:[.,]\d{1,2})?"
# No IGNORECASE: the text is lower-cased once (`normalize`) and so are the patterns (`fold`);
# case-insensitive matching of Cyrillic costs about thirty times more (bench/bench_adcheck.py).
_FLAGS = re.UNICODE
_SENTENCE_END = re.compile(r"[.!?;\n]")


@dataclass(frozen=True, slots=True)
class FoundFlag:
    """One red flag found, with the spans of the ad that raised it (first match first)."""

    rule: AdFlagRule
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class AdReport:
    """The red flags of one ad, its score (sum of weights) and risk level."""

    flags: tuple[FoundFlag, ...]
    score: int
    level: AdLevel

    @property
    def strong(self) -> bool:
        """True when the ad shows trafficking signs strongly: a strong flag, or a high level."""
        return self.level.level == "high" or any(f.rule.strong for f in self.flags)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The facts file's red-flag ids, each once, in the order found."""
        return tuple(dict.fromkeys(f.rule.indicator for f in self.flags))


def _compile(groups: Iterable[list[str]], fold: Callable[[str], str]) -> list[re.Pattern[str]]:
    # Patterns see the text as `normalize` leaves it, so "сёння" in a pattern must match too.
    return [re.compile(fold(p), _FLAGS) for items in groups for p in items]


@dataclass(frozen=True, slots=True)
class _Sentence:
    groups: list[list[re.Pattern[str]]]
    unless: list[re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class _Rule:
    rule: AdFlagRule
    patterns: list[re.Pattern[str]]
    requires: list[re.Pattern[str]]
    unless: list[re.Pattern[str]]
    salary_requires: list[re.Pattern[str]]
    sentences: list[_Sentence]


@dataclass(frozen=True, slots=True)
class _RuleSet:
    """The flags' patterns and the negations, compiled for one way of reading the ad."""

    flags: list[_Rule]
    before: list[re.Pattern[str]]
    after: list[re.Pattern[str]]

    @classmethod
    def build(cls, rules: AdCheck, fold: Callable[[str], str]) -> _RuleSet:
        flags = [
            _Rule(
                f,
                _compile(f.patterns.values(), fold),
                _compile(f.requires.values(), fold),
                _compile(f.unless.values(), fold),
                _compile(f.salary_requires.values(), fold),
                [
                    _Sentence(
                        [_compile(group.values(), fold) for group in sentence.groups],
                        _compile(sentence.unless.values(), fold),
                    )
                    for sentence in f.sentences
                ],
            )
            for f in rules.flags
        ]
        before = [
            re.compile(rf"(?:{fold(p)})\W*(?:\w+\W+){{0,2}}$", _FLAGS)
            for items in rules.negations_before.values()
            for p in items
        ]
        return cls(flags, before, _compile(rules.negations_after.values(), fold))


class AdChecker:
    """Built once per content (the patterns are compiled here); `check(text) -> AdReport`.

    Raises `re.error` for a broken pattern: the content loader reports those at file:line first.
    """

    def __init__(self, rules: AdCheck) -> None:
        self.rules = rules
        self._letters = _RuleSet.build(rules, fold)  # the ad as written
        self._latin = _RuleSet.build(rules, fold_soft)  # a transliterated ad, in Cyrillic
        self._signs = {
            name: [re.compile(fold(p), _FLAGS) for p in items]
            for name, items in rules.recognise.signs.items()
        }
        salary = rules.salary
        aliases = sorted(
            (alias for names in salary.currencies.values() for alias in names),
            key=len,
            reverse=True,
        )
        currency = "|".join(re.escape(normalize(alias)) for alias in aliases)
        self._alias = {
            normalize(alias): code
            for code, aliases in salary.currencies.items()
            for alias in aliases
        }
        # "2500 €", "€2500", "2 500–3 000 евро", "25 zł/h": the larger end of a range counts.
        self._pay = re.compile(
            rf"(?:(?P<pre>{currency})\s?)?(?P<low>{_NUMBER})(?:\s?[-–—]\s?(?P<high>{_NUMBER}))?"
            rf"(?:\s?(?P<post>{currency}))?",
            _FLAGS,
        )
        hour_words = "|".join(fold(word) for word in salary.hour_words)
        self._hourly = re.compile(rf"\s*(?:{hour_words})", _FLAGS)
        day_words = "|".join(fold(word) for word in salary.day_words) or r"(?!)"
        self._daily = re.compile(rf"\s*(?:{day_words})", _FLAGS)

    def patterns(self) -> list[re.Pattern[str]]:
        """Every compiled pattern searched through an ad's text (for the linear-time check;
        the hour and day words are only tried right after a figure, and the negations on a
        few dozen characters around a match)."""
        rules = [r for ruleset in (self._letters, self._latin) for r in ruleset.flags]
        found = [
            p for r in rules for p in (*r.patterns, *r.requires, *r.unless, *r.salary_requires)
        ]
        found += [
            p
            for r in rules
            for sentence in r.sentences
            for p in (*sentence.unless, *(p for group in sentence.groups for p in group))
        ]
        return [*found, self._pay]

    # ---------------------------------------------------------------- recognising an ad
    def looks_like_ad(self, text: str, *, forwarded: bool = False) -> bool:
        """True when the message reads like a vacancy or a recruiter's offer."""
        recognise = self.rules.recognise
        words = len(text.split())
        low = normalize(text)
        signs = sum(1 for patterns in self._signs.values() if any(p.search(low) for p in patterns))
        if forwarded and words >= recognise.forwarded_min_words and signs >= 1:
            return True
        return words >= recognise.min_words and signs >= recognise.min_signs

    # ---------------------------------------------------------------- the check
    def check(self, text: str) -> AdReport:
        """Every red flag in `text`, its score and risk level.

        Reads the first MAX_TEXT_CHARS characters (the NLU's limit, four Telegram messages).
        An ad in transliterated Russian or Belarusian ("oplata za oformlenie 100 evro") is
        read a second time in Cyrillic letters; its spans still point at the ad's own words.
        """
        text = text[:MAX_TEXT_CHARS]
        readings = [(Reading(normalize(text), None), self._letters)]
        translit = transliterated(text)
        if translit is not None:
            readings.append((translit, self._latin))
        found: list[FoundFlag] = []
        for index, flag in enumerate(self.rules.flags):
            spans: set[Span] = set()
            if any(p.search(r.low) for r, ruleset in readings for p in ruleset.flags[index].unless):
                continue
            for reading, ruleset in readings:
                rule = ruleset.flags[index]
                spans.update(reading.back(s) for s in self._rule_spans(rule, ruleset, reading.low))
            if spans:
                found.append(FoundFlag(flag, tuple(sorted(spans, key=_span_key))))
        score = sum(f.rule.weight for f in found)
        return AdReport(tuple(found), score, self.level(score))

    def _rule_spans(self, rule: _Rule, ruleset: _RuleSet, low: str) -> list[Span]:
        """The spans of one reading of the ad that raise `rule`: its words, and with
        `salary` a pay figure, each with the first span that meets its requirement."""
        spans = list(_spans(rule.patterns, low))
        if rule.rule.negatable:
            spans = [s for s in spans if not _negated(ruleset, low, s)]
        # A sentence rule has its own `unless` for the whole sentence: "we pay the airfare and
        # take it back from your pay" is no employer paying.
        if rule.sentences:
            spans += [span for words in _sentence_spans(rule.sentences, low) for span in words]
        if spans and rule.requires:
            needed = next(iter(_spans(rule.requires, low)), None)
            spans = [*spans, needed] if needed is not None else []
        pay = self._high_pay(low) if rule.rule.salary else []
        if pay and rule.salary_requires:
            needed = next(iter(_spans(rule.salary_requires, low)), None)
            pay = [*pay, needed] if needed is not None else []
        return spans + pay

    def level(self, score: int) -> AdLevel:
        """The highest level whose `min_score` the score reaches (levels sorted at load)."""
        reached = [lvl for lvl in self.rules.levels if score >= lvl.min_score]
        return max(reached, key=lambda lvl: lvl.min_score) if reached else self.rules.levels[0]

    def _high_pay(self, low: str) -> list[Span]:
        """Pay figures above the limits for their currency (per hour, per day or per month)."""
        limits = self.rules.salary
        spans = []
        for match in self._pay.finditer(low):
            alias = match.group("pre") or match.group("post")
            if not alias:
                continue
            code = self._alias.get(alias)
            if code is None:
                continue
            amount = _amount(match.group("high") or match.group("low"))
            if self._hourly.match(low, match.end()):
                per = limits.per_hour
            elif self._daily.match(low, match.end()):
                per = limits.per_day
            else:
                per = limits.per_month
            limit = per.get(code)
            if limit is not None and amount >= limit:
                spans.append(Span(match.start(), match.end()))
        return spans


def _negated(ruleset: _RuleSet, low: str, span: Span) -> bool:
    # A negation counts only in the match's own sentence ("без комплексов. Паспорт...").
    before = _SENTENCE_END.split(low[max(0, span.start - NEGATION_WINDOW) : span.start])[-1]
    after = _SENTENCE_END.split(low[span.end : span.end + NEGATION_WINDOW])[0]
    return any(p.search(before) for p in ruleset.before) or any(
        p.match(after) for p in ruleset.after
    )


def _sentence_spans(rules: list[_Sentence], low: str) -> list[list[Span]]:
    """The words of every group of a sentence rule, in each sentence that has them all."""
    spans: list[list[Span]] = []
    start = 0
    for end in [m.start() for m in _SENTENCE_END.finditer(low)] + [len(low)]:
        for rule in rules:
            if any(p.search(low, start, end) for p in rule.unless):
                continue
            found = [_first(group, low, start, end) for group in rule.groups]
            if all(found):
                spans.append([span for span in found if span is not None])
        start = end + 1
    return spans


def _first(patterns: list[re.Pattern[str]], low: str, start: int, end: int) -> Span | None:
    for pattern in patterns:
        match = pattern.search(low, start, end)
        if match is not None and match.end() > match.start():
            return Span(match.start(), match.end())
    return None


def _span_key(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _spans(patterns: Iterable[re.Pattern[str]], low: str) -> Iterable[Span]:
    for pattern in patterns:
        for match in pattern.finditer(low):
            if match.end() > match.start():
                yield Span(match.start(), match.end())


def _amount(figure: str) -> float:
    digits = re.sub(r"[ \u00a0]", "", figure)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):  # "2.500" and "2,500" are thousands
        digits = re.sub(r"[.,]", "", digits)
    return float(digits.replace(",", "."))


def quote(text: str, span: Span, limit: int = QUOTE_CHARS) -> str:
    """The words of `span` with a little context, cut at word boundaries, on one line."""
    room = max(0, limit - (span.end - span.start)) // 2
    start, end = max(0, span.start - room), min(len(text), span.end + room)
    while start > 0 and not text[start - 1].isspace():
        start += 1
        if start >= span.start:
            start = span.start
            break
    while end < len(text) and not text[end].isspace():
        end -= 1
        if end <= span.end:
            end = span.end
            break
    body = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
