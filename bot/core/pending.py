"""The message that opened the at-risk path, held only until the person answers the human offer.

It lives in process memory, never in Redis: `Session` holds no message text, and a message
about danger must not outlive the question "may we share it?". After a restart it is gone and
the alert goes out without it.
"""

from __future__ import annotations

import time


class PendingTexts:
    """user key -> message text, each dropped on answer, on /delete or after `ttl_seconds`."""

    def __init__(self, ttl_seconds: float = 3600.0) -> None:
        self._ttl = ttl_seconds
        self._items: dict[str, tuple[float, str]] = {}

    def put(self, user_key: str, text: str) -> None:
        """Keep the latest triggering message (a newer one replaces the older)."""
        self._expire()
        self._items[user_key] = (time.monotonic() + self._ttl, text)

    def has(self, user_key: str) -> bool:
        self._expire()
        return user_key in self._items

    def pop(self, user_key: str) -> str | None:
        """Take the message out for good."""
        self._expire()
        item = self._items.pop(user_key, None)
        return item[1] if item else None

    def _expire(self) -> None:
        now = time.monotonic()
        for key in [k for k, (deadline, _) in self._items.items() if deadline < now]:
            del self._items[key]
