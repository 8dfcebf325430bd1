"""Read and check content/checkin.yaml (the check-in timer's texts and choices); file:line."""

from __future__ import annotations

from pathlib import Path

from bot.content.checkin_lists import answer_list_problems
from bot.content.checkin_words import word_problems
from bot.content.choicechecks import check_section_texts
from bot.content.decoychecks import decoy_problems
from bot.content.models import Checkin, CheckinOption, LocalizedText
from bot.content.problems import Problem
from bot.content.yamlfile import Where, read_optional_section

FILE_NAME = "checkin.yaml"
KEY = "checkin"
# What someone else holding the phone may see: these must stay ordinary (no numbers at all).
ORDINARY = ("question", "answered_ok", "button_ok", "button_help", "button_stop")
# Texts the bot fills in, and the placeholder each must keep.
PLACEHOLDERS = {"share_country": ("{value}",), "share_employer": ("{value}",),
                "share_contact": ("{value}",), "started": ("{next}",),
                "active": ("{next}", "{until}"), "until_label": ("{date}",),
                "until_too_far": ("{date}",)}
LANGUAGES = ("ru", "be", "en")


def read_checkin(path: Path, giveaway_words: list[str] | None = None
                 ) -> tuple[Checkin | None, list[Problem]]:
    """The check-in texts and choices, and every problem; a missing file is a warning (off).
    `giveaway_words` (content/silent_alarm.yaml's) are refused in the texts someone else may
    see (`ORDINARY`)."""
    checkin, where, problems = read_optional_section(path, KEY, Checkin, "no check-in timer")
    if checkin is None or where is None:
        return None, problems
    problems += check_section_texts(KEY, checkin, where)
    problems += word_problems(checkin.words, where / "words")
    problems += answer_list_problems(checkin, where)
    for name, value in checkin.texts:
        if isinstance(value, LocalizedText):
            problems += _text_problems(where / "texts" / name, name, value)
            if name in ORDINARY:
                problems += decoy_problems(name, value, where / "texts" / name,
                                           giveaway_words or [])
    for field in ("intervals_days", "durations_weeks", "grace_hours"):
        options: list[CheckinOption] = getattr(checkin, field)
        seen: set[int] = set()
        for i, option in enumerate(options):
            at = where / field / i
            if option.value in seen:
                problems.append(at.problem("error", f"the value {option.value} is listed twice"))
            seen.add(option.value)
            problems += [at.problem("error", f"the {lang} label is missing", "label")
                         for lang in option.label.missing()]
    if any(p.severity == "error" for p in problems):
        return None, problems
    return checkin, problems


def _text_problems(at: Where, name: str, value: LocalizedText) -> list[Problem]:
    # Safety content: the person must understand it in their language, and the ordinary texts
    # must not give them away.
    problems = [at.problem("error", f"the {lang} text is missing", lang)
                for lang in value.missing()]
    for lang in LANGUAGES:
        text = getattr(value, lang) or ""
        if name in ORDINARY and any(ch.isdigit() for ch in text):
            problems.append(at.problem(
                "error", "this text may be seen by someone else: no numbers in it", lang))
        for mark in PLACEHOLDERS.get(name, ()):
            if text and mark not in text:
                problems.append(at.problem("error", f"the {lang} text lost {mark}", lang))
    return problems
