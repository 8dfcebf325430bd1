"""Danger first: the emergency numbers ahead of a danger message's answer when it must wait.

A message that shows danger (the danger-phrase layer, before any limit) is answered in its turn,
after the person's earlier updates, under the person's lock. When it is not taken up within
`wait` seconds (an earlier update of the person stuck on a hung send or a slow Redis, its turn
when polling, the lock in this replica or another), the numbers go out at once: the known
country's, as the answer would open with them (a session read bounded by `READ_S`), else the
universal ones from the content alone. The answer made in its turn is told (`sent`) and leaves
out every numbers reply it has, whatever its text: one numbers message per message, whatever
the load. The same numbers go out when the handling of such a message is cut at the handling
limit before its answer was made (`handling_limit.py`).
"""

from __future__ import annotations

import asyncio
import logging

from bot.adapters.telegram.answering import Engine
from bot.adapters.telegram.budget import SendBudget, log_failure
from bot.adapters.telegram.reply_sender import ReplySender
from bot.adapters.telegram.state import ChatState
from bot.adapters.telegram.updates import TgInput
from bot.core.events import Reply

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for
DANGER_WAIT_S = 2.0  # a danger message waits this long to be taken up, then the numbers go out
READ_S = 0.5  # the session read for the known country: past it, the universal numbers


class NumbersTimer:
    """The numbers, sent if the danger message is not taken up before the timer fires."""

    def __init__(self, numbers: NumbersFirst, data: TgInput, user_key: str, wait: float) -> None:
        self._sending = False
        self._task = asyncio.create_task(self._later(numbers, data, user_key, wait))

    async def _later(self, numbers: NumbersFirst, data: TgInput, user_key: str,
                     wait: float) -> Reply | None:
        await asyncio.sleep(wait)
        self._sending = True
        log.info("a danger message not taken up within %.0f s (the person's earlier update in "
                 "hand): the emergency numbers go out ahead of its answer", wait)
        return await numbers.now(data, user_key)

    async def taken_up(self) -> Reply | None:
        """The message is taken up: the numbers sent ahead of it (a send under way finishes
        first), or None when the timer had not fired (it never will)."""
        if not self._sending:
            self.abandon()
            return None
        return await self._task

    def abandon(self) -> None:
        """Not to be handled after all (or handled already): a timer not fired stops."""
        if not self._sending:
            self._task.cancel()


class NumbersFirst:
    """Sends the universal emergency numbers ahead of a danger message's answer."""

    def __init__(self, *, engine: Engine, replies: ReplySender, state: ChatState,
                 send_budget: float, wait: float = DANGER_WAIT_S) -> None:
        self._engine = engine
        self._replies = replies
        self._state = state
        self._send_budget = send_budget
        self.wait = wait

    def unless_taken_up(self, data: TgInput, user_key: str) -> NumbersTimer:
        """Start the timer: the numbers go out after `wait` s unless `taken_up` comes first."""
        return NumbersTimer(self, data, user_key, self.wait)

    async def now(self, data: TgInput, user_key: str) -> Reply | None:
        """The numbers now (the known country's, else the universal ones): the reply sent, or
        None when it could not be (then the answer keeps its own numbers)."""
        try:
            reply = await self._engine.numbers_reply(user_key, data.language_code,
                                                     within=READ_S)
            sent = await self._replies.deliver(data.chat_id, [reply],
                                               SendBudget(self._send_budget))
            await self._state.remember(user_key, sent)
        except Exception as exc:
            log_failure("emergency numbers ahead of the answer", exc)
            return None
        return reply if sent else None

