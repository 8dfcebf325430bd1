"""JSON Schemas of the content files, generated from the pydantic models.

`python -m bot content schemas` writes one schema per file kind to content/schemas/; each YAML
file names its schema in its first line (`# yaml-language-server: $schema=...`), so an editor
with the YAML extension of VS Code gets completion and red underlines while typing.
`--check` exits 1 when a committed schema differs from the models (tests/content runs it).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.content.canned import CannedRepliesFile
from bot.content.models import (
    AdCheckSection,
    AdFlagRule,
    AdSentence,
    Answer,
    Checkin,
    Country,
    DangerPhrase,
    Flow,
    Hotline,
    Messages,
    Places,
    SilentAlarm,
    TriageFrames,
    TriageWords,
)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "content" / "schemas"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MessagesFile(_File):
    messages: Messages


class AnswersFile(_File):
    answers: dict[str, Answer]


class HotlinesFile(_File):
    hotlines: list[Hotline]


class CountriesFile(_File):
    countries: list[Country]


class DangerPhrasesFile(_File):
    danger_phrases: dict[str, list[DangerPhrase]]


class AdCheckFile(_File):
    ad_check: AdCheckSection


class AdFlagFile(_File):
    ad_flag: AdFlagRule


class AdSentencesSchemaFile(_File):
    sentences: list[AdSentence]


class SilentAlarmFile(_File):
    silent_alarm: SilentAlarm


class CheckinFile(_File):
    checkin: Checkin


class TriageWordsFile(_File):
    triage_words: TriageWords


class TriageFramesFile(_File):
    triage_frames: TriageFrames


class PlacesFile(_File):
    places: Places


# file kind -> (model of the whole file, the files it describes)
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "messages": (MessagesFile, "messages.yaml"),
    "answers": (AnswersFile, "answers/*.yml"),
    "hotlines": (HotlinesFile, "hotlines.yaml"),
    "countries": (CountriesFile, "countries.yaml"),
    "flow": (Flow, "flows/*.yml"),
    "danger_phrases": (DangerPhrasesFile, "danger_phrases.yaml"),
    "ad_check": (AdCheckFile, "ad_check.yaml"),
    "ad_flag": (AdFlagFile, "ad_flags/*.yaml"),
    "ad_check_sentences": (AdSentencesSchemaFile, "ad_check_sentences.yaml"),
    "silent_alarm": (SilentAlarmFile, "silent_alarm.yaml"),
    "checkin": (CheckinFile, "checkin.yaml"),
    "triage_words": (TriageWordsFile, "triage_words.yaml"),
    "triage_frames": (TriageFramesFile, "triage_frames.yaml"),
    "places": (PlacesFile, "places.yaml"),
    "canned_replies": (CannedRepliesFile, "canned_replies.yaml"),
}


def schema_text(kind: str) -> str:
    """The JSON Schema of one file kind, as written to content/schemas/<kind>.schema.json."""
    model, files = KINDS[kind]
    schema: dict[str, Any] = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"safe-migration-bot content: {files}"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(args: argparse.Namespace) -> int:
    """Write every schema (or with `check`, list the stale ones and exit 1)."""
    directory: Path = getattr(args, "out", None) or SCHEMA_DIR
    stale = []
    for kind in KINDS:
        path = directory / f"{kind}.schema.json"
        text = schema_text(kind)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        if getattr(args, "check", False):
            stale.append(path)
            print(f"{path}: error: out of date; run `python -m bot content schemas`")
        else:
            directory.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 1 if stale else 0
