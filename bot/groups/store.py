"""Group settings in Redis: `smb:group:<group_key>`, a hash (ads, language, country, cap).

`group_key` is the keyed hash of the Telegram chat id (`Pseudonymizer.user_key("tg-group:<id>")`),
so a group's id never reaches Redis, as for people. Settings are not personal data, but they
follow the same rule as every key: a TTL. `SETTINGS_TTL` (400 days) is renewed whenever the
settings are read or saved, so an active group keeps them and an abandoned one is forgotten;
when the bot is removed from a group they are deleted at once (`forget`).
"""

from __future__ import annotations

from typing import Any, cast

from redis.asyncio import Redis

from bot.core.groups.model import AdWarnings, GroupSettings
from bot.i18n import LANGUAGES
from bot.storage.fallback import RedisHealth
from bot.storage.keys import global_key

SETTINGS_TTL = 400 * 24 * 3600


def settings_key(group_key: str) -> str:
    return global_key("group", group_key)


def _decode(raw: dict[str, str]) -> GroupSettings:
    """The stored fields, each checked: a field that is not a valid value is the default."""
    default = GroupSettings()
    ads = raw.get("ads", "")
    language = raw.get("language") or None
    country = raw.get("country") or None
    cap = raw.get("cap", "")
    return GroupSettings(
        ads=AdWarnings(ads) if ads in {a.value for a in AdWarnings} else default.ads,
        language=language if language in LANGUAGES else None,
        country=country,
        cap=int(cap) if cap.isdigit() and int(cap) > 0 else default.cap,
    )


def _encode(settings: GroupSettings) -> dict[str, str]:
    return {"ads": settings.ads.value, "language": settings.language or "",
            "country": settings.country or "", "cap": str(settings.cap)}


class RedisGroupSettings:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def load(self, group_key: str) -> GroupSettings:
        key = settings_key(group_key)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(key)
            pipe.expire(key, SETTINGS_TTL)  # a group still writing keeps its settings
            raw, _ = await pipe.execute()
        return _decode({_text(k): _text(v) for k, v in (raw or {}).items()})

    async def save(self, group_key: str, settings: GroupSettings) -> None:
        key = settings_key(group_key)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping=cast(dict[Any, Any], _encode(settings)))
            pipe.expire(key, SETTINGS_TTL)
            await pipe.execute()

    async def forget(self, group_key: str) -> None:
        await self._redis.delete(settings_key(group_key))


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


class MemoryGroupSettings:
    """Settings in process memory: without Redis, or while it is away (bounded)."""

    def __init__(self, max_groups: int = 10_000) -> None:
        self._settings: dict[str, GroupSettings] = {}
        self._max = max_groups

    async def load(self, group_key: str) -> GroupSettings:
        return self._settings.get(group_key, GroupSettings())

    async def save(self, group_key: str, settings: GroupSettings) -> None:
        if group_key not in self._settings and len(self._settings) >= self._max:
            self._settings.pop(next(iter(self._settings)))
        self._settings[group_key] = settings

    async def forget(self, group_key: str) -> None:
        self._settings.pop(group_key, None)


class FallbackGroupSettings:
    """Redis while it answers; memory meanwhile (a change made then lasts until restart)."""

    def __init__(self, redis: RedisGroupSettings, memory: MemoryGroupSettings,
                 health: RedisHealth) -> None:
        self._redis = redis
        self._memory = memory
        self._health = health

    async def load(self, group_key: str) -> GroupSettings:
        return await self._health.call(lambda: self._redis.load(group_key),
                                       lambda: self._memory.load(group_key))

    async def save(self, group_key: str, settings: GroupSettings) -> None:
        await self._memory.save(group_key, settings)
        await self._health.call(lambda: self._redis.save(group_key, settings),
                                lambda: self._memory.save(group_key, settings))

    async def forget(self, group_key: str) -> None:
        await self._memory.forget(group_key)
        await self._health.call(lambda: self._redis.forget(group_key),
                                lambda: self._memory.forget(group_key))
