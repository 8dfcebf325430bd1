"""The transport's own per-user state: update de-duplication, rate limits, recent message ids."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable
from itertools import islice
from typing import Protocol, cast

from redis.asyncio import Redis

from bot.storage.fallback import RedisHealth
from bot.storage.keys import UserKey, global_key

DEDUP_TTL = 24 * 3600  # Telegram stops redelivering an update long before a day passes
MSGS_TTL = 48 * 3600  # the Bot API only deletes messages younger than 48 hours
MSGS_KEEP = 200  # /hide deletes this many recent messages at most
RATE_WINDOW = 60


class ChatState(Protocol):
    """What the glue remembers besides the session; every key about a user expires."""

    async def first_time(self, update_id: int) -> bool:
        """True the first time an update id is seen, False for a redelivery."""
        ...

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None
                    ) -> int | None:
        """`first_time` and then, only for a first delivery, count the update in the user's
        current minute and remember its message id for /hide, in one step: None for a
        redelivery (nothing counted or remembered), else the user's count in this minute."""
        ...

    async def flood_notice_due(self, user_key: str) -> bool:
        """True once per rate window: whether to send the one 'please slow down' notice."""
        ...

    async def remember(self, user_key: str, message_ids: Iterable[int]) -> None: ...

    async def recent(self, user_key: str) -> list[int]:
        """Message ids from the last 48 hours, oldest first."""
        ...

    async def forget(self, user_key: str) -> None:
        """Erase everything kept about the user here."""
        ...


# `first_time`, the rate count and `remember` in one round trip, and only for a first delivery:
# a redelivery must neither count against the rate limit nor be remembered twice.
_ADMIT = """
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then return -1 end
local count = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[2], 'NX')
if ARGV[3] ~= '' then
    redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
    redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -tonumber(ARGV[5]) - 1)
    redis.call('EXPIRE', KEYS[3], ARGV[6])
end
return count
"""


