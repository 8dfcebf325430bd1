"""The ad check's rules: content/ad_check.yaml's patterns, compiled once, and the spans of an
ad that raise each flag. Nothing here keeps or logs the ad's text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.content.models import AdCheck, AdFlagRule
from bot.core.adnegation import SENTENCE_END as _SENTENCE_END
from bot.core.adnegation import negated, not_negated
from bot.core.adpatterns import FLAGS, PatternCompiler
from bot.core.adpay import PayFinder
from bot.core.adsentencerule import SentenceRule, sentence_spans
from bot.core.adspelling import spelled
from bot.core.adsums import SumRule
from bot.core.adtakenback import TakenBack
from bot.core.adtext import (
    Reading,
    Span,
    crosses_sentence,
    fold,
    in_cyrillic,
    normalize,
    transliterated,
)


def _compile(groups: Iterable[list[str]], fold: Callable[[str], str],
             compiler: PatternCompiler) -> list[re.Pattern[str]]:
    # Patterns see the text as `normalize` leaves it, so "сёння" in a pattern must match too.
    return [compiler.compile(fold(p)) for items in groups for p in items]


@dataclass(frozen=True, slots=True)
class _Rule:
    rule: AdFlagRule
    patterns: list[re.Pattern[str]]
    requires: list[re.Pattern[str]]
    unless: list[re.Pattern[str]]
    salary_requires: list[re.Pattern[str]]
    sentences: list[SentenceRule]
    honest: list[re.Pattern[str]]  # the flag's `honest` and the content's `disclaimers`
    mild: list[re.Pattern[str]]  # the flag's milder reading (`AdMildReading`), a note
    sums: SumRule | None  # the flag's word with a sum a few words on (`AdSumRule`)
    taken_back: TakenBack | None  # costs paid, then taken back (ad33b)


@dataclass(frozen=True, slots=True)
class _RuleSet:
    """The flags' patterns and the negations, compiled for one way of reading the ad."""

    flags: list[_Rule]
    before: list[re.Pattern[str]]
    after: list[re.Pattern[str]]

    @classmethod
    def build(cls, rules: AdCheck, fold: Callable[[str], str],
              compiler: PatternCompiler, pay: PayFinder) -> _RuleSet:
        """`fold`: how this reading writes a pattern; `compiler`: shared by the readings;
        `pay`: the salary reader, whose currencies a flag's `sums` read."""
        flags = [
            _Rule(
                f,
                _compile(f.patterns.values(), fold, compiler),
                _compile(f.requires.values(), fold, compiler),
                _compile(f.unless.values(), fold, compiler),
                _compile(f.salary_requires.values(), fold, compiler),
                [SentenceRule.build(sentence, fold, compiler) for sentence in f.sentences],
                _compile([*f.honest.values(), *rules.disclaimers.values()], fold, compiler),
                _compile(f.mild.patterns.values() if f.mild else [], fold, compiler),
                SumRule.build(f.sums, fold, compiler, pay) if f.sums else None,
                TakenBack(*(_compile(getattr(f.taken_back, part).values(), fold, compiler)
                            for part in ("costs", "back", "whole", "others", "forbidden")))
                if f.taken_back else None,
            )
            for f in rules.flags
        ]
        before = [
            compiler.compile(rf"(?:{fold(p)})\W*(?:\w+\W+){{0,2}}$")
            for items in rules.negations_before.values()
            for p in items
        ]
        return cls(flags, before, _compile(rules.negations_after.values(), fold, compiler))


