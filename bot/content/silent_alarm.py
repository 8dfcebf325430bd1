"""Read and check content/silent_alarm.yaml (the duress word's texts); problems as file:line."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from bot.content.models import LocalizedText, SilentAlarm
from bot.content.problems import Problem
from bot.content.yamlfile import Where, display_name, read_yaml, validation_problems

FILE_NAME = "silent_alarm.yaml"
KEY = "silent_alarm"


def read_silent_alarm(path: Path) -> tuple[SilentAlarm | None, list[Problem]]:
    """The silent alarm's texts and every problem; a missing file is a warning (feature off)."""
    name = display_name(path)
    if not path.is_file():
        return None, [Problem(name, None, "warning", "the file is missing: no silent alarm")]
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict) or set(doc.data) != {KEY}:
        return None, [*problems, Problem(name, 1, "error", f"the file must hold only `{KEY}:`")]
    where = Where(doc, (KEY,))
    try:
        alarm = SilentAlarm.model_validate(doc.data[KEY])
    except ValidationError as exc:
        return None, [*problems, *validation_problems(exc, where)]
    for name_, value in alarm.texts:
        if isinstance(value, LocalizedText):
            # Safety content: the person must understand it, and the decoy must fit any language.
            for language in value.missing():
                problems.append(
                    (where / "texts" / name_).problem(
                        "error", f"the {language} text is missing", language
                    )
                )
            for language in ("ru", "be", "en"):
                text = getattr(value, language) or ""
                if name_ == "ordinary_reply" and any(ch.isdigit() for ch in text):
                    problems.append(
                        (where / "texts" / name_).problem(
                            "error", "the ordinary reply must not contain numbers", language
                        )
                    )
    if any(p.severity == "error" for p in problems):
        return None, problems
    return alarm, problems
