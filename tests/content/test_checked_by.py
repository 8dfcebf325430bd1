"""Who checked a hotline: an editor's name or initials, never a phone number or an e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.check import main as check_main
from bot.content.loader import check_content
from bot.core.adcheckers import AdCheckers
from tests.content.conftest import replace_once

FIRST_DATE = "    last_checked: 2026-11-01"  # the first entry of hotlines.yaml (by-police-102)


def test_an_editors_name_is_kept_with_the_line(content_dir: Path, ad_checkers: AdCheckers) -> None:
    replace_once(content_dir / "hotlines.yaml", FIRST_DATE,
                 f"{FIRST_DATE}\n    checked_by: \"Алена К.\"")
    content, problems = check_content(content_dir, ad_checkers=ad_checkers)
    assert content is not None and not [p for p in problems if p.severity == "error"]
    assert content.hotlines["by-police-102"].checked_by == "Алена К."
    assert all(h.checked_by is None for k, h in content.hotlines.items() if k != "by-police-102")


@pytest.mark.parametrize("who", ['"+375 29 123 45 67"', '"alena@example.org"', '""',
                                 '"' + "A" * 61 + '"', "102"])
def test_a_number_or_an_address_is_a_file_line_error(
    content_dir: Path, capsys: pytest.CaptureFixture[str], who: str
) -> None:
    line = replace_once(content_dir / "hotlines.yaml", FIRST_DATE,
                        f"{FIRST_DATE}\n    checked_by: {who}") + 1
    assert check_main(["--dir", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert f"hotlines.yaml:{line}: error: " in out and "checked_by" in out
    if "@" in who or "+" in who:
        assert "an editor's name or initials" in out
