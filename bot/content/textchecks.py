"""Checks over every user-facing text: missing translations and phone numbers typed into texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from bot.content.facts import Facts, phone_key
from bot.content.models import LocalizedText
from bot.content.parsed import Parsed
from bot.content.problems import Problem, Severity
from bot.content.yamlfile import Where, YamlPath
from bot.nlu.base import LANGUAGES, RISK_INTENTS

RISK_MESSAGES = frozenset(
    {"risk_intro", "ask_country", "offer_human", "human_requested", "handoff_consent",
     "handoff_consent_ad", "handoff_consent_plain"}
)
# A phone-length run of digits inside a text; numbers belong in hotlines.yaml, checked below.
_PHONE_IN_TEXT = re.compile(r"(?<![\w.,])\+?\d[\d \-()]{5,}\d(?![\w.,])")
_YEARS = re.compile(r"(?:19|20)\d\d\s*-\s*(?:19|20)\d\d")  # "2013-2016" is not a number


def check_translations(parsed: Parsed) -> Iterator[Problem]:
    """Texts without all of ru, be and en: an error in risk content, a warning elsewhere."""
    for model, where, risk in sources(parsed):
        for path, text in texts(model, ()):
            missing = text.missing()
            if not missing:
                continue
            in_risk = risk if risk is not None else path[0] in RISK_MESSAGES
            severity: Severity = "error" if in_risk else "warning"
            label = ".".join(str(p) for p in (*where.path, *path))
            yield where.problem(
                severity,
                f"{label}: missing translation: {', '.join(missing)}"
                + (" (risk content must be complete)" if in_risk else ""),
                *path,
            )


def check_numbers_in_texts(parsed: Parsed, facts: Facts) -> Iterator[Problem]:
    """Phone numbers written into a text that are not in the facts file."""
    for model, where, _ in sources(parsed):
        for path, text in texts(model, ()):
            for language in LANGUAGES:
                for match in _PHONE_IN_TEXT.finditer(getattr(text, language) or ""):
                    key = phone_key(match.group())
                    if len(key) < 7 or _YEARS.fullmatch(match.group().strip()):
                        continue
                    if key not in facts.all_numbers:
                        yield where.problem(
                            "error",
                            f"number not found in the facts file: '{match.group()}' "
                            "(numbers belong in hotlines.yaml)",
                            *path,
                            language,
                        )


def sources(parsed: Parsed) -> Iterator[tuple[BaseModel, Where, bool | None]]:
    """Every item with texts, and whether it is risk content: None for messages.yaml, where
    that depends on the message (RISK_MESSAGES)."""
    if parsed.messages:
        yield parsed.messages[0], parsed.messages[1], None
    for intent, (answer, where) in parsed.answers.items():
        yield answer, where, intent in RISK_INTENTS
    for hotline, where in parsed.hotlines.values():
        yield hotline, where, True
    for country, where in parsed.countries.values():
        yield country, where, False
    for flow, where in parsed.flows.values():
        yield flow, where, flow.risk


def texts(value: Any, path: YamlPath) -> Iterator[tuple[YamlPath, LocalizedText]]:
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))
