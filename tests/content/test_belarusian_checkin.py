"""Belarusian in the issue-15 texts (break15b): content/checkin.yaml's `unavailable` says
"нумары экстранай дапамогі" while every other text and the catalogs say "экстраннай" (the
narkamauka spelling the content settled on, tests/content/test_belarusian_spelling.py). The
one-spelling check reads messages, answers and flows but not checkin.yaml or
silent_alarm.yaml, so `content check` says "0 warnings". A person without check-ins (no
Redis, no operators' chat) reads the misspelling on the screen that tells them where to call."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.content.spellingchecks import catalog_strings
from tests.content.conftest import REAL_CONTENT

LOCALES = REAL_CONTENT.parent / "locales"
WORD = re.compile(r"[^\W\d_]+")


def _be_texts(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["be"]] if isinstance(node.get("be"), str) else []
        return found + [t for key, value in node.items() if key != "be"
                        for t in _be_texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _be_texts(item)]
    return []


def _undoubled(word: str) -> str:
    return re.sub(r"([^\W\d_])\1", r"\1", word)


@pytest.mark.parametrize("file_name", [
    "checkin.yaml",
    "silent_alarm.yaml",  # the calm side: spelled as the catalogs
])
def test_issue_15_belarusian_words_are_spelled_as_the_catalogs_spell_them(
    file_name: str,
) -> None:
    catalog = {w.lower() for _, _, text in catalog_strings(LOCALES, "be")
               for w in WORD.findall(text)}
    doubled = {_undoubled(w): w for w in catalog if _undoubled(w) != w}
    texts = _be_texts(yaml.safe_load((REAL_CONTENT / file_name).read_text(encoding="utf-8")))
    assert texts  # the file has Belarusian texts to read
    unlike = sorted({f"{w} (catalogs: {doubled[w.lower()]})" for text in texts
                     for w in WORD.findall(text)
                     if w.lower() in doubled and w.lower() not in catalog})
    assert unlike == []
