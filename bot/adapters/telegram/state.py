"""The transport's own per-user state: update de-duplication, recent message ids, text hashes."""

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
RATE_WINDOW = 60  # seconds: at most one "please slow down" notice in this time
# Edits arrive for old messages too (a reaction can cause one): a week of text hashes, at most
# EDITS_KEEP per person (past that the oldest go at once; an edit of one then counts as new).
EDITS_TTL = 7 * 24 * 3600
EDITS_KEEP = 1000


class ChatState(Protocol):
    """What the glue remembers besides the session; every key about a user expires."""

    async def first_time(self, update_id: int) -> bool:
        """True the first time an update id is seen, False for a redelivery."""
        ...

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None,
                    digest: str | None = None) -> bool:
        """`first_time` and then, only for a first delivery, remember the message id for
        /hide and the keyed hash of its text (`digest`, for later edits), in one step:
        False for a redelivery (nothing remembered)."""
        ...

    async def edit_changed(self, user_key: str, message_id: int, digest: str) -> bool:
        """Whether an edit changed the message's text (its keyed hash differs from the one
        kept, or none is kept); the new hash is kept either way."""
        ...

    async def flood_notice_due(self, user_key: str) -> bool:
        """True once per `RATE_WINDOW`: whether to send the one 'please slow down' notice."""
        ...

    async def remember(self, user_key: str, message_ids: Iterable[int]) -> None: ...

    async def recent(self, user_key: str) -> list[int]:
        """Message ids from the last 48 hours, oldest first."""
        ...

    async def forget(self, user_key: str) -> None:
        """Erase everything kept about the user here."""
        ...


# `first_time`, `remember` and the text's hash in one round trip, and only for a first
# delivery: a redelivery must not be remembered twice.
_ADMIT = """
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then return 0 end
if ARGV[2] ~= '' then
    redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
    redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[4]) - 1)
    redis.call('EXPIRE', KEYS[2], ARGV[5])
    if ARGV[6] ~= '' then
        if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[8]) then redis.call('DEL', KEYS[3]) end
        redis.call('HSET', KEYS[3], ARGV[2], ARGV[6])
        redis.call('EXPIRE', KEYS[3], ARGV[7])
    end
end
return 1
"""

# Compare the kept hash of a message's text with the edit's and keep the new one.
_EDIT = """
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old ~= ARGV[2] then
    if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then redis.call('DEL', KEYS[1]) end
    redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
if old == ARGV[2] then return 0 end
return 1
"""


class RedisChatState:
    """`ChatState` in Redis: `smb:dedup:<update_id>`, `smb:flood|msgs|edits:<user_key>`."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._admit = redis.register_script(_ADMIT)  # EVALSHA, loaded again if Redis forgot it
        self._edit = redis.register_script(_EDIT)

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None,
                    digest: str | None = None) -> bool:
        keys = [global_key("dedup", str(update_id)), str(UserKey("msgs", user_key)),
                str(UserKey("edits", user_key))]
        mid = "" if message_id is None else str(message_id)
        args: list[str | int | float] = [DEDUP_TTL, mid, time.time(), MSGS_KEEP, MSGS_TTL,
                                         digest or "", EDITS_TTL, EDITS_KEEP]
        return bool(int(await self._admit(keys=keys, args=args)))

    async def edit_changed(self, user_key: str, message_id: int, digest: str) -> bool:
        keys = [str(UserKey("edits", user_key))]
        args: list[str | int] = [str(message_id), digest, EDITS_TTL, EDITS_KEEP]
        return bool(int(await self._edit(keys=keys, args=args)))

    async def first_time(self, update_id: int) -> bool:
        key = global_key("dedup", str(update_id))
        return bool(await self._redis.set(key, 1, nx=True, ex=DEDUP_TTL))

    async def flood_notice_due(self, user_key: str) -> bool:
        key = str(UserKey("flood", user_key))
        return bool(await self._redis.set(key, 1, nx=True, ex=RATE_WINDOW))

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
        kinds = ("rate", "flood", "msgs", "edits")
        await self._redis.delete(*(str(UserKey(k, user_key)) for k in kinds))


class MemoryChatState:
    """`ChatState` in dicts with expiry: for no-Redis runs and while Redis is away."""

    def __init__(self, max_entries: int = 100_000, max_users: int = 10_000) -> None:
        self._expiring: dict[str, tuple[float, int]] = {}
        self._msgs: OrderedDict[str, dict[int, float]] = OrderedDict()  # oldest write first
        self._edits: OrderedDict[str, dict[int, str]] = OrderedDict()  # oldest write first
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

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None,
                    digest: str | None = None) -> bool:
        if not await self.first_time(update_id):
            return False
        if message_id is not None:
            await self.remember(user_key, [message_id])
            if digest is not None:
                self._keep_digest(user_key, message_id, digest)
        return True

    def _keep_digest(self, user_key: str, message_id: int, digest: str) -> None:
        # Memory holds only what happened during an outage or a Redis-less run: no expiry
        # needed beyond the cap.
        edits = self._edits.setdefault(user_key, {})
        if len(edits) >= EDITS_KEEP:
            edits.clear()
        edits[message_id] = digest
        if len(self._edits) > self._max:
            self._edits.pop(next(iter(self._edits)))

    async def edit_changed(self, user_key: str, message_id: int, digest: str) -> bool:
        old = self._edits.get(user_key, {}).get(message_id)
        self._keep_digest(user_key, message_id, digest)
        return old != digest

    async def flood_notice_due(self, user_key: str) -> bool:
        key = f"flood:{user_key}"
        if self._get(key) is not None:
            return False
        self._set(key, 1, RATE_WINDOW)
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
        self._edits.pop(user_key, None)
        self._expiring.pop(f"flood:{user_key}", None)


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

    async def admit(self, update_id: int, user_key: str, message_id: int | None = None,
                    digest: str | None = None) -> bool:
        return await self._health.call(
            lambda: self._redis.admit(update_id, user_key, message_id, digest),
            lambda: self._memory.admit(update_id, user_key, message_id, digest),
        )

    async def edit_changed(self, user_key: str, message_id: int, digest: str) -> bool:
        return await self._health.call(
            lambda: self._redis.edit_changed(user_key, message_id, digest),
            lambda: self._memory.edit_changed(user_key, message_id, digest),
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
