"""What the operators hear about check-ins, through the durable handoff (bot/handoff).

A missed check-in becomes a case with reason "checkin" whose alert carries only what the person
agreed to share (destination country, the employer's or agency's name as typed, a contact);
it is silent: nothing about it may appear on the person's screen, someone else may hold the
phone. If the person already has an open case, the same lines go into that case instead.
An answer after the alert is posted in the case (or the chat when the case is closed).
"""

from __future__ import annotations

from bot.checkin.plan import Answer, CheckinPlan
from bot.core.events import OperatorAlert, Reply
from bot.handoff.blocks import owner_of
from bot.handoff.service import QueueHandoff
from bot.i18n import N_

MISSED = "checkin-missed"
UNDELIVERED = "checkin-undelivered"
EMPLOYER = N_("Employer or agency (as they typed it): {value}")
CONTACT = N_("Contact they gave: {value}")
DESTINATION = N_("Destination country: {value}")
NOTHING = N_("They agreed to share nothing else.")
MISSED_IN_CASE = N_("⏰ {case} did not answer a check-in in time.")
LATE: dict[str, str] = {
    "ok": N_("✅ {case} answered the missed check-in late: all right."),
    "help": N_("⚠️ {case} answered the missed check-in late: not fine. The bot gave them the "
               "numbers and offered a person."),
    "stop": N_("✖ {case} answered the missed check-in late: stop asking. Check-ins are off."),
}


class HandoffOperators:
    """`missed` and `answered_late` over a `QueueHandoff` (its cases, queue and board)."""

    def __init__(self, handoff: QueueHandoff) -> None:
        self._handoff = handoff

    def _lines(self, plan: CheckinPlan) -> tuple[str, ...]:
        parts = self._handoff.parts
        lines = []
        if plan.employer:
            lines.append(parts.board.text(EMPLOYER, value=plan.employer))
        if plan.contact:
            lines.append(parts.board.text(CONTACT, value=plan.contact))
        return tuple(lines) or (parts.board.text(NOTHING),)

    async def missed(self, user_key: str, plan: CheckinPlan) -> None:
        """Alert the operators (silently for the person); raises when nothing was queued."""
        parts = self._handoff.parts
        indicators = (MISSED, UNDELIVERED) if plan.undelivered else (MISSED,)
        case = await parts.cases.open_case_of(user_key)
        if case is not None:  # someone is already on it: tell them there
            head = parts.board.text(MISSED_IN_CASE, case=case.pseudonym)
            lines = [parts.board.labels.indicator(UNDELIVERED)] if plan.undelivered else []
            if plan.country:
                country = parts.board.labels.country(plan.country)
                lines.append(parts.board.text(DESTINATION, value=country))
            lines += self._lines(plan)
            body = "\n".join([head, *(f"• {line}" for line in lines)])
            await parts.board.post(case, Reply(body))
            return
        await self._handoff.queue_alert(OperatorAlert(
            user_key=user_key, chat_key=plan.chat_key, reason="checkin",
            language=plan.language, country=plan.country, indicators=indicators,
            summary=self._lines(plan), silent=True,
        ))

    async def answered_late(self, user_key: str, answer: Answer) -> None:
        """Tell the operators the person answered after all (in the case while it is open)."""
        parts = self._handoff.parts
        case = await parts.cases.open_case_of(user_key)
        if case is not None:
            name = case.pseudonym
        elif (recent := await parts.cases.recent_case_of(user_key)) is not None:
            name = recent.pseudonym  # the name the operators knew the closed case by
        else:
            # The first candidate may be another person's now: the reserved one never is.
            name = await parts.cases.reserve_pseudonym(
                parts.pseudonymizer.pseudonyms(user_key),
                owner_of(parts.pseudonymizer, user_key))
        text = parts.board.text(LATE[answer], case=name)
        if case is not None:
            await parts.board.post(case, Reply(text))
        else:
            await parts.board.send(Reply(text))
