"""Read and check the job-ad check: content/ad_check.yaml and its red flags, each in
content/ad_flags/<id>.yaml (bot/content/adflagfiles.py); problems as file:line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.numbers import is_currency
from pydantic import BaseModel

from bot.content.adflagfiles import read_ad_rules
from bot.content.adsentences import FILE_NAME as SENTENCES_FILE
from bot.content.adsentences import read_ad_sentences
from bot.content.choicechecks import check_section_texts
from bot.content.facts import Facts
from bot.content.models import AdCheck, AdMildReading, LocalizedText
from bot.content.problems import Problem
from bot.content.yamlfile import Where
from bot.core.adcheck import AdChecker
from bot.core.adcheckers import AdCheckers
from bot.core.adpatterns import PatternCompiler

FILE_NAME = "ad_check.yaml"
KEY = "ad_check"


def read_ad_check(
    path: Path, facts: Facts | None, checkers: AdCheckers | None = None
) -> tuple[AdCheck | None, list[Problem]]:
    """The ad check's rules and every problem; a missing file is a warning (the check is off).

    `checkers`: where the checker the examples are tried on is built (rules and sentence model,
    about a second); the bot passes its content holder's, so that checker is the one it then
    answers with instead of training the model again. By default, one for this check alone.
    """
    rules, where, problems = read_ad_rules(path, KEY, "no job-ad check")
    if rules is None or where is None:
        return None, problems
    compiler = PatternCompiler()  # the rules' and the model's too: most patterns are folded
    problems += _check_patterns(rules, where, compiler)
    problems += check_section_texts(KEY, rules, where)
    if rules.training:
        problems.append(where.problem(
            "error", f"training sentences belong in {SENTENCES_FILE}", "training"))
    sentences, sentence_problems = read_ad_sentences(
        path.parent / SENTENCES_FILE, {f.id for f in rules.flags})
    problems += sentence_problems
    for index, level in enumerate(rules.levels):
        for group in level.together:
            for name in group:
                if name not in {f.id for f in rules.flags}:
                    problems.append((where / "levels" / index / "together").problem(
                        "error", f"'{name}' is no flag id", name))
    for part in ("thresholds", "vetoes", "uncued"):
        for name in getattr(rules.model, part):
            if name not in {f.id for f in rules.flags}:
                problems.append((where / "model" / part).problem(
                    "error", f"'{name}' is no flag id", name))
    if any(p.severity == "error" for p in problems):
        return None, problems  # a broken pattern: the examples cannot be tried
    rules = rules.model_copy(update={"training": sentences})
    levels = sorted(rules.levels, key=lambda level: level.min_score)
    ready = rules.model_copy(update={"levels": levels})  # the rules as the bot runs them
    checker = (checkers or AdCheckers()).for_rules(ready, compiler)
    problems += _check(rules, where, facts, checker)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return ready, problems


def _check_patterns(rules: AdCheck, where: Where, compiler: PatternCompiler) -> Iterator[Problem]:
    places: list[tuple[Where, dict[str, list[str]]]] = [
        (where / "negations_before", {str(k): v for k, v in rules.negations_before.items()}),
        (where / "negations_after", {str(k): v for k, v in rules.negations_after.items()}),
        (where / "disclaimers", {str(k): v for k, v in rules.disclaimers.items()}),
        (where / "recognise" / "signs", dict(rules.recognise.signs)),
        (
            where / "recognise",
            {"cry": rules.recognise.cry, "own_cry": rules.recognise.own_cry,
             "harm_told": rules.recognise.harm_told},
        ),
        (
            where / "follow_up",
            {"asks": rules.follow_up.asks, "pressure": rules.follow_up.pressure}
            if rules.follow_up else {},
        ),
        (
            where / "salary",
            {"hour_words": rules.salary.hour_words, "day_words": rules.salary.day_words,
             "night_words": rules.salary.night_words,
             "lodging_words": rules.salary.lodging_words},
        ),
    ]
    for index, flag in enumerate(rules.flags):
        for part in ("patterns", "requires", "unless", "salary_requires", "honest", "cue_words"):
            groups = getattr(flag, part)
            places.append((where / "flags" / index / part, {str(k): v for k, v in groups.items()}))
        if flag.mild is not None:
            places.append((where / "flags" / index / "mild" / "patterns",
                           {str(k): v for k, v in flag.mild.patterns.items()}))
        if flag.sums is not None:
            at = where / "flags" / index / "sums"
            for part in ("words", "breaks", "rates"):
                groups = getattr(flag.sums, part)
                places.append((at / part, {str(k): v for k, v in groups.items()}))
            places.append((at, {"units": flag.sums.units}))
        for n, sentence in enumerate(flag.sentences):
            at = where / "flags" / index / "sentences" / n
            for g, words in enumerate(sentence.groups):
                places.append((at / "groups" / g, {str(k): v for k, v in words.items()}))
            places.append((at / "unless", {str(k): v for k, v in sentence.unless.items()}))
            places.append((at / "not_after", {str(k): v for k, v in sentence.not_after.items()}))
        if flag.taken_back is not None:
            for part in ("costs", "back", "whole", "others"):
                places.append((where / "flags" / index / "taken_back" / part,
                               {str(k): v for k, v in getattr(flag.taken_back, part).items()}))
    for place, groups in places:
        for group, patterns in groups.items():
            for i, pattern in enumerate(patterns):
                try:
                    compiler.compile(pattern)
                except re.error as exc:
                    yield place.problem("error", f"broken pattern {pattern!r}: {exc}", group, i)


def _check(
    rules: AdCheck, where: Where, facts: Facts | None, checker: AdChecker
) -> Iterator[Problem]:
    yield from _translations(rules.texts, where / "texts")
    for index, level in enumerate(rules.levels):
        yield from _translations(level, where / "levels" / index)
    if not any(level.min_score <= 0 for level in rules.levels):
        yield (where / "levels").problem("error", "no level starts at min_score: 0")
    salary = rules.salary
    # The symbols of a currency come from Babel by its ISO 4217 code (bot/core/adcurrency.py).
    for code in salary.currencies:
        if not is_currency(code):
            yield (where / "salary" / "currencies").problem(
                "error", f"'{code}' is not an ISO 4217 currency code", code
            )
    for part in ("per_hour", "per_day", "per_week", "per_month", "per_year"):
        for code in getattr(salary, part):
            if code not in salary.currencies:
                yield (where / "salary" / part).problem(
                    "error", f"'{code}' is not under salary.currencies", code
                )
    # A flag's examples are its rules' examples: the rules alone must raise them (the model
    # learns from them too, so it would raise them whatever the rules say). The counter-
    # examples are tried on the check as the bot runs it, rules and model: they must agree.
    rules_only = AdChecker(rules, matcher=checker.matcher)  # `rules` compiled once, not twice
    seen: set[str] = set()
    for index, flag in enumerate(rules.flags):
        at = where / "flags" / index
        if flag.id in seen:
            yield at.problem("error", f"flag id '{flag.id}' is used twice", "id")
        seen.add(flag.id)
        if facts is not None and facts.indicator_ids is not None:
            if flag.indicator not in facts.indicator_ids:
                yield at.problem(
                    "error", f"indicator '{flag.indicator}' is not in facts/indicators.yaml",
                    "indicator",
                )
        if not flag.patterns and not flag.salary and not flag.sentences:
            yield at.problem("error", f"flag '{flag.id}' has no patterns")
        for part in ("title", "explain", "check"):
            yield from _missing(getattr(flag, part), at / part)
        for language, examples in flag.examples.items():
            for i, example in enumerate(examples):
                if not _raises(rules_only, example, flag.id):
                    yield at.problem(
                        "error", f"example {example!r} does not raise '{flag.id}'",
                        "examples", language, i,
                    )
        if flag.mild is not None:
            yield from _mild(rules_only, flag.id, flag.mild, at / "mild")
        for language, examples in flag.counter_examples.items():
            for i, example in enumerate(examples):
                if _raises(checker, example, flag.id):
                    yield at.problem(
                        "error", f"counter-example {example!r} raises '{flag.id}'",
                        "counter_examples", language, i,
                    )


def _mild(checker: AdChecker, flag_id: str, mild: AdMildReading, at: Where) -> Iterator[Problem]:
    """A flag's milder reading: its texts in every language, its examples raising the note."""
    for part in ("title", "explain", "check"):
        yield from _missing(getattr(mild, part), at / part)
    for language, examples in mild.examples.items():
        for i, example in enumerate(examples):
            if not any(n.rule.id == flag_id for n in checker.check(example).notes):
                yield at.problem("error", f"example {example!r} does not raise the note of "
                                 f"'{flag_id}'", "examples", language, i)


def _raises(checker: AdChecker, text: str, flag_id: str) -> bool:
    return any(found.rule.id == flag_id for found in checker.check(text).flags)


def _translations(model: BaseModel, where: Where) -> Iterator[Problem]:
    for name, value in model:
        if isinstance(value, LocalizedText):
            yield from _missing(value, where / name)


def _missing(text: LocalizedText, where: Where) -> Iterator[Problem]:
    # The ad check is risk content: a person must understand every red flag in their language.
    for language in text.missing():
        yield where.problem("error", f"the {language} text is missing", language)
