"""The loader turns editors' YAML into Content and points at the exact line of every mistake.

Tests that break a file other than the job-ad check check a copy of the content without it
(`content_dir_without_ad_check`): the ad check reads none of those files, so it could add no
problem and take none away (tests/content/test_broken_yaml.py shows the copy is otherwise
good content); leaving it out makes each check several times faster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content import loader
from bot.content.facts import find_facts_dir
from bot.content.loader import ContentError, ContentHolder, Problem, check_content, load_content
from bot.core.adcheckers import AdCheckers
from bot.nlu.base import ALL_INTENTS
from tests.content.conftest import REAL_CONTENT, REAL_FACTS, replace_once


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def _edit_yaml(path: Path, change: Any) -> None:
    # For edits where line numbers do not matter: load, change the data, write it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_real_content_loads_without_errors(ad_checkers: AdCheckers) -> None:
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    content, problems = check_content(REAL_CONTENT, ad_checkers=ad_checkers)
    assert _errors(problems) == []
    assert content is not None
    assert set(content.answers) >= ALL_INTENTS
    assert content.countries["BY"].emergency == ["by-police-102"]
    assert content.countries["PL"].emergency == ["pl-emergency"]  # 112 once, not twice
    assert load_content(REAL_CONTENT,
                        ad_checkers=ad_checkers).hotlines.keys() == content.hotlines.keys()


def test_broken_yaml_is_reported_with_file_and_line(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    path = content_dir_without_ad_check / "hotlines.yaml"
    line = replace_once(path, "    country: PL\n", "    country: PL: LT\n")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = caught.value.errors
    assert problem.file.endswith("hotlines.yaml")
    assert problem.line == line
    assert "broken YAML" in problem.message
    assert str(problem).startswith(f"{problem.file}:{line}: error: ")


def test_unknown_key_is_reported_on_its_line(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(content_dir_without_ad_check / "hotlines.yaml", "    hours:", "    hoursx:")
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = _errors(problems)
    assert (problem.line, problem.file.endswith("hotlines.yaml")) == (line, True)
    assert "unknown key 'hoursx'" in problem.message


def test_duplicate_key_is_an_error_not_silently_dropped(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    kind: emergency\n",
        "    kind: emergency\n    kind: hotline\n",
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert any(p.line == line + 1 and "appears twice" in p.message for p in _errors(problems))


def test_missing_translation_is_an_error_in_risk_content(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    def drop_be(data: dict[str, Any]) -> None:
        del data["messages"]["risk_intro"]["be"]

    _edit_yaml(content_dir_without_ad_check / "messages.yaml", drop_be)
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = _errors(problems)
    assert "risk_intro: missing translation: be" in problem.message


def test_missing_translation_in_a_hotline_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml", '      be: "Міліцыя Беларусі (МУС)"\n',
        "",
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = _errors(problems)
    assert "name: missing translation: be" in problem.message
    assert problem.line == line - 2  # the `name:` key (above `ru:`) whose text is incomplete


def test_missing_translation_elsewhere_is_a_warning(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    def drop_be(data: dict[str, Any]) -> None:
        del data["countries"][0]["name"]["be"]

    _edit_yaml(content_dir_without_ad_check / "countries.yaml", drop_be)
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert content is not None, _errors(problems)
    assert any(
        p.severity == "warning" and "name: missing translation: be" in p.message for p in problems
    )


def test_invented_phone_number_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml", '"+48 22 628 99 99"', '"+48 22 628 99 98"',
    )
    with pytest.raises(ContentError) as caught:
        load_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = caught.value.errors
    assert problem.line == line
    assert "number not found in the facts file" in problem.message


def test_invented_number_in_an_answer_text_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    def add_number(data: dict[str, Any]) -> None:
        data["answers"]["greet"]["text"]["en"] += " Call +48 22 000 11 22."

    _edit_yaml(content_dir_without_ad_check / "answers" / "service.yml", add_number)
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert any("number not found in the facts file" in p.message for p in _errors(problems))


def test_without_the_facts_files_check_content_fails_loudly(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, ad_checkers: AdCheckers
) -> None:
    monkeypatch.setattr(loader, "find_facts_dir", lambda *_: None)
    content, problems = check_content(content_dir, ad_checkers=ad_checkers)
    assert content is None
    messages = [str(p) for p in _errors(problems)]
    assert any(
        "hotlines.yaml: error: the facts file is missing: phone numbers CANNOT" in m
        for m in messages
    ), messages
    assert any("indicators.yaml: error: the facts file is missing" in m for m in messages)


def test_without_the_facts_files_the_bot_starts_with_a_warning(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    ad_checkers: AdCheckers,
) -> None:
    monkeypatch.setattr(loader, "find_facts_dir", lambda *_: None)
    load_content(content_dir, ad_checkers=ad_checkers)
    assert "phone numbers CANNOT be checked" in caplog.text


def test_facts_are_found_in_the_repository_by_default(content_dir: Path) -> None:
    assert find_facts_dir(content_dir) == REAL_FACTS
    assert find_facts_dir(REAL_CONTENT) == REAL_FACTS


def test_a_facts_file_missing_from_an_explicit_directory_is_an_error(
    content_dir: Path, tmp_path: Path, ad_checkers: AdCheckers
) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "indicators.yaml").write_bytes((REAL_FACTS / "indicators.yaml").read_bytes())
    content, problems = check_content(content_dir, facts_dir=facts, ad_checkers=ad_checkers)
    assert content is None
    assert [p.message for p in _errors(problems)] == [
        "the facts file is missing: phone numbers CANNOT be checked "
        "(restore data/facts/ or pass --facts)"
    ]


def test_old_last_checked_is_a_warning(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        "    last_checked: 2020-01-01",
    )
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert content is not None
    [warning] = [p for p in problems if "last checked" in p.message]
    assert (warning.severity, warning.line) == ("warning", line)
    assert warning.message == "check this entry again: last checked 2020-01-01"


def test_every_intent_needs_an_answer(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    def drop_greet(data: dict[str, Any]) -> None:
        del data["answers"]["greet"]

    _edit_yaml(content_dir_without_ad_check / "answers" / "service.yml", drop_greet)
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert [p.message for p in _errors(problems)] == ["no answer for the intent 'greet'"]


def test_country_must_point_at_existing_hotlines(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "countries.yaml",
        "hotlines: [pl-kcik",
        "hotlines: [pl-kcikk",
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    [problem] = _errors(problems)
    assert problem.line == line
    assert "hotline 'pl-kcikk' is not in hotlines.yaml" in problem.message


def test_unverified_low_confidence_lines_are_not_offered_but_emergency_ones_are(
    ad_checkers: AdCheckers
) -> None:
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    hotlines = load_content(REAL_CONTENT, ad_checkers=ad_checkers).hotlines
    assert not hotlines["by-lastrada-113"].offered  # low confidence, operator liquidated
    assert not hotlines["by-club-business-women-brest"].offered
    assert all(h.offered for h in hotlines.values() if h.kind == "emergency")
    assert hotlines["by-police-102"].offered
    assert hotlines["by-lastrada-113"].model_copy(update={"verified_by_editor": True}).offered


def test_reload_keeps_the_last_good_content(content_dir: Path, ad_checkers: AdCheckers) -> None:
    holder = ContentHolder(content_dir, ad_checkers=ad_checkers)
    good = holder.content
    path = content_dir / "hotlines.yaml"
    original = path.read_text(encoding="utf-8")
    replace_once(path, "    country: PL\n", "    country: PL: LT\n")

    problems = holder.reload()

    assert _errors(problems)
    assert holder.content is good
    path.write_text(original.replace("Милиция Беларуси (МВД)", "Милиция (МВД)"), encoding="utf-8")
    assert _errors(holder.reload()) == []
    assert holder.content.hotlines["by-police-102"].name.get("ru") == "Милиция (МВД)"


def test_start_with_broken_content_fails_loudly(content_dir: Path, ad_checkers: AdCheckers) -> None:
    (content_dir / "countries.yaml").unlink()
    with pytest.raises(ContentError, match=r"countries\.yaml: error: the file is missing"):
        ContentHolder(content_dir, ad_checkers=ad_checkers)
