"""One person's updates one after another, in the order they arrived; different people at once.

In polling mode both frameworks hand each update of a getUpdates batch to its own task, so a
person's `/start` and the at-risk message after it raced each other, and the second could be
answered first. `PersonOrder` queues each person's updates behind the ones before them (in the
order `turn` is entered, which is the order the framework started them: update_id order), and
leaves everyone else's alone. State is per process and in memory: a key lives only while one of
its updates is in hand (raw Telegram ids, never logged).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager


class PersonOrder:
    """A FIFO per key: `async with order.turn(key):` runs once every earlier turn of `key` ended.

    A turn cancelled while it waits still lets the next one wait for the turns before it, so a
    cancellation never lets a later update overtake an earlier one. `key=None` (an update from
    nobody, e.g. a channel post) does not wait.
    """

    def __init__(self) -> None:
        self._tails: dict[Hashable, asyncio.Future[None]] = {}  # key -> end of its last turn

    def __len__(self) -> int:
        """People with an update in hand (for tests: nothing is kept after the last turn)."""
        return len(self._tails)

    @asynccontextmanager
    async def turn(self, key: Hashable | None) -> AsyncIterator[None]:
        if key is None:
            yield
            return
        previous = self._tails.get(key)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[key] = mine  # claimed before any await: the claim order is the start order
        try:
            if previous is not None and not previous.done():
                await asyncio.shield(previous)  # cancelling this turn must not end the previous
            yield
        finally:
            self._end(key, previous, mine)

    def _end(self, key: Hashable, previous: asyncio.Future[None] | None,
             mine: asyncio.Future[None]) -> None:
        def release(_: object = None) -> None:
            if not mine.done():
                mine.set_result(None)
            if self._tails.get(key) is mine:
                del self._tails[key]

        if previous is None or previous.done():
            release()
        else:  # cancelled while waiting: this turn ends when the one before it does
            previous.add_done_callback(release)
