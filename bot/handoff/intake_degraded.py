"""The person's side when Redis fails: an alert posted directly (no case, no queue) and their
words passed to the operators' chat marked "storage degraded", so a person at risk is never
dropped (intake.py calls these)."""

from __future__ import annotations

import logging
import secrets

from redis.exceptions import OutOfMemoryError, RedisError

from bot.core.events import IncomingEvent, OperatorAlert, Reply
from bot.handoff.alerts import alert_reply
from bot.handoff.case import Case
from bot.handoff.degraded import (
    DEGRADED_KNOWN_CASE,
    DEGRADED_TEMPORARY_NAME,
    QUEUE_DEGRADED_DOWN,
    QUEUE_DEGRADED_FULL,
    STORAGE_DEGRADED_PERSON,
    TEMPORARY_PREFIX,
    why,
)
from bot.handoff.media import KINDS, passes
from bot.handoff.parts import HandoffParts
from bot.handoff.person import CopiesMessages

log = logging.getLogger("bot.handoff.intake")  # the intake's log lines, as before the split


async def post_without_queue(parts: HandoffParts, alert: OperatorAlert,
                             exc: BaseException) -> None:
    """Redis is down: no case, no relay, but a person at risk is never silently dropped:
    the alert is posted directly to the operators' chat, marked so."""
    log.error("handoff queue unavailable (%s): posting the alert directly, not queued",
              "Redis out of memory" if isinstance(exc, OutOfMemoryError)
              else type(exc).__name__)
    board = parts.board
    chat_id = board.chat_id
    if chat_id is None:
        return
    case_id = await _known_case(parts, alert.user_key)
    # Never the first pseudonym candidate: which one the person holds lives in Redis, and
    # the first may be another person's (PseudonymReservations.reserve). Their case's number
    # when the session still knows it, else a name that cannot be anybody's pseudonym.
    if case_id:
        name, line = f"#{case_id}", board.text(DEGRADED_KNOWN_CASE, id=case_id)
    else:
        name = f"{TEMPORARY_PREFIX}{secrets.token_hex(3)}"
        line = board.text(DEGRADED_TEMPORARY_NAME, name=name)
    case = Case.from_alert(alert, id=case_id or "-", user_key="", pseudonym=name)
    reply = alert_reply(case, board.labels)
    degraded = QUEUE_DEGRADED_FULL if isinstance(exc, OutOfMemoryError) else QUEUE_DEGRADED_DOWN
    reply.text += "\n" + board.text(degraded) + "\n" + line
    reply.buttons = []
    await parts.messenger.send(chat_id, reply)
    parts.metrics.alerts.labels("posted_unqueued").inc()


async def _known_case(parts: HandoffParts, user_key: str) -> str | None:
    """The person's case id from their session (its last copy while Redis is down)."""
    if parts.sessions is None:
        return None
    try:
        session = await parts.sessions.load(user_key)
    except (RedisError, OSError):
        return None
    return session.handoff_case if session is not None else None


async def relay_degraded(parts: HandoffParts, event: IncomingEvent,
                         exc: BaseException) -> None:
    """Redis failed: pass the person's words to the operators' chat, saying why they are
    not in the case's topic. The case is known from the session the store still has
    (its last copy while Redis is down)."""
    if parts.board.chat_id is None or parts.sessions is None:
        return
    try:
        session = await parts.sessions.load(event.user_key)
    except (RedisError, OSError):
        return  # a store without a fallback: nothing known about a case
    if session is None or not session.handoff_case:
        return
    # Not a pseudonym: which candidate the case has lives in Redis, and the first one may
    # be another person's (PseudonymReservations.reserve). The case number is certain.
    case_id = session.handoff_case
    media = passes(event.kind) and event.message_key is not None
    said = f"💬 #{case_id}"
    if media:  # what it is; the caption travels with the copy below
        said = f"{said} ({parts.board.text(KINDS[event.kind])})"
    elif event.text:
        said = f"{said}: {event.text}"
    note = parts.board.text(STORAGE_DEGRADED_PERSON, why=parts.board.text(why(exc)),
                            case=case_id)
    await parts.messenger.send(parts.board.chat_id, Reply(f"{note}\n{said}"))
    if media:
        await _copy_degraded(parts, case_id, event)


async def _copy_degraded(parts: HandoffParts, case_id: str, event: IncomingEvent) -> None:
    """The person's photo (etc.) under the degraded note, in the main chat: their media
    are never lost, and never copied twice by this process (a first attempt may have
    copied it into the case before Redis failed)."""
    message_id = int(event.message_key or 0)
    if parts.board.chat_id is None or not isinstance(parts.messenger, CopiesMessages):
        return
    if parts.cases.copies.made_here(case_id, message_id) is not None:
        return
    try:
        await parts.messenger.copy(parts.board.chat_id, int(event.chat_key), message_id)
    except Exception as exc:
        log.error("media not copied during a Redis outage (%s) case=%s",
                  type(exc).__name__, case_id)
