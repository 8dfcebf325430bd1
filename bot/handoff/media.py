"""Photos, documents, voice, video, locations and contacts in an open case, both ways, by
copyMessage: the bot never downloads or stores them; a copy carries no link to its sender."""

from __future__ import annotations

import logging

from bot.core.events import EventKind, Reply
from bot.handoff.case import Case
from bot.handoff.failures import Call, decide
from bot.handoff.parts import HandoffParts
from bot.handoff.person import CopiesMessages
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

# What passes both ways. Stickers and animations stay out: they say nothing an operator needs.
MEDIA = frozenset({EventKind.PHOTO, EventKind.DOCUMENT, EventKind.VOICE, EventKind.VIDEO,
                   EventKind.LOCATION, EventKind.CONTACT})
KINDS = {
    EventKind.PHOTO: N_("a photo"),
    EventKind.DOCUMENT: N_("a document"),
    EventKind.VOICE: N_("a voice or audio message"),
    EventKind.VIDEO: N_("a video"),
    EventKind.LOCATION: N_("a location"),
    EventKind.CONTACT: N_("a contact"),
}
SENT_BELOW = N_("📎 {case} sent {kind} (copied below; the bot keeps no copy):")
NOT_COPIED = N_("⚠️ {case} sent {kind}, but Telegram refused to copy it here.")


def passes(kind: EventKind) -> bool:
    """Whether a message of this kind is copied in a case."""
    return kind in MEDIA


async def copy_to_case(parts: HandoffParts, case: Case, kind: EventKind, from_chat: int,
                       message_id: int) -> bool:
    """The person's photo (etc.) into the case: a line saying what it is, then the copy in the
    case's topic (or the main chat in reply mode; replies to the copy reach the case).
    False when it could not be copied (a note says so)."""
    messenger = parts.messenger
    what = parts.board.text(KINDS[kind])
    if not isinstance(messenger, CopiesMessages) or parts.board.chat_id is None:
        return False
    await parts.board.post(case, Reply(parts.board.text(SENT_BELOW, case=case.pseudonym,
                                                        kind=what)))
    try:
        copied = await messenger.copy(parts.board.chat_id, from_chat, message_id,
                                      thread_id=case.thread_id or None)
    except Exception as exc:
        log.warning("media not copied to the case (%s) case=%s",
                    decide(Call.TO_OPERATORS, exc).name, case.id)
        await parts.board.note(case, parts.board.text(NOT_COPIED, case=case.pseudonym,
                                                      kind=what))
        return False
    await unless_full(parts.cases.link_messages(parts.board.chat_id, [copied], case.id))
    return True
