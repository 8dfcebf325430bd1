"""Checks of content/checkin.yaml's `checkin.words` (the words check-ins read in free text):
every word in lower case (the bot compares lower case, so "Stop" could never match), the
lists the bot cannot do without not empty, and each phrase read as a plain setting."""

from __future__ import annotations

from pydantic import BaseModel

from bot.content.models import CheckinWords
from bot.content.problems import Problem
from bot.content.yamlfile import Where

# Lists without which a kind of typed message is never read: (section, field).
NEEDED = (("settings", "interval_cues"), ("settings", "duration_cues"),
          ("settings", "grace_cues"), ("request", "verbs"), ("request", "objects"),
          ("until", "cues"), ("until", "end"))
UNITS = ("hour", "day", "week")


def word_problems(words: CheckinWords, where: Where) -> list[Problem]:
    """Every problem of the word lists, at its file:line."""
    problems = _case_problems(words, where)
    for section, field in NEEDED:
        if not getattr(getattr(words, section), field):
            problems.append(where.problem(
                "warning", f"{section}.{field} is empty: such typed messages are not read",
                section, field))
    settings = where / "settings"
    for name, means in words.settings.phrases.items():
        parts = means.split()
        if not any(p.isdigit() for p in parts) or not any(p in UNITS for p in parts):
            problems.append(settings.problem(
                "error", f"the phrase {name!r} must mean a number and a unit in English "
                f"(hour, day or week), like \"every 2 day\" or \"12 hour\"", "phrases", name))
    for value in words.settings.numbers:
        if not 1 <= value <= 99:
            problems.append(settings.problem("error", f"the number {value} is not 1-99",
                                             "numbers", value))
    return problems


def _case_problems(model: BaseModel, where: Where) -> list[Problem]:
    """A word with a capital letter, anywhere in the lists."""
    problems: list[Problem] = []
    for name, value in model:
        at = where / name
        if isinstance(value, BaseModel):
            problems += _case_problems(value, at)
            continue
        items = (list(value) if isinstance(value, dict) and name != "numbers" else
                 [w for ws in value.values() for w in ws] if isinstance(value, dict) else
                 value if isinstance(value, list) else [])
        problems += [at.problem("error", f"write {word!r} in lower case: the bot compares "
                                "lower case, so it could never match")
                     for word in items if isinstance(word, str) and word != word.lower()]
    return problems
