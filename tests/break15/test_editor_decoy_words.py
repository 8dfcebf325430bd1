"""break15, walk of issue 15 as an NGO editor changing content YAML: the silent alarm's
`ordinary_reply` must "give nothing away (no numbers, no mention of help)" (issue 15, part 3)
and the check-in question must be neutral (part 2). `content check` refuses a number there,
but an editor's "Спасибо! Ваш сигнал получен, помощь уже в пути" or "Thanks, our operators
have your alert" passes without a word: the phone held by someone else would say it all."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import check_content
from tests.content.conftest import (  # noqa: F401 (fixtures)
    content_dir_without_ad_check,
    replace_once,
)
from tests.core.conftest import content_holder  # noqa: F401 (fixture)

DECOY_RU = "ru: \"Спасибо, записал! Хорошего дня 🙂\""
QUESTION_EN = "How are things, all fine?"


def _errors_in(directory: Path, file_name: str) -> list[str]:
    _, problems = check_content(directory)
    return [p.message for p in problems if p.severity == "error" and p.file.endswith(file_name)]


DECOY_XFAIL = pytest.mark.xfail(
    strict=True, reason="break15: content check refuses only numbers in the decoy reply; words "
    "of help, a signal or operators pass")


@pytest.mark.parametrize("reply", [
    pytest.param("Спасибо, записал! Позвоните 112 🙂", id="a-number"),  # the side that works
    pytest.param("Спасибо! Ваш сигнал получен, помощь уже в пути 🙂", id="help",
                 marks=DECOY_XFAIL),
    pytest.param("Спасибо, записал! Наши операторы уже знают 🙂", id="operators",
                 marks=DECOY_XFAIL),
])
def test_a_decoy_reply_that_gives_the_alarm_away_is_an_error(
    content_dir_without_ad_check: Path, reply: str,  # noqa: F811
) -> None:
    replace_once(content_dir_without_ad_check / "silent_alarm.yaml", DECOY_RU, f"ru: \"{reply}\"")
    assert _errors_in(content_dir_without_ad_check, "silent_alarm.yaml")


@pytest.mark.xfail(strict=True, reason="break15: content check refuses only numbers in the "
                   "check-in question; 'the anti-trafficking team' passes")
def test_the_team_in_the_check_in_question_is_an_error(
    content_dir_without_ad_check: Path,  # noqa: F811
) -> None:
    replace_once(content_dir_without_ad_check / "checkin.yaml", QUESTION_EN,
                 "This is your anti-trafficking check-in: are you safe?")
    assert _errors_in(content_dir_without_ad_check, "checkin.yaml")
