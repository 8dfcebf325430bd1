"""Carrying out the engine's answer to one update (a `Plan`), durably when there is an outbox.

In this order: what must not be lost first (operator alerts queued, an erasure done), then the
replies one by one, then the queue place, then /hide. With an outbox (Redis) each step is
marked as it is done, so a replica that takes up a dead one's update carries out only the rest
(bot/adapters/telegram/outbox.py); every Bot API call shares the update's time budget.

An answer whose replies stop short for a reason that passes (the budget ran out on a slow or
flood-controlled Telegram, a 5xx) is not done: `carry_out` returns what is left (`Unsent`),
and the pipeline sends it later, outside the person's lock (their next message is not held),
until it is sent or `REST_PATIENCE` has passed (`rest.py`). Only then is the outbox entry
finished: the hotline numbers in the second of three messages are never dropped because the
first was slow. Each step is also written to a `Progress`, which says what is left when the
handling is cut at the handling limit (`handling_limit.py`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Protocol

from bot.adapters.telegram.budget import SendBudget, log_failure
from bot.adapters.telegram.formatting import coalesce
from bot.adapters.telegram.operators import Handoff, Tell
from bot.adapters.telegram.outbox import Plan, RedisOutbox
from bot.adapters.telegram.progress import REST_PATIENCE, Progress, Unsent
from bot.adapters.telegram.reply_sender import ReplySender, noticed
from bot.adapters.telegram.state import ChatState
from bot.core.events import (
    CaseStatus,
    HideChat,
    IncomingEvent,
    OperatorAlert,
    Reply,
    Response,
)
from bot.core.session import Session
from bot.core.session_keeper import Commit
from bot.core.session_store import SessionStore
from bot.handoff.routing import Queued
from bot.metrics import Metrics

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for

__all__ = ["REST_PATIENCE", "Answering", "Engine", "Unsent"]


class Engine(Protocol):
    """The dialogue engine as the transport sees it; the only writer of the person's session."""

    async def handle(self, event: IncomingEvent, case: CaseStatus | None = None, *,
                     commit: Commit | None = None) -> Response: ...

    async def keep_case(self, user_key: str, case: CaseStatus) -> None: ...

    async def is_code_word(self, event: IncomingEvent) -> bool: ...

    async def answers_before_case(self, event: IncomingEvent) -> bool: ...

    def emergency_reply(self, language: str | None) -> Reply: ...

    async def numbers_reply(self, user_key: str, language: str | None, *,
                            within: float) -> Reply: ...


