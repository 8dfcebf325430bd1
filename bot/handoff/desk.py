"""Operator commands in a case beyond writing to the person: `/block [days]`, `/unblock`.

Only authorised operators reach here (the service checks first); every action is audited
with the operator's id (staff) and the case, never the person's id or words.
"""

from __future__ import annotations

import logging

from bot.core.commands import command_name
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.handoff.blocks import parse_block_command
from bot.handoff.input import OperatorInput
from bot.handoff.parts import HandoffParts
from bot.handoff.relay import DELETE_PAYLOAD
from bot.i18n import N_

log = logging.getLogger(__name__)

BLOCKED = N_("⛔ {case} is blocked for {days} days by {name}; the case is closed. They get a "
             "short neutral reply with the emergency numbers. Undo: /unblock {case}")
UNBLOCKED = N_("✅ {case} is no longer blocked.")
NOT_BLOCKED = N_("Nobody with that name is blocked.")
BAD_DAYS = N_("Write /block, or /block and a number of days from 1 to 90.")
# To the blocked person, in their language: neutral, and never without the emergency numbers.
NEUTRAL = N_("This service is not available to you at the moment.")


async def on_block_command(parts: HandoffParts, update: OperatorInput, case_id: str) -> bool:
    """Handle `/block` or `/unblock` written in a case; False when it is neither."""
    command = parse_block_command(update.text) if update.kind == EventKind.COMMAND else None
    if command is None:
        return False
    operator = update.user_id or 0
    if not command.block:
        if command.pseudonym:
            lifted = await parts.blocks.unblock_pseudonym(command.pseudonym)
            name = command.pseudonym
        else:
            case = await parts.cases.get(case_id)
            lifted = case is not None and await parts.blocks.unblock_pseudonym(case.pseudonym)
            name = case.pseudonym if case else ""
        if lifted:
            await parts.audit.record(operator, case_id, "unblock")
        await parts.board.say_to(update, parts.board.text(UNBLOCKED, case=name) if lifted
                     else parts.board.text(NOT_BLOCKED), translated=True)
        return True
    if command.days == 0:
        await parts.board.say_to(update, BAD_DAYS)
        return True
    days = command.days or parts.settings.block_days
    case = await parts.cases.get(case_id)
    if case is None or not case.user_key:
        await parts.board.say_to(update, N_("This case is closed: the message was not delivered."))
        return True
    await parts.blocks.block(case.user_key, case.pseudonym, days, case.language, case.country)
    await parts.audit.record(operator, case.id, f"block:{days}d")
    log.info("person blocked case=%s days=%s", case.id, days)
    closed = await parts.cases.close(case.id, str(operator), update.user_name or "")
    if closed is not None:
        await parts.waiting.remove(closed.id)
        await parts.board.show_status(closed)
        await parts.board.close_topic(closed)
    who = update.user_name or parts.board.text(N_("an operator"))
    said = parts.board.text(BLOCKED, case=case.pseudonym, days=days, name=who)
    await parts.board.say_to(update, said, translated=True)
    return True


async def blocked_reply(parts: HandoffParts, event: IncomingEvent) -> bool:
    """A blocked person's message: the neutral reply with the numbers, nothing else. /delete
    still reaches the engine (erasing one's data is never blocked)."""
    if (event.kind == EventKind.COMMAND and command_name(event.text) == "/delete") or (
            event.kind == EventKind.BUTTON and event.payload == DELETE_PAYLOAD):
        return False
    block = await parts.blocks.blocked(event.user_key)
    if block is None:
        return False
    text = parts.person.translate(block.language, NEUTRAL)
    numbers = parts.person.numbers(block.language, block.country or None)
    try:
        await parts.messenger.send(int(event.chat_key), Reply(f"{text}\n\n{numbers}".strip()))
    except Exception as exc:
        log.info("neutral reply to a blocked person not sent: %s", type(exc).__name__)
    return True
