"""Loading and saving a person's session and held text around a turn: a store that fails is
logged (the error's type only) and never stops an answer from going out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.core.events import Response
from bot.core.pending import PendingTexts
from bot.core.session import Session
from bot.core.session_store import SessionStore

log = logging.getLogger(__name__)

# Writes the turn's session (None: nothing to save) together with its response, in one step
# (the transport's outbox: bot/adapters/telegram/outbox.py); raises when nothing was written.
Commit = Callable[[Session | None, Response], Awaitable[None]]


class SessionKeeper:
    """The person's session (`store`) and the text held for the human offer (`held`)."""

    def __init__(self, store: SessionStore, held: PendingTexts) -> None:
        self.store = store
        self.held = held

    async def load(self, user_key: str) -> tuple[Session, bool]:
        """The session and whether it is known; an unknown one is never saved over the real one."""
        try:
            return await self.store.load(user_key) or Session(), True
        except Exception as exc:  # a store outage must not stop the hotlines from going out
            # Type only, no traceback text: a validation error quotes the stored value.
            log.error("session store load failed (%s); answering with a fresh session "
                      "that is not saved", type(exc).__name__)
            return Session(), False

    async def save(self, user_key: str, session: Session) -> None:
        try:
            await self.store.save(user_key, session)
        except Exception as exc:
            log.error("session store save failed (%s)", type(exc).__name__)

    async def commit(self, commit: Commit, session: Session | None, response: Response
                     ) -> None:
        """`commit(session, response)`; a failure is logged like a failed save."""
        try:
            await commit(session, response)
        except Exception as exc:
            log.error("session store save failed (%s)", type(exc).__name__)

    async def load_held(self, user_key: str) -> None:
        try:
            await self.held.load(user_key)
        except Exception as exc:  # the alert then goes out without the text, as after a restart
            log.error("held text load failed (%s)", type(exc).__name__)

    async def save_held(self, user_key: str) -> None:
        try:
            await self.held.save(user_key)
        except Exception as exc:
            log.error("held text save failed (%s)", type(exc).__name__)
