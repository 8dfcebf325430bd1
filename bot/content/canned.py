"""Canned replies operators insert in a case with `/r <id>`: content/canned_replies.yaml.

Shape of the file::

    replies:
      <id>:              # lower-case letters, digits and _, e.g. can_you_talk
        title: ...       # what operators see in the list (English, short)
        ru: ...          # the text the person gets, in their language
        be: ...
        en: ...

Read on every use, so an NGO editor's change applies at once; a broken file is reported (to
`content check` as file:line problems, to an operator as a short notice), never a crash. The
texts are the NGO's: no phone numbers here, those come from the hotlines the engine offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from bot.content.problems import Problem
from bot.content.yamlfile import Where, read_yaml, validation_problems

FILE_NAME = "canned_replies.yaml"
ID = re.compile(r"^[a-z0-9_]{1,32}$")
LANGUAGES = ("ru", "be", "en")
MAX_LENGTH = 4000  # under Telegram's 4096 characters per message, with room for escaping


class CannedReply(BaseModel):
    """One reply: a title for operators and its text in every language the bot speaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    ru: str
    be: str
    en: str

    @field_validator("title", "ru", "be", "en")
    @classmethod
    def _filled(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("is empty")
        if len(value) > MAX_LENGTH:
            raise ValueError(f"is longer than {MAX_LENGTH} characters")
        return value

    def text(self, language: str) -> str:
        """The text in `language` (ru, be or en); Russian for any other code."""
        return str(getattr(self, language if language in LANGUAGES else "ru"))


class CannedRepliesFile(BaseModel):
    """The whole file, for its JSON Schema (content/schemas/canned_replies.schema.json)."""

    model_config = ConfigDict(extra="forbid")

    replies: dict[str, CannedReply]


@dataclass(frozen=True, slots=True)
class CannedReplies:
    """The replies that passed every check, by id, and what was wrong with the file."""

    replies: dict[str, CannedReply]
    problems: list[Problem]


def read_canned(path: Path) -> CannedReplies:
    """Read and check the file; a reply with a problem is left out, the others are kept.
    No file: no canned replies (an NGO may not use them), not a problem."""
    if not path.exists():
        return CannedReplies({}, [])
    doc, problems = read_yaml(path)
    replies: dict[str, CannedReply] = {}
    if doc is None:
        return CannedReplies(replies, problems)
    top = Where(doc, ())
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("replies"), dict):
        problems.append(top.problem("error", "expected a mapping 'replies:' of reply ids"))
        return CannedReplies(replies, problems)
    extra = sorted(str(key) for key in data if key != "replies")
    for key in extra:
        problems.append(top.problem("error", f"unknown key '{key}'", key))
    for raw_id, body in data["replies"].items():
        where = Where(doc, ("replies", raw_id))
        reply_id = str(raw_id)
        if not ID.match(reply_id):
            problems.append(where.problem(
                "error", f"reply id '{reply_id}': use 1-32 lower-case letters, digits or _"))
            continue
        if not isinstance(body, dict):
            problems.append(where.problem("error", f"replies.{reply_id}: expected title, ru, "
                                                   "be and en"))
            continue
        try:
            replies[reply_id] = CannedReply.model_validate(body)
        except ValidationError as exc:
            problems += validation_problems(exc, where)
    return CannedReplies(replies, problems)


def canned_path(content_dir: Path) -> Path:
    """Where the canned replies of a content directory are."""
    return content_dir / FILE_NAME
