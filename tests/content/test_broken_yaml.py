"""Broken YAML and malformed values come back as `file:line: error:` lines, never a traceback.

Each test breaks a file of the real content other than the job-ad check, in a copy without the
ad check (`content_dir_without_ad_check`): the ad check reads none of the broken files, so it
could add no problem and take none away, and leaving it out makes each check several times
faster (the fuzz tests check the content 55 times). The first test shows that the copy is the
real content with only the ad check off; tests/content/test_adflags.py breaks the ad check.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.__main__ import main as bot_main
from bot.config import REPO_ROOT
from bot.content.check import main as check_main
from bot.content.loader import check_content
from bot.core.adcheckers import AdCheckers
from bot.i18n import I18n
from tests.content.conftest import (
    REAL_CONTENT,
    REAL_FACTS,
    copy_without_ad_check,
    replace_once,
)

PROBLEM_LINE = re.compile(r"^\S.*?:\d+: (error|warning): .+$|^\S.*?: (error|warning): .+$")
FILES = ["hotlines.yaml", "countries.yaml", "messages.yaml", "answers/risk.yml",
         "flows/situation_check.yml"]  # fmt: skip
# What an editor's slip can put into a file: YAML punctuation, tabs, quotes, a bad date.
SNIPPETS = [":", "- ", "\t", '"', "'", "{", "}", "[", "]", "&a ", "*a", "!!int ", "? ",
            "2026-13-20", "\n", "  ", "#", "|", ">", "%", "@", "\x00", "é"]  # fmt: skip


def test_the_copy_without_the_ad_check_is_good_content_with_the_ad_check_off(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert content is not None and content.ad_check is None
    assert [p.severity for p in problems if p.file.endswith("ad_check.yaml")] == ["warning"]


def test_an_impossible_date_is_a_file_line_error(
    content_dir_without_ad_check: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        "    last_checked: 2026-13-20",
    )
    assert check_main(["--dir", str(content_dir_without_ad_check)]) == 1
    out = capsys.readouterr().out
    assert f"hotlines.yaml:{line}: error: " in out
    assert "expected a date like 2026-11-01" in out


def test_an_explicitly_tagged_bad_value_is_a_file_line_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        "    last_checked: !!int 2026-X",
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert [(p.line, p.severity) for p in problems if "cannot read the value" in p.message] == [
        (line, "error")
    ]


def test_an_empty_value_tagged_as_a_number_is_a_file_line_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    # Found by the fuzz test below: PyYAML raised IndexError on an empty `!!int` scalar.
    path = content_dir_without_ad_check / "hotlines.yaml"
    path.write_text("!!int : 1\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert content is None
    assert [(p.line, p.severity) for p in problems if "cannot read the value" in p.message] == [
        (1, "error")
    ]


def test_a_self_referencing_alias_is_an_error_not_a_hang(
    tmp_path: Path, ad_checkers: AdCheckers
) -> None:
    target = copy_without_ad_check(tmp_path / "content")
    (target / "countries.yaml").write_text("countries: &loop [*loop]\n", encoding="utf-8")
    content, problems = check_content(target, ad_checkers=ad_checkers)
    assert content is None
    assert any(p.file.endswith("countries.yaml") and p.line for p in problems)


def test_the_bot_does_not_start_on_broken_content_and_prints_file_line(
    content_dir_without_ad_check: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        "    last_checked: 2026-13-20",
    )
    monkeypatch.setenv("BOT_CONTENT_DIR", str(content_dir_without_ad_check))
    assert bot_main(["chat", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"hotlines.yaml:{line}: error: " in err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    copy_without_ad_check(root / "content")
    return root


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """The repository's UI catalogs, read once for all the fuzz tests' checks (as the bot
    reads them once for every reload): no test edits them."""
    return I18n(REPO_ROOT / "locales")


@settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure prints its input
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.sampled_from(FILES),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(0, 40), st.sampled_from(SNIPPETS) | st.text(max_size=4)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_broken_yaml_never_raises(
    fuzz_root: Path, name: str, edits: list[tuple[float, int, str]], ad_checkers: AdCheckers,
    i18n: I18n,
) -> None:
    directory = fuzz_root / "content"
    path = directory / name
    original = (REAL_CONTENT / name).read_text(encoding="utf-8")
    text = original
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    path.write_text(text, encoding="utf-8")
    try:
        _, problems = check_content(
            directory, facts_dir=REAL_FACTS, i18n=i18n, ad_checkers=ad_checkers
        )
    finally:
        path.write_text(original, encoding="utf-8")
    for problem in problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)
        if problem.file.endswith(name) and problem.severity == "error":
            assert problem.line is not None, str(problem)


@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(0, 40), st.sampled_from(SNIPPETS) | st.text(max_size=4)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_a_broken_facts_file_never_raises(
    fuzz_root: Path, edits: list[tuple[float, int, str]], ad_checkers: AdCheckers, i18n: I18n
) -> None:
    facts = fuzz_root / "facts"
    if not facts.is_dir():
        shutil.copytree(REAL_FACTS, facts)
    original = (REAL_FACTS / "hotlines.yaml").read_text(encoding="utf-8")
    text = original
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    (facts / "hotlines.yaml").write_text(text, encoding="utf-8")
    _, problems = check_content(
        fuzz_root / "content", facts_dir=facts, i18n=i18n, ad_checkers=ad_checkers
    )
    for problem in problems:
        assert PROBLEM_LINE.match(str(problem)), str(problem)


@pytest.mark.parametrize("indent", ["\t", "  \t", "\t  "])
def test_a_tab_that_indents_a_key_says_use_spaces_on_its_line(
    content_dir_without_ad_check: Path, indent: str, ad_checkers: AdCheckers
) -> None:
    # EDITORS.md promises "broken YAML: ... (use spaces, not tabs, to indent)". Before, libyaml's
    # message ("found character that cannot start any token") names no tab, so the hint was
    # never added and the editor was left with a message they could not read.
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        f"{indent}last_checked: 2026-11-01",
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    broken = [p for p in problems if p.severity == "error"]
    assert [(p.file.endswith("hotlines.yaml"), p.line) for p in broken] == [(True, line)], broken
    assert broken[0].message.endswith("(use spaces, not tabs, to indent)"), broken[0].message


def test_a_broken_hotlines_file_is_one_error_not_a_wall_of_warnings(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    """An unclosed quote in hotlines.yaml: the editor sees that error, not one "no line here
    is offered yet" warning per country on top of it."""
    replace_once(content_dir_without_ad_check / "hotlines.yaml", "  - id: by-police-102",
                 '  - id: "by-police-102')
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(p.file.endswith("hotlines.yaml") for p in errors), errors
    assert not [p for p in problems if "no line here is offered" in p.message]
