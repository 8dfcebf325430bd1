"""A time limit on one update's handling under the person's lock.

Everything done under the lock is bounded on its own (the send budget, Redis' 2 s socket
timeout, Rasa's timeout), but the sum was not: a slow Redis (a pool wait of 10 s per command,
tried once more), a slow engine, alerts and replies in a row could hold the person past the
lock's wait, when their next update goes ahead without the lock. The limit cuts the handling
there: the lock is released, the cut is counted (`smb_handling_overruns{stage}`) and logged
(no person named), and what is left (`Progress.left`) is tried again outside the lock. The
operator alert and the emergency reply are not lost: an answer made is in the outbox (or in
hand) with its alerts, and an update cut before its answer is handled again.

A cut lands at an `await`: code that computes without awaiting (a model's prediction) ends
first. The limit is `BOT_HANDLING_LIMIT_S`; the person lock's wait is that plus the lease.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Literal

from bot.adapters.telegram.progress import Left, Progress
from bot.metrics import Metrics

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for

# Where a handling was cut: the first answer, a take-over's resume, a later try at the rest.
Stage = Literal["answer", "resume", "rest"]
Work = Callable[[Progress], Awaitable[Left | None]]


class HandlingLimit:
    """Runs one handling with at most `seconds`; past it, returns what is left."""

    def __init__(self, seconds: float, metrics: Metrics) -> None:
        self.seconds = seconds
        self._metrics = metrics

    async def run(self, stage: Stage, work: Work) -> Left | None:
        """`work(progress)` within the limit: its result, or what `progress` says is left."""
        progress = Progress()
        try:
            async with asyncio.timeout(self.seconds) as limit:
                return await work(progress)
        except TimeoutError:
            if not limit.expired():
                raise  # a timeout of the work's own, not the limit
        self._metrics.handling_overruns.labels(stage).inc()
        left = progress.left()
        log.warning("update handling overran its limit (%.0fs, %s): the person's lock is "
                    "released, %s tried again outside it", self.seconds, stage,
                    "the update is" if progress.plan is None else "its answer's rest is")
        return left