class Answering:
    """Carries out `Plan`s: alerts and erasure, replies, queue place, /hide; marks progress."""

    def __init__(self, *, engine: Engine, handoff: Handoff, replies: ReplySender,
                 state: ChatState, store: SessionStore, outbox: RedisOutbox | None,
                 metrics: Metrics, send_budget: float) -> None:
        self._engine = engine
        self._handoff = handoff
        self._replies = replies
        self._state = state
        self._store = store
        self.outbox = outbox
        self._metrics = metrics
        self._send_budget = send_budget

    async def answer(self, engine: Engine, event: IncomingEvent, case: CaseStatus | None,
                     chat_id: int, update_id: int, budget: SendBudget,
                     progress: Progress | None = None, *, sent: Reply | None = None
                     ) -> Unsent | None:
        """Run the engine on `event` (under the person's lock) and carry out its answer; with
        an outbox the answer is written with the session, in one MULTI/EXEC. `sent`: the
        emergency numbers already sent ahead of this answer: every numbers reply of the answer
        is left out (one numbers message per message, whatever its country: the turn may know
        one the early reply could not read)."""
        user_key = event.user_key
        progress = progress or Progress()

        def plan_of(response: Response) -> Plan:
            replies = [r for r in response.replies
                       if sent is None or not (r.numbers or r.text == sent.text)]
            return Plan.of(chat_id, coalesce(replies), response)

        if self.outbox is None:
            response = await engine.handle(event, case)
            progress.plan = plan_of(response)
            return await self.carry_out(progress.plan, user_key, update_id, budget,
                                        durable=False, progress=progress)
        outbox = self.outbox
        plans: list[Plan] = []
        written: list[bool] = []

        async def commit(session: Session | None, response: Response) -> None:
            plans.append(plan_of(response))
            # Cut while writing, the outbox may or may not hold it: handled again, the
            # outbox decides (`resume`), so the plan is known only once written.
            written.append(await outbox.commit(user_key, update_id, session, plans[0]))
            progress.plan, progress.durable = plans[0], written[0]

        response = await engine.handle(event, case, commit=commit)
        plan = plans[0] if plans else plan_of(response)
        progress.plan, progress.durable = plan, any(written)
        return await self.carry_out(plan, user_key, update_id, budget, durable=any(written),
                                    progress=progress)

    async def resume(self, user_key: str, chat_id: int, update_id: int, budget: SendBudget,
                     progress: Progress | None = None, *, taken_over: bool = True
                     ) -> bool | Unsent:
        """An update a dead replica had started: carry out what its outbox says is not done.
        True when it has no answer there yet, to be handled afresh (its session did not
        change); False when done here or before (or the outbox cannot be read: then, as
        before the outbox, it is not answered again); `Unsent` when replies are left.
        `taken_over`: counted as a take-over (False: this process cut its own handling, and
        an unreadable outbox means handling it afresh: twice beats never)."""
        if self.outbox is None:
            return False
        try:
            found = await self.outbox.read(user_key, update_id)
        except Exception as exc:
            log_failure("reading the outbox", exc)
            return not taken_over
        if found is None:
            if taken_over:
                self._metrics.outbox.labels("rerun").inc()
            return True
        if isinstance(found, Plan):
            if taken_over:
                self._metrics.outbox.labels("resumed").inc()
            if progress is not None:
                progress.plan, progress.durable = found, True
            return await self.carry_out(found, user_key, update_id, budget, durable=True,
                                        resumed=taken_over, read_back=True,
                                        progress=progress) or False
        return False

    async def send_rest(self, unsent: Unsent, user_key: str, update_id: int,
                        budget: SendBudget, progress: Progress | None = None
                        ) -> Unsent | None:
        """Another try at an answer's unsent replies (under the person's lock); what is still
        left, or None when sent, refused for good, or no longer in the outbox (erased)."""
        plan = unsent.plan
        if unsent.durable and self.outbox is not None:
            try:
                found = await self.outbox.read(user_key, update_id)
            except Exception as exc:  # Redis away: the copy in hand is as good
                log_failure("reading the outbox", exc)
                found = plan
            if not isinstance(found, Plan):
                return None  # /delete erased it, or it is done
            plan = dataclasses.replace(found, hide=plan.hide)  # the copy in hand knows that
        if progress is not None:
            progress.plan, progress.durable = plan, unsent.durable
        return await self.carry_out(plan, user_key, update_id, budget, durable=unsent.durable,
                                    progress=progress)

    async def give_up(self, unsent: Unsent, user_key: str, update_id: int) -> None:
        """`REST_PATIENCE` passed with replies unsent: logged (counts only), the entry done."""
        log.error("reply not delivered: %d of %d replies still unsent after %.0f s",
                  unsent.left, len(unsent.plan.replies), REST_PATIENCE)
        if unsent.durable and self.outbox is not None:
            await self.outbox.finish(user_key, update_id)

    async def carry_out(self, plan: Plan, user_key: str, update_id: int, budget: SendBudget,
                        *, durable: bool, resumed: bool = False, read_back: bool = False,
                        progress: Progress | None = None) -> Unsent | None:
        """Everything `plan` still has to do (`resumed`: taken up from a dead replica;
        `read_back`: from the outbox, its alerts may be queued already); what is left when
        its replies stopped short for a reason that passes. Progress goes to `progress`."""
        outbox = self.outbox if durable else None
        progress = progress or Progress()
        tells: list[Tell] = []
        erased = bool(plan.erase) and plan.queued  # done by an earlier, cut, try
        again = False  # alerts queued by the dead replica: asked again for the queue place
        if not plan.queued:
            tells, erased = await self._durable_effects(plan, user_key, again=read_back)
            progress.queued = True
            if outbox is not None and plan.alerts:
                await outbox.mark(user_key, update_id, queued=True)
        elif resumed and plan.alerts:
            again = True
        first = plan.at // 2
        if plan.typed is not None and plan.at == 0:  # before any reply: deleted, then said
            notice = await self._replies.delete_typed(plan.typed, budget, user_key)
            plan = dataclasses.replace(plan, typed=None, replies=noticed(plan.replies, notice))
        if plan.at % 2:  # started, never marked sent: it may have reached Telegram already
            self._metrics.outbox.labels("possible_repeat").inc()

        progress.at = plan.at

        async def mark(at: int) -> None:
            progress.at = at
            if outbox is not None:
                await outbox.mark(user_key, update_id, at=at)

        delivery = await self._replies.deliver_rest(plan.chat_id, plan.replies, budget,
                                                    first=first, mark=mark)
        sent = delivery.ids
        unsent = None
        if delivery.unsent_may_pass and not erased and progress.at < 2 * len(plan.replies):
            # Alerts are queued: a later try sends only the replies.
            unsent = Unsent(dataclasses.replace(plan, queued=True, hide=None, at=progress.at),
                            durable=outbox is not None, retry_after=delivery.retry_after)
        if not erased:
            await self._state.remember(user_key, sent)  # before /hide, which reads it
        if (again or (read_back and tells)) and first >= len(plan.replies):
            self._metrics.outbox.labels("possible_repeat").inc()  # it may be told already
        if again:
            tells = await self._queue_again(plan, user_key)
        await self._tell(tells, budget)
        if plan.hide is not None:
            await self._replies.hide(HideChat(str(plan.chat_id), plan.hide), user_key, budget)
        progress.hidden = True
        if unsent is not None:
            return unsent  # not done: the outbox keeps the rest (and a take-over sends it)
        if outbox is not None and not erased:
            await outbox.finish(user_key, update_id)
        return None

    async def finish(self, user_key: str, update_id: int) -> None:
        """An update answered without a plan (relayed to the case): done."""
        if self.outbox is not None:
            await self.outbox.finish(user_key, update_id)

    async def _tell(self, tells: list[Tell], budget: SendBudget) -> None:
        for tell in tells:  # "your place in the queue: 1", after the replies
            if budget.spent():
                # Telegram did not take the replies in time: cutting the handoff's own Redis
                # reads short would only leave its connections broken.
                log.warning("queue place not told: the send budget ran out")
                break
            try:
                async with budget.window():
                    await tell()
            except Exception as exc:
                log.warning("queue place not told: %s", type(exc).__name__)

    async def _queue_again(self, plan: Plan, user_key: str) -> list[Tell]:
        """Queue the alerts again: the open case is found (never a second alert) and the
        person is told where it stands, which the dead replica may not have told."""
        tells, _ = await self._durable_effects(Plan(plan.chat_id, [], plan.alerts), user_key,
                                               again=True)
        return tells

    async def keep_case(self, user_key: str, case: CaseStatus) -> None:
        """The engine records the person's case in their session (we hold their lock)."""
        try:
            await self._engine.keep_case(user_key, case)
        except Exception as exc:
            log_failure("keeping the case in the session", exc)

    async def _durable_effects(self, plan: Plan, user_key: str, *, again: bool = False
                               ) -> tuple[list[Tell], bool]:
        """Queue alerts and erase data before any reply: (what to tell the person, erased?);
        `again`: an earlier try of the update may have queued them (`Handoff.queue_alert`)."""
        tells: list[Tell] = []
        for alert in plan.alerts:
            queued = await self._queue(alert, again)
            if queued is None:
                continue
            if queued.case is not None:
                await self.keep_case(user_key, queued.case)
            if queued.tell is not None:
                tells.append(queued.tell)
        for erased_key in plan.erase:
            await self._erase(erased_key)
        return tells, bool(plan.erase)

    async def _queue(self, alert: OperatorAlert, again: bool) -> Queued | None:
        try:
            # Redis, or one direct post when Redis is down: bounded like a send.
            async with asyncio.timeout(self._send_budget):
                return await self._handoff.queue_alert(alert, again=again)
        except Exception as exc:
            log_failure("operator alert", exc)
            return None

    async def _erase(self, user_key: str) -> None:
        try:
            async with asyncio.timeout(self._send_budget):  # it tells the operators
                await self._handoff.forget_user(user_key)  # first: it reads the case keys
        except Exception as exc:
            log_failure("ending the case on /delete", exc)
        await self._store.delete_user(user_key)
        await self._state.forget(user_key)
