"""Updates from the operators' chat: button presses and messages in a case.

Who may act is checked here (OPERATOR_IDS or members of the chat; an admin posting as the
group when OPERATOR_ANONYMOUS_ADMINS allows), then each command goes to the part that does it:
notes stay, /block, /transfer and /reopen act, anything else is relayed to the person. When
Redis fails a message in a case is held and passed on once it is back (bot/handoff/held.py);
when it cannot be held the operator is told that nothing was passed on.
"""

from __future__ import annotations

import asyncio
import logging

from redis.exceptions import RedisError

from bot.core.events import EventKind, Reply
from bot.handoff.actions import on_press
from bot.handoff.alerts import is_note, parse_press
from bot.handoff.blocks import parse_block_command
from bot.handoff.degraded import (
    REDIS_DOWN,
    STORAGE_DEGRADED_OPERATOR,
    STORAGE_DEGRADED_PRESS,
    why,
)
from bot.handoff.desk import on_block_command
from bot.handoff.held import HeldOperatorMessages
from bot.handoff.input import OperatorInput
from bot.handoff.parts import HandoffParts
from bot.handoff.relay import NOTE_KEPT, Relay
from bot.handoff.reopen import is_reopen_command, on_reopen_command
from bot.handoff.transfer import on_transfer_command, transfer_argument, transfer_press
from bot.i18n import N_
from bot.storage.health import unless_full
from bot.storage.redis import once_more

log = logging.getLogger(__name__)

ANONYMOUS_ADMIN = "anonymous admin"  # the audit trail's name for an admin posting as the group
ANONYMOUS_OFF = N_("Messages posted anonymously (as the group) are not passed on: turn off "
                   "\"Remain anonymous\" in your admin rights and write again.")


ANONYMOUS_COMMAND = N_("/block, /unblock, /transfer and /reopen need your own name: turn off "
                       "\"Remain anonymous\" in your admin rights and write again.")


def _desk_command(update: OperatorInput) -> bool:
    """Whether the message is one of the desk's commands (never text for the person)."""
    return update.kind == EventKind.COMMAND and (
        parse_block_command(update.text) is not None
        or transfer_argument(update.text) is not None or is_reopen_command(update))


class OperatorUpdates:
    """One update from the operators' chat, authorised and dispatched."""

    def __init__(self, parts: HandoffParts, relay: Relay) -> None:
        self.parts = parts
        self.relay = relay
        self.held = HeldOperatorMessages(parts)  # messages in a case kept while Redis is away

    async def handle(self, update: OperatorInput) -> None:
        """A message or a button press in the operators' chat."""
        if len(self.held) and update.kind != EventKind.BUTTON and self._about_a_case(update):
            # Behind messages still held: in order, or the person reads them out of order.
            if _desk_command(update) or not await self.held.hold(update, REDIS_DOWN):
                await self._not_passed_on(update, REDIS_DOWN)
            return
        try:
            await once_more(lambda: self._dispatch(update))
        except (RedisError, OSError) as exc:
            # Never silently: the operator must know their words did not reach the person.
            log.error("operator update during a Redis failure (%s): held or refused, said so",
                      type(exc).__name__)
            await self._degraded(update, exc)

    async def run(self, stop: asyncio.Event) -> None:
        """Pass on messages held during a Redis outage once it is back, until `stop` is set."""
        await self.held.run(stop, self._dispatch)

    async def _degraded(self, update: OperatorInput, exc: BaseException) -> None:
        parts = self.parts
        if update.kind == EventKind.BUTTON:
            await parts.board.answer_press(update.callback_id, STORAGE_DEGRADED_PRESS)
            return
        if not self._about_a_case(update):
            return  # not in a topic nor a reply: cannot be about a case
        if is_note(update.text):
            return  # a note is never passed on: nothing was lost
        # A desk command is never held: it is not text for the person ("held, passed on to
        # the person" would be untrue), and run minutes later it would act unasked.
        if _desk_command(update) or not await self.held.hold(update, why(exc)):
            await self._not_passed_on(update, why(exc))

    def _about_a_case(self, update: OperatorInput) -> bool:
        return self.parts.board.chat_id is not None and bool(update.thread_id
                                                             or update.reply_to_message_id)

    async def _not_passed_on(self, update: OperatorInput, reason: str) -> None:
        board = self.parts.board
        assert board.chat_id is not None
        await self.parts.messenger.send(
            board.chat_id, Reply(board.text(STORAGE_DEGRADED_OPERATOR, why=board.text(reason))),
            thread_id=update.thread_id, reply_to=update.message_id,
        )

    async def _dispatch(self, update: OperatorInput) -> bool:
        """Handle a press or a message; True when a message reached the person."""
        parts = self.parts
        if update.kind == EventKind.BUTTON:
            press = parse_press(update.payload)
            if press is None:
                await parts.board.answer_press(update.callback_id, None)
                return False
            if not await parts.auth.allowed(update.user_id):
                await parts.board.answer_press(update.callback_id,
                                               N_("Only the NGO's operators can do this."))
                await parts.audit.record(self._stranger(update.user_id), press.case_id, "refused")
                return False
            await unless_full(parts.directory.saw(update.user_id, update.user_name))
            if press.action == "xfer":  # a colleague's button under /transfer's list
                notice = await transfer_press(parts, press.case_id, press.outcome,
                                              update.user_id or 0, update.user_name or "")
                await parts.board.answer_press(update.callback_id, None, toast=notice)
                return False
            await on_press(parts, press, update.user_id or 0, update.callback_id,
                           update.message_id, name=update.user_name or "")
            return False
        if parts.board.chat_id is None:
            return False
        case_id = await parts.cases.refs.case_for(update.chat_id, update.thread_id,
                                             update.reply_to_message_id)
        if case_id is None:
            return False  # talk among operators, not about a case
        if is_note(update.text):
            # A note about the case, from anyone in the chat: never relayed, never audited
            # (its words are not ours to keep).
            if await parts.auth.allowed(update.user_id):  # a colleague to hand cases to
                await unless_full(parts.directory.saw(update.user_id, update.user_name))
            await parts.board.say_to(update, NOTE_KEPT)
            return False
        if update.sender_chat_id is not None and update.sender_chat_id == parts.board.chat_id:
            # Posted as the group: only an admin of the operators' chat can do that.
            if not parts.settings.anonymous_admins:
                await parts.audit.record(ANONYMOUS_ADMIN, case_id, "refused_anonymous")
                await parts.board.say_to(update, ANONYMOUS_OFF)
                return False
            if _desk_command(update):  # never relayed as text; an audit entry needs a name
                await parts.board.say_to(update, ANONYMOUS_COMMAND)
                return False
            return await self.relay.from_operator(update, case_id, audit_as=ANONYMOUS_ADMIN)
        if not await parts.auth.allowed(update.user_id):
            await parts.audit.record(self._stranger(update.user_id), case_id, "refused")
            await parts.board.say_to(update, N_("Only the NGO's operators can write to people."))
            return False
        await unless_full(parts.directory.saw(update.user_id, update.user_name))
        for command in (on_block_command, on_transfer_command, on_reopen_command):
            if await command(parts, update, case_id):
                return False
        return await self.relay.from_operator(update, case_id)

    def _stranger(self, user_id: int | None) -> str:
        # Not staff: only a keyed hash of their id goes into the audit trail.
        return "anon:" + self.parts.pseudonymizer.user_key(f"tg:{user_id}")[:12]
