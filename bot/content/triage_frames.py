"""Read and check content/triage_frames.yaml (the let-off word lists); problems as file:line.

Beyond the shape (bot.content.models.TriageFrames: lower-case entries, one word for stems and
words), a list must not be empty, must not hold one entry twice (ё and е are the same), and a
list that lets off must hold no negator (unless its description allows one: "no longer there")
and no stem shorter than three letters: "не в безопасности" would invert "в безопасности", and
the stem "ра" starts "работаю" and "рабство" alike. An entry written with ё is a warning: the
bot reads it with е, as it reads every message ("усё" is "усе", another word), so the editor
sees what it matches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.content.models import TriageFrames
from bot.content.problems import Problem
from bot.content.yamlfile import Where, read_optional_section
from bot.nlu.negation import NEGATORS

FILE_NAME = "triage_frames.yaml"
KEY = "triage_frames"
SHORTEST_LET_OFF_STEM = 3  # letters


def read_triage_frames(path: Path) -> tuple[TriageFrames | None, list[Problem]]:
    """The word lists and every problem. A missing file is an error: besides the words that
    let a danger off it holds those that keep one firing (a threat verb, "still", a debt),
    and a report on others (bot.nlu.bystander) read without its threat verbs would be let
    off ("угрожают сообщить в полицию")."""
    frames, where, problems = read_optional_section(
        path, KEY, TriageFrames, "the let-off word lists of triage are needed"
    )
    problems = [
        Problem(p.file, p.line, "error", p.message) if not path.is_file() else p for p in problems
    ]
    if frames is None or where is None:
        return None, problems
    problems += check_frames(frames, where)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return frames, problems


def check_frames(frames: TriageFrames, where: Where) -> list[Problem]:
    """Empty lists, duplicates, negators and short stems where they let off (module doc)."""
    problems: list[Problem] = []
    for section_name, section in frames:
        assert isinstance(section, BaseModel)
        for name, field in type(section).model_fields.items():
            lists: dict[str, list[str]] = getattr(section, name)
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            problems += _check_list(
                lists, where / section_name / name, name,
                lets_off=bool(extra.get("lets_off")), negators=bool(extra.get("negators")),
            )  # fmt: skip
            problems += _written_with_yo(lists, where / section_name / name, name)
    return problems


def _as_written(where: Where) -> Any:
    """The value at `where` as the file has it, before the model spelled it as read (None when
    the path is not there)."""
    value = where.doc.data
    for key in where.path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _written_with_yo(lists: dict[str, list[str]], where: Where, name: str) -> list[Problem]:
    """A warning for each entry written with ё: it is read, and matched, with е."""
    problems: list[Problem] = []
    for language, entries in lists.items():
        at = where / language
        for index, entry in enumerate(entries):
            written = _as_written(at / index)
            if isinstance(written, str) and "ё" in written.lower():
                problems.append(at.problem(
                    "warning", f"{name}: '{written}' is read as '{entry}': the bot reads ё as е "
                    f"in every message, so it matches words spelled '{entry}' (write it so)",
                    index,
                ))  # fmt: skip
    return problems


def _check_list(
    lists: dict[str, list[str]], where: Where, name: str, *, lets_off: bool, negators: bool
) -> list[Problem]:
    problems: list[Problem] = []
    if not any(lists.values()):
        return [where.problem("error", f"{name}: the list is empty (write at least one entry)")]
    seen: dict[str, Where] = {}
    for language, entries in lists.items():
        for index, entry in enumerate(entries):
            at = where / language
            here = at / index
            first = seen.setdefault(entry, here)
            if first is not here:
                problems.append(at.problem(
                    "error", f"{name}: '{entry}' is listed twice (also at {first.location})",
                    index,
                ))  # fmt: skip
            if lets_off and not negators and NEGATORS & set(entry.split()):
                problems.append(at.problem(
                    "error", f"{name}: '{entry}' has a negator; this list lets a danger off, "
                    "so a negator would invert it (\"не в безопасности\")", index,
                ))  # fmt: skip
            if lets_off and name.endswith("_stems") and len(entry) < SHORTEST_LET_OFF_STEM:
                problems.append(at.problem(
                    "error", f"{name}: the stem '{entry}' starts too many words: it would let "
                    f"off almost every message (at least {SHORTEST_LET_OFF_STEM} letters)", index,
                ))  # fmt: skip
    return problems
