"""Read and check content/silent_alarm.yaml (the duress word's texts); problems as file:line."""

from __future__ import annotations

import re
from pathlib import Path

from bot.content.choicechecks import check_section_texts
from bot.content.decoychecks import decoy_problems
from bot.content.models import LocalizedText, SilentAlarm, SilentAlarmTexts
from bot.content.problems import Problem
from bot.content.yamlfile import Where, read_optional_section

FILE_NAME = "silent_alarm.yaml"
KEY = "silent_alarm"
ORDINARY = ("ordinary_reply", "later_reply")  # seen by whoever holds the phone: no numbers
LANGUAGES = ("ru", "be", "en")
_WORD = re.compile(r"[^\W\d_]+")


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
            for language in LANGUAGES:
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
    problems += _lifetime_problems(alarm.texts, where / "texts")
    for field in ("common_words", "giveaway_words"):
        problems += [(where / field).problem(
            "error", f"write {word!r} in lower case: the bot compares lower case")
            for word in getattr(alarm, field) if word != word.lower()]
    if any(p.severity == "error" for p in problems):
        return None, problems
    return alarm, problems


def _lifetime_problems(texts: SilentAlarmTexts, at: Where) -> list[Problem]:
    """`lifetime` keeps `{days}`, has `lifetime_days` for it, and repeats no word of it after
    `{days}` (kept from a text that said "{days} дней": "30 дней дней")."""
    if texts.lifetime is None:
        return []
    if texts.lifetime_days is None:
        return [(at / "lifetime").problem(
            "error", "lifetime: `{days}` needs `lifetime_days`, the number of days with its "
            "word in each form (\"{n} день|{n} дня|{n} дней\"), so that 21 reads \"21 день\"")]
    problems = []
    for language in LANGUAGES:
        text = getattr(texts.lifetime, language) or ""
        if text and "{days}" not in text:
            problems.append((at / "lifetime").problem(
                "error", f"lifetime: the {language} text lost {{days}}", language))
            continue
        after = _WORD.findall(text.partition("{days}")[2])[:1]
        forms = (getattr(texts.lifetime_days, language) or "").replace("{n}", "")
        words = set(_WORD.findall(forms.lower()))
        if after and after[0].lower() in words:
            problems.append((at / "lifetime").problem(
                "error", f"lifetime: the {language} text says {after[0]!r} after {{days}}, "
                "which already holds the word (`lifetime_days`): write {days} alone", language))
    return problems
