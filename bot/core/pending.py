"""The message that opened the at-risk path, held only until the person answers the human offer.

`Session` holds no message text, and a message about danger must not outlive the question
"may we share it?": it is held apart, for `ttl_seconds` at most, and dropped on the answer, on
/hide and on /delete. Without a `HeldTextStore` it lives in this process's memory (the console,
a bot without Redis). With several replicas the answer may land on another process than the
message did, so the runner binds a Redis-backed store (bot/adapters/telegram/held_texts.py):
the engine loads the person's held text at the start of a turn and writes any change back at
its end, under the person's lock.
"""

from __future__ import annotations

import time
from typing import Protocol


class HeldTextStore(Protocol):
    """Where held texts live between turns; every entry expires after `ttl` seconds."""

    async def get(self, user_key: str) -> str | None: ...

    async def put(self, user_key: str, text: str, ttl: float) -> None: ...

    async def drop(self, user_key: str) -> None: ...


class PendingTexts:
    """user key -> message text, each dropped on answer, on /delete or after `ttl_seconds`.

    `put`, `has` and `pop` are synchronous (the dialogue steps call them mid-turn); with a
    bound store they act on the turn's copy, which `load` fills and `save` writes back.
    """

    def __init__(self, ttl_seconds: float = 3600.0) -> None:
        self._ttl = ttl_seconds
        self._items: dict[str, tuple[float, str]] = {}
        self._store: HeldTextStore | None = None
        self._changed: set[str] = set()

    def bind_store(self, store: HeldTextStore) -> None:
        """Keep held texts in `store` from now on (set once, before the first turn)."""
        self._store = store

    async def load(self, user_key: str) -> None:
        """Start of a turn: bring the person's held text from the store (if one is bound)."""
        if self._store is None:
            return
        self._changed.discard(user_key)
        text = await self._store.get(user_key)
        if text is None:
            self._items.pop(user_key, None)
        else:
            self._items[user_key] = (time.monotonic() + self._ttl, text)

    async def save(self, user_key: str) -> None:
        """End of a turn: write a change back and keep nothing in this process's memory."""
        if self._store is None:
            return
        item = self._items.pop(user_key, None)
        if user_key not in self._changed:
            return
        self._changed.discard(user_key)
        if item is None:
            await self._store.drop(user_key)
        else:
            await self._store.put(user_key, item[1], self._ttl)

    def put(self, user_key: str, text: str) -> None:
        """Keep the latest triggering message (a newer one replaces the older)."""
        self._expire()
        self._items[user_key] = (time.monotonic() + self._ttl, text)
        self._changed.add(user_key)

    def has(self, user_key: str) -> bool:
        self._expire()
        return user_key in self._items

    def peek(self, user_key: str) -> str | None:
        """The held message, left held."""
        self._expire()
        item = self._items.get(user_key)
        return item[1] if item else None

    def pop(self, user_key: str) -> str | None:
        """Take the message out for good."""
        self._expire()
        item = self._items.pop(user_key, None)
        self._changed.add(user_key)
        return item[1] if item else None

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [k for k, (deadline, _) in self._items.items() if deadline < now]:
            del self._items[key]
