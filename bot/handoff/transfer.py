"""Handing a case to a named colleague: `/transfer` in the case, or a button per operator.

`/transfer` alone lists the known operators as buttons (see `directory`); `/transfer Ala`
hands it to the one operator whose first name starts so; `/transfer` written as a reply to a
colleague's message in the case hands it to them. Only authorised operators may transfer
(the service checks the sender; here the colleague must be an operator too: listed in
OPERATOR_IDS or a member of the operators' chat). Any operator may hand on any open case,
a colleague's too (by design: the night shift covers for each other). Audited as
`transfer:<operator id>` by the operator who handed it, with the one who had it as `previous`.

The colleague is named in a post in the case's topic, and so is the one who had the case
when someone else handed it on. The person is told, neutrally, only
when something changes for them: a case someone was already answering gets "another member
of our team will continue"; a case still waiting is just assigned (they notice nothing).
"""

from __future__ import annotations

import logging
import time

from bot.core.commands import command_name
from bot.core.events import Button, EventKind, Reply
from bot.handoff.alerts import PREFIX
from bot.handoff.case import Case
from bot.handoff.directory import KnownOperator
from bot.handoff.input import OperatorInput
from bot.handoff.parts import HandoffParts
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

COMMAND = "/transfer"
PICK = N_("Hand {case} to whom? (or write /transfer and a first name)")
NOBODY = N_("No other operator is known yet: a colleague becomes known once they press a "
            "button or write in this chat, or when listed in OPERATOR_IDS.")
NO_MATCH = N_("No operator's first name starts with \"{name}\".")
CLOSED = N_("This case is closed: nothing to hand over.")
ALREADY = N_("{name} already has this case.")
NOT_OPERATOR = N_("{name} is not an operator (not in OPERATOR_IDS nor in this chat).")
AT_CAPACITY = N_("{name} already has {capacity} open cases: ask them to close one first.")
HANDED = N_("🔀 {by} handed {case} to {name}. {name}: the case is yours now, write here to "
            "answer the person.")
# A colleague's case handed on by someone else: the one who had it learns it is no longer theirs.
HANDED_FROM = N_("🔀 {by} handed {case} from {previous} to {name}. {previous}: it is no longer "
                 "yours and no longer counts among your open cases. {name}: the case is yours "
                 "now, write here to answer the person.")
DONE = N_("Handed to {name}.")
UNNAMED = N_("operator {id}")
# To the person, in their language, when the one answering them changes: nothing more.
TOLD_PERSON = N_("Another member of our team will continue this conversation with you.")


def transfer_argument(text: str | None) -> str | None:
    """The name after `/transfer` ("" for none); None when the text is not the command."""
    if command_name(text) != COMMAND:
        return None
    words = (text or "").split(maxsplit=1)
    return words[1].strip() if len(words) > 1 else ""


def label(parts: HandoffParts, operator: KnownOperator) -> str:
    """An operator's first name, else "operator <id>" (staff ids are fine to show staff)."""
    return operator.name or parts.board.text(UNNAMED, id=operator.id)


async def on_transfer_command(parts: HandoffParts, update: OperatorInput, case_id: str) -> bool:
    """Handle `/transfer [name]` written in a case; False when it is not that command."""
    name = transfer_argument(update.text) if update.kind == EventKind.COMMAND else None
    if name is None:
        return False
    case = await parts.cases.get(case_id)
    if case is None or case.state == "closed":
        await parts.board.say_to(update, CLOSED)
        return True
    target: KnownOperator | None = None
    replied_to = update.reply_to_user_id
    if not name and replied_to and replied_to != update.user_id:
        target = (await parts.directory.find(replied_to)
                  or KnownOperator(replied_to, update.reply_to_user_name or ""))
    elif name:
        found = await parts.directory.named(name)
        if len(found) == 1:
            target = found[0]
        elif not found:
            await parts.board.say_to(update, parts.board.text(NO_MATCH, name=name), translated=True)
            return True
    if target is None:
        await _offer(parts, update, case)
        return True
    said = await hand_over(parts, case, target, by=update.user_id or 0,
                           by_name=update.user_name or "")
    await parts.board.say_to(update, said, translated=True)
    return True


