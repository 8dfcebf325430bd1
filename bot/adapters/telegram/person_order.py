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
import logging
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)
WAIT_S = 60.0  # as PersonLocks' default wait


class PersonOrder:
    """A FIFO per key: `async with order.turn(key):` runs once every earlier turn of `key` ended.

    A turn cancelled while it waits still lets the next one wait for the turns before it, so a
    cancellation never lets a later update overtake an earlier one. `key=None` (an update from
    nobody, e.g. a channel post) does not wait.

    `wait`: seconds a turn waits for the one before it at most (the same bound as the person's
    lock, bot/adapters/telegram/locks.py): an update that never ends must not hold the
    person's later words forever; after it the later update goes ahead (logged).
    """

    def __init__(self, wait: float = WAIT_S) -> None:
        self._wait = wait
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
                try:
                    # shield: cancelling this turn (or its timeout) must not end the previous.
                    await asyncio.wait_for(asyncio.shield(previous), self._wait)
                except TimeoutError:
                    log.warning("a person's earlier update is still in hand after %.0f s: the "
                                "next one goes ahead", self._wait)
                    previous = None  # given up on: this turn ends when it ends
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
