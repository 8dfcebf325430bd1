"""The check-in scheduler: every replica runs one; the Redis sorted set decides who works.

Each tick claims the due members (store.py: atomically, for a lease) and, per person:
  waiting and due  -> send the ordinary question with its three answers; asked, missed at
                      now + grace (a 403/400 refusal still counts as asked: the team is told
                      it was not delivered); a 429/5xx is retried when the lease runs out
  asked and due    -> missed: the operators are alerted with only the agreed fields; alerted
  late answer      -> the operators are told; an "ended" plan is then deleted
Nothing is kept in memory between ticks: a restart or another replica carries on.
The log names no one: only counts and error types.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Protocol

from bot.checkin.plan import Answer, CheckinPlan
from bot.checkin.screens import answer_buttons
from bot.checkin.store import PlanStore
from bot.content.models import Content
from bot.core.events import Reply
from bot.core.messenger import BotApiError, Messenger
from bot.metrics import Metrics

log = logging.getLogger(__name__)

Clock = Callable[[], float]
SentHook = Callable[[str, list[int]], Awaitable[None]]
# Telegram refusals that will not pass on a retry: blocked, deactivated, chat not found.
UNDELIVERABLE = (400, 403)


class CheckinOperators(Protocol):
    """Where missed check-ins and late answers go (bot/checkin/operators.py)."""

    async def missed(self, user_key: str, plan: CheckinPlan) -> None: ...

    async def answered_late(self, user_key: str, answer: Answer) -> None: ...


class CheckinScheduler:
    """`tick()` does the due work once; `run(stop)` ticks every `poll` seconds until stopped."""

    def __init__(self, plans: PlanStore, messenger: Messenger, operators: CheckinOperators,
                 content: Callable[[], Content], clock: Clock = time.time, *,
                 on_sent: SentHook | None = None, metrics: Metrics | None = None,
                 poll: float = 5.0, lease: float = 60.0, batch: int = 50) -> None:
        self._plans = plans
        self._messenger = messenger
        self._operators = operators
        self._content = content
        self._clock = clock
        self._on_sent = on_sent
        self._metrics = metrics
        self._poll = poll
        self._lease = lease  # a claim's hold: the retry delay after a crash or a failure
        self._batch = batch

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception as exc:  # Redis down: try again next tick
                log.error("check-in tick failed (%s)", type(exc).__name__)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._poll)

    async def tick(self) -> int:
        """Claim and work the due plans; returns how many were claimed."""
        now = self._clock()
        claimed = await self._plans.claim(now, self._lease, self._batch)
        for user_key in claimed:
            try:
                await self._work(user_key, now)
            except Exception as exc:
                # Left claimed: another tick (here or on another replica) tries after the lease.
                log.error("check-in work failed (%s); retried after %.0fs",
                          type(exc).__name__, self._lease)
        if claimed:
            log.info("check-ins worked: %d", len(claimed))
        return len(claimed)

    async def _work(self, user_key: str, now: float) -> None:
        plan = await self._plans.load(user_key)
        due = plan.due() if plan is not None else None
        if plan is None or due is None:
            await self._plans.unschedule(user_key)  # expired, erased or not scheduled
            return
        if plan.late is not None:
            await self._tell_late(user_key, plan, now)
        elif due > now:  # answered meanwhile: back to its own time
            await self._plans.reschedule(user_key, due)
        elif plan.phase == "waiting":
            await self._ask(user_key, plan, now)
        elif plan.phase == "asked":
            await self._missed(user_key, plan, now)

    async def _ask(self, user_key: str, plan: CheckinPlan, now: float) -> None:
        if plan.next_at > plan.ends_at:
            await self._plans.update(user_key, lambda p: None if p and p.phase == "waiting"
                                     else p, now=now)
            return
        texts = self._content().checkin
        if texts is None:
            # checkin.yaml removed: nothing to ask with, so nothing may count as missed; the
            # plan waits one more interval (content check warns that the file is missing).
            log.warning("check-in skipped: content/checkin.yaml is missing")
            await self._plans.update(user_key, lambda p: _postponed(p, plan, now), now=now)
            return
        delivered = True
        reply = Reply(texts.texts.question.get(plan.language).strip(),
                      answer_buttons(texts, plan))
        try:
            sent = await self._messenger.send(int(plan.chat_key), reply)
        except BotApiError as exc:
            if exc.code not in UNDELIVERABLE:
                raise
            log.warning("check-in not delivered (%d): counts as asked", exc.code)
            delivered = False
            self._count("undelivered")
        else:
            self._count("asked")
            if self._on_sent is not None:
                await self._on_sent(user_key, sent)  # /hide removes it too

        def asked(p: CheckinPlan | None) -> CheckinPlan | None:
            if p is None or p.phase != "waiting" or p.next_at != plan.next_at:
                return p  # stopped or answered meanwhile
            p.slot_at = p.next_at  # the day it was due: the next one counts from it
            p.phase, p.asked_at, p.next_at = "asked", now, now + p.grace_s
            p.undelivered, p.last_answer = not delivered, None
            return p

        await self._plans.update(user_key, asked, now=now)

    async def _missed(self, user_key: str, plan: CheckinPlan, now: float) -> None:
        # Queued before the phase moves: a crash in between alerts again after the lease,
        # which the handoff takes as the same case (one open case per person).
        await self._operators.missed(user_key, plan)
        log.warning("check-in missed: operators alerted")
        self._count("missed")

        def alerted(p: CheckinPlan | None) -> CheckinPlan | None:
            if p is None or p.asked_at != plan.asked_at:
                return p
            p.reported = True
            if p.phase == "asked":
                p.phase = "alerted"
            elif p.phase == "waiting" and p.last_answer is not None:
                # Answered while the alert was being queued: the operators hear it at once.
                p.late = p.last_answer
            return p

        await self._plans.update(user_key, alerted, now=now)

    async def _tell_late(self, user_key: str, plan: CheckinPlan, now: float) -> None:
        answer = plan.late
        assert answer is not None
        await self._operators.answered_late(user_key, answer)
        self._count("late_answer")

        def told(p: CheckinPlan | None) -> CheckinPlan | None:
            if p is None:
                return None
            if p.late == answer:
                p.late = None
            return None if p.phase == "ended" and p.late is None else p

        await self._plans.update(user_key, told, now=now)

    def _count(self, event: str) -> None:
        if self._metrics is not None:
            self._metrics.checkins.labels(event).inc()


def _postponed(p: CheckinPlan | None, seen: CheckinPlan, now: float) -> CheckinPlan | None:
    if p is None or p.phase != "waiting" or p.next_at != seen.next_at:
        return p
    p.next_at = now + p.interval_s
    return p
