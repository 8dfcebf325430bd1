"""Read and check content/triage_words.yaml (short messages triage lets off); file:line problems."""

from __future__ import annotations

from pathlib import Path

from bot.content.models import TriageWords
from bot.content.problems import Problem
from bot.content.yamlfile import read_optional_section

FILE_NAME = "triage_words.yaml"
KEY = "triage_words"


def read_triage_words(path: Path) -> tuple[TriageWords | None, list[Problem]]:
    """The word lists and every problem; a missing file is a warning (then every short message
    goes to the classifier, and "на месяц" or "а паспорт?" may open the emergency path)."""
    words, _, problems = read_optional_section(
        path, KEY, TriageWords, "short answers such as \"на месяц\" may be read as risk"
    )
    return words, problems
