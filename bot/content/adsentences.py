"""Read and check content/ad_check_sentences.yaml: the labelled sentences the ad check's
sentence model learns from (editors add a sentence the check missed, or an honest one it
flagged). Problems as file:line."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from bot.content.models import AdSentence, AdSentencesFile
from bot.content.problems import Problem
from bot.content.yamlfile import Where, display_name, read_yaml, validation_problems

FILE_NAME = "ad_check_sentences.yaml"


def read_ad_sentences(path: Path, flag_ids: set[str]) -> tuple[list[AdSentence], list[Problem]]:
    """The labelled sentences and every problem; a missing file is a warning (the model then
    learns from the flags' examples only); an unknown flag id is an error at its line."""
    name = display_name(path)
    if not path.is_file():
        missing = "the file is missing: the ad model learns from the flags' examples only"
        return [], [Problem(name, None, "warning", missing)]
    doc, problems = read_yaml(path)
    if doc is None:
        return [], problems
    where = Where(doc, ())
    if not isinstance(doc.data, dict) or set(doc.data) != {"sentences"}:
        return [], [*problems, Problem(name, 1, "error", "the file must hold only `sentences:`")]
    try:
        parsed = AdSentencesFile.model_validate(doc.data)
    except ValidationError as exc:
        return [], [*problems, *validation_problems(exc, where)]
    seen: dict[str, int] = {}
    for index, sentence in enumerate(parsed.sentences):
        at = where / "sentences" / index
        for flag in sentence.flags:
            if flag not in flag_ids:
                known = ", ".join(sorted(flag_ids))
                problems.append(at.problem(
                    "error", f"'{flag}' is no flag of ad_check.yaml (one of: {known})", "flags"))
        key = " ".join(sentence.text.lower().split())
        if key in seen:
            problems.append(at.problem(
                "warning", f"the same sentence as item {seen[key]} (counted twice)", "text"))
        seen.setdefault(key, index)
    if any(p.severity == "error" for p in problems):
        return [], problems
    return parsed.sentences, problems
