"""The handoff's background work: post queued alerts, re-claim a dead replica's, escalate.

Every replica runs it; the queue's consumer group makes each post happen once, and the waiting
list hands each escalation to one replica.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from redis.exceptions import OutOfMemoryError, RedisError

from bot.handoff.alerts import alert_reply
from bot.handoff.cases import Case
from bot.handoff.context import HandoffContext
from bot.handoff.queue import QueuedAlert
from bot.storage.health import unless_full

log = logging.getLogger(__name__)
TOPICS_RETRY = 600.0  # seconds in reply mode before trying forum topics again


class AlertPoster:
    """Posts, re-claims and escalates alerts until stopped; Redis outages only pause it."""

    def __init__(self, ctx: HandoffContext, *, tick: float = 5.0,
                 claim_every: float = 15.0, read_block: float = 1.0) -> None:
        self.ctx = ctx
        self._tick = tick
        self._claim_every = claim_every
        self._read_block_ms = int(read_block * 1000)
        self._topics_off_until = 0.0

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
            # Sent: a write refused for lack of memory must not make the queue post it again.
            await unless_full(ctx.cases.link_messages(ctx.chat_id, ids, case.id))
            if ids and not case.alert_msg:
                # Edits redraw the alert from the case, which no longer has the person's own
                # words once posted: such an alert (or one split in parts) is never edited.
                editable = len(ids) == 1 and not case.user_text
                await unless_full(ctx.cases.update(case.id, alert_msg=ids[0],
                                                   alert_edit=ids[0] if editable else 0))
            await ctx.cases.drop_user_text(case.id)
            log.info("alert posted case=%s topic=%s", case.id, topic_mode)
            return
        # Escalations go to the main chat, where everyone sees them, not into a quiet topic.
        case.user_text = ""
        reply = alert_reply(case, escalation=item.n)
        ids = await ctx.messenger.send(
            ctx.chat_id, reply, reply_to=None if case.thread_id else (case.alert_msg or None)
        )
        await unless_full(ctx.cases.link_messages(ctx.chat_id, ids, case.id))
        log.info("alert escalated case=%s n=%d", case.id, item.n)
        await ctx.remind_place(case)

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
        await unless_full(ctx.cases.link_topic(ctx.chat_id, thread_id, case.id))
        case.thread_id = thread_id
        return True

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
            await ctx.queue.push(case_id, await ctx.cases.next_escalation(case_id))
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
        failing = ""  # the error this loop is in; logged once when it starts and once at its end
        while not stop.is_set():
            try:
                await step()  # type: ignore[misc]
            except (RedisError, OSError) as exc:
                failing = _log_change(failing, f"Redis unavailable ({_kind(exc)})", step)
                pause_now = max(pause, 1.0)
            except Exception as exc:
                failing = _log_change(failing, f"failed: {type(exc).__name__}", step)
                pause_now = max(pause, 1.0)
            else:
                if failing:
                    log.warning("handoff loop %s: working again", _name(step))
                failing = ""
                pause_now = pause
            if pause_now:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), pause_now)


def _kind(exc: BaseException) -> str:
    return "out of memory" if isinstance(exc, OutOfMemoryError) else type(exc).__name__


def _name(step: Callable[[], object]) -> str:
    return getattr(step, "__name__", "step").strip("_")


def _log_change(failing: str, now: str, step: Callable[[], object]) -> str:
    """Log a loop's failure when it differs from the last one: one line per change, not per tick."""
    if now != failing:
        log.error("handoff loop %s: %s", _name(step), now)
    return now
