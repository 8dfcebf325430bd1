"""Pseudonym reservations: the name operators know a person by, never given to two people at
once among open and recent cases (split from bot/handoff/cases.py).

A reservation is held by a keyed hash standing for the person (`owner_of`,
bot/handoff/blocks.py), never their user key, and expires; /delete drops the person's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from redis.asyncio import Redis

from bot.storage.keys import global_key


def pseudonym_key(name: str) -> str:
    """The Redis key of a reservation; its value is the owner (or "case:<id>" after an
    erasure under a silent alarm, bot/handoff/erased.py)."""
    return global_key("handoff", "pseudonym", name)


class PseudonymReservations:
    """`await reserve(candidates, owner)` and `await release(candidates, owner)`.

    `hold_seconds`: how long a reservation lasts, renewed at each reserve: as long as a case
    can stay open, plus the time a closed case lingers or can be reopened (`CaseStore`).
    """

    def __init__(self, redis: Redis, hold_seconds: int) -> None:
        self._redis = redis
        self._hold = hold_seconds

    async def reserve(self, candidates: Iterable[str], owner: str) -> str:
        """The first candidate no other open or recent case uses; reserved for `owner`.

        `owner` is a keyed hash standing for the person (never their user key): their next
        case gets the same name back. When every candidate is taken (practically never) the
        last one is used.
        """
        name = ""
        for name in candidates:
            key = pseudonym_key(name)
            if await self._redis.set(key, owner, nx=True, ex=self._hold):
                return name
            if await self._redis.get(key) == owner:
                await self._redis.expire(key, self._hold)
                return name
        return name

    async def release(self, candidates: Iterable[str], owner: str) -> None:
        """/delete: drop the person's reservations (only those `owner` holds)."""
        for name in candidates:
            key = pseudonym_key(name)
            if await self._redis.get(key) == owner:
                await self._redis.delete(key)
