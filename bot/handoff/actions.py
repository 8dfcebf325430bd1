"""Operator buttons on a case: Take, Close (then the outcome), Not at risk."""

from __future__ import annotations

import logging
import time

from bot.core.events import Reply
from bot.handoff.alerts import Press, operator_name, outcome_reply, unannounced
from bot.handoff.case import Case
from bot.handoff.labels import OUTCOMES
from bot.handoff.parts import HandoffParts
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

TAKEN_UNANNOUNCED = N_("Nothing was sent to their phone: your first message will be the first "
                       "thing they see from the team. Someone else may read it.")


async def take(parts: HandoffParts, case: Case, operator: int, *,
               notify_press: str | None, name: str = "") -> bool:
    """Give the case to `operator` (`name`: their first name, shown to colleagues) if it is
    free and they have room; tell both sides."""
    if await parts.cases.open_count(operator) >= parts.settings.capacity:
        # Over capacity the case stays queued and escalates to colleagues instead.
        await parts.audit.record(operator, case.id, "take_refused_capacity")
        await parts.board.answer_press(notify_press,
                           N_("You already have {capacity} open cases: close one first."),
                           capacity=parts.settings.capacity)
        return False
    now = time.time()
    if not await parts.cases.take(case.id, operator, now, name):
        await parts.board.answer_press(notify_press, N_("Someone has already taken this case."))
        return False
    await parts.waiting.remove(case.id)
    await parts.audit.record(operator, case.id, "take")
    # For the dashboard's response times; a full Redis must not undo the take.
    await unless_full(parts.counters.duration("taken", now - case.created))
    parts.metrics.observe_alert("taken", now - case.created)
    await parts.board.answer_press(notify_press, N_("The case is yours."))
    case.state, case.operator, case.taken_at = "taken", operator, now
    case.operator_name = name
    if not await parts.board.show_status(case):  # the alert shows it; else a note, as before
        await parts.board.note(case, "✅ " + parts.board.text(
            N_("Taken by {name}."), name=operator_name(case, parts.board.labels)))
    if unannounced(case):
        # Their phone was never told of a case, and someone else may hold it: taking it says
        # nothing there. The operator's own first message is the first sign of the team.
        await parts.board.note(case, "🔕 " + parts.board.text(TAKEN_UNANNOUNCED))
    else:
        await parts.person.tell(case.user_key, Reply(
            parts.person.text("handoff_taken", case.language),
            parts.person.stop_button(case.language)), case)
    log.info("case taken case=%s", case.id)
    return True


async def close(parts: HandoffParts, case: Case, operator: int, *,
                outcome: str | None, notify_press: str | None,
                pressed: int | None = None, name: str = "") -> None:
    """End the conversation for the person; ask for the outcome unless it is already known.

    `pressed` is the message whose button was pressed: when it is the alert, the alert itself
    turns into the outcome question; otherwise the question is posted in the case.
    """
    closed = await parts.cases.close(case.id, str(operator), name)
    if closed is None:
        if not case.outcome and outcome:
            await record_outcome(parts, case, operator, outcome, notify_press)
            return
        await parts.board.answer_press(notify_press, N_("This case is already closed."))
        return
    await parts.waiting.remove(case.id)
    await parts.audit.record(operator, case.id, "close")
    await unless_full(parts.counters.duration("closed", closed.closed_at - closed.created))
    if outcome:
        await record_outcome(parts, closed, operator, outcome, notify_press)
    else:
        await parts.board.answer_press(notify_press, N_("Closed. Please choose the outcome."))
        on_alert = pressed is not None and pressed == closed.alert_edit
        if not await parts.board.show_status(closed, ask_outcome=on_alert) or not on_alert:
            await parts.board.note(closed, outcome_reply(closed, parts.board.labels))
    await parts.board.close_topic(closed)


async def record_outcome(parts: HandoffParts, case: Case, operator: int, outcome: str,
                         notify_press: str | None) -> None:
    """Count the outcome once (the first press wins), for `python -m bot stats`."""
    if outcome not in OUTCOMES:
        await parts.board.answer_press(notify_press, N_("Unknown outcome."))
        return
    if not await parts.cases.set_outcome_once(case.id, outcome):
        await parts.board.answer_press(notify_press, N_("The outcome is already recorded."))
        return
    await parts.counters.outcome(outcome)
    await parts.audit.record(operator, case.id, f"outcome:{outcome}")
    await parts.board.answer_press(notify_press, N_("Outcome recorded."))
    case.outcome = outcome
    if not await parts.board.show_status(case):
        await parts.board.note(case, parts.board.text(N_("Outcome recorded: {outcome}."),
                                                 outcome=parts.board.labels.outcome(outcome)))


async def on_press(parts: HandoffParts, press: Press, operator: int,
                   callback_id: str | None, pressed: int | None = None, name: str = "") -> None:
    """Dispatch one authorised operator press (`pressed`: the message the button was under;
    `name`: the operator's first name)."""
    case = await parts.cases.get(press.case_id)
    if case is None:
        await parts.board.answer_press(callback_id, N_("This case no longer exists."))
        return
    if press.action == "take":
        if case.state == "closed":
            await parts.board.answer_press(callback_id, N_("This case is closed."))
            return
        await take(parts, case, operator, notify_press=callback_id, name=name)
    elif press.action in ("close", "norisk"):
        if case.state != "closed" and not unannounced(case):
            # Closing forgets the person's chat address, so they are told first (unless their
            # phone never heard of the case). A person who blocked the bot cannot be told: the
            # case closes all the same.
            await parts.person.tell(case.user_key,
                                Reply(parts.person.text("handoff_closed", case.language)), case)
        outcome = "no_risk" if press.action == "norisk" else None
        await close(parts, case, operator, outcome=outcome, notify_press=callback_id,
                    pressed=pressed, name=name)
    elif press.action == "out":
        if case.state != "closed":
            # Outcome buttons come only with a closed case: a forged or stale one must not
            # count an outcome for a conversation that is still going on.
            await parts.board.answer_press(callback_id, N_("Close the case first."))
            return
        await record_outcome(parts, case, operator, press.outcome, callback_id)
    else:
        await parts.board.answer_press(callback_id, None)
