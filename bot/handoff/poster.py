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

from bot.core.messenger import BotApiError
from bot.handoff.alerts import alert_reply, silent_case
from bot.handoff.case import Case
from bot.handoff.failures import Call, decide
from bot.handoff.parts import HandoffParts
from bot.handoff.queue import QueuedAlert
from bot.storage.health import unless_full

log = logging.getLogger(__name__)
TOPICS_RETRY = 600.0  # seconds in reply mode before trying forum topics again
STOP_GRACE = 30.0  # seconds a stop waits for alert posts in progress
UNREACHABLE_NOTE_EVERY = 1800  # seconds: "we cannot reach the team" at most this often per case


class AlertPoster:
    """Posts, re-claims and escalates alerts until stopped; Redis outages only pause it."""

    def __init__(self, parts: HandoffParts, *, tick: float = 5.0,
                 claim_every: float = 15.0, read_block: float = 1.0) -> None:
        self.parts = parts
        self._tick = tick
        self._claim_every = claim_every
        self._read_block_ms = int(read_block * 1000)
        self._topics_off_until = 0.0
        # Posts in progress (finished even when stopped) and posts Redis could not record yet.
        self._in_flight: set[asyncio.Future[None]] = set()
        self._unrecorded: dict[tuple[str, int], list[int]] = {}

    async def post(self, item: QueuedAlert) -> None:
        """Post one queued alert once, even across a stop, a crash or a Redis blip.

        The queue makes it once-only across replicas; here the case itself records which
        alert number was posted (`Case.posted`, written with the message ids), and a post that
        went out while Redis could not record it is remembered by this process until it can.
        The post runs to its end even when the poster is stopped meanwhile (see `run`).
        """
        key = (item.case_id, item.n)
        unrecorded = self._unrecorded.get(key)
        if unrecorded is not None:
            await self._record(item, unrecorded)  # sent before Redis went away: record only
            return
        task = asyncio.ensure_future(self._post(item))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        await asyncio.shield(task)

    async def _post(self, item: QueuedAlert) -> None:
        parts = self.parts
        case = await parts.cases.get(item.case_id)
        if case is None or case.state == "closed" or parts.board.chat_id is None:
            return
        if case.posted >= item.n:
            log.info("alert already posted case=%s n=%d: not again", case.id, item.n)
            return
        if item.n > 0 and case.state != "new":
            return  # taken meanwhile: nothing to escalate
        # The Bot API has no idempotency key: a post whose answer never came (a kill, a crash
        # of Redis before the result was written) may or may not be in the chat. Record the
        # start first; posting again after an unknown end says it may be a repeat.
        repeat = case.posting >= item.n
        if repeat:
            log.warning("alert post of case=%s n=%d was interrupted: posting again, marked as "
                        "a possible repeat", case.id, item.n)
        # Redis full: post anyway, unmarked (this process still remembers a post it could not
        # record); an alert nobody sees is worse than a repeat nobody was warned of.
        await unless_full(parts.cases.update(case.id, posting=item.n))
        try:
            if item.n == 0:
                topic_mode = await self._ensure_topic(case)
                reply = alert_reply(case, parts.board.labels, topic_mode=topic_mode, repeat=repeat)
                ids = await parts.board.post(case, reply, link=False)
            elif item.n == case.reopened:  # never 0: 0 is the first alert
                # The person asked again within the reopen window: in the case's own topic,
                # where its history is (a closed topic is reopened by the channel).
                reply = alert_reply(case, parts.board.labels, topic_mode=bool(case.thread_id),
                                    reopened=True, repeat=repeat)
                ids = await parts.board.post(case, reply, link=False)
            else:
                # Escalations go to the main chat, where everyone sees them, not a quiet topic.
                case.user_text = ""
                ids = await parts.board.send(
                    alert_reply(case, parts.board.labels, escalation=item.n, repeat=repeat),
                    reply_to=None if case.thread_id else (case.alert_msg or None))
        except RedisError:
            raise  # the queue tries again once Redis is back
        except Exception as exc:
            # Not posted: it stays queued and is tried again; the person hears it now, with
            # the numbers, instead of waiting in a queue nobody reads.
            log.error("alert not posted (%s) case=%s n=%d", decide(Call.TO_OPERATORS, exc).name,
                      case.id, item.n)
            if refused_by_telegram(exc):  # known not posted: the next try is no repeat
                await unless_full(parts.cases.update(case.id, posting=case.posted))
            # A phone under a silent alarm is told nothing on the bot's own (also once the
            # person asked for a person: that ask was answered when they made it).
            if not silent_case(case) and await parts.cases.due_once(
                    case.id, "unreachable", UNREACHABLE_NOTE_EVERY):
                await parts.person.tell_unreachable(case)
            raise
        self._unrecorded[(item.case_id, item.n)] = ids
        await self._record(item, ids, case)

    async def _record(self, item: QueuedAlert, ids: list[int], case: Case | None = None) -> None:
        parts = self.parts
        chat_id = parts.board.chat_id
        if case is None:
            case = await parts.cases.get(item.case_id)
        if case is not None and chat_id is not None:
            # Sent: a write refused for lack of memory must not make the queue post it again.
            await unless_full(parts.cases.refs.link_messages(chat_id, ids, case.id))
            if item.n and item.n == case.reopened:
                await parts.cases.drop_user_text(case.id)  # shown once, as for the first alert
            if item.n == 0:
                if ids and not case.alert_msg:
                    # Edits redraw the alert from the case, which no longer has the person's
                    # own words once posted: such an alert (or one in parts) is never edited.
                    editable = len(ids) == 1 and not case.user_text
                    await unless_full(parts.cases.update(case.id, alert_msg=ids[0],
                                                       alert_edit=ids[0] if editable else 0))
                await parts.cases.drop_user_text(case.id)
            await unless_full(parts.cases.update(case.id, posted=item.n))
        self._unrecorded.pop((item.case_id, item.n), None)
        if case is None:
            return
        if item.n == 0:
            log.info("alert posted case=%s topic=%s", case.id, bool(case.thread_id))
            parts.metrics.observe_alert("posted", time.time() - case.created)
            if not silent_case(case) and await parts.cases.was_due(case.id, "unreachable"):
                await parts.person.remind_place(case)  # told "cannot reach the team": now they can
        else:
            log.info("alert escalated case=%s n=%d", case.id, item.n)
            parts.metrics.alerts.labels("escalated").inc()
            if not silent_case(case):  # a silent case's phone never shows a queue, nor a
                await parts.person.remind_place(case)  # reminder after the person asked

    async def _ensure_topic(self, case: Case) -> bool:
        parts = self.parts
        if case.thread_id:
            return True  # a retry after a half-done post: reuse the topic
        if parts.board.chat_id is None or time.monotonic() < self._topics_off_until:
            return False
        if await parts.board.new_topic(case) is None:
            # Not a forum (or no right to manage topics): reply mode, try again later.
            self._topics_off_until = time.monotonic() + TOPICS_RETRY
            return False
        return True

    async def escalate_due(self) -> int:
        """Queue an escalated alert for each case whose time is up; returns how many."""
        parts = self.parts
        count = 0
        for case_id in await parts.waiting.due():
            case = await parts.cases.get(case_id)
            if case is None or case.state != "new":
                await parts.waiting.remove(case_id)
                continue
            if not parts.hours.is_open():
                await parts.waiting.postpone(case_id, parts.hours.next_open().timestamp())
                continue
            await parts.queue.push(case_id, await parts.cases.next_escalation(case_id))
            await parts.audit.record(0, case_id, "escalated")
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
            if self._in_flight:
                # A post cut off half-way may reach Telegram unrecorded and be posted again
                # after a restart: let it finish and record itself.
                await asyncio.wait(set(self._in_flight), timeout=STOP_GRACE)

    async def _consume_once(self) -> None:
        for item in await self.parts.queue.read(block_ms=self._read_block_ms):
            await self.parts.queue.deliver(item, self.post)

    async def _claim_once(self) -> None:
        for item in await self.parts.queue.claim():
            await self.parts.queue.deliver(item, self.post)

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


def refused_by_telegram(exc: BaseException) -> bool:
    """Whether Telegram answered with a refusal (4xx), here or as the cause: then nothing was
    posted. A 5xx, a network error or a timeout leaves it unknown."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, BotApiError):
            return seen.code < 500
        seen = seen.__cause__
    return False


def _kind(exc: BaseException) -> str:
    return "out of memory" if isinstance(exc, OutOfMemoryError) else type(exc).__name__


def _name(step: Callable[[], object]) -> str:
    return getattr(step, "__name__", "step").strip("_")


def _log_change(failing: str, now: str, step: Callable[[], object]) -> str:
    """Log a loop's failure when it differs from the last one: one line per change, not per tick."""
    if now != failing:
        log.error("handoff loop %s: %s", _name(step), now)
    return now
