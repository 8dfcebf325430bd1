"""Photos, documents, voice, video, locations and contacts in an open case, both ways, by
copyMessage: the bot never downloads or stores them; a copy carries no link to its sender."""

from __future__ import annotations

import logging

from redis.exceptions import RedisError

from bot.core.events import EventKind, Reply
from bot.handoff.case import Case
from bot.handoff.copies import Earlier
from bot.handoff.failures import Call, decide
from bot.handoff.parts import HandoffParts
from bot.handoff.person import CopiesMessages
from bot.handoff.poster import refused_by_telegram
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
SENT_AGAIN = N_("📎 {case} sent {kind} (copied below; the bot keeps no copy). ⚠️ Possibly a "
                "repeat: copying it was interrupted before we knew whether it arrived.")
NOT_COPIED = N_("⚠️ {case} sent {kind}, but Telegram refused to copy it here.")


def passes(kind: EventKind) -> bool:
    """Whether a message of this kind is copied in a case."""
    return kind in MEDIA


async def copy_to_case(parts: HandoffParts, case: Case, kind: EventKind, from_chat: int,
                       message_id: int) -> bool:
    """The person's photo (etc.) into the case: a line saying what it is, then the copy in the
    case's topic (or the main chat in reply mode; replies to the copy reach the case).
    False when it could not be copied (a note says so).

    Once, or a second time under a line saying it may be a repeat (see `copies`): called again
    for the same message (a retry after a Redis blip, another replica), it copies nothing when
    the copy is known made, and never loses it when that is unknown.
    """
    messenger = parts.messenger
    what = parts.board.text(KINDS[kind])
    if not isinstance(messenger, CopiesMessages) or parts.board.chat_id is None:
        return False
    marks = parts.cases.copies
    made = marks.made_here(case.id, message_id)
    if made is not None:  # copied by this process, maybe not recorded: record only
        if not made[1]:
            await _record(parts, case, message_id, made[0])
        return True
    try:
        earlier = await unless_full(marks.start(case.id, message_id))
    except (RedisError, OSError) as exc:
        # The caller may have posted the person's words above already: raised, its retry
        # would post them again. This process still remembers the copy (`made_here`).
        log.warning("media copy not marked (%s) case=%s", type(exc).__name__, case.id)
        earlier = None
    # Redis full or failing: copy anyway, unmarked; a copy nobody sees is worse than an
    # unmarked repeat.
    if earlier is Earlier.DONE:
        log.info("media already copied to the case case=%s: not again", case.id)
        return True
    head = SENT_AGAIN if earlier is Earlier.INTERRUPTED else SENT_BELOW
    await parts.board.post(case, Reply(parts.board.text(head, case=case.pseudonym, kind=what)))
    try:
        copied = await messenger.copy(parts.board.chat_id, from_chat, message_id,
                                      thread_id=case.thread_id or None)
    except Exception as exc:
        log.warning("media not copied to the case (%s) case=%s",
                    decide(Call.TO_OPERATORS, exc).name, case.id)
        if refused_by_telegram(exc):  # known not copied: the next try is no repeat
            try:
                await unless_full(marks.refused(case.id, message_id))
            except (RedisError, OSError):  # the line above is posted: never raised for a retry
                log.warning("refused media copy not unmarked case=%s", case.id)
        await parts.board.note(case, parts.board.text(NOT_COPIED, case=case.pseudonym,
                                                      kind=what))
        return False
    marks.remember(case.id, message_id, copied, recorded=False)
    await _record(parts, case, message_id, copied)
    return True


async def _record(parts: HandoffParts, case: Case, message_id: int, copied: int) -> None:
    """Link the copy to the case and mark it copied. It is in the case already: a Redis
    failure here is logged, not raised (the caller's retry would copy it again); this
    process remembers it and records it on that retry."""
    if parts.board.chat_id is None:
        return
    try:
        await unless_full(parts.cases.refs.link_messages(parts.board.chat_id, [copied], case.id))
        await unless_full(parts.cases.copies.done(case.id, message_id))
    except (RedisError, OSError) as exc:
        log.warning("media copied to the case, not recorded (%s) case=%s",
                    type(exc).__name__, case.id)
        return
    parts.cases.copies.remember(case.id, message_id, copied, recorded=True)
