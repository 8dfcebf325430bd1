"""The conversation: the person's messages into the case, the operator's back through the bot.

While a case is open the engine does not answer free text on its own: the person is talking
to a human. Commands and buttons still reach the engine (/delete, /hide, /hotlines must work),
except /stop and the stop button, which end the conversation.
"""

from __future__ import annotations

import logging

from bot.core.events import EventKind, IncomingEvent, Reply
from bot.handoff.actions import take
from bot.handoff.alerts import is_note, outcome_reply
from bot.handoff.canned import canned_command, pick_canned
from bot.handoff.cases import Case
from bot.handoff.channel import OperatorsUnreachable
from bot.handoff.context import STOP_PAYLOAD, Delivery, HandoffContext
from bot.handoff.input import OperatorInput
from bot.handoff.media import copy_to_case, copy_to_person, passes
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

DELETE_PAYLOAD = "m:delete"
TAKE_FIRST = N_("Not delivered: press Take first (or close a case).")
NOTE_KEPT = N_("📝 Note: kept here for colleagues, not passed on to the person.")
PLACE_NOTE_EVERY = 300  # seconds: "your place in the queue" at most this often per case


def _is(event: IncomingEvent, payload: str, command: str) -> bool:
    """Whether the event is this button or this command (e.g. the stop button or /stop)."""
    if event.kind == EventKind.BUTTON:
        return event.payload == payload
    if event.kind == EventKind.COMMAND and event.text:
        return event.text.split(maxsplit=1)[0].lower() == command
    return False


