"""The person's slash commands, and the command word of what they typed.

In a private chat only these are commands. Anything else that starts with "/" is what the
person wrote: "/помогите меня держат" or "/+48600123456" on a phone whose keyboard put the
slash first is text, triaged and answered (or passed to an open case) like any message, and
never logged. Operators' commands (/reopen, /transfer, /r, /block, /note) are read in their
group, by the same `command_name` (bot/handoff/).
"""

from __future__ import annotations

PERSON_COMMANDS: frozenset[str] = frozenset({
    "/start", "/help", "/menu", "/hide", "/language", "/country", "/hotlines", "/operator",
    "/delete", "/stop", "/checkad", "/checkin", "/codeword",
})  # fmt: skip


def command_name(text: str | None) -> str:
    """The command word of `text`: its first word in lower case without "@BotName" ("/start"
    for "/START@SafeMigrationBot x"); "" for an empty text."""
    words = (text or "").split(maxsplit=1)
    return words[0].split("@", 1)[0].lower() if words else ""


def is_person_command(text: str | None) -> bool:
    """Whether `text` starts with one of the person's commands (`PERSON_COMMANDS`)."""
    return command_name(text) in PERSON_COMMANDS
