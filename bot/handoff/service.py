"""The handoff as the transport sees it: alerts in, operator updates in, background loops.

`QueueHandoff` implements the glue's `Handoff` hook. An alert becomes a case and a stream
entry; the loops post entries (one replica each, exactly once), re-claim entries a dead replica
held, and escalate cases nobody took.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.config import OperatorSettings
from bot.content.models import Content
from bot.core.events import EventKind, IncomingEvent, OperatorAlert, Reply
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore
from bot.handoff.actions import answer_press, on_press
from bot.handoff.alerts import alert_reply, parse_press
from bot.handoff.audit import Audit
from bot.handoff.auth import MemberLookup, OperatorAuth
from bot.handoff.cases import Case, CaseStore, case_key
from bot.handoff.context import DangerCheck, HandoffContext, SentHook
from bot.handoff.escalation import WaitingList
from bot.handoff.hours import OperatorHours
from bot.handoff.queue import AlertQueue, QueuedAlert
from bot.handoff.relay import OperatorInput, Relay
from bot.handoff.stats import CaseCounters
from bot.i18n import I18n
from bot.privacy import Pseudonymizer

log = logging.getLogger(__name__)
TOPICS_RETRY = 600.0  # seconds in reply mode before trying forum topics again


class QueueHandoff:
    """Durable operator handoff over Redis: the glue's `Handoff`, plus `user_event` and `run`."""

    def __init__(self, ctx: HandoffContext, *, tick: float = 5.0,
                 claim_every: float = 15.0, read_block: float = 1.0) -> None:
        self.ctx = ctx
        self.relay = Relay(ctx)
        self._tick = tick
        self._claim_every = claim_every
        self._read_block_ms = int(read_block * 1000)
        self._topics_off_until = 0.0

    # ------------------------------------------------------------------ the person's side
    async def alert(self, alert: OperatorAlert) -> None:
        """Open a case and queue its alert; tell the person their place or when we open."""
        ctx = self.ctx
        try:
            existing = await ctx.cases.open_case_of(alert.user_key)
            if existing is not None:
                await self._remind_place(existing)  # asked again: never a second alert
                return
            case = await ctx.cases.open(alert, ctx.pseudonymizer.pseudonym(alert.user_key))
            open_now = ctx.hours.is_open()
            first_due = None if open_now else ctx.hours.next_open().timestamp()
            await ctx.waiting.add(case.id, case.created, first_due)
            await ctx.queue.push(case.id, 0)
        except (RedisError, OSError) as exc:
            await self._post_without_queue(alert, exc)
            return
        await ctx.counters.opened(case.language, case.country, case.reason, case.risk_level,
                                  case.indicators)
        await ctx.mark_session(alert.user_key, case.id)
        await ctx.audit.record(0, case.id, "opened")
        log.info("handoff case opened case=%s reason=%s", case.id, case.reason)
        lang = case.language
        if open_now:
            place = await ctx.waiting.place(case.id) or 1
            text = ctx.text("handoff_queued", lang, place=place)
        else:
            when = ctx.hours.when_text(ctx.i18n.translator(lang).language)
            text = ctx.text("handoff_out_of_hours", lang, when=when)
            text = f"{text}\n\n{ctx.numbers(lang, case.country)}".strip()
        await ctx.tell_user(case.user_key, Reply(text, ctx.stop_button(lang)))

    async def _post_without_queue(self, alert: OperatorAlert, exc: BaseException) -> None:
        # Redis is down: no case, no relay, but a person at risk is never silently dropped.
        log.error("handoff queue unavailable (%s): posting the alert directly",
                  type(exc).__name__)
        if self.ctx.chat_id is None:
            return
        pseudonym = self.ctx.pseudonymizer.pseudonym(alert.user_key)
        case = Case(id="-", user_key="", pseudonym=pseudonym, reason=alert.reason,
                    language=alert.language, country=alert.country or "",
                    risk_level=alert.risk_level or "", indicators=list(alert.indicators),
                    summary=list(alert.summary), user_text=alert.user_text or "",
                    created=time.time())
        reply = alert_reply(case)
        reply.text += "\n(Storage is down: the bot cannot relay; ask the person to write again.)"
        reply.buttons = []
        await self.ctx.messenger.send(self.ctx.chat_id, reply)

    async def _remind_place(self, case: Case) -> None:
        place = await self.ctx.waiting.place(case.id)
        if place is not None:
            await self.ctx.tell_user(case.user_key, Reply(
                self.ctx.text("handoff_place", case.language, place=place)
            ))

    async def user_event(self, event: IncomingEvent) -> bool:
        """Called before the engine: True when the event belonged to an open case."""
        try:
            return await self.relay.from_user(event)
        except (RedisError, OSError) as exc:
            # Without Redis the engine answers: better the bot than nobody.
            log.error("handoff relay unavailable (%s)", type(exc).__name__)
            return False

    async def forget_user(self, user_key: str) -> None:
        """/delete: end an open case and drop everything that points to the person."""
        await self.relay.erase(user_key)

    # ------------------------------------------------------------------ the operators' side
    async def handle_operator_update(self, update: OperatorInput) -> None:
        """A message or a button press in the operators' chat."""
        ctx = self.ctx
        if update.kind == EventKind.BUTTON:
            press = parse_press(update.payload)
            if press is None:
                await answer_press(ctx, update.callback_id, None)
                return
            if not await ctx.auth.allowed(update.user_id):
                await answer_press(ctx, update.callback_id, "Only the NGO's operators can do this.")
                await ctx.audit.record(self._stranger(update.user_id), press.case_id, "refused")
                return
            await on_press(ctx, press, update.user_id or 0, update.callback_id,
                           update.message_id)
            return
        if ctx.chat_id is None:
            return
        case_id = await ctx.cases.case_for(update.chat_id, update.thread_id,
                                           update.reply_to_message_id)
        if case_id is None:
            return  # talk among operators, not about a case
        if not await ctx.auth.allowed(update.user_id):
            await ctx.audit.record(self._stranger(update.user_id), case_id, "refused")
            await ctx.messenger.send(
                ctx.chat_id, Reply("Only the NGO's operators can write to people."),
                thread_id=update.thread_id, reply_to=update.message_id,
            )
            return
        await self.relay.from_operator(update, case_id)

    def _stranger(self, user_id: int | None) -> str:
        # Not staff: only a keyed hash of their id goes into the audit trail.
        return "anon:" + self.ctx.pseudonymizer.user_key(f"tg:{user_id}")[:12]

    # ------------------------------------------------------------------ posting alerts
    async def post(self, item: QueuedAlert) -> None:
        """Post one queued alert (the queue makes this once-only across replicas)."""
        ctx = self.ctx
        case = await ctx.cases.get(item.case_id)
        if case is None or case.state == "closed" or ctx.chat_id is None:
            return
        if item.n > 0 and case.state != "new":
            return  # taken meanwhile: nothing to escalate
        if item.n == 0:
            topic_mode = await self._ensure_topic(case)
            reply = alert_reply(case, topic_mode=topic_mode)
            ids = await ctx.messenger.send(ctx.chat_id, reply, thread_id=case.thread_id or None)
            for message_id in ids:
                await ctx.cases.link_message(ctx.chat_id, message_id, case.id)
            if ids and not case.alert_msg:
                # Edits redraw the alert from the case, which no longer has the person's own
                # words once posted: such an alert (or one split in parts) is never edited.
                editable = len(ids) == 1 and not case.user_text
                await ctx.cases.update(case.id, alert_msg=ids[0],
                                       alert_edit=ids[0] if editable else 0)
            await ctx.cases.drop_user_text(case.id)
            log.info("alert posted case=%s topic=%s", case.id, topic_mode)
            return
        # Escalations go to the main chat, where everyone sees them, not into a quiet topic.
        case.user_text = ""
        reply = alert_reply(case, escalation=item.n)
        ids = await ctx.messenger.send(
            ctx.chat_id, reply, reply_to=None if case.thread_id else (case.alert_msg or None)
        )
        for message_id in ids:
            await ctx.cases.link_message(ctx.chat_id, message_id, case.id)
        log.info("alert escalated case=%s n=%d", case.id, item.n)
        await self._remind_place(case)

    async def _ensure_topic(self, case: Case) -> bool:
        ctx = self.ctx
        if case.thread_id:
            return True  # a retry after a half-done post: reuse the topic
        if ctx.chat_id is None or time.monotonic() < self._topics_off_until:
            return False
        name = " · ".join(p for p in (case.pseudonym, case.language, case.country) if p)
        try:
            thread_id = await ctx.messenger.create_topic(ctx.chat_id, name)
        except Exception as exc:
            # Not a forum (or no right to manage topics): reply mode, try again later.
            log.info("forum topics unavailable (%s): reply mode", type(exc).__name__)
            self._topics_off_until = time.monotonic() + TOPICS_RETRY
            return False
        await ctx.cases.link_topic(ctx.chat_id, thread_id, case.id)
        case.thread_id = thread_id
        return True

    # ------------------------------------------------------------------ background loops
    async def escalate_due(self) -> int:
        """Queue an escalated alert for each case whose time is up; returns how many."""
        ctx = self.ctx
        count = 0
        for case_id in await ctx.waiting.due():
            case = await ctx.cases.get(case_id)
            if case is None or case.state != "new":
                await ctx.waiting.remove(case_id)
                continue
            if not ctx.hours.is_open():
                await ctx.waiting.postpone(case_id, ctx.hours.next_open().timestamp())
                continue
            n = await ctx.cases.redis.hincrby(case_key(case_id), "escalations", 1)
            await ctx.queue.push(case_id, int(n))
            await ctx.audit.record(0, case_id, "escalated")
            count += 1
        return count

    async def run(self, stop: asyncio.Event) -> None:
        """Post, re-claim and escalate until `stop` is set; Redis outages only pause it."""
        loops = [
            asyncio.create_task(self._loop(stop, self._consume_once, 0.0)),
            asyncio.create_task(self._loop(stop, self._claim_once, self._claim_every)),
            asyncio.create_task(self._loop(stop, self.escalate_due, self._tick)),
        ]
        try:
            await stop.wait()
            # Let each loop finish its step: cancelling a blocked XREADGROUP leaks its connection.
            await asyncio.wait(loops, timeout=self._read_block_ms / 1000 + 2.0)
        finally:
            for task in loops:
                task.cancel()
            for task in loops:
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _consume_once(self) -> None:
        for item in await self.ctx.queue.read(block_ms=self._read_block_ms):
            await self.ctx.queue.deliver(item, self.post)

    async def _claim_once(self) -> None:
        for item in await self.ctx.queue.claim():
            await self.ctx.queue.deliver(item, self.post)

    async def _loop(self, stop: asyncio.Event, step: Callable[[], object],
                    pause: float) -> None:
        while not stop.is_set():
            try:
                await step()  # type: ignore[misc]
            except (RedisError, OSError) as exc:
                log.error("handoff loop: Redis unavailable (%s)", type(exc).__name__)
                pause_now = max(pause, 1.0)
            except Exception as exc:
                log.error("handoff loop failed: %s", type(exc).__name__)
                pause_now = max(pause, 1.0)
            else:
                pause_now = pause
            if pause_now:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), pause_now)


