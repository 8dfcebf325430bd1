"""The conversation: the person's messages into the case, the operator's back through the bot.

While a case is open the engine does not answer free text on its own: the person is talking
to a human. Commands and buttons still reach the engine (/delete, /hide, /hotlines must work),
except /stop and the stop button, which end the conversation.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.core.events import EventKind, IncomingEvent, Reply
from bot.handoff.alerts import outcome_reply
from bot.handoff.cases import Case
from bot.handoff.context import STOP_PAYLOAD, HandoffContext
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

DELETE_PAYLOAD = "m:delete"
PLACE_NOTE_EVERY = 300  # seconds: "your place in the queue" at most this often per case


class OperatorInput(Protocol):
    """The parts of an operators'-chat update the handoff uses (the glue's TgInput fits)."""

    # Read-only, so the glue's frozen TgInput satisfies it.
    @property
    def chat_id(self) -> int: ...
    @property
    def user_id(self) -> int | None: ...
    @property
    def kind(self) -> EventKind: ...
    @property
    def text(self) -> str | None: ...
    @property
    def payload(self) -> str | None: ...
    @property
    def message_id(self) -> int | None: ...
    @property
    def callback_id(self) -> str | None: ...
    @property
    def thread_id(self) -> int | None: ...
    @property
    def reply_to_message_id(self) -> int | None: ...


def _is(event: IncomingEvent, payload: str, command: str) -> bool:
    """Whether the event is this button or this command (e.g. the stop button or /stop)."""
    if event.kind == EventKind.BUTTON:
        return event.payload == payload
    if event.kind == EventKind.COMMAND and event.text:
        return event.text.split(maxsplit=1)[0].lower() == command
    return False


class Relay:
    """Both directions of an open case, and ending it from either side."""

    def __init__(self, ctx: HandoffContext) -> None:
        self._ctx = ctx

    async def from_user(self, event: IncomingEvent) -> bool:
        """Handle the person's event if they have an open case; True when it was consumed."""
        case = await self._ctx.cases.open_case_of(event.user_key)
        if case is None:
            return False
        if _is(event, STOP_PAYLOAD, "/stop"):
            await self.end_by_user(case)
            return True
        if _is(event, DELETE_PAYLOAD, "/delete"):
            # Now, before the engine erases the keys that lead from the person to the case:
            # afterwards the case (with their user key) could no longer be found and closed.
            await self.erase(event.user_key)
            return False  # the engine still erases everything else and confirms
        if event.kind in (EventKind.COMMAND, EventKind.BUTTON):
            return False
        await self._to_case(case, event)
        if case.state == "new":
            await self._place_note(case)
        return True

    async def _to_case(self, case: Case, event: IncomingEvent) -> None:
        ctx = self._ctx
        text = event.text or ""
        flags: list[str] = []
        if text and ctx.danger is not None:
            flags = list(ctx.danger(text, case.language))
        lines = []
        if flags:
            # The danger-phrase layer still speaks while a human has the case.
            lines.append(f"⚠️ Danger phrase ({', '.join(dict.fromkeys(flags))})")
            if case.state == "new":
                await ctx.waiting.escalate_now(case.id)
        if event.kind != EventKind.TEXT:
            lines.append(f"[{event.kind.value}: only text is passed on]")
        lines.append(f"💬 {case.pseudonym}: {text}" if text else f"💬 {case.pseudonym}")
        await ctx.post_in_case(case, Reply("\n".join(lines)))
        log.info("relayed to operators case=%s", case.id)

    async def _place_note(self, case: Case) -> None:
        if await unless_full(self._ctx.cases.due_once(case.id, "placenote", PLACE_NOTE_EVERY)):
            await self._ctx.remind_place(case)

    async def from_operator(self, update: OperatorInput, case_id: str) -> None:
        """An authorised operator's message in a case: to the person, through the bot."""
        ctx = self._ctx
        case = await ctx.cases.get(case_id)
        if case is None or case.state == "closed":
            await self._say(update, "This case is closed: the message was not delivered.")
            return
        if update.kind != EventKind.TEXT or not update.text:
            await self._say(update, "Only text is passed on: the person did not get this.")
            return
        operator = update.user_id or 0
        if case.state == "new":
            from bot.handoff.actions import take  # writing in a case takes it, as Take would

            if not await take(ctx, case, operator, notify_press=None):
                again = await ctx.cases.get(case_id)
                if again is None or again.state != "taken":  # e.g. this operator is at capacity
                    await self._say(update, "Not delivered: press Take first (or close a case).")
                    return
        delivered = await ctx.tell_user(case.user_key, Reply(update.text))
        if not delivered:
            await self._say(update, "The person's chat is no longer known: not delivered.")
            return
        await unless_full(ctx.audit.record(operator, case.id, "relay"))  # delivered already

    async def _say(self, update: OperatorInput, text: str) -> None:
        if self._ctx.chat_id is None:
            return
        await self._ctx.messenger.send(
            self._ctx.chat_id, Reply(text), thread_id=update.thread_id,
            reply_to=update.message_id,
        )

    async def end_by_user(self, case: Case) -> None:
        """/stop or the stop button: the person leaves; operators are told and asked the outcome."""
        ctx = self._ctx
        await ctx.tell_user(case.user_key, Reply(ctx.text("handoff_stopped", case.language)))
        closed = await ctx.cases.close(case.id, "person")
        if closed is None:
            return
        await ctx.mark_session(case.user_key, None)
        await self._ended(closed, f"The person ended the conversation ({closed.pseudonym}).",
                          "stopped_by_user")

    async def erase(self, user_key: str) -> None:
        """/delete during a case: end it at once and keep nothing that points to the person."""
        ctx = self._ctx
        case = await ctx.cases.open_case_of(user_key)
        if case is None:
            return
        closed = await ctx.cases.close(case.id, "erased")
        if closed is None:
            return
        note = f"The person erased their data; the conversation has ended ({closed.pseudonym})."
        await self._ended(closed, note, "erased_by_user", keep_answers=False)

    async def _ended(self, closed: Case, note: str, action: str, *,
                     keep_answers: bool = True) -> None:
        """The person ended the case: operators are told (posted, not only shown on the alert:
        an edit notifies nobody) and asked the outcome; the alert and the topic are closed."""
        ctx = self._ctx
        await ctx.waiting.remove(closed.id)
        await ctx.post_in_case(closed, Reply(note))
        await ctx.post_in_case(closed, outcome_reply(closed))
        if not keep_answers:
            closed.summary = []  # the alert, redrawn, drops the answers too
        await ctx.show_status(closed)
        await ctx.close_topic(closed)
        await ctx.audit.record(0, closed.id, action)
