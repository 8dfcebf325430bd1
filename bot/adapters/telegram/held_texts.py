"""Held texts for the human offer in Redis (`smb:held:<user_key>`), memory while Redis is away.

The text a person may agree to share must reach the alert whichever replica handles the
"share my message" press (see bot/core/pending.py). It expires with the offer and /delete
erases it with every other key about the person (`held` in bot/storage/keys.py). In Redis it
is encrypted (Fernet, a key derived from BOT_PSEUDONYM_KEY): a Redis dump or backup shows no
message text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from cryptography.fernet import Fernet, InvalidToken
from redis.asyncio import Redis

from bot.storage.fallback import RedisHealth
from bot.storage.keys import UserKey


class RedisHeldTexts:
    """`HeldTextStore` in Redis: one encrypted string per person with the offer's TTL."""

    def __init__(self, redis: Redis, secret: str) -> None:
        self._redis = redis
        key = hmac.new(secret.encode(), b"held-texts", hashlib.sha256).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    async def get(self, user_key: str) -> str | None:
        value = await self._redis.get(str(UserKey("held", user_key)))
        if value is None:
            return None
        try:
            return self._fernet.decrypt(str(value).encode()).decode()
        except InvalidToken:  # written under another BOT_PSEUDONYM_KEY: as good as gone
            return None

    async def put(self, user_key: str, text: str, ttl: float) -> None:
        token = self._fernet.encrypt(text.encode()).decode()
        await self._redis.set(str(UserKey("held", user_key)), token, ex=max(1, int(ttl)))

    async def drop(self, user_key: str) -> None:
        await self._redis.delete(str(UserKey("held", user_key)))


class MemoryHeldTexts:
    """`HeldTextStore` in a dict with expiry."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, str]] = {}

    async def get(self, user_key: str) -> str | None:
        item = self._items.get(user_key)
        if item is None or item[0] < time.monotonic():
            self._items.pop(user_key, None)
            return None
        return item[1]

    async def put(self, user_key: str, text: str, ttl: float) -> None:
        now = time.monotonic()
        self._items = {k: v for k, v in self._items.items() if v[0] >= now}
        self._items[user_key] = (now + ttl, text)

    async def drop(self, user_key: str) -> None:
        self._items.pop(user_key, None)


class FallbackHeldTexts:
    """Redis while it answers, memory while it does not; a drop reaches both."""

    def __init__(self, redis: RedisHeldTexts, health: RedisHealth) -> None:
        self._redis = redis
        self._memory = MemoryHeldTexts()
        self._health = health

    async def get(self, user_key: str) -> str | None:
        # Held during an outage: memory has the newer text.
        held = await self._memory.get(user_key)
        if held is not None:
            return held
        return await self._health.call(lambda: self._redis.get(user_key), _none)

    async def put(self, user_key: str, text: str, ttl: float) -> None:
        async def to_redis() -> None:
            await self._redis.put(user_key, text, ttl)
            await self._memory.drop(user_key)

        await self._health.call(to_redis, lambda: self._memory.put(user_key, text, ttl))

    async def drop(self, user_key: str) -> None:
        await self._memory.drop(user_key)
        await self._health.call(lambda: self._redis.drop(user_key), _nothing)


async def _none() -> str | None:
    return None


async def _nothing() -> None:
    return None
