"""The ad check's rules compile each distinct folded pattern once (bot/core/adpatterns.py):
a person's ad is read by exactly the patterns the plain way compiled (each pattern folded for
its reading, then `re.compile(..., FLAGS)`), so every flag and quoted span is unchanged."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adrules import FLAGS, AdRules
from bot.core.adspelling import spell
from bot.core.adtext import fold, fold_soft

PLAIN: dict[str, Callable[[str], str]] = {  # how each reading wrote a pattern before
    "_letters": fold,
    "_latin": fold_soft,
    "_spelled": lambda p: spell(fold(p)),
    "_spelled_latin": lambda p: spell(fold_soft(p)),
}


def _plain(rules: AdCheck, how: Callable[[str], str]) -> list[str]:
    """Every pattern of one reading as the plain compile wrote it, in `_RuleSet` order."""
    def each(groups: Mapping[Any, list[str]]) -> list[str]:
        return [how(p) for ps in groups.values() for p in ps]

    found: list[str] = []
    for f in rules.flags:
        found += each(f.patterns) + each(f.requires) + each(f.unless) + each(f.salary_requires)
        for sentence in f.sentences:
            for group in sentence.groups:
                found += each(group)
            found += each(sentence.unless)
        found += [how(p) for ps in [*f.honest.values(), *rules.disclaimers.values()] for p in ps]
    found += [rf"(?:{how(p)})\W*(?:\w+\W+){{0,2}}$"
              for ps in rules.negations_before.values() for p in ps]
    found += [how(p) for ps in rules.negations_after.values() for p in ps]
    return found


def _compiled(matcher: AdRules, name: str) -> list[re.Pattern[str]]:
    ruleset = getattr(matcher, name)
    found: list[re.Pattern[str]] = []
    for rule in ruleset.flags:
        found += [*rule.patterns, *rule.requires, *rule.unless, *rule.salary_requires]
        for sentence in rule.sentences:
            for group in sentence.groups:
                found += group
            found += sentence.unless
        found += rule.honest
    return [*found, *ruleset.before, *ruleset.after]


@pytest.fixture(scope="module")
def matcher(content_holder: ContentHolder) -> AdRules:
    rules = content_holder.content.ad_check
    assert rules is not None
    return AdRules(rules)


def test_every_reading_has_the_patterns_the_plain_compile_had(matcher: AdRules) -> None:
    rules = matcher.rules
    for name, how in PLAIN.items():
        compiled = _compiled(matcher, name)
        assert [p.pattern for p in compiled] == _plain(rules, how), name
        assert {p.flags for p in compiled} == {re.compile("", FLAGS).flags}, name


def test_a_pattern_the_readings_share_is_compiled_once(matcher: AdRules) -> None:
    compiled = [p for name in PLAIN for p in _compiled(matcher, name)]
    by_text = {p.pattern: p for p in compiled}
    assert all(p is by_text[p.pattern] for p in compiled)
    assert len(by_text) < len(compiled) * 2 // 3  # 1,566 distinct of 2,953 in 2026-12
