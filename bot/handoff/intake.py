"""The person's side of the handoff: an alert becomes a case (or reopens a recent one) and a
queue entry; the person's events go to their open case; /delete ends it and forgets them.

Nothing here writes the person's session: `queue_alert` and `route` return what they found
(`Queued`, `Routed`) for the engine to keep. When Redis fails, a person at risk is never
dropped: the alert is posted directly and their words are passed on marked "storage degraded".
"""

from __future__ import annotations

import logging
from functools import partial

from redis.exceptions import RedisError, WatchError

from bot.core.events import CaseStatus, IncomingEvent, OperatorAlert, Reply
from bot.handoff.alerts import unannounced
from bot.handoff.audit import forget_erased_case, last_case_of
from bot.handoff.blocks import owner_of
from bot.handoff.case import Case
from bot.handoff.desk import blocked_reply
from bot.handoff.intake_degraded import post_without_queue, relay_degraded
from bot.handoff.intake_existing import into_open_case, note_ad
from bot.handoff.parts import HandoffParts
from bot.handoff.relay import PLACE_NOTE_EVERY, Relay
from bot.handoff.reopen import reopen_by_person
from bot.handoff.routing import Queued, Routed
from bot.storage.health import unless_full
from bot.storage.redis import once_more

log = logging.getLogger(__name__)
OPEN_ATTEMPTS = 5  # looks at the person's case before giving up and posting directly
TOLD_FOR = 7 * 24 * 3600  # seconds: "passed to our team" is told once per opening of a case


