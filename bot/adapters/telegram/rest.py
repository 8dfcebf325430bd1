"""What a handling left (`Left`), tried again outside the person's lock until it is done.

An answer cut short by a slow or flood-controlled Telegram, or a handling cut at the handling
limit, is not dropped: its rest is tried again, each time under the person's lock and within
the handling limit, and between tries the lock is free (the person's next message is answered
meanwhile). The pauses double from `REST_PAUSES[0]` to `REST_PAUSES[1]` and are never shorter
than Telegram's flood wait for the chat (a 429's retry_after): a try never sits under the lock
waiting out a flood control. The update stays in hand (and in the webhook inbox) until then, so
a replica that stops hands the rest over; after `REST_PATIENCE` it is given up (logged).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial

from bot.adapters.telegram.handling_limit import HandlingLimit
from bot.adapters.telegram.in_hand import InHand
from bot.adapters.telegram.locks import PersonLocks
from bot.adapters.telegram.progress import REST_PATIENCE, Left, Progress, Unsent

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for

# Seconds between tries at what a handling left: doubling from the first to the last.
REST_PAUSES = (1.0, 30.0)

# Another try at `left` under the person's lock (progress written as it goes): what is still
# left, or None when done.
TryAgain = Callable[[Left, Progress], Awaitable[Left | None]]
GiveUp = Callable[[Left], Awaitable[None]]


class AnswerRest:
    """Tries what a handling left again, outside the person's lock, until done or given up."""

    def __init__(self, *, in_hand: InHand, locks: PersonLocks, limit: HandlingLimit,
                 flood_wait: Callable[[int], float] = lambda chat_id: 0.0) -> None:
        self._in_hand = in_hand
        self._locks = locks
        self._limit = limit
        self._flood_wait = flood_wait

    async def finish(self, left: Left | None, user_key: str, chat_id: int,
                     try_again: TryAgain, give_up: GiveUp) -> None:
        """Try `left` again after each pause until nothing is left, a stop comes (the rest
        stays in the outbox and the inbox), or `REST_PATIENCE` has passed (`give_up`)."""
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + REST_PATIENCE
        pause = REST_PAUSES[0]
        while left is not None:
            retry_after = left.retry_after if isinstance(left, Unsent) else 0.0
            wait = max(pause, retry_after, self._flood_wait(chat_id))
            if loop.time() + wait > give_up_at:
                await give_up(left)
                return
            if not await self._in_hand.pause(wait):
                return
            pause = min(2 * pause, REST_PAUSES[1])
            async with self._locks.hold(user_key):
                left = await self._limit.run("rest", partial(try_again, left))


async def redo_given_up(left: Left) -> None:
    """An update handled again for `REST_PATIENCE` without an answer: logged (counts only)."""
    log.error("update not answered: its handling was cut every time for %.0f s",
              REST_PATIENCE)
