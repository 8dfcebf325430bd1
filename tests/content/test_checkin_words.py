"""content check on the check-in words (content/checkin.yaml `checkin.words`): a word with a
capital letter could never match (the bot compares lower case) and a phrase that means no
plain setting cannot be read: both are errors at their line; the words as shipped pass, and
an editor's new word is read at once ("пасматры за мной" begins no setup before, does after)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.checkin.typed_request import asks_for_checkins
from bot.config import REPO_ROOT
from bot.content.loader import load_content
from tests.helpers.engine import check_with_shared_model


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    path = content / "checkin.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


def test_the_shipped_words_pass() -> None:
    _, problems = check_with_shared_model(REPO_ROOT / "content", require_facts=False)
    assert not [p for p in problems if "checkin.yaml" in p.file and p.severity == "error"]


def test_a_capital_letter_in_a_word_is_an_error(tmp_path: Path) -> None:
    content = _edited(tmp_path, 'cues: ["до", "да"', 'cues: ["До", "да"')
    _, problems = check_with_shared_model(content, require_facts=False)
    assert any("checkin.yaml" in p.file and "lower case" in p.message and "'До'" in p.message
               and p.severity == "error" for p in problems), problems


def test_a_phrase_that_means_no_setting_is_an_error(tmp_path: Path) -> None:
    content = _edited(tmp_path, '"через день": "every 2 day"', '"через день": "every other"')
    _, problems = check_with_shared_model(content, require_facts=False)
    assert any("checkin.yaml" in p.file and "через день" in p.message
               and p.severity == "error" for p in problems), problems


def test_an_editors_new_request_word_is_read(tmp_path: Path) -> None:
    before = load_content(REPO_ROOT / "content").checkin
    assert not asks_for_checkins("пасматры за мной у дарозе", before)
    content = _edited(tmp_path, 'verbs: ["провер",', 'verbs: ["пасматры", "провер",')
    text = (content / "checkin.yaml").read_text(encoding="utf-8")
    (content / "checkin.yaml").write_text(text.replace(
        'objects: ["меня",', 'objects: ["мной", "меня",', 1), encoding="utf-8")
    after = load_content(content).checkin
    assert asks_for_checkins("пасматры за мной у дарозе", after)
