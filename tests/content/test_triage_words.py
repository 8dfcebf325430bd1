"""content/triage_words.yaml: the short-message word lists an NGO editor changes (issue 10).

The words triage lets off in a short message ("на месяц", "норм", "а паспорт?", "не знаю") used
to be Python in bot/nlu/fragments.py. Now they are content: `content check` refuses a broken
entry at its file and line, and an editor's added word takes effect in the bot's own triage.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.check import main
from bot.factory import build_triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.content.conftest import REAL_FACTS, replace_once
from tests.helpers.chat import plain_settings
from tests.helpers.engine import check_with_shared_model, shared_recognizer

WORDS = "triage_words.yaml"
QUESTION_WORDS_RU = "  question_words:\n    ru: [\n      паспорт,"


@pytest.fixture(scope="module")
def model() -> EmbeddedRecognizer:
    return shared_recognizer()


def _at_risk(content_dir: Path, model: EmbeddedRecognizer, text: str) -> bool:
    content, problems = check_with_shared_model(content_dir, facts_dir=REAL_FACTS)
    assert content is not None, problems
    triage = build_triage(plain_settings())(content)  # as the bot builds it from its content
    return triage.assess(text, model.parse_sync(text, "ru")).at_risk


def test_an_editors_added_question_word_takes_effect(
    content_dir: Path, model: EmbeddedRecognizer
) -> None:
    # "охрана?" (security?) alone reads to the classifier as a person held by guards.
    assert _at_risk(content_dir, model, "охрана?")
    replace_once(content_dir / WORDS, QUESTION_WORDS_RU, QUESTION_WORDS_RU + " охрана,")
    assert not _at_risk(content_dir, model, "охрана?")
    # Only as a short question: a report with the word still goes to the classifier.
    assert _at_risk(content_dir, model, "охрана не выпускает нас с территории")


def test_a_removed_word_takes_effect(content_dir: Path, model: EmbeddedRecognizer) -> None:
    # "документы?" alone reads to the classifier as documents withheld (0.9).
    assert not _at_risk(content_dir, model, "документы?")
    replace_once(content_dir / WORDS, " документы,", "")
    assert _at_risk(content_dir, model, "документы?")


BROKEN = [
    (" на месяц,", r"'на месяц' must be one lower-case word"),
    (" Месяц,", r"'Месяц' must be one lower-case word"),
    (" не,", r"'не' is a negator"),
    (" not,", r"'not' is a negator"),
]


def test_a_broken_entry_is_an_error_at_its_file_and_line(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One entry per line after `ru: [`, so each error names its own line.
    entries = "".join(f"\n     {entry}" for entry, _ in BROKEN)
    line = replace_once(content_dir / WORDS, QUESTION_WORDS_RU, QUESTION_WORDS_RU + entries)
    assert main(["--dir", str(content_dir), "--facts", str(REAL_FACTS)]) == 1
    out = capsys.readouterr().out
    for offset, (_, message) in enumerate(BROKEN, start=3):
        pattern = rf"triage_words\.yaml:{line + offset}: error: .*{message}"
        assert re.search(pattern, out), (pattern, out)


def test_a_missing_file_is_a_warning_and_the_bot_still_starts(content_dir: Path) -> None:
    (content_dir / WORDS).unlink()
    content, problems = check_with_shared_model(content_dir, facts_dir=REAL_FACTS)
    assert content is not None and content.triage_words is None
    assert [p for p in problems if p.file.endswith(WORDS) and p.severity == "warning"]


def test_a_danger_phrase_listed_twice_is_flagged(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = content_dir / "danger_phrases.yaml"
    first = path.read_text(encoding="utf-8").splitlines().index(
        '    - {phrase: "бьют", indicator: risk_violence_threats}'
    ) + 1
    line = replace_once(
        path,
        '    - {phrase: "бьет", indicator: risk_violence_threats}\n',
        '    - {phrase: "бьет", indicator: risk_violence_threats}\n'
        '    - {phrase: "Бьют", indicator: risk_violence_threats}\n',
    )
    assert main(["--dir", str(content_dir), "--facts", str(REAL_FACTS)]) == 0  # a warning
    out = capsys.readouterr().out
    pattern = (
        rf"danger_phrases\.yaml:{line + 1}: warning: the ru danger phrase 'Бьют' is listed "
        rf"twice \(first at .*danger_phrases\.yaml:{first}\); keep one"
    )
    assert re.search(pattern, out), out
