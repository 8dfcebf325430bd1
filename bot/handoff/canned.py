"""`/r <id>` in a case: a canned reply from content/canned_replies.yaml, in the person's language.

`/r` alone (or an unknown id) answers the operator with the list; nothing reaches the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content.canned import read_canned
from bot.core.commands import command_name
from bot.handoff.labels import OperatorTexts
from bot.i18n import N_

COMMANDS = ("/r", "/reply")
LIST = N_("Canned replies (write /r and the id):\n{replies}")
UNKNOWN = N_("There is no canned reply \"{id}\": nothing was sent.")
NONE = N_("No canned replies are set up (content/canned_replies.yaml).")
BROKEN = N_("The canned replies file has errors (run: python -m bot content check); "
            "nothing was sent.")
SENT = N_("↪ Canned reply \"{id}\" sent in the person's language:\n{text}")


def canned_command(text: str | None) -> str | None:
    """The id asked for by `/r <id>` ("" for `/r` alone); None when it is not that command."""
    if command_name(text) not in COMMANDS:
        return None
    words = (text or "").split()
    return words[1].lower() if len(words) > 1 else ""


@dataclass(frozen=True, slots=True)
class CannedPick:
    """The person's text when the id was found; else `notice`, for the operator only."""

    text: str | None
    notice: str


def pick_canned(path: Path | None, reply_id: str, language: str,
                texts: OperatorTexts) -> CannedPick:
    """Read the file now (an editor's change applies at once) and choose the reply."""
    if path is None:
        return CannedPick(None, texts.text(NONE))
    found = read_canned(path)
    replies = found.replies
    listing = "\n".join(f"{key} — {reply.title}" for key, reply in sorted(replies.items()))
    reply = replies.get(reply_id)
    if reply is not None:
        text = reply.text(language)
        return CannedPick(text, texts.text(SENT, id=reply_id, text=text))
    if not replies:
        broken = any(p.severity == "error" for p in found.problems)
        return CannedPick(None, texts.text(BROKEN if broken else NONE))
    head = texts.text(UNKNOWN, id=reply_id) + "\n" if reply_id else ""
    return CannedPick(None, head + texts.text(LIST, replies=listing))
