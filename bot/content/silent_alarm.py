"""Read and check content/silent_alarm.yaml (the duress word's texts); problems as file:line."""

from __future__ import annotations

from pathlib import Path

from bot.content.choicechecks import check_section_texts
from bot.content.decoychecks import decoy_problems
from bot.content.models import LocalizedText, SilentAlarm
from bot.content.problems import Problem
from bot.content.yamlfile import read_optional_section

FILE_NAME = "silent_alarm.yaml"
KEY = "silent_alarm"
ORDINARY = ("ordinary_reply", "later_reply")  # seen by whoever holds the phone: no numbers


def read_silent_alarm(path: Path) -> tuple[SilentAlarm | None, list[Problem]]:
    """The silent alarm's texts and every problem; a missing file is a warning (feature off)."""
    alarm, where, problems = read_optional_section(path, KEY, SilentAlarm, "no silent alarm")
    if alarm is None or where is None:
        return None, problems
    problems += check_section_texts(KEY, alarm, where)
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
                if name_ in ORDINARY and any(ch.isdigit() for ch in text):
                    problems.append(
                        (where / "texts" / name_).problem(
                            "error", f"the {name_} must not contain numbers", language
                        )
                    )
            if name_ in ORDINARY:
                problems += decoy_problems(name_, value, where / "texts" / name_,
                                           alarm.giveaway_words)
    for field in ("common_words", "giveaway_words"):
        problems += [(where / field).problem(
            "error", f"write {word!r} in lower case: the bot compares lower case")
            for word in getattr(alarm, field) if word != word.lower()]
    if any(p.severity == "error" for p in problems):
        return None, problems
    return alarm, problems
