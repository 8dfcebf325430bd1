"""Polling: one person's updates handled in update_id order; different people at once.

Both frameworks hand each update of a getUpdates batch (after a restart or an outage) to its
own task, so a person's `/start` and the at-risk message after it raced, and the second could
be answered first. The adapter claims a turn for each private chat's update as the framework
starts it (an aiogram outer middleware, a PTB update processor: in update_id order), and the
pipeline waits for the turn before the person's lock (`UpdatePipeline`), as webhook updates
wait for the lock alone. A turn ends when the update's handling under the lock ends, as the
lock is released: what a cut handling left is tried later outside both (`rest.py`), so a
stuck send holds the person's next update no longer than it holds the lock.

Danger first: a message that shows danger and is not taken up soon gets the emergency numbers
at once (`danger_first.py`), then waits on for its turn. State is per process and in memory:
an entry lives only while its update is in hand (raw Telegram ids, never logged).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for
WAIT_S = 60.0  # as PersonLocks' default wait


@dataclass(slots=True)
class Turn:
    """One update's place in its person's order: it runs once `previous` is done."""

    chat_id: int
    previous: asyncio.Future[None] | None
    ends: asyncio.Future[None]
    deadline: float  # loop time past which the turn goes ahead anyway


class PersonOrder:
    """A FIFO per private chat: `claimed` by the adapter in start order, `wait` by the pipeline.

    `wait`: seconds (from the claim) a turn waits for the ones before it at most, the same bound
    as the person's lock (bot/adapters/telegram/locks.py): an update that never ends must not
    hold the person's later words forever; after it the later update goes ahead (logged).
    An update released before its turn came (a redelivery, a drop) ends when the one before it
    does, so a later update never overtakes an earlier one.
    """

    def __init__(self, wait: float = WAIT_S) -> None:
        self._wait = wait
        self._tails: dict[int, asyncio.Future[None]] = {}  # chat -> end of its last turn
        # (update_id, the task handling it) -> its turn, while in hand. The task too: Telegram
        # redelivers an update whose 200 it did not see in time, so the same update_id can be in
        # hand twice; keyed by the id alone, the second claim took the first's place, the first
        # turn never ended and the person's next update waited for the deadline.
        self._turns: dict[tuple[int, asyncio.Task[object] | None], Turn] = {}

    def __len__(self) -> int:
        """Updates in hand with a turn (for tests: nothing is kept after the last one)."""
        return len(self._turns)

    @contextmanager
    def claimed(self, chat_id: int, update_id: int) -> Iterator[None]:
        """A turn for the update inside the block (claimed before any await: the claim order
        is the start order); released at the end if the pipeline did not release it first."""
        loop = asyncio.get_running_loop()
        turn = Turn(chat_id, self._tails.get(chat_id), loop.create_future(),
                    loop.time() + self._wait)
        self._tails[chat_id] = turn.ends
        self._turns[self._key(update_id)] = turn
        try:
            yield
        finally:
            self.release(update_id)

    @staticmethod
    def _key(update_id: int) -> tuple[int, asyncio.Task[object] | None]:
        return update_id, asyncio.current_task()

    async def wait(self, update_id: int) -> None:
        """Wait for the update's turn (at once without one: webhook, or not a private chat)."""
        turn = self._turns.get(self._key(update_id))
        if turn is None or turn.previous is None or turn.previous.done():
            return
        left = turn.deadline - asyncio.get_running_loop().time()
        try:
            # shield: a cancelled wait must not end the turn before it.
            await asyncio.wait_for(asyncio.shield(turn.previous), max(0.0, left))
        except TimeoutError:
            log.warning("a person's earlier update is still in hand after %.0f s: the next one "
                        "goes ahead", self._wait)
            turn.previous = None  # given up on: this turn ends when it ends

    def release(self, update_id: int) -> None:
        """The update's turn is over (its handling under the lock ended); idempotent. Called
        from the task that claimed it (the adapter awaits the handling inside `claimed`)."""
        turn = self._turns.pop(self._key(update_id), None)
        if turn is None:
            return

        def end(_: object = None) -> None:
            if not turn.ends.done():
                turn.ends.set_result(None)
            if self._tails.get(turn.chat_id) is turn.ends:
                del self._tails[turn.chat_id]

        if turn.previous is None or turn.previous.done():
            end()
        else:  # released before its turn came: it ends when the one before it does
            turn.previous.add_done_callback(end)
