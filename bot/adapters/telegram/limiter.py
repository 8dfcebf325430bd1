"""Outgoing Bot API calls within Telegram's limits: pacing, 429 retry_after, 5xx/network retries."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Failure:
    """How a framework's exception should be treated (each adapter maps its own errors)."""

    kind: Literal["retry_after", "transient", "fatal"]
    retry_after: float = 0.0


Classifier = Callable[[BaseException], Failure]


class _Bucket:
    """A token bucket: `rate` calls per second on average, `burst` at once."""

    __slots__ = ("_burst", "_rate", "_stamp", "_tokens", "blocked_until")

    def __init__(self, rate: float, burst: float) -> None:
        self._rate = rate
        self._burst = burst
        self._tokens = burst
        self._stamp = time.monotonic()
        self.blocked_until = 0.0

    def delay(self) -> float:
        """Take a token and return how long to wait before using it."""
        now = time.monotonic()
        self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now
        self._tokens -= 1
        wait = 0.0 if self._tokens >= 0 else -self._tokens / self._rate
        return max(wait, self.blocked_until - now)


class OutgoingLimiter:
    """Paces calls globally (~30/s) and per chat (~1/s, small bursts) and retries what may pass."""

    def __init__(
        self,
        *,
        global_rate: float = 30.0,
        chat_rate: float = 1.0,
        chat_burst: float = 3.0,
        attempts: int = 4,
        backoff: float = 0.5,
        max_chats: int = 10_000,
    ) -> None:
        self._global = _Bucket(global_rate, global_rate)
        self._chat_rate = chat_rate
        self._chat_burst = chat_burst
        self._chats: OrderedDict[int, _Bucket] = OrderedDict()
        self._max_chats = max_chats
        self._attempts = attempts
        self._backoff = backoff

    def _chat(self, chat_id: int) -> _Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            bucket = self._chats[chat_id] = _Bucket(self._chat_rate, self._chat_burst)
            if len(self._chats) > self._max_chats:
                self._chats.popitem(last=False)  # the least recently used chat: long idle
        else:
            self._chats.move_to_end(chat_id)
        return bucket

    def blocked_for(self, chat_id: int) -> float:
        """Seconds until Telegram's flood control (429 retry_after) lets `chat_id` be sent to
        again, for the chat or for the whole bot; 0 when it may be now."""
        chat = self._chats.get(chat_id)
        until = max(self._global.blocked_until, chat.blocked_until if chat else 0.0)
        return max(until - time.monotonic(), 0.0)

    async def run(
        self, chat_id: int | None, call: Callable[[], Awaitable[T]], classify: Classifier
    ) -> T:
        """Run one Bot API call when the limits allow, retrying 429, 5xx and network errors."""
        attempt = 0
        while True:
            attempt += 1
            chat = self._chat(chat_id) if chat_id is not None else None
            wait = max(self._global.delay(), chat.delay() if chat else 0.0)
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await call()
            except Exception as exc:
                failure = classify(exc)
                if failure.kind == "fatal" or attempt >= self._attempts:
                    raise
                if failure.kind == "retry_after":
                    # Telegram says exactly how long to wait: everyone in this chat waits.
                    pause = max(failure.retry_after, 0.0)
                    target = chat or self._global
                    target.blocked_until = max(target.blocked_until, time.monotonic() + pause)
                    log.warning("flood control: retrying after %.1fs", pause)
                else:
                    pause = self._backoff * 2 ** (attempt - 1) * (1 + random.random() / 2)
                    log.warning("transient %s: retry %d in %.1fs", type(exc).__name__, attempt,
                                pause)
                    await asyncio.sleep(pause)
