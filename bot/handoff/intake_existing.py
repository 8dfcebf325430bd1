"""An alert for a person whose case is already open: the action it takes there (intake.py
opens and queues the rest).

- a job ad's check: a note in the case (`note_ad`), never a case of its own;
- the silent alarm (code word): a note in the case, the phone silenced, a waiting case
  escalated (`silence`);
- their own ask in a case their phone was never told of: the case is announced (`announce`);
- the same update's alert once more (`again`) while the case waits: told as when opened;
- otherwise an ask the engine did not yet know of: their place is reminded, no second alert;
- and in every such case, what the person agreed to pass on now (country, risk level, warning
  signs, answers) goes into the case record and a note in the case (case_facts.py): a missed
  check-in's case knew none of it, and the operators must never hear nothing.
"""

from __future__ import annotations

from bot.core.events import OperatorAlert, Reply
from bot.core.silent_alarm import INDICATOR as SILENT_ALARM
from bot.handoff.alerts import ad_note, silent_case, silent_note, unannounced
from bot.handoff.case import Case
from bot.handoff.case_facts import merged, take_facts
from bot.handoff.parts import HandoffParts


async def note_ad(parts: HandoffParts, case: Case, alert: OperatorAlert) -> None:
    """A job ad's check in the person's open case: its note, for the case's operators."""
    await parts.board.post(case, ad_note(case, alert, parts.board.labels))


async def into_open_case(parts: HandoffParts, existing: Case, alert: OperatorAlert, *,
                         again: bool) -> bool:
    """The alert's action in the person's open case; True when `again` finds the case still
    waiting (the caller tells it as when it was opened)."""
    if not alert.silent and (not again or merged(existing, alert)):
        await take_facts(parts, existing, alert)
    if alert.silent:  # nothing on the person's screen; the case's operators hear it
        await parts.board.post(existing, silent_note(existing, alert, parts.board.labels))
        await silence(parts, existing)
        if existing.state == "new" and alert.risk_level == "high":
            await parts.waiting.escalate_now(existing.id)
    elif unannounced(existing):
        await announce(parts, existing)
    elif again and existing.state == "new":
        return True
    elif not silent_case(existing):
        # Asked again before the engine knew of the case (the engine answers a known one
        # itself, bot/core/have_request.py): no second alert.
        await parts.person.remind_place(existing)
    return False


async def silence(parts: HandoffParts, case: Case) -> None:
    """The code word in a case the phone was told of: someone else may hold it now, so
    from here on the phone is answered as after a silent alarm (ordinary replies and
    menus, bot/core/quiet.py) until an operator writes to them again."""
    if not unannounced(case):
        case.spoken = False
        if SILENT_ALARM not in case.indicators:
            case.indicators.append(SILENT_ALARM)
        await parts.cases.update(case.id, spoken=0,
                                 indicators="\n".join(case.indicators))


async def announce(parts: HandoffParts, case: Case) -> None:
    """The person asked for a human themselves in a silent case their phone was never told
    of: from now on the team may write to them, and the engine's answer to their ask ("what
    happens next") stands as anyone's would. Nothing says the case began earlier: no queue
    place (it counts from the alarm), and no reminders later (`silent_case`); only that
    one of the team has joined, if the case is taken, or that nobody can be reached now
    (with the numbers), which answers this ask."""
    case.spoken = True
    await parts.cases.update(case.id, spoken=1)
    if case.state == "taken":  # an operator took it silently: they are here already
        await parts.person.tell(case.user_key, Reply(
            parts.person.text("handoff_taken", case.language),
            parts.person.stop_button(case.language)), case)
    elif not await parts.ops.reachable():
        await parts.person.tell_unreachable(case)
