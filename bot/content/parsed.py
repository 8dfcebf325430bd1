"""Every valid item read from the content files, kept for the checks across them."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from bot.content.models import Answer, Country, DangerPhrase, Flow, Hotline, Messages
from bot.content.yamlfile import Where


@dataclass
class Parsed:
    """Every valid item read from the content files, with where it came from."""

    answers_dir: str  # how the directories are named in problems
    flows_dir: str
    messages: tuple[Messages, Where] | None = None
    answers: dict[str, tuple[Answer, Where]] = field(default_factory=dict)
    hotlines: dict[str, tuple[Hotline, Where]] = field(default_factory=dict)
    countries: dict[str, tuple[Country, Where]] = field(default_factory=dict)
    flows: dict[str, tuple[Flow, Where]] = field(default_factory=dict)
    danger_phrases: dict[str, list[tuple[DangerPhrase, Where]]] = field(default_factory=dict)
    # The sections of other files with texts shown (checkin.yaml, silent_alarm.yaml), read
    # only for the one-spelling check (their own problems are their readers').
    sections: list[tuple[BaseModel, Where]] = field(default_factory=list)
    # What could not be read ("hotlines" for a whole file, "hotlines:pl-kcik" for one item):
    # already reported, so references to it are not reported a second time.
    failed: set[str] = field(default_factory=set)

    def readable(self, section: str, item_id: str) -> bool:
        """False if the section's file, or this item in it, failed and was reported already."""
        return section not in self.failed and f"{section}:{item_id}" not in self.failed
