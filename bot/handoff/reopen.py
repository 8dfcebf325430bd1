"""Reopening a closed case within OPERATOR_REOPEN_DAYS, from either side.

- An operator writes `/reopen` in the closed case's topic (or as a reply to its alert): the
  case is theirs again, in the same topic; the person is told, neutrally, that the
  conversation continues. Refused when the person ended it themselves (/stop: they can ask
  again), erased their data, is blocked, or the window has passed.
- The person asks for a human again (the engine's usual offer) within the window: the same
  case reopens and waits in the queue again, announced in its own topic with the buttons;
  after the window a new case opens. Anything else the person writes after a close goes to
  the bot as usual (the danger-phrase layer and the numbers first), never to the closed case:
  they were told the conversation ended, and only their new request reopens it.

Audited as `reopen` (an operator) or `reopened` (the person); TTLs as for an open case.
"""

from __future__ import annotations

import logging

from bot.core.commands import command_name
from bot.core.events import EventKind, OperatorAlert, Reply
from bot.handoff.blocks import owner_of
from bot.handoff.case import Case
from bot.handoff.input import OperatorInput
from bot.handoff.parts import HandoffParts
from bot.i18n import N_

log = logging.getLogger(__name__)

COMMAND = "/reopen"
NOT_CLOSED = N_("This case is open: nothing to reopen.")
GONE = N_("This case can no longer be reopened: a new case opens when the person asks again.")
TOO_LATE = N_("Closed more than {days} days ago: it can no longer be reopened. A new case "
              "opens when the person asks again.")
ENDED_BY_PERSON = N_("The person ended this conversation themselves: it is not reopened "
                     "against their wish. They can ask for a person again at any time.")
BLOCKED = N_("The person is blocked: /unblock first.")
AT_CAPACITY = N_("You already have {capacity} open cases: close one first.")
REOPENED = N_("🔁 {name} reopened {case}: write here to answer the person.")
# To the person, in their language: that the conversation continues, nothing more.
TOLD_PERSON = N_("A member of our team has continued your conversation: write here to "
                 "answer. /stop ends it.")


def is_reopen_command(update: OperatorInput) -> bool:
    """Whether the operator's message is `/reopen` (any case, with or without "@BotName")."""
    return update.kind == EventKind.COMMAND and command_name(update.text) == COMMAND


async def on_reopen_command(parts: HandoffParts, update: OperatorInput, case_id: str) -> bool:
    """Handle `/reopen` written in a case; False when it is not that command."""
    if not is_reopen_command(update):
        return False
    await parts.board.say_to(update, await reopen_by_operator(
        parts, case_id, update.user_id or 0, update.user_name or ""), translated=True)
    return True


async def reopen_by_operator(parts: HandoffParts, case_id: str, operator: int,
                             name: str) -> str:
    """Reopen the case for `operator`; returns what to tell them (translated)."""
    case = await parts.cases.get(case_id)
    if case is None or case.closed_by == "erased" or not case.user_key:
        return parts.board.text(GONE)
    if case.state != "closed":
        return parts.board.text(NOT_CLOSED)
    if case.closed_by == "person":
        return parts.board.text(ENDED_BY_PERSON)
    recent = await parts.cases.recent_case_of(case.user_key)
    if recent is None or recent.id != case.id:
        return parts.board.text(TOO_LATE, days=parts.settings.reopen_days)
    if parts.blocks is not None and await parts.blocks.blocked(case.user_key) is not None:
        return parts.board.text(BLOCKED)
    if await parts.cases.open_count(operator) >= parts.settings.capacity:
        return parts.board.text(AT_CAPACITY, capacity=parts.settings.capacity)
    if not await parts.cases.reopen(case, operator=operator, name=name):
        return parts.board.text(NOT_CLOSED)
    # The name stays theirs for as long as the reopened case may stay open.
    await parts.cases.pseudonyms.reserve([case.pseudonym],
                                         owner_of(parts.pseudonymizer, case.user_key))
    await parts.audit.record(operator, case.id, "reopen")
    log.info("case reopened by an operator case=%s", case.id)
    await parts.board.reopen_topic(case)
    await parts.board.show_status(case)
    who = name or parts.board.text(N_("an operator"))
    text = parts.person.translate(case.language, TOLD_PERSON)
    stop = parts.person.stop_button(case.language)
    await parts.person.tell(case.user_key, Reply(text, stop), case)
    return parts.board.text(REOPENED, name=who, case=case.pseudonym)


async def reopen_by_person(parts: HandoffParts, case: Case, alert: OperatorAlert) -> bool:
    """The person asked for a human again within the window: the case takes the new alert's
    details and waits in the queue again. False when someone reopened it first."""
    if not await parts.cases.reopen(case, chat_key=alert.chat_key):
        return False
    await parts.cases.update(
        case.id, reason=alert.reason, country=alert.country or case.country,
        risk_level=alert.risk_level or "", indicators="\n".join(alert.indicators),
        summary="\n".join(alert.summary), user_text=alert.user_text or "")
    await parts.audit.record(0, case.id, "reopened")
    log.info("case reopened by the person case=%s", case.id)
    return True