def build_handoff(
    settings: OperatorSettings,
    *,
    redis: Redis,
    messenger: Messenger,
    pseudonymizer: Pseudonymizer,
    content: Callable[[], Content],
    i18n: I18n,
    case_ttl: int,
    store: SessionStore | None = None,
    on_sent: SentHook | None = None,
    danger: DangerCheck | None = None,
    escalate_after: float | None = None,
    claim_idle: float = 30.0,
    tick: float = 5.0,
    claim_every: float = 15.0,
    read_block: float = 1.0,
) -> QueueHandoff:
    """Wire the handoff from settings; the timings are parameters so tests can shrink them."""
    lookup = messenger if isinstance(messenger, MemberLookup) else None
    ctx = HandoffContext(
        messenger=messenger, settings=settings, cases=CaseStore(redis, case_ttl),
        queue=AlertQueue(redis, claim_idle=claim_idle),
        waiting=WaitingList(redis, escalate_after or settings.escalate_after_min * 60.0),
        audit=Audit(redis), counters=CaseCounters(redis, settings.timezone),
        auth=OperatorAuth(settings.chat_id, settings.id_set, lookup),
        hours=OperatorHours.from_settings(settings), pseudonymizer=pseudonymizer,
        content=content, i18n=i18n, store=store, on_sent=on_sent, danger=danger,
    )
    return QueueHandoff(ctx, tick=tick, claim_every=claim_every, read_block=read_block)
