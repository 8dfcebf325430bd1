"""Operator buttons on a case: Take, Close (then the outcome), Not at risk."""

from __future__ import annotations

import logging
import time

from bot.core.events import Reply
from bot.handoff.alerts import Press, operator_name, outcome_reply
from bot.handoff.cases import Case
from bot.handoff.context import HandoffContext
from bot.handoff.failures import Call, decide
from bot.handoff.labels import OUTCOMES
from bot.i18n import N_
from bot.storage.health import unless_full

log = logging.getLogger(__name__)


async def take(ctx: HandoffContext, case: Case, operator: int, *,
               notify_press: str | None, name: str = "") -> bool:
    """Give the case to `operator` (`name`: their first name, shown to colleagues) if it is
    free and they have room; tell both sides."""
    if await ctx.cases.open_count(operator) >= ctx.settings.capacity:
        # Over capacity the case stays queued and escalates to colleagues instead.
        await ctx.audit.record(operator, case.id, "take_refused_capacity")
        await answer_press(ctx, notify_press,
                           N_("You already have {capacity} open cases: close one first."),
                           capacity=ctx.settings.capacity)
        return False
    now = time.time()
    if not await ctx.cases.take(case.id, operator, now, name):
        await answer_press(ctx, notify_press, N_("Someone has already taken this case."))
        return False
    await ctx.waiting.remove(case.id)
    await ctx.audit.record(operator, case.id, "take")
    # For the dashboard's response times; a full Redis must not undo the take.
    await unless_full(ctx.counters.duration("taken", now - case.created))
    ctx.metrics.observe_alert("taken", now - case.created)
    await answer_press(ctx, notify_press, N_("The case is yours."))
    case.state, case.operator, case.taken_at = "taken", operator, now
    case.operator_name = name
    if not await ctx.show_status(case):  # the alert shows it; else a note, as before
        await ctx.note_in_case(case, "✅ " + ctx.op_text(
            N_("Taken by {name}."), name=operator_name(case, ctx.labels)))
    await ctx.tell_user(case.user_key, Reply(
        ctx.text("handoff_taken", case.language), ctx.stop_button(case.language)
    ), case)
    log.info("case taken case=%s", case.id)
    return True


async def close(ctx: HandoffContext, case: Case, operator: int, *,
                outcome: str | None, notify_press: str | None,
                pressed: int | None = None, name: str = "") -> None:
    """End the conversation for the person; ask for the outcome unless it is already known.

    `pressed` is the message whose button was pressed: when it is the alert, the alert itself
    turns into the outcome question; otherwise the question is posted in the case.
    """
    closed = await ctx.cases.close(case.id, str(operator), name)
    if closed is None:
        if not case.outcome and outcome:
            await record_outcome(ctx, case, operator, outcome, notify_press)
            return
        await answer_press(ctx, notify_press, N_("This case is already closed."))
        return
    await ctx.waiting.remove(case.id)
    await ctx.mark_session(case.user_key, None)
    await ctx.audit.record(operator, case.id, "close")
    await unless_full(ctx.counters.duration("closed", closed.closed_at - closed.created))
    if outcome:
        await record_outcome(ctx, closed, operator, outcome, notify_press)
    else:
        await answer_press(ctx, notify_press, N_("Closed. Please choose the outcome."))
        on_alert = pressed is not None and pressed == closed.alert_edit
        if not await ctx.show_status(closed, ask_outcome=on_alert) or not on_alert:
            await ctx.note_in_case(closed, outcome_reply(closed, ctx.labels))
    await ctx.close_topic(closed)


async def record_outcome(ctx: HandoffContext, case: Case, operator: int, outcome: str,
                         notify_press: str | None) -> None:
    """Count the outcome once (the first press wins), for `python -m bot stats`."""
    if outcome not in OUTCOMES:
        await answer_press(ctx, notify_press, N_("Unknown outcome."))
        return
    if not await ctx.cases.set_outcome_once(case.id, outcome):
        await answer_press(ctx, notify_press, N_("The outcome is already recorded."))
        return
    await ctx.counters.outcome(outcome)
    await ctx.audit.record(operator, case.id, f"outcome:{outcome}")
    await answer_press(ctx, notify_press, N_("Outcome recorded."))
    case.outcome = outcome
    if not await ctx.show_status(case):
        await ctx.note_in_case(case, ctx.op_text(N_("Outcome recorded: {outcome}."),
                                                 outcome=ctx.labels.outcome(outcome)))


async def on_press(ctx: HandoffContext, press: Press, operator: int,
                   callback_id: str | None, pressed: int | None = None, name: str = "") -> None:
    """Dispatch one authorised operator press (`pressed`: the message the button was under;
    `name`: the operator's first name)."""
    case = await ctx.cases.get(press.case_id)
    if case is None:
        await answer_press(ctx, callback_id, N_("This case no longer exists."))
        return
    if press.action == "take":
        if case.state == "closed":
            await answer_press(ctx, callback_id, N_("This case is closed."))
            return
        await take(ctx, case, operator, notify_press=callback_id, name=name)
    elif press.action in ("close", "norisk"):
        if case.state != "closed":
            # Closing forgets the person's chat address, so they are told first. A person who
            # blocked the bot cannot be told: the case closes all the same.
            await ctx.tell_user(case.user_key,
                                Reply(ctx.text("handoff_closed", case.language)), case)
        outcome = "no_risk" if press.action == "norisk" else None
        await close(ctx, case, operator, outcome=outcome, notify_press=callback_id,
                    pressed=pressed, name=name)
    elif press.action == "out":
        if case.state != "closed":
            # Outcome buttons come only with a closed case: a forged or stale one must not
            # count an outcome for a conversation that is still going on.
            await answer_press(ctx, callback_id, N_("Close the case first."))
            return
        await record_outcome(ctx, case, operator, press.outcome, callback_id)
    else:
        await answer_press(ctx, callback_id, None)


async def answer_press(ctx: HandoffContext, callback_id: str | None, text: str | None,
                       **values: object) -> None:
    """Stop the button's spinner, with a short notice (a msgid, in OPERATOR_LANGUAGE)."""
    if callback_id is None:
        return
    try:
        await ctx.messenger.answer_callback(
            callback_id, ctx.op_text(text, **values) if text else None)
    except Exception as exc:
        # An expired query: the action itself has been done, only the toast is lost.
        log.warning("answerCallbackQuery failed: %s", decide(Call.ANSWER_PRESS, exc).name)
