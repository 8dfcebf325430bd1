"""Wire check-ins for `python -m bot run`: the engine's step gets the Redis plans, and a
scheduler is made when there is Redis and an operators' chat to alert (else: unavailable)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from redis.asyncio import Redis

from bot.checkin.operators import HandoffOperators
from bot.checkin.scheduler import CheckinScheduler, Clock, SentHook
from bot.checkin.step import CheckinStep
from bot.checkin.store import PlanStore
from bot.content.models import Content
from bot.core.messenger import Messenger
from bot.handoff.service import QueueHandoff
from bot.metrics import Metrics


def build_checkins(engine: Any, handoff: Any, messenger: Messenger, redis: Redis | None,
                   content: Callable[[], Content], secret: str, *, on_sent: SentHook | None = None,
                   metrics: Metrics | None = None, clock: Clock = time.time,
                   **timings: Any) -> CheckinScheduler | None:
    """The scheduler to run in the background, or None when check-ins cannot work here.

    `secret` (BOT_PSEUDONYM_KEY) seals what the person typed; `timings` (poll, lease, batch)
    and `clock` are for tests.
    """
    step = getattr(engine, "checkin", None)
    if not isinstance(step, CheckinStep) or redis is None or not isinstance(handoff,
                                                                             QueueHandoff):
        return None
    plans = PlanStore(redis, secret)
    step.bind(plans, clock)
    return CheckinScheduler(plans, messenger, HandoffOperators(handoff), content, clock,
                            on_sent=on_sent, metrics=metrics, **timings)
