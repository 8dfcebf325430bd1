"""Check-in plans in Redis: the plan under `smb:checkin:<user_key>` (with a TTL) and its due
time in one sorted set (`smb:checkin:due`, member = the user key, score = epoch seconds).

The sorted set, not a timer in a process, is the source of truth: every replica's scheduler
claims due members with one Lua script that moves them a lease into the future, so exactly
one replica works on a member at a time, and a replica that dies mid-work only delays it by
the lease. Every write of a plan is a compare-and-set on its `seq` that also sets (or removes)
its due time, so the person's answer and the scheduler never overwrite each other.

What the person agreed to share (the destination, the employer's name, the contact), the clock
they chose (which names where they will be) and the chat address are encrypted in Redis
(Fernet, a key derived from BOT_PSEUDONYM_KEY, as for held texts): a Redis dump or backup shows
none of them. A destination or clock written in plain text before they were sealed is read as
it is and sealed at the plan's next write.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, cast

from cryptography.fernet import InvalidToken
from redis.asyncio import Redis

from bot.checkin.plan import CheckinPlan
from bot.privacy import TextSeal
from bot.storage.keys import CHECKIN_DUE, UserKey

log = logging.getLogger(__name__)
ATTEMPTS = 3  # compare-and-set retries before a write gives up (another writer kept winning)
SEALED = ("chat_key", "employer", "contact", "country", "zone")  # encrypted in Redis
# Sealed only since a later release: a plain value of an older plan is read as it is.
SEALED_LATER = ("country", "zone")
_TOKEN = "gAAAAA"  # how every Fernet token starts (its version byte and a timestamp)

# KEYS: the due set. ARGV: now, lease until, how many. Due members, each moved to the lease.
_CLAIM = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due
"""
# KEYS: the plan, the due set. ARGV: expected seq, new JSON ('' deletes), TTL seconds, due score
# ('' unschedules), member. 1 when written, 0 when the stored seq differs (someone wrote first).
_SAVE = """
local current = redis.call('GET', KEYS[1])
local seq = 0
if current then seq = tonumber(cjson.decode(current)['seq']) or 0 end
if seq ~= tonumber(ARGV[1]) then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[5])
  return 1
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
if ARGV[4] == '' then redis.call('ZREM', KEYS[2], ARGV[5])
else redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5]) end
return 1
"""


def plan_key(user_key: str) -> str:
    return str(UserKey("checkin", user_key))


class PlanStore:
    """Load, compare-and-set and claim check-in plans (one shared Redis client)."""

    def __init__(self, redis: Redis, secret: str) -> None:
        self._redis = redis
        self._claim = redis.register_script(_CLAIM)
        self._save = redis.register_script(_SAVE)
        self._seal_text = TextSeal(secret, b"checkin-plans")

    def _seal(self, plan: CheckinPlan) -> str:
        data = plan.model_dump(mode="json")
        for name in SEALED:
            if data.get(name) is not None:
                data[name] = self._seal_text.seal(str(data[name]))
        return json.dumps(data)

    def _open(self, raw: str) -> CheckinPlan:
        data = json.loads(raw)
        for name in SEALED:
            value = data.get(name)
            if value is None or (name in SEALED_LATER and not str(value).startswith(_TOKEN)):
                continue
            data[name] = self._seal_text.open(str(value))
        return CheckinPlan.model_validate(data)

    async def load(self, user_key: str) -> CheckinPlan | None:
        raw = await self._redis.get(plan_key(user_key))
        if raw is None:
            return None
        try:
            return self._open(str(raw))
        except (ValueError, InvalidToken):  # old shape, or sealed under another key
            log.warning("discarding an unreadable check-in plan")
            return None

    async def save(self, user_key: str, plan: CheckinPlan | None, *, seq: int,
                   now: float) -> bool:
        """Write `plan` (None: delete it) if the stored one still has `seq`; True when written.

        The written plan's seq is `seq + 1`; its due time is set, or removed when it has none.
        """
        if plan is None:
            args: list[Any] = [seq, "", 0, "", user_key]
        else:
            plan.seq = seq + 1
            due = plan.due()
            args = [seq, self._seal(plan), plan.ttl(now),
                    "" if due is None else repr(due), user_key]
        written = await self._save(keys=[plan_key(user_key), CHECKIN_DUE], args=args)
        return bool(written)

    async def update(self, user_key: str,
                     change: Callable[[CheckinPlan | None], CheckinPlan | None],
                     *, now: float) -> CheckinPlan | None:
        """Read, change and write back until no one wrote in between; the plan as written.

        `change` gets the stored plan (or None) and returns the new one (None: delete). Raises
        `RuntimeError` when other writers kept winning.
        """
        for _ in range(ATTEMPTS):
            current = await self.load(user_key)
            seq = current.seq if current is not None else 0
            new = change(current.model_copy(deep=True) if current is not None else None)
            if await self.save(user_key, new, seq=seq, now=now):
                return new
        raise RuntimeError("check-in plan changed by others too often")

    async def delete(self, user_key: str) -> None:
        """End the plan at once: the key and its due time."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(plan_key(user_key))
            pipe.zrem(CHECKIN_DUE, user_key)
            await pipe.execute()

    async def claim(self, now: float, lease: float, limit: int = 50) -> list[str]:
        """The user keys due by `now`, each claimed for `lease` seconds by this caller."""
        members = await self._claim(keys=[CHECKIN_DUE], args=[repr(now), repr(now + lease),
                                                              limit])
        return [str(m) for m in cast(list[Any], members)]

    async def unschedule(self, user_key: str) -> None:
        """Drop a due member whose plan is gone (expired, erased)."""
        await self._redis.zrem(CHECKIN_DUE, user_key)

    async def reschedule(self, user_key: str, at: float) -> None:
        """Look at this member again at `at` (a retry after a failure)."""
        await self._redis.zadd(CHECKIN_DUE, {user_key: at})

    async def due_at(self, user_key: str) -> float | None:
        """The member's due time, None when it is not scheduled."""
        score = await self._redis.zscore(CHECKIN_DUE, user_key)
        return float(score) if score is not None else None
