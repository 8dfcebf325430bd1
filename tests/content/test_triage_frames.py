"""content/triage_frames.yaml: the let-off word lists of triage, which NGO editors change.

The words that decide when a danger phrase is let off as a story that is over ("I was a victim
years ago, now I volunteer") used to be Python. Now an editor adds a word in its language and
`content check` refuses a broken entry at its file and line: an empty or upper-case entry, a
duplicate, a negator in a list that lets off, a stem so short it would let off every message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.check import main
from bot.content.triage_frames import FILE_NAME, read_triage_frames
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import let_offs_of
from tests.content.conftest import REAL_FACTS, replace_once
from tests.helpers.engine import check_with_shared_model, shared_content

VOLUNTEER_RU = "    volunteer_stems:\n      ru: [волонт"
SAFE_NOW_RU = '    safe_now:\n      ru: ["в безопасности",'
PAST_STORY = "I was a victim of trafficking years ago, now I volunteer"


def _fires(frames_path: Path, text: str) -> bool:
    """Whether a danger phrase of the real content fires on `text` with the lists of
    `frames_path` (a copy an editor changed)."""
    frames, problems = read_triage_frames(frames_path)
    assert frames is not None, problems
    matcher = DangerPhraseMatcher(shared_content().content.danger_phrases,
                                  let_offs_of(None, frames))  # fmt: skip
    return bool(matcher.find(text))


def _errors(path: Path) -> list[str]:
    frames, problems = read_triage_frames(path)
    assert frames is None
    return [str(p) for p in problems if p.severity == "error"]


def test_an_editors_added_word_takes_effect(content_dir: Path) -> None:
    path = content_dir / FILE_NAME
    mentor = "I was a victim of trafficking years ago, now I mentor others"
    assert _fires(path, mentor) and not _fires(path, PAST_STORY)
    replace_once(path, "      en: [volunteer]", "      en: [volunteer, mentor]")
    assert not _fires(path, mentor)
    # The other side: a harm that goes on is never a story that is over.
    assert _fires(path, "I was a victim of trafficking years ago, I still mentor others")


def test_shape_errors_are_at_their_line(content_dir: Path) -> None:
    path = content_dir / FILE_NAME
    line = replace_once(
        path, VOLUNTEER_RU, '    volunteer_stems:\n      ru: [\n  "",\n  Волонт,\n  "wo rd", волонт'
    )
    errors = "\n".join(_errors(path))
    for offset, message in ((2, "'' has no words"), (3, "'Волонт' must be lower-case"),
                            (4, "'wo rd' must be one word")):  # fmt: skip
        pattern = rf"triage_frames\.yaml:{line + offset}: error: .*{message}"
        assert re.search(pattern, errors), errors


def test_a_duplicate_a_negator_and_a_short_stem_are_errors_at_their_line(
    content_dir: Path,
) -> None:
    path = content_dir / FILE_NAME
    safe = replace_once(path, SAFE_NOW_RU, f'{SAFE_NOW_RU}\n           "не в безопасности",')
    stems = replace_once(
        path, VOLUNTEER_RU, f"{VOLUNTEER_RU},\n        волонтёр, ва,\n        волонт"
    )
    errors = "\n".join(_errors(path))
    expected = [
        (stems + 3, r"'волонт' is listed twice \(also at .*triage_frames\.yaml:" + str(stems + 1)),
        (stems + 2, "the stem 'ва' starts too many words"),
        (safe + 2, "'не в безопасности' has a negator"),
    ]
    for line, message in expected:
        assert re.search(rf"triage_frames\.yaml:{line}: error: .*{message}", errors), errors
    # ё is е: "волонтёр" is a new stem, not a duplicate of anything, and no error.
    assert "волонтер" not in errors


def test_an_empty_list_is_an_error_and_content_check_names_it(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_dir / FILE_NAME
    line = replace_once(path, "    there_words:\n      ru: [там]", "    there_words: {}")
    assert main(["--dir", str(content_dir), "--facts", str(REAL_FACTS)]) == 1
    out = capsys.readouterr().out
    pattern = rf"triage_frames\.yaml:{line}: error: there_words: the list is empty"
    assert re.search(pattern, out), out


def test_a_missing_file_is_an_error(content_dir: Path) -> None:
    # Some lists keep a danger firing (a threat verb, "still", a debt): the bot must not run
    # without them.
    (content_dir / FILE_NAME).unlink()
    content, problems = check_with_shared_model(content_dir, facts_dir=REAL_FACTS)
    assert content is None
    assert [p for p in problems if p.file.endswith(FILE_NAME) and p.severity == "error"]
    # Frames with no words let nothing off: the past story fires.
    matcher = DangerPhraseMatcher(shared_content().content.danger_phrases, let_offs_of(None, None))
    assert matcher.find(PAST_STORY)
