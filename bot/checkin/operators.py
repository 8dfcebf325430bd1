"""What the operators hear about check-ins, through the durable handoff (bot/handoff).

A missed check-in becomes a case with reason "checkin" whose alert carries only what the person
agreed to share (destination country, the employer's or agency's name as typed, a contact, and
the last country they told the bot they were in), each labelled as what it is: the destination
is where they were going, never "Country" (which operators read as where the person is now);
it is silent: nothing about it may appear on the person's screen, someone else may hold the
phone. If the person already has an open case, the same lines go into that case instead.
An answer after the alert is posted in the case (or the chat when the case is closed).
"""

from __future__ import annotations

from babel import Locale

from bot.checkin.plan import Answer, CheckinPlan
from bot.checkin.timezones import moment
from bot.core.events import OperatorAlert, Reply
from bot.handoff.blocks import owner_of
from bot.handoff.service import QueueHandoff
from bot.i18n import N_

MISSED = "checkin-missed"
UNDELIVERED = "checkin-undelivered"
EMPLOYER = N_("Employer or agency (as they typed it): {value}")
CONTACT = N_("Contact they gave: {value}")
DESTINATION = N_("Destination they gave before leaving (not where they are now): {value}")
LOCATION = N_("Last country they told the bot they were in: {value}")
LOCATION_NONE = N_("They agreed to show the last country they told the bot, but never named one.")
SENT = N_("Check-in sent: {sent}; no answer by {due}.")
AT_LOCAL = N_("{utc} UTC ({local} their time, {city})")
AT_UTC = N_("{utc} UTC (their local time is not known)")
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

    def _at(self, at: float, zone: str | None) -> str:
        """An instant for operators: UTC, and the person's own clock when it is known."""
        board = self._handoff.parts.board
        locale = Locale.parse(board.labels.language)
        utc = moment(at, None, locale)
        stamp = f"{utc.date}, {utc.time}"
        shown = moment(at, zone, locale)
        if not shown.local:
            return board.text(AT_UTC, utc=stamp)
        return board.text(AT_LOCAL, utc=stamp, local=shown.time, city=shown.zone)

    async def _location(self, user_key: str, plan: CheckinPlan) -> str | None:
        """The last country the person told the bot they were in, if they agreed to show it."""
        sessions = self._handoff.parts.sessions
        if not plan.share_location or sessions is None:
            return None
        session = await sessions.load(user_key)
        return session.location if session is not None else None

    def _typed(self, plan: CheckinPlan) -> list[str]:
        """The employer's name and the contact as the person typed them."""
        board = self._handoff.parts.board
        lines = [board.text(EMPLOYER, value=plan.employer)] if plan.employer else []
        if plan.contact:
            lines.append(board.text(CONTACT, value=plan.contact))
        return lines

    def _lines(self, plan: CheckinPlan, location: str | None, *,
               typed: bool = True) -> tuple[str, ...]:
        """What the alert shows; without the `typed` name and contact for the case record."""
        parts = self._handoff.parts
        labels = parts.board.labels
        lines = [parts.board.text(SENT, sent=self._at(plan.asked_at, plan.zone),
                                  due=self._at(plan.next_at, plan.zone))]
        if plan.country:
            lines.append(parts.board.text(DESTINATION, value=labels.country(plan.country)))
        if location:
            lines.append(parts.board.text(LOCATION, value=labels.country(location)))
        elif plan.share_location:
            lines.append(parts.board.text(LOCATION_NONE))
        if typed:
            lines += self._typed(plan)
        if len(lines) == 1 and not self._typed(plan):  # nothing was agreed to be shared
            lines.append(parts.board.text(NOTHING))
        return tuple(lines)

    async def missed(self, user_key: str, plan: CheckinPlan) -> None:
        """Alert the operators (silently for the person); raises when nothing was queued."""
        parts = self._handoff.parts
        indicators = (MISSED, UNDELIVERED) if plan.undelivered else (MISSED,)
        location = await self._location(user_key, plan)
        case = await parts.cases.open_case_of(user_key)
        if case is not None:  # someone is already on it: tell them there
            head = parts.board.text(MISSED_IN_CASE, case=case.pseudonym)
            lines = [parts.board.labels.indicator(UNDELIVERED)] if plan.undelivered else []
            lines += self._lines(plan, location)
            body = "\n".join([head, *(f"• {line}" for line in lines)])
            await parts.board.post(case, Reply(body))
            return
        # The name and the contact go as the person's own words shared with consent: shown
        # in the alert once and dropped from the case record when it is posted (an alert with
        # them is never redrawn, bot/handoff/poster.py), never kept in Redis as plain text
        # for the case's 30 days, while the plan keeps them sealed (store.py).
        typed = self._typed(plan)
        await self._handoff.queue_alert(OperatorAlert(
            user_key=user_key, chat_key=plan.chat_key, reason="checkin",
            # The case's country is where the person is (so operators and the topic read it):
            # only the last one they named, only if they agreed; never the destination.
            language=plan.language, country=location, indicators=indicators,
            summary=self._lines(plan, location, typed=False),
            user_text="\n".join(typed) or None, silent=True,
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
            name = await parts.cases.pseudonyms.reserve(
                parts.pseudonymizer.pseudonyms(user_key),
                owner_of(parts.pseudonymizer, user_key))
        text = parts.board.text(LATE[answer], case=name)
        if case is not None:
            await parts.board.post(case, Reply(text))
        else:
            await parts.board.send(Reply(text))
