"""One update's time for Bot API calls, and logging a failure without the person's words."""

from __future__ import annotations

import asyncio
import logging
import traceback

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for


def log_failure(what: str, exc: BaseException) -> None:
    """Log a failure without its message: exception texts can quote what the person wrote."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s failed: %s\n%s", what, type(exc).__name__, frames)


class SendBudget:
    """One update's time for Bot API calls: the clock starts at the first call."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._deadline: float | None = None

    def spent(self) -> bool:
        """Whether the budget has run out (a call now would be cut at once)."""
        loop = asyncio.get_running_loop()
        return self._deadline is not None and loop.time() >= self._deadline

    def left(self) -> float:
        """Seconds left (all of them before the first call)."""
        if self._deadline is None:
            return self._seconds
        return max(self._deadline - asyncio.get_running_loop().time(), 0.0)

    def window(self, share: float = 1.0) -> asyncio.Timeout:
        """A timeout ending with the budget (or after `share` of what is left of it)."""
        now = asyncio.get_running_loop().time()
        if self._deadline is None:
            self._deadline = now + self._seconds
        return asyncio.timeout_at(now + max(self._deadline - now, 0.0) * share)
