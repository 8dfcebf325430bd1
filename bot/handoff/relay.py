"""The conversation: the person's messages into the case, the operator's back through the bot.

While a case is open the engine does not answer free text on its own: the person is talking
to a human. Commands and buttons still reach the engine (/delete, /hide, /hotlines must work),
except /stop and the stop button, which end the conversation.
"""

from __future__ import annotations

import logging

from redis.exceptions import RedisError

from bot.core.commands import command_name
from bot.core.events import CaseStatus, EventKind, IncomingEvent, Reply
from bot.handoff.actions import take
from bot.handoff.alerts import is_note, outcome_reply, silent_case, unannounced
from bot.handoff.canned import canned_command, pick_canned
from bot.handoff.case import Case
from bot.handoff.channel import OperatorsUnreachable
from bot.handoff.erased import keep_case_erase_person
from bot.handoff.input import OperatorInput
from bot.handoff.media import copy_to_case, passes
from bot.handoff.parts import HandoffParts
from bot.handoff.person import STOP_PAYLOAD, Delivery
from bot.handoff.routing import Routed
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

DELETE_PAYLOAD = "m:delete"
TAKE_FIRST = N_("Not delivered: press Take first (or close a case).")
NOTE_KEPT = N_("📝 Note: kept here for colleagues, not passed on to the person.")
STOP_UNANNOUNCED = N_("🔕 /stop was written on {case}'s phone. The case stays open: their phone "
                      "has not been told of it, and someone else may have written this.")
PLACE_NOTE_EVERY = 300  # seconds: "your place in the queue" at most this often per case


def _is(event: IncomingEvent, payload: str, command: str) -> bool:
    """Whether the event is this button or this command (e.g. the stop button or /stop)."""
    if event.kind == EventKind.BUTTON:
        return event.payload == payload
    return event.kind == EventKind.COMMAND and command_name(event.text) == command


