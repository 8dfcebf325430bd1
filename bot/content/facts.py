"""The facts files (data/facts/, a copy of ../shared/facts/): the only source of numbers and
indicator ids."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.problems import Problem, Severity
from bot.content.yamlfile import display_name, read_yaml

HOTLINES_FILE = "hotlines.yaml"
INDICATORS_FILE = "indicators.yaml"
REPO_FACTS = Path("data") / "facts"
_PHONE_FIELDS = ("number", "international", "digits")
# "This is a POLICE line", "Police of Armenia", "passed to the police ('se remitirá ...')".
_POLICE = re.compile(
    r"\bPOLICE line\b|^Police\b|Policía|\bpassed to the police|"
    r"remitirá la información|Calling the police may not be safe",
    re.MULTILINE,
)
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
    # Hotline ids the facts call a police line, or whose callers' words reach the police.
    police_ids: frozenset[str] = field(default_factory=frozenset)


def find_facts_dir(content_dir: Path, explicit: Path | None = None) -> Path | None:
    """The facts directory: explicit, then $FACTS_DIR, then the repository's copy in data/facts.

    The copy sits next to `content/` (`<repo>/data/facts`); content copied elsewhere (tests, a
    staging dir) is checked against this package's repository copy. None when none exists.
    """
    candidates = [explicit] if explicit else []
    if os.environ.get("FACTS_DIR"):
        candidates.append(Path(os.environ["FACTS_DIR"]))
    candidates.append(content_dir.resolve().parent / REPO_FACTS)
    candidates.append(repo_facts_dir())
    for candidate in candidates:
        if candidate and candidate.is_dir():
            return candidate
    return None


def repo_facts_dir() -> Path:
    """This repository's copy of the facts (`data/facts/`)."""
    return Path(__file__).resolve().parents[2] / REPO_FACTS


def shared_facts_dir() -> Path:
    """Where the compilers keep the facts, beside the clone (`../shared/facts`); may not exist."""
    return Path(__file__).resolve().parents[3] / "shared" / "facts"


def stale_copies(copy_dir: Path, shared_dir: Path) -> list[Problem]:
    """A warning for each facts file whose repository copy differs from the shared original."""
    problems = []
    for name in (HOTLINES_FILE, INDICATORS_FILE):
        original, copy = shared_dir / name, copy_dir / name
        if original.is_file() and copy.is_file() and original.read_bytes() != copy.read_bytes():
            problems.append(
                Problem(
                    display_name(copy),
                    None,
                    "warning",
                    f"differs from {display_name(original)}: copy the newer facts file here "
                    "and run the check again",
                )
            )
    return problems


def read_facts(directory: Path) -> tuple[Facts, list[Problem]]:
    """Read the numbers and indicator ids; a missing file turns its check off."""
    problems: list[Problem] = []
    numbers: dict[str, frozenset[str]] | None = None
    indicator_ids: frozenset[str] | None = None
    police_ids: frozenset[str] = frozenset()
    hotlines_path = directory / HOTLINES_FILE
    if hotlines_path.is_file():
        doc, found = read_yaml(hotlines_path)
        problems += found
        entries = doc.data.get("entries") if doc and isinstance(doc.data, dict) else None
        listed = [e for e in entries or [] if isinstance(e, dict) and "id" in e]
        numbers = {str(entry["id"]): frozenset(_entry_numbers(entry)) for entry in listed}
        police_ids = frozenset(str(e["id"]) for e in listed if _POLICE.search(_said(e)))
    indicators_path = directory / INDICATORS_FILE
    if indicators_path.is_file():
        doc, found = read_yaml(indicators_path)
        problems += found
        indicator_ids = frozenset(_ids(doc.data if doc else None))
    every = frozenset(key for keys in (numbers or {}).values() for key in keys)
    return Facts(directory, numbers, indicator_ids, every, police_ids), problems


def missing_facts(directory: Path | None, facts: Facts | None, severity: Severity) -> list[Problem]:
    """Say loudly which check cannot run because a facts file was not found."""
    if directory is None:
        where, missing = display_name(repo_facts_dir()), [HOTLINES_FILE, INDICATORS_FILE]
    else:
        assert facts is not None
        where = display_name(directory)
        missing = [HOTLINES_FILE] if facts.numbers is None else []
        missing += [INDICATORS_FILE] if facts.indicator_ids is None else []
    return [
        Problem(
            f"{where}/{name}",
            None,
            severity,
            "the facts file is missing: "
            + ("phone numbers" if name == HOTLINES_FILE else "indicator ids")
            + " CANNOT be checked (restore data/facts/ or pass --facts)",
        )
        for name in missing
    ]


def _said(entry: dict[str, Any]) -> str:
    # What the facts say about who answers: the name, the operator and the note.
    return " ".join(str(entry.get(key) or "") for key in ("name", "operator", "note"))


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
