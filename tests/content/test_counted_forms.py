"""An NGO editor writing a counted text (a number with its word: the check-in's units, the
silent alarm's `lifetime_days`) with too few or too many forms, or a form without "{n}":
`content check` says so at the text's line, naming the forms the language needs, because the
bot would otherwise say "21 дней" or "1 days". Russian and Belarusian need three forms, English
two (Babel's plural rule). The shipped texts pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import check_content
from bot.content.problems import Problem
from tests.content.conftest import (  # noqa: F401 (fixtures)
    content_dir_without_ad_check,
    replace_once,
)

LIFETIME_DAYS_RU = 'ru: "{n} день|{n} дня|{n} дней"'


def _errors(directory: Path, file_name: str) -> list[Problem]:
    _, problems = check_content(directory)
    return [p for p in problems if p.severity == "error" and p.file.endswith(file_name)]


@pytest.mark.parametrize(("file_name", "old", "new", "says"), [
    pytest.param("silent_alarm.yaml", LIFETIME_DAYS_RU, 'ru: "{n} дней"',
                 'has 1 form(s); ru needs 3, split by "|", in this order: one (as for 1), '
                 "few (as for 2), many (as for 5)", id="ru-one-form"),
    pytest.param("silent_alarm.yaml", 'be: "{n} дзень|{n} дні|{n} дзён"',
                 'be: "{n} дзень|{n} дзён"',
                 "has 2 form(s); be needs 3", id="be-two-forms"),
    pytest.param("silent_alarm.yaml", 'en: "{n} day|{n} days"', 'en: "{n} day|{n} days|{n} dayz"',
                 "has 3 form(s); en needs 2, split by \"|\", in this order: one (as for 1), "
                 "other (as for 2)", id="en-three-forms"),
    pytest.param("checkin.yaml", 'ru: "{n} неделя|{n} недели|{n} недель"',
                 'ru: "{n} неделя|{n} недели|недель"', "form 3 of the ru text ('недель') lacks {n}",
                 id="ru-form-without-n"),
    pytest.param("checkin.yaml", 'be: "{n} гадзіна|{n} гадзіны|{n} гадзін"', 'be: "{n} гадзін"',
                 "has 1 form(s); be needs 3", id="be-hour-one-form"),
])
def test_a_counted_text_with_the_wrong_forms_is_an_error_at_its_line(
    content_dir_without_ad_check: Path,  # noqa: F811
    file_name: str, old: str, new: str, says: str,
) -> None:
    line = replace_once(content_dir_without_ad_check / file_name, old, new)
    [error] = _errors(content_dir_without_ad_check, file_name)
    assert says in error.message and error.line == line, error


@pytest.mark.parametrize(("old", "new", "says"), [
    pytest.param("Я храню слово {days} после", "Я храню слово {days} дней после",
                 "says 'дней' after {days}", id="ru-word-kept-after-days"),
    pytest.param("I keep the word for {days} after", "I keep the word for a month after",
                 "the en text lost {days}", id="en-days-lost"),
])
def test_the_lifetime_text_keeps_days_alone(
    content_dir_without_ad_check: Path, old: str, new: str, says: str,  # noqa: F811
) -> None:
    replace_once(content_dir_without_ad_check / "silent_alarm.yaml", old, new)
    [error] = _errors(content_dir_without_ad_check, "silent_alarm.yaml")
    assert says in error.message, error


def test_lifetime_without_its_days_forms_is_an_error(
    content_dir_without_ad_check: Path,  # noqa: F811
) -> None:
    path = content_dir_without_ad_check / "silent_alarm.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    lifetime_days:")
    end = text.index("    invalid:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    [error] = _errors(content_dir_without_ad_check, "silent_alarm.yaml")
    assert "needs `lifetime_days`" in error.message, error


def test_the_shipped_counted_texts_pass(content_dir_without_ad_check: Path) -> None:  # noqa: F811
    assert _errors(content_dir_without_ad_check, ".yaml") == []
