"""`content check` lists problems as file:line for editors and fails only on errors.

The tests of the output and of `run`'s arguments check a copy of the content without the
job-ad check (`content_dir_without_ad_check`, tests/content/conftest.py): the ad check reads
none of the files they break, so it could add no problem and take none away; the real content,
ad check included, passes in `test_real_content_passes`.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from bot.content.check import main, run
from tests.content.conftest import REAL_CONTENT, replace_once


def test_real_content_passes(capsys: pytest.CaptureFixture[str]) -> None:
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    assert main(["--dir", str(REAL_CONTENT)]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_errors_are_listed_as_file_line_and_exit_1(
    content_dir_without_ad_check: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        '"+48 22 628 99 99"',
        '"+48 22 628 99 98"',
    )

    assert main(["--dir", str(content_dir_without_ad_check)]) == 1

    out = capsys.readouterr().out.splitlines()
    pattern = rf".*hotlines\.yaml:{line}: error: number not found in the facts file: .*"
    assert [entry for entry in out if re.fullmatch(pattern, entry)]
    assert out[-1].startswith("1 error(s)")


def test_warnings_alone_exit_0(
    content_dir_without_ad_check: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "hotlines.yaml",
        "    last_checked: 2026-11-01",
        "    last_checked: 2020-01-01",
    )

    assert main(["--dir", str(content_dir_without_ad_check)]) == 0

    out = capsys.readouterr().out
    assert f"hotlines.yaml:{line}: warning: check this entry again: last checked 2020-01-01" in out


def test_missing_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dir", str(tmp_path / "nowhere")]) == 1
    assert "the content directory does not exist" in capsys.readouterr().out


def test_run_takes_the_main_command_line_arguments(
    content_dir_without_ad_check: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argparse.Namespace(dir=content_dir_without_ad_check, facts=None)) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_the_help_names_the_facts_directory_the_check_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: "--facts ... (default: ../shared/facts)", while the check reads data/facts (the
    # copy EDITORS.md tells editors to update): an editor who trusted --help edited the wrong file.
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "../shared/facts" not in out and "data/facts" in out
