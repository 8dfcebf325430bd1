"""Operators' messages in a case held during a Redis outage, passed on when Redis is back.

Which person a case belongs to, and whether the writer may act on it, live in Redis; while it
is away the bot cannot know where an operator's words go. Rather than refuse them, the process
keeps them, in order, in memory only (never logged, never written anywhere), and passes each
on once Redis answers again. The operator is told "held" at once and "sent" when it went (the
relay's own notices say why when it could not: the case closed meanwhile, the person blocked
the bot). A restart before Redis is back loses what is held: the "held" notice says so.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import suppress

from redis.exceptions import RedisError

from bot.core.events import Reply
from bot.handoff.input import OperatorInput
from bot.handoff.parts import HandoffParts
from bot.i18n import N_

log = logging.getLogger(__name__)
MAX_HELD = 200  # messages per process; past this the operator is told to write again later
RETRY_S = 1.0  # seconds between attempts to pass held messages on

HELD = N_("⚠️ Storage degraded ({why}): this message is held and will be passed on to the "
          "person when storage is back; you will see \"sent\" then. If the bot restarts "
          "before that, it is lost: then write it again.")
SENT = N_("✅ Storage is back: your held message has now been passed on to the person.")

# Handles one operator message as usual: True when it reached the person; RedisError while
# Redis is still away.
PassOn = Callable[[OperatorInput], Awaitable[bool]]


class HeldOperatorMessages:
    """The held messages of one process (`OperatorUpdates` owns it), oldest first."""

    def __init__(self, parts: HandoffParts, limit: int = MAX_HELD) -> None:
        self._parts = parts
        self._limit = limit
        self._held: deque[OperatorInput] = deque()

    def __len__(self) -> int:
        return len(self._held)

    async def hold(self, update: OperatorInput, why: str) -> bool:
        """Keep `update` and tell the operator; False (nothing said) when the limit is reached."""
        if len(self._held) >= self._limit or self._parts.board.chat_id is None:
            return False
        self._held.append(update)
        log.warning("operator message held during a Redis failure (%d held)", len(self._held))
        board = self._parts.board
        await self._tell(update, board.text(HELD, why=board.text(why)))
        return True

    async def pass_on(self, handle: PassOn) -> int:
        """Pass held messages on, in order, while Redis answers; returns how many went."""
        count = 0
        while self._held:
            update = self._held[0]
            try:
                delivered = await handle(update)
            except (RedisError, OSError):
                return count  # still away: the next attempt
            except Exception as exc:  # a Telegram error: the relay has noted what it could
                log.error("held operator message not passed on: %s", type(exc).__name__)
                delivered = False
            self._held.popleft()
            count += 1
            if delivered:
                await self._tell(update, self._parts.board.text(SENT))
        if count:
            log.warning("storage is back: %d held operator messages handled", count)
        return count

    async def run(self, stop: asyncio.Event, handle: PassOn) -> None:
        """Try to pass held messages on every RETRY_S until `stop` is set."""
        while not stop.is_set():
            if self._held:
                await self.pass_on(handle)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_S)

    async def _tell(self, update: OperatorInput, text: str) -> None:
        chat_id = self._parts.board.chat_id
        if chat_id is None:
            return
        try:
            await self._parts.messenger.send(chat_id, Reply(text), thread_id=update.thread_id,
                                           reply_to=update.message_id)
        except Exception as exc:
            log.warning("held-message notice not sent: %s", type(exc).__name__)