class RedisChatState:
    """`ChatState` in Redis: `smb:dedup:<update_id>`, `smb:rate|flood|msgs:<user_key>`."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._admit = redis.register_script(_ADMIT)  # EVALSHA, loaded again if Redis forgot it

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None
                    ) -> int | None:
        keys = [global_key("dedup", str(update_id)), str(UserKey("rate", user_key)),
                str(UserKey("msgs", user_key))]
        mid = "" if message_id is None else str(message_id)
        args: list[str | int | float] = [DEDUP_TTL, RATE_WINDOW, mid, time.time(), MSGS_KEEP,
                                         MSGS_TTL]
        count = int(await self._admit(keys=keys, args=args))
        return None if count < 0 else count

    async def first_time(self, update_id: int) -> bool:
        key = global_key("dedup", str(update_id))
        return bool(await self._redis.set(key, 1, nx=True, ex=DEDUP_TTL))

    async def flood_notice_due(self, user_key: str) -> bool:
        rate_ttl = await self._redis.ttl(str(UserKey("rate", user_key)))
        ttl = rate_ttl if rate_ttl and rate_ttl > 0 else RATE_WINDOW
        return bool(await self._redis.set(str(UserKey("flood", user_key)), 1, nx=True, ex=ttl))

    async def remember(self, user_key: str, message_ids: Iterable[int]) -> None:
        ids = list(message_ids)
        if not ids:
            return
        key = str(UserKey("msgs", user_key))
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.zadd(key, {str(mid): time.time() for mid in ids})
            pipe.zremrangebyrank(key, 0, -MSGS_KEEP - 1)  # ids older than 48 h: skipped on read
            pipe.expire(key, MSGS_TTL)
            await pipe.execute()

    async def recent(self, user_key: str) -> list[int]:
        key = str(UserKey("msgs", user_key))
        ids = await self._redis.zrangebyscore(key, time.time() - MSGS_TTL, "+inf")
        return [int(cast(str, mid)) for mid in ids]

    async def forget(self, user_key: str) -> None:
        await self._redis.delete(*(str(UserKey(k, user_key)) for k in ("rate", "flood", "msgs")))


class MemoryChatState:
    """`ChatState` in dicts with expiry: for no-Redis runs and while Redis is away."""

    def __init__(self, max_entries: int = 100_000, max_users: int = 10_000) -> None:
        self._expiring: dict[str, tuple[float, int]] = {}
        self._msgs: OrderedDict[str, dict[int, float]] = OrderedDict()  # oldest write first
        self._max = max_entries
        self._max_users = max_users

    def _get(self, key: str) -> int | None:
        item = self._expiring.get(key)
        if item is None or item[0] < time.monotonic():
            self._expiring.pop(key, None)
            return None
        return item[1]

    def _set(self, key: str, value: int, ttl: float) -> None:
        if len(self._expiring) >= self._max:
            now = time.monotonic()
            live = {k: v for k, v in self._expiring.items() if v[0] >= now}
            if len(live) >= self._max:
                # A day of live update ids: forget the oldest tenth rather than grow (a
                # redelivery that old is rarer than running out of memory).
                live = dict(islice(live.items(), self._max // 10, None))
            self._expiring = live
        self._expiring[key] = (time.monotonic() + ttl, value)

    async def first_time(self, update_id: int) -> bool:
        key = f"dedup:{update_id}"
        if self._get(key) is not None:
            return False
        self._set(key, 1, DEDUP_TTL)
        return True

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None
                    ) -> int | None:
        if not await self.first_time(update_id):
            return None
        if message_id is not None:
            await self.remember(user_key, [message_id])
        key = f"rate:{user_key}"
        item = self._expiring.get(key)
        if item is None or item[0] < time.monotonic():
            self._set(key, 1, RATE_WINDOW)
            return 1
        self._expiring[key] = (item[0], item[1] + 1)
        return item[1] + 1

    async def flood_notice_due(self, user_key: str) -> bool:
        key = f"flood:{user_key}"
        if self._get(key) is not None:
            return False
        rate = self._expiring.get(f"rate:{user_key}")
        self._set(key, 1, rate[0] - time.monotonic() if rate else RATE_WINDOW)
        return True

    async def remember(self, user_key: str, message_ids: Iterable[int]) -> None:
        now = time.time()
        ids = self._msgs.get(user_key, {})
        ids.update({mid: now for mid in message_ids})
        fresh = sorted((t, m) for m, t in ids.items() if t > now - MSGS_TTL)[-MSGS_KEEP:]
        self._msgs[user_key] = {m: t for t, m in fresh}
        self._msgs.move_to_end(user_key)
        if len(self._msgs) > self._max_users:  # /hide then misses the longest-idle chats
            self._msgs.popitem(last=False)

    async def recent(self, user_key: str) -> list[int]:
        now = time.time()
        items = self._msgs.get(user_key, {})
        return [m for t, m in sorted((t, m) for m, t in items.items()) if t > now - MSGS_TTL]

    async def forget(self, user_key: str) -> None:
        self._msgs.pop(user_key, None)
        for kind in ("rate", "flood"):
            self._expiring.pop(f"{kind}:{user_key}", None)


class FallbackChatState:
    """Redis while it answers, memory while it does not (same `RedisHealth` as the sessions)."""

    def __init__(self, redis: RedisChatState, health: RedisHealth) -> None:
        self._redis = redis
        self._memory = MemoryChatState()
        self._health = health

    async def first_time(self, update_id: int) -> bool:
        return await self._health.call(
            lambda: self._redis.first_time(update_id), lambda: self._memory.first_time(update_id)
        )

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None
                    ) -> int | None:
        return await self._health.call(
            lambda: self._redis.admit(update_id, user_key, message_id),
            lambda: self._memory.admit(update_id, user_key, message_id),
        )

    async def flood_notice_due(self, user_key: str) -> bool:
        return await self._health.call(
            lambda: self._redis.flood_notice_due(user_key),
            lambda: self._memory.flood_notice_due(user_key),
        )

    async def remember(self, user_key: str, message_ids: Iterable[int]) -> None:
        ids = list(message_ids)
        await self._health.call(
            lambda: self._redis.remember(user_key, ids),
            lambda: self._memory.remember(user_key, ids),
        )

    async def recent(self, user_key: str) -> list[int]:
        # Ids remembered during an outage live in memory: /hide must delete those too.
        extra = await self._memory.recent(user_key)
        ids = await self._health.call(lambda: self._redis.recent(user_key), _empty)
        return sorted(set(ids) | set(extra))

    async def forget(self, user_key: str) -> None:
        await self._memory.forget(user_key)
        await self._health.call(lambda: self._redis.forget(user_key), _nothing)


async def _empty() -> list[int]:
    return []


async def _nothing() -> None:
    return None
