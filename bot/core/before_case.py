"""Whether the engine answers a text even while the person has an open case (the code word, a
step's awaited answer, a late answer to a missed check-in): what the transport asks before the
case relays the text (bot/core/awaited.py says why)."""

from __future__ import annotations

import logging

from bot.checkin.step import CheckinStep
from bot.checkin.typed_request import asks_for_checkins
from bot.content.loader import ContentHolder
from bot.core.adcheck_step import AdCheckStep
from bot.core.awaited import awaited_step_takes
from bot.core.content_parts import ContentParts
from bot.core.events import EventKind, IncomingEvent
from bot.core.session_keeper import SessionKeeper
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.what_to_do import asks_what_to_do
from bot.nlu.base import IntentResult

log = logging.getLogger(__name__)


class BeforeCase:
    """`is_code_word(event)` and `answers_before_case(event)`, read from the person's session."""

    def __init__(self, *, holder: ContentHolder, parts: ContentParts, keeper: SessionKeeper,
                 alarm: SilentAlarmStep, ads: AdCheckStep, checkin: CheckinStep) -> None:
        self._holder = holder
        self._parts = parts
        self._keeper = keeper
        self._alarm = alarm
        self._ads = ads
        self._checkin = checkin

    async def is_code_word(self, event: IncomingEvent) -> bool:
        """Whether the event is a text with the person's silent-alarm code word. The transport
        asks before an open case relays the text: the engine must raise the alarm, and the
        phone must show the ordinary reply, not "your place in the queue"."""
        if event.kind != EventKind.TEXT or not event.text:
            return False
        session, _ = await self._keeper.load(event.user_key)
        return self._alarm.written_by(event, session)

    async def answers_before_case(self, event: IncomingEvent) -> bool:
        """Whether the engine answers this text even while a case is open: the code word, the
        answer to a step that just asked for typed input (the code word, the ad, a check-in
        setup question: bot/core/awaited.py), a check-in setup typed without /checkin
        ("проверяй меня каждые 2 дня на 3 недели": asked of the bot, as /checkin is, and the
        team sees only what the setup's last screen lists), or a typed answer to a missed
        check-in ("ок": the answer must count, and the late answer's notice tells the case's
        operators). A danger phrase typed at such a step ends it and goes to the case."""
        if event.kind != EventKind.TEXT or not event.text:
            return False
        session, known = await self._keeper.load(event.user_key)
        if self._alarm.written_by(event, session):
            return True
        content = self._holder.content
        if (event.forwarded and not session.quiet and session.handoff_case is not None
                and self._ads.takes_forwarded(session, event.text, content)):
            return True  # a forwarded ad is checked, its flags told to the case (adcheck16)
        # After a silent alarm every text is the case's (quiet.py); no wait, nothing to read.
        if not session.quiet and session.awaiting is not None:
            # A bare "что мне делать?" is never a code word or a setup's answer either.
            danger = self._parts.assessor(content).assess(
                event.text, IntentResult("", 0.0)).at_risk or asks_what_to_do(event.text)
            # A forwarded message is someone else's words: an ad to check, never a code word
            # or a check-in setup's answer.
            steps = (self._ads,) if event.forwarded else (self._alarm, self._ads, self._checkin)
            taken = awaited_step_takes(steps, session, event.text, content, danger=danger)
            if taken:
                return True
            if taken is False and danger and known and session.handoff_case:
                # To the case; left waiting, the step would take their next message there.
                session.awaiting = None
                await self._keeper.save(event.user_key, session)
        if (not session.quiet and not event.forwarded
                and asks_for_checkins(event.text, content.checkin)
                and not self._parts.assessor(content).assess(
                    event.text, IntentResult("", 0.0)).at_risk):
            return True
        try:
            # Only after a missed check-in's alert: that late answer reaches the case as a
            # notice; an "ок" to one still in time, typed in an open case, may be meant for
            # the operator and is relayed (the check-in waits on, its miss comes to the case).
            return await self._checkin.typed_answer_waits(event, content.checkin,
                                                          missed_only=True)
        except Exception as exc:  # Redis down: the open case takes it, as before
            log.error("check-in answer lookup failed (%s)", type(exc).__name__)
            return False