async def _offer(parts: HandoffParts, update: OperatorInput, case: Case) -> None:
    """The known operators as buttons, where `/transfer` was written."""
    listing = await offer(parts, case)
    if listing is None:
        await parts.board.say_to(update, NOBODY)
        return
    try:
        await parts.board.send(listing, thread_id=update.thread_id, reply_to=update.message_id)
    except Exception as exc:
        log.warning("transfer list not posted: %s", type(exc).__name__)


async def offer(parts: HandoffParts, case: Case) -> Reply | None:
    """The known operators as buttons (the one who has the case left out); None: nobody."""
    others = [op for op in await parts.directory.known() if op.id != case.operator]
    if not others:
        return None
    buttons = [[Button(label(parts, op), f"{PREFIX}:xfer:{case.id}:{op.id}")] for op in others]
    return Reply(parts.board.text(PICK, case=case.pseudonym), buttons)


async def transfer_press(parts: HandoffParts, case_id: str, target_id: str, operator: int,
                         name: str) -> str | None:
    """A press of "Hand over" under the alert (no `target_id`: the list is posted in the
    case) or of one operator's button under the list; returns the notice for the toast."""
    case = await parts.cases.get(case_id)
    if case is None or case.state == "closed":
        return parts.board.text(CLOSED)
    if not target_id:
        listing = await offer(parts, case)
        if listing is None:
            return parts.board.text(NOBODY)
        await parts.board.note(case, listing)
        return None
    if not target_id.lstrip("-").isdigit():
        return parts.board.text(CLOSED)
    target = await parts.directory.find(int(target_id)) or KnownOperator(int(target_id), "")
    return await hand_over(parts, case, target, by=operator, by_name=name)


async def hand_over(parts: HandoffParts, case: Case, target: KnownOperator, *, by: int,
                    by_name: str) -> str:
    """Give the open case to `target`; returns what to tell the operator who asked."""
    who = label(parts, target)
    if case.state == "closed":
        return parts.board.text(CLOSED)
    if target.id == case.operator and case.state == "taken":
        return parts.board.text(ALREADY, name=who)
    if not await parts.auth.allowed(target.id):
        return parts.board.text(NOT_OPERATOR, name=who)
    if await parts.cases.open_count(target.id) >= parts.settings.capacity:
        return parts.board.text(AT_CAPACITY, name=who, capacity=parts.settings.capacity)
    now = time.time()
    before = await parts.cases.transfer(case.id, target.id, target.name, now)
    if before is None:
        return parts.board.text(CLOSED)
    was_waiting = before == 0  # the store's answer, not our earlier read: it may have changed
    if was_waiting:  # it leaves the queue: no more escalations
        await parts.waiting.remove(case.id)
        await unless_full(parts.counters.duration("taken", now - case.created))
        case.taken_at = now
    # Who handed it (the entry's operator), to whom (the action) and from whom (`previous`).
    await parts.audit.record(by, case.id, f"transfer:{target.id}", previous=before)
    log.info("case handed over case=%s", case.id)
    previous_name = case.operator_name if case.operator == before else ""
    case.state, case.operator, case.operator_name = "taken", target.id, target.name
    await parts.board.show_status(case)
    giver = by_name or parts.board.text(N_("an operator"))
    if before and before != by:
        # Someone else's case: its holder is named where they work, so they know.
        known = await parts.directory.find(before)
        had = label(parts, KnownOperator(before, previous_name or (known.name if known else "")))
        said = parts.board.text(HANDED_FROM, by=giver, case=case.pseudonym, previous=had,
                                name=who)
    else:
        said = parts.board.text(HANDED, by=giver, case=case.pseudonym, name=who)
    await parts.board.note(case, said)
    if not was_waiting:
        # Someone was answering them: the person hears that someone else will, nothing more.
        text = parts.person.translate(case.language, TOLD_PERSON)
        stop = parts.person.stop_button(case.language)
        await parts.person.tell(case.user_key, Reply(text, stop), case)
    return parts.board.text(DONE, name=who)
