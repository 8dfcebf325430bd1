"""The updates a pipeline has in hand: counted, so a stop can wait until none is handled."""

from __future__ import annotations

import asyncio
from contextlib import suppress


class InHand:
    """Counts updates being handled (`drain` waits for none) and says when the process stops.

    Waiting to try an answer's rest again is not handling: `pause` leaves the count, so a stop
    need not wait for it, and ends early on `stop` (what is left stays in the outbox and the
    webhook inbox for the replica that takes it up).
    """

    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = asyncio.Event()

    def busy(self, change: int) -> None:
        """One more (+1) or one fewer (-1) update in hand."""
        self._count += change
        if self._count == 0:
            self._idle.set()
        else:
            self._idle.clear()

    async def drain(self) -> None:
        """Wait until no update is being handled."""
        await self._idle.wait()

    def stop(self) -> None:
        """Stopping: pauses end at once and no further tries start here."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def pause(self, seconds: float) -> bool:
        """Wait `seconds` (not counted as handling); False when a stop came meanwhile."""
        self.busy(-1)
        try:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), seconds)
        finally:
            self.busy(1)
        return not self._stopping.is_set()
