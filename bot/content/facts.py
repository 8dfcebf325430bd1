"""The shared facts files (../shared/facts/): the only source of numbers and indicator ids."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.problems import Problem
from bot.content.yamlfile import read_yaml

HOTLINES_FILE = "hotlines.yaml"
INDICATORS_FILE = "indicators.yaml"
_PHONE_FIELDS = ("number", "international", "digits")
_REMARK = re.compile(r"\([^)]*[A-Za-z][^)]*\)")  # "(derived ...)", but not an area code "(8017)"


def phone_key(number: str) -> str:
    """A number reduced to what is dialled: digits, and keypad letters or * # (800SAVE, *3450)."""
    return re.sub(r"[^0-9A-Z*#]", "", number.upper())


@dataclass(frozen=True)
class Facts:
    """What the facts files allow: numbers per hotline id, and indicator ids."""

    directory: Path
    numbers: dict[str, frozenset[str]] | None = None  # hotline id -> phone keys; None: no file
    indicator_ids: frozenset[str] | None = None  # None: no file
    all_numbers: frozenset[str] = field(default_factory=frozenset)


def find_facts_dir(content_dir: Path, explicit: Path | None = None) -> Path | None:
    """The facts directory: explicit, then $FACTS_DIR, then ../shared/facts next to the repo."""
    candidates = [explicit] if explicit else []
    if os.environ.get("FACTS_DIR"):
        candidates.append(Path(os.environ["FACTS_DIR"]))
    candidates.append(content_dir.resolve().parent.parent / "shared" / "facts")
    # Content copied elsewhere (tests, a staging dir) is still checked against this repo's facts.
    candidates.append(Path(__file__).resolve().parents[3] / "shared" / "facts")
    for candidate in candidates:
        if candidate and candidate.is_dir():
            return candidate
    return None


def read_facts(directory: Path) -> tuple[Facts, list[Problem]]:
    """Read the numbers and indicator ids; a missing file turns its check off."""
    problems: list[Problem] = []
    numbers: dict[str, frozenset[str]] | None = None
    indicator_ids: frozenset[str] | None = None
    hotlines_path = directory / HOTLINES_FILE
    if hotlines_path.is_file():
        doc, found = read_yaml(hotlines_path)
        problems += found
        entries = doc.data.get("entries") if doc and isinstance(doc.data, dict) else None
        numbers = {
            str(entry["id"]): frozenset(_entry_numbers(entry))
            for entry in entries or []
            if isinstance(entry, dict) and "id" in entry
        }
    indicators_path = directory / INDICATORS_FILE
    if indicators_path.is_file():
        doc, found = read_yaml(indicators_path)
        problems += found
        indicator_ids = frozenset(_ids(doc.data if doc else None))
    every = frozenset(key for keys in (numbers or {}).values() for key in keys)
    return Facts(directory, numbers, indicator_ids, every), problems


def _entry_numbers(entry: dict[str, Any]) -> Iterator[str]:
    phones = entry.get("phones") or []
    for phone in phones if isinstance(phones, list) else []:
        if not isinstance(phone, dict):
            continue
        for name in _PHONE_FIELDS:
            value = _REMARK.sub("", str(phone.get(name) or ""))
            # "22-808063 / 22-808573" lists several numbers in one field ("01578/7674171" is one).
            for part in [value, *re.split(r"\s+/\s+|;", value)]:
                key = phone_key(part)
                if len(key) >= 2:
                    yield key


def _ids(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"]
        for value in data.values():
            yield from _ids(value)
    elif isinstance(data, list):
        for item in data:
            yield from _ids(item)
