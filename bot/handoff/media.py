"""Photos, documents, voice, video, locations and contacts in an open case, both ways, by
copyMessage: the bot never downloads or stores them; a copy carries no link to its sender."""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from bot.core.events import EventKind, Reply
from bot.handoff.cases import Case
from bot.handoff.context import Delivery, HandoffContext
from bot.handoff.failures import Call, Outcome, decide
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
NOT_DELIVERED_BLOCKED = N_("Not delivered: the person has blocked the bot.")
NOT_DELIVERED = N_("Not delivered: Telegram refused or is busy. Send it again later.")


@runtime_checkable
class CopiesMessages(Protocol):
    """copyMessage through the adapter; returns the copy's message id."""

    async def copy(self, chat_id: int, from_chat_id: int, message_id: int, *,
                   thread_id: int | None = None) -> int: ...


def passes(kind: EventKind) -> bool:
    """Whether a message of this kind is copied in a case."""
    return kind in MEDIA


async def copy_to_case(ctx: HandoffContext, case: Case, kind: EventKind, from_chat: int,
                       message_id: int) -> bool:
    """The person's photo (etc.) into the case: a line saying what it is, then the copy in the
    case's topic (or the main chat in reply mode; replies to the copy reach the case).
    False when it could not be copied (a note says so)."""
    messenger = ctx.messenger
    what = ctx.op_text(KINDS[kind])
    if not isinstance(messenger, CopiesMessages) or ctx.chat_id is None:
        return False
    await ctx.post_in_case(case, Reply(ctx.op_text(SENT_BELOW, case=case.pseudonym, kind=what)))
    try:
        copied = await messenger.copy(ctx.chat_id, from_chat, message_id,
                                      thread_id=case.thread_id or None)
    except Exception as exc:
        log.warning("media not copied to the case (%s) case=%s",
                    decide(Call.TO_OPERATORS, exc).name, case.id)
        await ctx.note_in_case(case, ctx.op_text(NOT_COPIED, case=case.pseudonym, kind=what))
        return False
    await unless_full(ctx.cases.link_messages(ctx.chat_id, [copied], case.id))
    return True


async def copy_to_person(ctx: HandoffContext, case: Case, from_chat: int,
                         message_id: int) -> Delivery:
    """An operator's photo, document or location to the person, as `tell_user` sends text."""
    messenger = ctx.messenger
    chat = await ctx.cases.chat_of(case.user_key)
    if chat is None or not isinstance(messenger, CopiesMessages):
        return Delivery.NO_ADDRESS
    try:
        copied = await messenger.copy(int(chat), from_chat, message_id)
    except Exception as exc:
        outcome = decide(Call.TO_PERSON, exc)
        log.warning("media to the person not delivered (%s) case=%s", outcome.name, case.id)
        blocked = outcome is Outcome.PERSON_UNREACHABLE
        if blocked and not case.unreachable:
            case.unreachable = True
            await ctx.cases.update(case.id, unreachable=1)
        await ctx.note_in_case(case, ctx.op_text(NOT_DELIVERED_BLOCKED if blocked
                                                 else NOT_DELIVERED))
        return Delivery.FAILED
    if ctx.on_sent is not None:
        await ctx.on_sent(case.user_key, [copied])  # /hide deletes it with the rest
    return Delivery.DELIVERED