class AdRules:
    """content/ad_check.yaml's rules compiled (`spans(text)`: per flag, the words that raise it).

    Raises `re.error` for a broken pattern: the content loader reports those at file:line first.
    `compiler`: the one the content check compiled these rules' patterns with (by default, a
    new one).
    """

    def __init__(self, rules: AdCheck, compiler: PatternCompiler | None = None) -> None:
        self.rules = rules
        compiler = compiler or PatternCompiler()
        letters, latin, spelled, spelled_latin = compiler.readings()
        self.pay = PayFinder(rules.salary)
        pay = self.pay
        self._letters = _RuleSet.build(rules, letters, compiler, pay)  # the ad as written
        self._latin = _RuleSet.build(rules, latin, compiler, pay)  # transliterated, in Cyrillic
        self._spelled = _RuleSet.build(rules, spelled, compiler, pay)  # typos folded
        self._spelled_latin = _RuleSet.build(rules, spelled_latin, compiler, pay)

    @staticmethod
    def compile_signs(patterns: list[str]) -> list[re.Pattern[str]]:
        """`recognise.signs` patterns, compiled as the flags' are."""
        return [re.compile(fold(p), FLAGS) for p in patterns]

    def patterns(self) -> list[re.Pattern[str]]:
        """Every compiled pattern searched through an ad's text (for the linear-time check;
        the hour and day words are only tried right after a figure, and the negations on a
        few dozen characters around a match)."""
        rulesets = (self._letters, self._latin, self._spelled, self._spelled_latin)
        rules = [r for ruleset in rulesets for r in ruleset.flags]
        found = [
            p for r in rules for p in (*r.patterns, *r.requires, *r.unless, *r.salary_requires)
        ]
        found += [p for r in rules for sentence in r.sentences for p in sentence.patterns()]
        found += [p for r in rules for p in (*r.honest, *r.mild)]
        found += [p for r in rules if r.sums for p in r.sums.patterns()]
        found += [p for r in rules if r.taken_back for p in r.taken_back.patterns()]
        return [*found, self.pay.pattern]

    def readings(self, text: str) -> list[tuple[Reading, _RuleSet]]:
        """The ad as written, and a transliterated ad again in Cyrillic letters."""
        readings = [(Reading(normalize(text), None), self._letters)]
        translit = transliterated(text)
        if translit is not None:
            readings.append((translit, self._latin))
        return readings

    def unless(self, index: int, readings: list[tuple[Reading, _RuleSet]]) -> bool:
        """True when flag `index`'s `unless` matches anywhere in the ad: the flag is off.

        A match the negations undo does not count: "No contract needed before you fly" and
        "договор до выезда не нужен" deny the contract before departure (adcheck11)."""
        return any(
            not negated(ruleset.before, ruleset.after, r.low, Span(m.start(), m.end()))
            for r, ruleset in readings
            for p in ruleset.flags[index].unless
            for m in p.finditer(r.low)
        )

    def honest(self, sentences: list[str], *, cyrillic: bool) -> list[list[bool]]:
        """Per sentence (rows) and flag (columns, content order): whether the sentence reads as
        an honest statement of the flag (its `honest`, the `disclaimers`); `cyrillic`: the ad
        is transliterated, so it is also read in Cyrillic letters."""
        rows: list[list[bool]] = []
        for sentence in sentences:
            low = normalize(sentence)
            lows = [(low, self._letters), (in_cyrillic(low), self._latin)] if cyrillic else [
                (low, self._letters)]
            rows.append([
                any(reads_honest(ruleset.flags[index].honest, one) for one, ruleset in lows)
                for index in range(len(self.rules.flags))
            ])
        return rows

    def spans(self, readings: list[tuple[Reading, _RuleSet]]) -> list[set[Span]]:
        """Per flag (in content order), the spans of the ad that raise it by the rules."""
        found: list[set[Span]] = []
        # Each reading once more with its typos folded ("докуменнты"): rules only.
        read = [*readings, *(
            (again, self._spelled if ruleset is self._letters else self._spelled_latin)
            for reading, ruleset in readings if (again := spelled(reading)) is not None
        )]
        for index in range(len(self.rules.flags)):
            spans: set[Span] = set()
            if not self.unless(index, readings):
                for reading, ruleset in read:
                    rule = ruleset.flags[index]
                    found_here = self._rule_spans(rule, ruleset, reading.low)
                    spans.update(reading.back(s) for s in found_here)
                spans.update(self._pay_spans(index, readings))
            found.append(spans)
        return found

    def taken_back(self, readings: list[tuple[Reading, _RuleSet]]) -> list[set[Span]]:
        """Per flag (in content order), the spans of costs said to be paid and then taken back
        (`TakenBack`; none where the flag's `unless` matches): part of `spans`, and no veto of
        the model undoes them ("the employer pays" is the let-off they take back)."""
        return [
            set() if self.rules.flags[index].taken_back is None or self.unless(index, readings)
            else {
                reading.back(s) for reading, ruleset in readings
                if (taken := ruleset.flags[index].taken_back) is not None
                for s in taken.spans(reading.low)}
            for index in range(len(self.rules.flags))
        ]

    def mild_spans(self, readings: list[tuple[Reading, _RuleSet]]) -> list[set[Span]]:
        """Per flag (in content order), the spans of the ad that raise its milder reading (a
        note, `AdMildReading`): none where the flag's `unless` matches."""
        found: list[set[Span]] = []
        for index in range(len(self.rules.flags)):
            spans: set[Span] = set()
            if self.rules.flags[index].mild and not self.unless(index, readings):
                spans.update(reading.back(s) for reading, ruleset in readings
                             for s in _spans(ruleset.flags[index].mild, reading.low))
            found.append(spans)
        return found

    def _pay_spans(self, index: int, readings: list[tuple[Reading, _RuleSet]]) -> list[Span]:
        """A pay figure above the limits with the first span that meets `salary_requires`,
        each from any reading: "1 500 000 Ft" is read as written, "opyt ne nuzhen" in Cyrillic."""
        if not self.rules.flags[index].salary:
            return []
        high = [(r, s) for r, _ in readings for s in self.pay.high(r.low)]
        pay = [r.back(s) for r, s in high]
        requires = [(r, ruleset.flags[index].salary_requires) for r, ruleset in readings]
        if not pay or not any(patterns for _, patterns in requires):
            return pay
        needed = [(r, s) for r, patterns in requires for s in _spans(patterns, r.low)]
        if not needed:
            return []
        # Quoted beside the pay only in its sentence: "Требуются девушки в Турцию." three
        # sentences before "Оплата 3000$." is no quote for the pay (adcheck11b).
        beside = [r.back(n) for r, n in needed for q, p in high
                  if q is r and not _SENTENCE_END.search(r.low, min(n.end, p.end),
                                                         max(n.start, p.start))]
        return [*pay, *beside[:1]]

    def _rule_spans(self, rule: _Rule, ruleset: _RuleSet, low: str) -> list[Span]:
        """The spans of one reading of the ad that raise `rule` by its words, each with the
        first span that meets its requirement (pay figures: `_pay_spans`)."""
        # A rule's words sit on one line: "плаціць працадаўца\n• Медагляд" and "pays the
        # fee\n- 185 Kč" are two bullet points, not a payment (adcheck10); and in one sentence:
        # "…плаціце самі. Нашы паслугі…" is no payment for services (ad33).
        spans = [s for s in _spans(rule.patterns, low)
                 if "\n" not in low[s.start : s.end] and not crosses_sentence(low, s)]
        if rule.sums is not None:  # "Регистрация в агентстве 150€" (ad33d)
            spans += rule.sums.spans(low)
        if rule.rule.negatable:
            spans = not_negated(ruleset.before, ruleset.after, low, spans)
        # A sentence rule has its own `unless` for the whole sentence: "we pay the airfare and
        # take it back from your pay" is no employer paying.
        if rule.sentences:
            spans += [span for words in sentence_spans(rule.sentences, low) for span in words]
        in_honest_sentence = _honest_sentences(rule.honest, low) if rule.honest else None
        if spans and in_honest_sentence is not None:
            spans = [s for s in spans if not in_honest_sentence(s)]
        # "Работодатель оплачивает перелёт — всё это удерживается из зарплаты": no let-off
        # above holds against costs taken back (ad33b).
        if rule.taken_back is not None:
            spans += rule.taken_back.spans(low)
        if spans and rule.requires:
            # A requirement met only in a sentence that reads honest is not met: "знешнасць і
            # параметры значэння не маюць" names looks to deny them (ad36e).
            needed = next((s for s in _spans(rule.requires, low)
                           if in_honest_sentence is None or not in_honest_sentence(s)), None)
            spans = [*spans, needed] if needed is not None else []
        return spans


def _honest_sentences(honest: list[re.Pattern[str]], low: str) -> Callable[[Span], bool]:
    """For a span of `low`: True when the sentence around it reads as an honest statement of
    the flag. Each sentence is read once, not once per match in it (quadratic on long ads)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(low)]
    verdicts: dict[tuple[int, int], bool] = {}

    def in_honest_sentence(span: Span) -> bool:
        before, after = bisect_left(ends, span.start), bisect_left(ends, span.end)
        if (before, after) not in verdicts:
            start = ends[before - 1] + 1 if before else 0
            end = ends[after] if after < len(ends) else len(low)
            verdicts[before, after] = reads_honest(honest, low[start:end])
        return verdicts[before, after]

    return in_honest_sentence


def reads_honest(honest: list[re.Pattern[str]], sentence: str) -> bool:
    """True when one of `honest` matches the sentence alone (`^`, `$`: its ends)."""
    return any(p.search(sentence) for p in honest)


def _spans(patterns: Iterable[re.Pattern[str]], low: str) -> Iterable[Span]:
    for pattern in patterns:
        for match in pattern.finditer(low):
            if match.end() > match.start():
                yield Span(match.start(), match.end())
