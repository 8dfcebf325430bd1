"""An NGO editor changing the decoy texts: the silent alarm's `ordinary_reply` must give nothing
away (issue 15, part 3) and the check-in question must be neutral (part 2). `content check`
refuses a number there and any of content's `giveaway_words` (silent_alarm.yaml: help,
operators, a signal, trafficking, safety, in ru/be/en), naming the text and the word: an
editor's "Ваш сигнал получен, помощь уже в пути" on a phone someone else holds would say it
all (break15's walk of issue 15). "Спасибо" is no "спасти": the shipped texts pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.decoychecks import giveaway_in
from bot.content.loader import ContentHolder, check_content
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


@pytest.mark.parametrize("reply", [
    pytest.param("Спасибо, записал! Позвоните 112 🙂", id="a-number"),
    pytest.param("Спасибо! Ваш сигнал получен, помощь уже в пути 🙂", id="help"),
    pytest.param("Спасибо, записал! Наши операторы уже знают 🙂", id="operators"),
])
def test_a_decoy_reply_that_gives_the_alarm_away_is_an_error(
    content_dir_without_ad_check: Path, reply: str,  # noqa: F811
) -> None:
    replace_once(content_dir_without_ad_check / "silent_alarm.yaml", DECOY_RU, f"ru: \"{reply}\"")
    assert _errors_in(content_dir_without_ad_check, "silent_alarm.yaml")


def test_the_team_in_the_check_in_question_is_an_error(
    content_dir_without_ad_check: Path,  # noqa: F811
) -> None:
    replace_once(content_dir_without_ad_check / "checkin.yaml", QUESTION_EN,
                 "This is your anti-trafficking check-in: are you safe?")
    [error] = _errors_in(content_dir_without_ad_check, "checkin.yaml")
    assert "question (en)" in error and "'traffick'" in error


@pytest.mark.parametrize(("text", "word"), [
    ("Дзякуй! Ваш сігнал атрыманы", "сігнал"), ("Дапамога ўжо ідзе", "дапамог"),
    ("Our team knows", "team"), ("Вы в безопасности?", "безопасн"),
    ("Наберите горячую линию", "горяч лини"),
    ("Спасибо, записал! Хорошего дня 🙂", None), ("Дзякуй, запісаў! Добрага дня 🙂", None),
    ("Thanks, noted! Have a nice day 🙂", None), ("Горячий чай — лучшее", None),
])
def test_the_giveaway_words_in_each_language(
    content_holder: ContentHolder, text: str, word: str | None,  # noqa: F811
) -> None:
    alarm = content_holder.content.silent_alarm
    assert alarm is not None
    assert giveaway_in(text, alarm.giveaway_words) == word