class Relay:
    """Both directions of an open case, and ending it from either side."""

    def __init__(self, parts: HandoffParts) -> None:
        self._parts = parts

    async def from_user(self, event: IncomingEvent) -> Routed:
        """Handle the person's event if they have an open case (`to_case` when it was
        consumed), saying which case is open for the session."""
        case = await self._parts.cases.open_case_of(event.user_key)
        if case is None:
            return Routed(False, CaseStatus(None))
        if _is(event, STOP_PAYLOAD, "/stop"):
            if unannounced(case):
                # The phone was never told of a case: whoever typed /stop (maybe not the
                # person) must not end the alarm, nor learn of it. The menu answers, as it
                # does without a case; the operators are told.
                await self._parts.board.note(case, self._parts.board.text(STOP_UNANNOUNCED,
                                                                          case=case.pseudonym))
                return Routed(False, CaseStatus(case.id, unannounced=True))
            await self.end_by_user(case)
            return Routed(True, CaseStatus(None))
        if _is(event, DELETE_PAYLOAD, "/delete"):
            # Now, before the engine erases the keys that lead from the person to the case:
            # afterwards the case (with their user key) could no longer be found and closed.
            await self.erase(event.user_key)
            return Routed(False)  # the engine still erases everything else and confirms
        if event.kind in (EventKind.COMMAND, EventKind.BUTTON):
            # The engine answers it, ordinarily when the phone was never told of the case.
            return Routed(False, CaseStatus(case.id, unannounced=unannounced(case)))
        danger, posted = await self._to_case(case, event)
        place = await self._named_place(case, event)
        if unannounced(case):
            # Silence would look broken to a frightened person and odd to a watcher: the
            # ordinary reply, as if no team were involved (the numbers when they wrote of
            # danger openly or named a country, as anyone gets them).
            await self._parts.person.answer_unannounced(case, danger=danger, place=place)
            return Routed(True, CaseStatus(case.id, unannounced=True))
        if not danger and posted and await self._asks_person(event, case.language):
            # Typed instead of the button ("can I talk to a person?"): relayed above, and
            # answered as the button is, once, with nothing more (no place in the queue).
            await self._parts.person.have_request(case)
            return Routed(True, CaseStatus(case.id))
        if danger and posted and case.state == "new":
            # Nobody has the case yet, and the queue may take minutes: the numbers at once (an
            # operator who has it answers themselves; an unreachable chat told them already).
            try:
                await self._parts.person.tell_numbers(case)
            except (RedisError, OSError) as exc:
                # Posted in the case already: raised, the caller's retry would post it again.
                log.warning("numbers in a case not sent (%s) case=%s", type(exc).__name__,
                            case.id)
        # A silent case (code word, missed check-in) was never announced on the phone: no
        # "your place in the queue" there either, whoever is holding it.
        if case.state == "new" and not silent_case(case):
            try:
                await self._place_note(case)
            except (RedisError, OSError) as exc:
                # Posted in the case already: raised, the caller's retry would post it again.
                log.warning("place in the queue not told (%s) case=%s", type(exc).__name__,
                            case.id)
        return Routed(True, CaseStatus(case.id, unannounced=unannounced(case)))

    async def _named_place(self, case: Case, event: IncomingEvent) -> str | None:
        """The country the person's own text names as where they are: the case takes it (its
        numbers, its escalations and a missed check-in's "last country they named")."""
        if event.kind != EventKind.TEXT or event.forwarded or not event.text:
            return None
        place = self._parts.person.place_in(event.text)
        if place is not None and place != case.country:
            await self._parts.cases.update(case.id, country=place)
            case.country = place
        return place

    async def _asks_person(self, event: IncomingEvent, language: str) -> bool:
        """Whether the person's own text asks for a person (the engine reads it)."""
        asks = self._parts.asks_person
        if asks is None or event.kind != EventKind.TEXT or event.forwarded or event.edited:
            return False
        return await asks(event.text or "", language)

    async def _to_case(self, case: Case, event: IncomingEvent) -> tuple[bool, bool]:
        """Post the person's message in the case: whether it holds a danger phrase, and
        whether the operators' chat took it (False: the person was told it could not)."""
        parts = self._parts
        text = event.text or ""
        flags: list[str] = []
        if text and parts.danger is not None:
            flags = list(parts.danger(text, case.language))
        lines = []
        if event.edited:
            # A correction of a message operators have seen (the glue drops edits that changed
            # nothing): shown as such, and it never escalates the case a second time.
            lines.append(parts.board.text(N_("✏️ Edited message")))
        if flags:
            # The danger-phrase layer still speaks while a human has the case.
            signs = ", ".join(parts.board.labels.indicator(flag) for flag in dict.fromkeys(flags))
            lines.append("⚠️ " + parts.board.text(N_("Danger phrase ({signs})"), signs=signs))
            if case.state == "new" and not event.edited:
                await parts.waiting.escalate_now(case.id)
        media = passes(event.kind) and event.message_key is not None
        if event.kind != EventKind.TEXT and not media:
            lines.append(parts.board.text(N_("[{kind}: only text is passed on]"),
                                     kind=event.kind.value))
        if not media or flags:
            lines.append(f"💬 {case.pseudonym}: {text}" if text else f"💬 {case.pseudonym}")
        try:
            if not media or flags:
                await parts.board.post(case, Reply("\n".join(lines)))
            if media:  # the caption travels with the copy
                await copy_to_case(parts, case, event.kind, int(event.chat_key),
                                   int(event.message_key or 0))
        except OperatorsUnreachable:
            # Nobody can read it: the person must not wait for an answer that cannot come
            # (unless the phone never heard of a team: then the ordinary reply follows).
            log.error("relay to operators failed: chat unreachable case=%s", case.id)
            if not unannounced(case):
                await parts.person.tell_unreachable(case)
            return bool(flags), False
        log.info("relayed to operators case=%s", case.id)
        return bool(flags), True

    async def _place_note(self, case: Case) -> None:
        if await unless_full(self._parts.cases.due_once(case.id, "placenote", PLACE_NOTE_EVERY)):
            await self._parts.person.remind_place(case)

    async def from_operator(self, update: OperatorInput, case_id: str, *,
                            audit_as: str | None = None) -> bool:
        """An authorised operator's message in a case: to the person, through the bot.

        `audit_as` names the sender in the audit trail when it is not a person's id (an admin
        posting anonymously as the group). True when it reached the person.
        """
        parts = self._parts
        if is_note(update.text):
            # A note among colleagues: it stays in the topic, whatever state the case is in.
            await self._say(update, NOTE_KEPT)
            return False
        case = await parts.cases.get(case_id)
        if case is None or case.state == "closed":
            reopenable = (case is not None and case.closed_by not in ("person", "erased")
                          and parts.settings.reopen_days > 0)
            await self._say(update, N_("This case is closed: the message was not delivered. "
                                       "/reopen continues it.") if reopenable
                            else N_("This case is closed: the message was not delivered."))
            return False
        text, canned = update.text, canned_command(update.text)
        if canned is not None:
            pick = pick_canned(parts.canned_file, canned, case.language, parts.board.labels)
            if pick.text is None:  # the list, or why not: for the operator only
                await parts.board.say_to(update, pick.notice, translated=True)
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
            if not await take(parts, case, operator, notify_press=None,
                              name=update.user_name or ""):
                again = await parts.cases.get(case_id)
                if again is None or again.state != "taken":  # e.g. this operator is at capacity
                    await self._say(update, TAKE_FIRST)
                    return False
        if text is None:
            delivered = await parts.person.copy(case, update.chat_id, int(update.message_id or 0))
        else:
            delivered = await parts.person.tell(case.user_key, Reply(text), case)
        if delivered is Delivery.NO_ADDRESS:
            await self._say(update, N_("The person's chat is no longer known: not delivered."))
            return False
        if delivered is Delivery.DELIVERED and unannounced(case):
            # Their phone now shows the team: from here on it is an ordinary conversation.
            case.spoken = True
            await parts.cases.update(case.id, spoken=1)
        if delivered is Delivery.DELIVERED:  # FAILED: the case already has a note
            # Delivered already: an audit entry refused for lack of memory changes nothing.
            action = ("relay" if canned is None and text is not None
                      else "relay:media" if text is None else f"relay:canned:{canned}")
            try:
                await unless_full(parts.audit.record(audit_as or operator, case.id, action))
            except (RedisError, OSError) as exc:
                # Not raised: the caller retries a whole update after a Redis failure, and
                # the person would get these words twice.
                log.warning("relayed, audit entry lost (%s) case=%s", type(exc).__name__,
                            case.id)
            if canned is not None:  # colleagues see what the person got, in their language
                await parts.board.say_to(update, pick.notice, translated=True)
        return delivered is Delivery.DELIVERED

    async def _say(self, update: OperatorInput, text: str) -> None:
        await self._parts.board.say_to(update, text)

    async def end_by_user(self, case: Case) -> None:
        """/stop or the stop button: the person leaves; operators are told and asked the outcome."""
        parts = self._parts
        stopped = parts.person.text("handoff_stopped", case.language)
        await parts.person.tell(case.user_key, Reply(stopped), case)
        closed = await parts.cases.close(case.id, "person")
        if closed is None:
            return
        note = parts.board.text(N_("The person ended the conversation ({case})."),
                           case=closed.pseudonym)
        await self._ended(closed, note, "stopped_by_user")

    async def erase(self, user_key: str) -> None:
        """/delete during a case: end it at once and keep nothing that points to the person."""
        parts = self._parts
        case = await parts.cases.open_case_of(user_key)
        if case is None:
            return
        if unannounced(case):  # maybe not the person: the alarm must not end with one command
            await keep_case_erase_person(parts, case, user_key)
            return
        closed = await parts.cases.close(case.id, "erased")
        if closed is None:
            return
        note = parts.board.text(N_("The person erased their data; the conversation has ended "
                              "({case})."), case=closed.pseudonym)
        await self._ended(closed, note, "erased_by_user", keep_answers=False)

    async def _ended(self, closed: Case, note: str, action: str, *,
                     keep_answers: bool = True) -> None:
        """The person ended the case: operators are told (posted, not only shown on the alert:
        an edit notifies nobody) and asked the outcome; the alert and the topic are closed."""
        parts = self._parts
        await parts.waiting.remove(closed.id)
        await unless_full(parts.counters.duration("closed", closed.closed_at - closed.created))
        await parts.board.note(closed, note)
        await parts.board.note(closed, outcome_reply(closed, parts.board.labels))
        if not keep_answers:
            closed.summary = []  # the alert, redrawn, drops the answers too
        await parts.board.show_status(closed)
        await parts.board.close_topic(closed)
        await parts.audit.record(0, closed.id, action)
