"""Cases nobody took in time: posted again, marked escalated; the person hears their place."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from bot.storage.keys import global_key

WAITING = global_key("handoff", "waiting")  # case id -> when it was opened: the queue order
DUE = global_key("handoff", "due")  # case id -> when it escalates next

# Move a due case's next escalation forward, atomically: of two replicas only one escalates it.
_BUMP = """
local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
if due and tonumber(due) <= tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return 1
end
return 0
"""


class WaitingList:
    """The untaken cases in order, and when each one escalates next."""

    def __init__(self, redis: Redis, escalate_after: float) -> None:
        self._redis = redis
        self.escalate_after = escalate_after  # seconds

    async def add(self, case_id: str, created: float, first_due: float | None = None) -> None:
        """Queue a new case; it escalates `escalate_after` after `first_due` (default: now)."""
        due = (first_due if first_due is not None else created) + self.escalate_after
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zadd(WAITING, {case_id: created})
            pipe.zadd(DUE, {case_id: due})
            await pipe.execute()

    async def remove(self, case_id: str) -> None:
        """Taken or closed: out of the queue, no more escalations."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zrem(WAITING, case_id)
            pipe.zrem(DUE, case_id)
            await pipe.execute()

    async def place(self, case_id: str) -> int | None:
        """1 for the case waiting longest; None when it is no longer waiting."""
        rank = await self._redis.zrank(WAITING, case_id)
        return None if rank is None else int(rank) + 1  # type: ignore[arg-type]

    async def due(self, now: float | None = None) -> list[str]:
        """Cases whose escalation is due and that this caller won (others get an empty list)."""
        now = time.time() if now is None else now
        won = []
        for case_id in await self._redis.zrangebyscore(DUE, "-inf", now):
            bumped = await self._redis.eval(
                _BUMP, 1, DUE, str(case_id), str(now), str(now + self.escalate_after)
            )
            if bumped:
                won.append(str(case_id))
        return won

    async def postpone(self, case_id: str, until: float) -> None:
        """Out of hours: escalate `escalate_after` after operators start, not all night."""
        await self._redis.zadd(DUE, {case_id: until + self.escalate_after}, xx=True)

    async def escalate_now(self, case_id: str) -> None:
        """A danger phrase while waiting: the next escalation tick picks the case up at once."""
        await self._redis.zadd(DUE, {case_id: 0}, xx=True)
