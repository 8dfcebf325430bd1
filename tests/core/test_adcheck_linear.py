"""Every pattern of content/ad_check.yaml runs in linear time on what a person pastes.

The rule of tests/nlu/test_linear_time.py, applied to the ad check's patterns (editors add
them, so they are checked by shape here and timed in bench/bench_adcheck.py, never in a test):
- no `\\w*[class]\\w*` (a run, a required class, a run: backtracks over a long word);
- no pattern that starts with an unguarded run (`\\d+...`, `[\\w.]+@`): tried at every
  position of a long run of digits or letters, each try reads to the end of the run. A run at
  the start needs a look-behind (`(?<!\\d)\\d+`) or `\\b`, so that only the run's first
  character starts a try.
"""

from __future__ import annotations

import re

import pytest

from bot.core.adcheck import AdChecker
from bot.nlu.normalize import MAX_TEXT_CHARS

_RUN = r"(?:\\w|\[[^\]]*\]|\.)[*+]"
_BACKTRACKING_SHAPE = re.compile(_RUN + r"\[[^\]]*\]" + _RUN)
# An atom that repeats without bound: \d+ \w* \S+ .+ [...]+ (and {n,}).
_UNBOUNDED_ATOM = re.compile(r"(?:\\[dwsSDW]|\.|\[(?:\\.|[^\]])*\])(?:[*+]|\{\d*,\})")
_GUARD = re.compile(r"\\b|\(\?<[!=](?:\\.|[^)])*\)")


def unguarded_leading_runs(pattern: str) -> list[int]:
    """Offsets of unbounded runs that a match can start with, with no guard before them."""
    found: list[int] = []
    groups: list[bool] = []  # per open group: does it start where a match can start?
    first, guarded, i = True, False, 0
    while i < len(pattern):
        if first and not guarded and (guard := _GUARD.match(pattern, i)):
            guarded, i = True, guard.end()
            continue
        if first and not guarded and _UNBOUNDED_ATOM.match(pattern, i):
            found.append(i)
        char = pattern[i]
        if char == "\\":
            i += 2
            first = False
            continue
        if char == "[":
            end = re.compile(r"\[(?:\\.|[^\]])*\]").match(pattern, i)
            i = end.end() if end else i + 1
            first = False
            continue
        if char == "(":
            groups.append(first and not guarded)
            i += 3 if pattern.startswith("(?:", i) else 1
            continue  # the group's first atom is first if the group is
        if char == "|":
            first = groups[-1] if groups else True
            guarded = False
        elif char == ")":
            groups.pop()
            first = False
        elif char not in "?*+{}0123456789,":
            first = False
        i += 1
    return found


def _patterns(checker: AdChecker) -> list[re.Pattern[str]]:
    return checker.patterns()


@pytest.fixture
def checker(rules_only_ad_checker: AdChecker) -> AdChecker:
    """The content's rules alone (tests/core/conftest.py): compiled once per session, not
    once per test (its four readings are some 3,000 patterns)."""
    return rules_only_ad_checker


def test_no_ad_pattern_can_backtrack_over_a_long_word(checker: AdChecker) -> None:
    patterns = _patterns(checker)
    assert len(patterns) > 100
    assert not [p.pattern for p in patterns if _BACKTRACKING_SHAPE.search(p.pattern)]


def test_no_ad_pattern_starts_with_an_unguarded_run(checker: AdChecker) -> None:
    bad = [p.pattern for p in _patterns(checker) if unguarded_leading_runs(p.pattern)]
    assert not bad


@pytest.mark.parametrize(
    ("pattern", "bad"),
    [
        (r"\d+\s?(€|евро)", True),  # 4,096 digits: a try at every digit reads to the end
        (r"[\w.+-]+@[\w-]+\.[a-z]{2,}", True),
        (r"(оплат|взнос)\w*|(\d+|два)\s+мест", True),
        (r"(?<!\d)\d+\s?(€|евро)", False),
        (r"(?<![\w.+-])[\w.+-]+@[\w-]+", False),
        (r"\b\w+ly\b", False),
        (r"оплат\w*\s+(\S+\s+){0,2}за", False),
    ],
)
def test_the_shape_check_knows_a_leading_run(pattern: str, bad: bool) -> None:
    assert bool(unguarded_leading_runs(pattern)) is bad


@pytest.mark.parametrize(
    "text",
    [
        "1" * 4096,
        "a" * 4096,
        "а" * 4096,
        "." * 4096,
        ("билет оплата 100 евро за " * 700)[:16_384],
        ("oplata za oformlenie 100 evro " * 40_000)[:1_000_000],
    ],
)
def test_long_and_odd_input_gets_a_report_with_spans_inside_the_read_part(
    checker: AdChecker, text: str
) -> None:
    report = checker.check(text)
    assert report.level.level in ("low", "medium", "high")
    for found in report.flags:
        for span in found.spans:
            assert 0 <= span.start < span.end <= MAX_TEXT_CHARS


def test_a_red_flag_past_the_read_length_is_not_read(checker: AdChecker) -> None:
    padding = "Работа на складе. " * (MAX_TEXT_CHARS // 18 + 1)
    assert not checker.check(padding + "Паспорт оставляете у координатора.").flags
    assert checker.check("Паспорт оставляете у координатора. " + padding).flags


def test_each_sentence_of_a_long_ad_is_judged_honest_on_its_own(checker: AdChecker) -> None:
    # The honest wording is read once per sentence (not once per match: quadratic on a long
    # ad); a scam sentence after many honest ones still raises the flag, at its own words.
    honest = "Паспорт всегда у сотрудника, паспорт никто не забирает. "
    scam = "Паспорт хранится у нас до получения визы."
    assert not [f for f in checker.check(honest * 40).flags if f.rule.id == "passport_handover"]
    text = honest * 40 + scam
    (found,) = [f for f in checker.check(text).flags if f.rule.id == "passport_handover"]
    assert found.spans and all(span.start >= len(honest) * 40 for span in found.spans)
