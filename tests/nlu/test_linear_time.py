"""Every pattern that sees user text runs in linear time (issue 19 item 5).

No timings here (they belong in `make bench`, bench/bench_nlu.py "long input"): these tests
check that the inputs that used to hang complete and give the right result, and that no pattern
of the NLU has the shape that backtracks over a long word.
"""

from __future__ import annotations

import re
import types

import pytest

from bot.core import danger_phrases
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu import language, layout, negation, normalize
from bot.nlu.language import detect_language
from bot.nlu.normalize import MAX_TEXT_CHARS, clean
from tests.helpers.engine import content_triage, shared_content, shared_recognizer

LONG_WORD = "a" * 4096
MEGABYTE = ("ab" * 500_000)[:1_000_000]

# `\w*[class]\w*`: an unbounded run, a required class, another unbounded run, side by side.
# Searched at every start of a long word that lacks the class, each start backtracks over the
# rest of the word: quadratic. (A run, a separator, a run is fine: the separator anchors it.)
_RUN = r"(?:\\w|\[[^\]]*\]|\.)[*+]"
_BACKTRACKING_SHAPE = re.compile(_RUN + r"\[[^\]]*\]" + _RUN)


def _patterns(module: types.ModuleType) -> list[re.Pattern[str]]:
    return [value for value in vars(module).values() if isinstance(value, re.Pattern)]


@pytest.mark.parametrize("module", [normalize, language, layout, negation, danger_phrases])
def test_no_pattern_that_reads_user_text_can_backtrack_over_a_long_word(
    module: types.ModuleType,
) -> None:
    patterns = _patterns(module)
    assert patterns or module is negation or module is danger_phrases
    shaped = [p.pattern for p in patterns if _BACKTRACKING_SHAPE.search(p.pattern)]
    assert not shaped


def test_the_old_quadratic_pattern_has_the_shape_the_check_looks_for() -> None:
    assert _BACKTRACKING_SHAPE.search(r"\w*[а-яёіў]\w*")


@pytest.mark.parametrize(
    "text", [LONG_WORD, LONG_WORD + " they took my passport", MEGABYTE, "я " + MEGABYTE]
)
def test_long_latin_words_and_a_megabyte_of_text_are_cleaned_and_triaged(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.replace(" ", "").isalpha()
    triage = content_triage()
    decision = triage.assess(text, shared_recognizer().parse_sync(text))
    if "passport" in text:
        assert decision.at_risk and decision.by_phrase
    assert detect_language(text) in {"ru", "be", "en"}


def test_a_danger_phrase_within_the_read_length_still_counts_in_a_long_text() -> None:
    padding = "ok " * ((MAX_TEXT_CHARS - 100) // 3)
    matcher = DangerPhraseMatcher(shared_content().content.danger_phrases)
    assert matcher.find(padding + "они забрали паспорт")


def test_mixed_script_words_are_still_unmixed() -> None:
    # Latin look-alikes inside a Cyrillic word become Cyrillic, Latin words stay Latin.
    assert clean("зaбрaли pasport") == "забрали pasport"