async def say_to(ctx: HandoffContext, update: OperatorInput, text: str, *,
                 translated: bool = False) -> None:
    """Answer an operator's message where they wrote it (`text`: a msgid, in
    OPERATOR_LANGUAGE): in its topic, else as a reply.

    Only a real topic's thread id goes back (a reply in General carries a reply chain's id,
    which Telegram refuses as a thread); the reply alone finds the place otherwise.
    """
    if ctx.chat_id is None:
        return
    try:
        said = text if translated else ctx.op_text(text)
        await ctx.send_to_operators(Reply(said), thread_id=update.thread_id,
                                    reply_to=update.message_id)
    except Exception as exc:
        log.warning("answer to an operator not posted: %s", type(exc).__name__)


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
        if event.edited:
            # A correction of a message operators have seen (the glue drops edits that changed
            # nothing): shown as such, and it never escalates the case a second time.
            lines.append(ctx.op_text(N_("✏️ Edited message")))
        if flags:
            # The danger-phrase layer still speaks while a human has the case.
            signs = ", ".join(ctx.labels.indicator(flag) for flag in dict.fromkeys(flags))
            lines.append("⚠️ " + ctx.op_text(N_("Danger phrase ({signs})"), signs=signs))
            if case.state == "new" and not event.edited:
                await ctx.waiting.escalate_now(case.id)
        media = passes(event.kind) and event.message_key is not None
        if event.kind != EventKind.TEXT and not media:
            lines.append(ctx.op_text(N_("[{kind}: only text is passed on]"),
                                     kind=event.kind.value))
        if not media or flags:
            lines.append(f"💬 {case.pseudonym}: {text}" if text else f"💬 {case.pseudonym}")
        try:
            if not media or flags:
                await ctx.post_in_case(case, Reply("\n".join(lines)))
            if media:  # the caption travels with the copy
                await copy_to_case(ctx, case, event.kind, int(event.chat_key),
                                   int(event.message_key or 0))
        except OperatorsUnreachable:
            # Nobody can read it: the person must not wait for an answer that cannot come.
            log.error("relay to operators failed: chat unreachable case=%s", case.id)
            await ctx.tell_unreachable(case)
            return
        log.info("relayed to operators case=%s", case.id)

    async def _place_note(self, case: Case) -> None:
        if await unless_full(self._ctx.cases.due_once(case.id, "placenote", PLACE_NOTE_EVERY)):
            await self._ctx.remind_place(case)

    async def from_operator(self, update: OperatorInput, case_id: str, *,
                            audit_as: str | None = None) -> bool:
        """An authorised operator's message in a case: to the person, through the bot.

        `audit_as` names the sender in the audit trail when it is not a person's id (an admin
        posting anonymously as the group). True when it reached the person.
        """
        ctx = self._ctx
        if is_note(update.text):
            # A note among colleagues: it stays in the topic, whatever state the case is in.
            await self._say(update, NOTE_KEPT)
            return False
        case = await ctx.cases.get(case_id)
        if case is None or case.state == "closed":
            await self._say(update, N_("This case is closed: the message was not delivered."))
            return False
        text, canned = update.text, canned_command(update.text)
        if canned is not None:
            pick = pick_canned(ctx.canned_file, canned, case.language, ctx.labels)
            if pick.text is None:  # the list, or why not: for the operator only
                await say_to(ctx, update, pick.notice, translated=True)
                return False
            text = pick.text
        elif passes(update.kind) and update.message_id is not None:
            text = None  # copied as it is, caption included
        elif update.kind != EventKind.TEXT or not text:
            await self._say(update, N_("Only text is passed on: the person did not get this."))
            return False
        operator = update.user_id or 0
        if case.state == "new":
            # Writing in a case takes it, as Take would.
            if not await take(ctx, case, operator, notify_press=None,
                              name=update.user_name or ""):
                again = await ctx.cases.get(case_id)
                if again is None or again.state != "taken":  # e.g. this operator is at capacity
                    await self._say(update, TAKE_FIRST)
                    return False
        if text is None:
            delivered = await copy_to_person(ctx, case, update.chat_id, int(update.message_id or 0))
        else:
            delivered = await ctx.tell_user(case.user_key, Reply(text), case)
        if delivered is Delivery.NO_ADDRESS:
            await self._say(update, N_("The person's chat is no longer known: not delivered."))
            return False
        if delivered is Delivery.DELIVERED:  # FAILED: the case already has a note
            # Delivered already: an audit entry refused for lack of memory changes nothing.
            action = ("relay" if canned is None and text is not None
                      else "relay:media" if text is None else f"relay:canned:{canned}")
            await unless_full(ctx.audit.record(audit_as or operator, case.id, action))
            if canned is not None:  # colleagues see what the person got, in their language
                await say_to(ctx, update, pick.notice, translated=True)
        return delivered is Delivery.DELIVERED

    async def _say(self, update: OperatorInput, text: str) -> None:
        await say_to(self._ctx, update, text)

    async def end_by_user(self, case: Case) -> None:
        """/stop or the stop button: the person leaves; operators are told and asked the outcome."""
        ctx = self._ctx
        await ctx.tell_user(case.user_key, Reply(ctx.text("handoff_stopped", case.language)),
                            case)
        closed = await ctx.cases.close(case.id, "person")
        if closed is None:
            return
        await ctx.mark_session(case.user_key, None)
        note = ctx.op_text(N_("The person ended the conversation ({case})."),
                           case=closed.pseudonym)
        await self._ended(closed, note, "stopped_by_user")

    async def erase(self, user_key: str) -> None:
        """/delete during a case: end it at once and keep nothing that points to the person."""
        ctx = self._ctx
        case = await ctx.cases.open_case_of(user_key)
        if case is None:
            return
        closed = await ctx.cases.close(case.id, "erased")
        if closed is None:
            return
        note = ctx.op_text(N_("The person erased their data; the conversation has ended "
                              "({case})."), case=closed.pseudonym)
        await self._ended(closed, note, "erased_by_user", keep_answers=False)

    async def _ended(self, closed: Case, note: str, action: str, *,
                     keep_answers: bool = True) -> None:
        """The person ended the case: operators are told (posted, not only shown on the alert:
        an edit notifies nobody) and asked the outcome; the alert and the topic are closed."""
        ctx = self._ctx
        await ctx.waiting.remove(closed.id)
        await unless_full(ctx.counters.duration("closed", closed.closed_at - closed.created))
        await ctx.note_in_case(closed, note)
        await ctx.note_in_case(closed, outcome_reply(closed, ctx.labels))
        if not keep_answers:
            closed.summary = []  # the alert, redrawn, drops the answers too
        await ctx.show_status(closed)
        await ctx.close_topic(closed)
        await ctx.audit.record(0, closed.id, action)
