"""An NGO editor adds a phrase to content/checkin.yaml's `typed_stop` that is already in
`typed_ok` (break15b's walk of issue 15, part 2). A person answering the check-in question
with that phrase ("да", meaning "yes, all fine") then has their check-ins turned off: the
stop list is read before the fine list (bot/checkin/typed_answers.py), so nobody would be told
when they later go silent. `content check` should refuse a phrase listed under two answers
that mean different things, naming both lists; it says "content OK"."""

from __future__ import annotations

from pathlib import Path

from bot.checkin.typed_answers import typed_answer
from bot.content.loader import check_content, load_content
from tests.content.conftest import (  # noqa: F401 (fixtures)
    content_dir_without_ad_check,
    replace_once,
)

STOP_HEAD = 'typed_stop: ["стоп",'


def test_a_phrase_both_fine_and_stop_is_an_error(
    content_dir_without_ad_check: Path,  # noqa: F811
) -> None:
    directory = content_dir_without_ad_check
    replace_once(directory / "checkin.yaml", STOP_HEAD, 'typed_stop: ["да", "стоп",')
    _, problems = check_content(directory)
    errors = [p for p in problems
              if p.severity == "error" and p.file.endswith("checkin.yaml")]
    assert any("typed_ok" in p.message and "typed_stop" in p.message for p in errors), [
        str(p) for p in problems if p.file.endswith("checkin.yaml")]


def test_the_shipped_lists_keep_yes_as_fine(
    content_dir_without_ad_check: Path,  # noqa: F811
) -> None:
    """The calm side, as shipped: "да" under the question is "All fine", "стоп" is stop."""
    content = load_content(content_dir_without_ad_check)
    assert content.checkin is not None
    assert typed_answer("да", content.checkin) == "ok"
    assert typed_answer("стоп", content.checkin) == "stop"
