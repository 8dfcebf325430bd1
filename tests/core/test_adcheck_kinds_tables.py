"""Every round's tables of red-flag wordings (issue 15 item 1), one test logic over them all.

Each file in tests/data/adcheck_kinds/ is one round (its header says which held-out ads showed
the kinds and where the wordings came from) with three tables:

- `raises`: flag -> wordings the rules alone must raise, with exactly one finding of that flag,
  found by a rule (not the model) and quoting only non-blank words of the sentence;
- `quiet`: flag -> honest sentences next to that kind, which the rules alone leave unflagged;
- `honest_ads` (optional): whole honest ads the full check (rules and model) rates low;
- `flagged_ads` (optional): flag -> whole ads the full check raises it in (the model's veto
  must not undo the rules there).

A test id names the file, the flag and the index in its list ("adcheck7-fees-3"). A new round
is a new file here, not a new copy of these tests.
"""

from __future__ import annotations

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from bot.config import REPO_ROOT
from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport
from tests.helpers.engine import shared_ad_checkers

TABLES = REPO_ROOT / "tests" / "data" / "adcheck_kinds"


class KindsRound(BaseModel):
    """One round's tables; an unknown key (a typo like `quite:`) is an error, not a skipped
    table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    raises: dict[str, list[str]]
    quiet: dict[str, list[str]]
    honest_ads: list[str] = []
    flagged_ads: dict[str, list[str]] = {}


def _rounds() -> dict[str, KindsRound]:
    """Round name (the file's stem) -> its tables, in file-name order."""
    paths = sorted(TABLES.glob("*.yaml"))
    assert paths, f"no round tables in {TABLES}"
    return {
        path.stem: KindsRound.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in paths
    }


ROUNDS = _rounds()


def _cases(table: str) -> list[object]:
    return [
        pytest.param(flag, text, id=f"{name}-{flag}-{index}")
        for name, round_ in ROUNDS.items()
        for flag, texts in getattr(round_, table).items()
        for index, text in enumerate(texts)
    ]


def _ids(report: AdReport) -> set[str]:
    return {found.rule.id for found in report.flags}


def test_every_table_names_a_flag_of_the_content(content_holder: ContentHolder) -> None:
    """A misspelt flag would make its quiet cases pass without testing anything."""
    rules = content_holder.content.ad_check
    assert rules is not None
    known = {flag.id for flag in rules.flags}
    named = {
        (name, flag)
        for name, round_ in ROUNDS.items()
        for table in (round_.raises, round_.quiet, round_.flagged_ads)
        for flag in table
    }
    assert {(name, flag) for name, flag in named if flag not in known} == set()


@pytest.mark.parametrize(("flag", "text"), _cases("raises"))
def test_wording_raises_its_kind_by_the_rules_and_points_at_its_words(
    rules_only_ad_checker: AdChecker, flag: str, text: str
) -> None:
    report = rules_only_ad_checker.check(text)
    assert flag in _ids(report)
    [found] = [f for f in report.flags if f.rule.id == flag]
    assert not found.by_model
    assert found.spans and all(text[s.start : s.end].strip() for s in found.spans)


@pytest.mark.parametrize(("flag", "text"), _cases("quiet"))
def test_honest_sentence_next_to_a_kind_stays_quiet(
    rules_only_ad_checker: AdChecker, flag: str, text: str
) -> None:
    assert flag not in _ids(rules_only_ad_checker.check(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, id=f"{name}-{index}")
        for name, round_ in ROUNDS.items()
        for index, text in enumerate(round_.honest_ads)
    ],
)
def test_whole_honest_ad_is_low(content_holder: ContentHolder, text: str) -> None:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    report = checker.check(text)
    assert report.level.level == "low", [f.rule.id for f in report.flags]


@pytest.mark.parametrize(("flag", "text"), _cases("flagged_ads"))
def test_whole_ad_raises_its_kind_by_the_full_check(
    content_holder: ContentHolder, flag: str, text: str
) -> None:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    report = checker.check(text)
    assert flag in _ids(report)
    assert report.level.level != "low"
