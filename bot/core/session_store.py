"""Where sessions live: the `SessionStore` interface and its in-memory implementation."""

from __future__ import annotations

import time
from typing import Protocol

from bot.core.session import Session


class SessionStore(Protocol):
    """Loads and saves sessions by user key; every stored session expires after its TTL."""

    async def load(self, user_key: str) -> Session | None: ...

    async def save(self, user_key: str, session: Session) -> None: ...

    async def delete_user(self, user_key: str) -> None:
        """Erase every key this store keeps about the user."""
        ...

    async def aclose(self) -> None: ...


class InMemorySessionStore:
    """Sessions in a dict, for the zero-setup demo and tests only: nothing survives a restart."""

    def __init__(self, ttl_seconds: int = 30 * 24 * 3600, max_sessions: int = 100_000) -> None:
        self._ttl = ttl_seconds
        # Insertion order is write order: past `max_sessions` the longest-unwritten session is
        # dropped, so a flood of new senders cannot grow the process without bound.
        self._data: dict[str, tuple[float, str]] = {}
        self._max = max_sessions

    async def load(self, user_key: str) -> Session | None:
        item = self._data.get(user_key)
        if item is None:
            return None
        expires, raw = item
        if expires < time.monotonic():
            del self._data[user_key]
            return None
        return Session.model_validate_json(raw)

    async def save(self, user_key: str, session: Session) -> None:
        self._data.pop(user_key, None)  # re-inserted last: the most recently written
        self._data[user_key] = (time.monotonic() + self._ttl, session.model_dump_json())
        if len(self._data) > self._max:
            del self._data[next(iter(self._data))]

    async def delete_user(self, user_key: str) -> None:
        self._data.pop(user_key, None)

    async def aclose(self) -> None:
        self._data.clear()
