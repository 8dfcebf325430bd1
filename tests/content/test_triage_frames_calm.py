"""content/triage_frames.yaml, the calm frames' sections (round 19): their words were Python
(bot/nlu/fiction.py, offer_check.py, ... calm_situations.py); now an editor changes them, and
`content check` warns about an entry written with ё, which the bot reads with е.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.content.triage_frames import FILE_NAME, read_triage_frames
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import let_offs_of
from tests.content.conftest import REAL_CONTENT, replace_once
from tests.helpers.engine import shared_content

COMIC_ASKED = "in the comic the hero got kidnapped, what is it called?"
# The other side: the writer's own harm, a cry, named "like in a comic".
COMIC_CRY = "I got kidnapped like in a comic, help"
OUT_BE = "      be: [уцяк, ўцяк, сышл,"  # report_later.out_stems


def _fires(frames_path: Path, text: str) -> bool:
    """Whether a danger phrase of the real content fires on `text` with the lists of
    `frames_path` (a copy an editor changed) and the real joke frame."""
    frames, problems = read_triage_frames(frames_path)
    assert frames is not None, problems
    content = shared_content().content
    matcher = DangerPhraseMatcher(content.danger_phrases,
                                  let_offs_of(content.triage_words, frames))  # fmt: skip
    return bool(matcher.find(text))


def test_an_editors_word_in_a_calm_frame_takes_effect(content_dir: Path) -> None:
    path = content_dir / FILE_NAME
    assert _fires(path, COMIC_ASKED) and _fires(path, COMIC_CRY)
    replace_once(path, "      en: [gta, videogame,", "      en: [comic, gta, videogame,")
    assert not _fires(path, COMIC_ASKED)  # a fiction named and asked about
    assert _fires(path, COMIC_CRY)


def test_an_entry_written_with_yo_is_a_warning_at_its_line(content_dir: Path) -> None:
    path = content_dir / FILE_NAME
    line = replace_once(path, OUT_BE, "      be: [уцёк, уцяк, ўцяк, сышл,")
    frames, problems = read_triage_frames(path)
    assert frames is not None  # a warning: the bot starts, and reads the entry with е
    assert "уцек" in frames.report_later.out_stems["be"]
    warnings = "\n".join(str(p) for p in problems if p.severity == "warning")
    pattern = rf"triage_frames\.yaml:{line}: warning: out_stems: 'уцёк' is read as 'уцек'"
    assert re.search(pattern, warnings), warnings


def test_the_real_lists_have_no_entry_written_with_yo() -> None:
    frames, problems = read_triage_frames(REAL_CONTENT / FILE_NAME)
    assert frames is not None and problems == []


def test_keys_locked_in_are_content(content_dir: Path) -> None:
    path = content_dir / FILE_NAME
    keys = "I locked my keys in the room, what do I do?"
    assert not _fires(path, keys)
    assert _fires(path, "they locked me in the room")  # the other side: a person locked in
    replace_once(path, "      ru: [ключ]\n      en: [key]", "      ru: [ключ]")
    assert _fires(path, keys)  # an editor took "key" out: the keys are read as a person's lock