class CaseIntake:
    """Alerts in, the person's events routed to their open case, /delete."""

    def __init__(self, parts: HandoffParts, relay: Relay) -> None:
        self.parts = parts
        self.relay = relay

    async def queue_alert(self, alert: OperatorAlert, *, again: bool = False) -> Queued:
        """Open a case and queue its alert durably; return the case (for the engine to keep
        in the session) and how to tell the person (their place, when we open, or that
        nobody can be reached), for the transport to run after its own replies: no failed
        reply can undo the alert.

        `again`: the same update's alert once more (an earlier try may have queued it: a
        replica died or a handling was cut). Its open case is then told as the first try
        would have told it, after the replies ("passed to our team", where to write, /stop),
        not with a reminder sent at once: that try may never have told it."""
        parts = self.parts
        try:
            # Once more after a dropped connection: a second attempt finds the case the first
            # may have opened (and reminds), or opens it; a doubled entry is posted only once.
            queued = await once_more(lambda: self._open_and_queue(alert, again=again))
        except (RedisError, OSError) as exc:
            await post_without_queue(self.parts, alert, exc)
            return Queued()
        if queued is None:
            return Queued()
        case, open_now, opened = queued
        if not opened:  # `again`, and the case was open: told as the first try would have
            return Queued(CaseStatus(case.id, unannounced=unannounced(case)),
                          partial(self._tell_queued, case, open_now))
        # Queued: counters and the audit entry may be refused for lack of memory, the person
        # must still be told their place.
        if case.reopened == 0:  # a reopened case was counted when it first opened
            await unless_full(parts.counters.opened(case.language, case.country, case.reason,
                                                  case.risk_level, case.indicators))
            await unless_full(parts.audit.record(0, case.id, "opened"))
        log.info("handoff case opened case=%s reason=%s", case.id, case.reason)
        parts.metrics.alerts.labels("queued").inc()
        status = CaseStatus(case.id, unannounced=unannounced(case))
        if alert.silent:  # the code word: whoever holds the phone must see nothing
            return Queued(status)
        return Queued(status, partial(self._tell_queued, case, open_now))

    async def _tell_queued(self, case: Case, open_now: bool) -> None:
        """Tell the person their place in the queue, or when we open (with the numbers): once
        per opening of the case (a retried update's alert, `again`, finds it told), and the
        first "we have not forgotten you" to a message only `PLACE_NOTE_EVERY` later."""
        parts = self.parts
        lang = case.language
        first = await unless_full(parts.cases.due_once(case.id, f"told{case.reopened}", TOLD_FOR))
        if first is False:  # told already (an earlier try of this update); None: Redis is full
            return
        await unless_full(parts.cases.due_once(case.id, "placenote", PLACE_NOTE_EVERY))
        if not await parts.ops.reachable():
            # Queued (it is posted once the chat works again), but nobody reads it now.
            await parts.person.tell_unreachable(case)
            return
        if open_now:
            place = await parts.waiting.place(case.id) or 1
            text = parts.person.text("handoff_queued", lang, place=place)
        else:
            when = parts.hours.when_text(parts.person.catalog_language(lang))
            text = parts.person.text("handoff_out_of_hours", lang, when=when)
            text = f"{text}\n\n{parts.person.numbers(lang, case.country)}".strip()
        await parts.person.tell(case.user_key, Reply(text, parts.person.stop_button(lang)), case)

    async def _open_and_queue(self, alert: OperatorAlert, *, again: bool = False
                              ) -> tuple[Case, bool, bool] | None:
        """Open the case and queue its alert: (case, operators on duty now, opened now); None
        when the person already has an open case (they are reminded of their place), unless
        `again` finds it still waiting: (case, on duty, False), to be told as when opened.

        One person has at most one open case: the open and the reopen are each a
        check-and-set in Redis (`CaseStore.open`, `CaseStore.reopen`). Losing one to a
        concurrent open or reopen (an operator's /reopen, another replica) means looking again:
        the case that won is then the person's open case.
        """
        parts = self.parts
        for _ in range(OPEN_ATTEMPTS):
            existing = await parts.cases.open_case_of(alert.user_key)
            if alert.reason == "ad_check":  # a note in the open case, never a case of its own
                if existing is not None:
                    await note_ad(parts, existing, alert)
                return None
            if existing is not None:
                if await into_open_case(parts, existing, alert, again=again):
                    return existing, parts.hours.is_open(), False
                return None
            opened = await self._reopen_or_open(alert)
            if opened is not None:
                return (*opened, True)
        # Lost every time (practically never): raised, the alert is posted directly.
        raise WatchError("the person's case kept changing while opening it")

    async def _reopen_or_open(self, alert: OperatorAlert) -> tuple[Case, bool] | None:
        """The person's recent case reopened, else a new one; None when a concurrent open or
        reopen won (the caller looks again)."""
        parts = self.parts
        open_now = parts.hours.is_open()
        first_due = None if open_now else parts.hours.next_open().timestamp()
        recent = await parts.cases.recent_case_of(alert.user_key)
        if recent is not None:
            if not await reopen_by_person(parts, recent, alert):
                return None  # reopened by someone else meanwhile (or replaced): look again
            # Within OPERATOR_REOPEN_DAYS: the same case, name and topic, announced there again.
            await parts.cases.pseudonyms.reserve([recent.pseudonym], self._owner(alert.user_key))
            await parts.waiting.add(recent.id, recent.created, first_due)
            announce = await parts.cases.next_escalation(recent.id)
            await parts.cases.update(recent.id, reopened=announce)
            recent.reopened = announce
            await parts.queue.push(recent.id, announce)
            return recent, open_now
        # Unique among open and recent cases: operators never see two people as one.
        pseudonym = await parts.cases.pseudonyms.reserve(
            parts.pseudonymizer.pseudonyms(alert.user_key), self._owner(alert.user_key))
        case = await parts.cases.open(alert, pseudonym)
        if case is None:
            return None  # opened (or reopened) meanwhile: look again
        await parts.waiting.add(case.id, case.created, first_due)
        await parts.queue.push(case.id, 0)
        return case, open_now

    async def route(self, event: IncomingEvent) -> Routed:
        """Called before the engine: to the case when the event belongs to an open case (or
        the person is blocked: they got the neutral reply), with what the session should say
        about their case."""
        try:
            if await blocked_reply(self.parts, event):
                return Routed(True)
            # A dead pooled connection fails the first lookup, before anything is posted.
            return await once_more(lambda: self.relay.from_user(event))
        except (RedisError, OSError) as exc:
            # Without Redis the engine answers: better the bot than nobody.
            log.error("handoff relay unavailable (%s): the bot answers, the case is told",
                      type(exc).__name__)
            await relay_degraded(self.parts, event, exc)
            return Routed(False)

    async def forget_user(self, user_key: str) -> None:
        """/delete: end an open case and drop everything that points to the person."""
        case_id = await last_case_of(self.parts.cases, user_key)
        await self.relay.erase(user_key)
        await self.parts.cases.forget(user_key)  # a closed case's reopen link and address
        await self.parts.cases.pseudonyms.release(self.parts.pseudonymizer.pseudonyms(user_key),
                                                  self._owner(user_key))
        await forget_erased_case(self.parts.audit, self.parts.cases, case_id)

    def _owner(self, user_key: str) -> str:
        # Who holds a pseudonym, as a keyed hash: the reservation never stores the user key.
        return owner_of(self.parts.pseudonymizer, user_key)
