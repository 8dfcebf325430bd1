"""Before the person's lock: whether an update of a private chat is handled, and when.

In this order: de-duplication (a redelivery, or an update taken up from a dead replica, is
"seen"); an edit whose text did not change is dropped; the pressed button's spinner is
stopped; the danger-phrase layer; the rate limit (skipped by a message that shows risk, a
wait otherwise, a drop with one notice past `max_delay`). Nothing here holds the lock.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import Callable, Sequence
from typing import Literal

from bot.adapters.telegram.budget import SendBudget, log_failure
from bot.adapters.telegram.ratelimit import Lane, PersonRateLimiter
from bot.adapters.telegram.reply_sender import ReplySender
from bot.adapters.telegram.state import ChatState
from bot.adapters.telegram.texts import FLOOD_NOTICE, TransportTexts
from bot.adapters.telegram.updates import TgInput
from bot.core.events import EventKind, Reply
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for

# Danger-phrase indicators found in a text, in a language (the triage's matcher).
DangerCheck = Callable[[str, str], Sequence[str]]
CALLBACK_ANSWER_LIMIT = 2.0  # seconds: answering a press is a courtesy, not worth a stall
# "go": handle it now; "seen": handled or started before; "drop": nothing to answer.
Verdict = Literal["go", "seen", "drop"]


class Admission:
    """Decides, before the lock, whether a private chat's update goes on to be handled."""

    def __init__(self, *, state: ChatState, store: SessionStore, messenger: Messenger,
                 rate_limiter: PersonRateLimiter, replies: ReplySender, texts: TransportTexts,
                 digest_key: bytes, danger: DangerCheck | None, send_budget: float) -> None:
        self._state = state
        self._store = store
        self._messenger = messenger
        self._rate = rate_limiter
        self._replies = replies
        self._texts = texts
        self._digest_key = digest_key  # a key of its own for text hashes
        self._danger = danger
        self._send_budget = send_budget

    async def admit(self, data: TgInput, user_key: str) -> Verdict:
        """Whether to handle `data` now (after a rate-limit wait, if any)."""
        digest = self._digest(data)
        # De-dup, remember the message id for /hide and its text's hash, in one round trip.
        # A button press's message id is the bot's own message, already remembered.
        incoming = data.message_id if data.kind != EventKind.BUTTON else None
        if not await self._state.admit(data.update_id, user_key, incoming,
                                       None if data.edited else digest):
            return "seen"
        if data.edited and data.message_id is not None and digest is not None:
            if not await self._state.edit_changed(user_key, data.message_id, digest):
                return "drop"  # e.g. Telegram re-sends a message after a reaction
        if data.callback_id is not None:
            await self.answer_callback(data.callback_id)
        if not self.shows_danger(data):
            lane: Lane = "button" if data.kind == EventKind.BUTTON else "text"
            wait = await self._rate.reserve(user_key, lane)
            if wait is None:
                await self._flood_notice(data, user_key)
                return "drop"
            if wait > 0:
                await asyncio.sleep(wait)  # slowed, not dropped; the lock is not held meanwhile
        return "go"

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        """Stop the pressed button's spinner, with a short notice `text` if given (a short
        wait at most; a failure is logged)."""
        try:
            async with asyncio.timeout(min(CALLBACK_ANSWER_LIMIT, self._send_budget)):
                await self._messenger.answer_callback(callback_id, text)
        except Exception as exc:
            # An old or already answered query: the press is still handled.
            log.warning("answerCallbackQuery failed: %s", type(exc).__name__)

    def _digest(self, data: TgInput) -> str | None:
        """A keyed hash of what the person wrote (never the text itself), for later edits."""
        if data.kind == EventKind.BUTTON or data.message_id is None:
            return None
        text = (data.text or "").encode()
        return hmac.new(self._digest_key, text, hashlib.sha256).hexdigest()[:24]

    def shows_danger(self, data: TgInput) -> bool:
        """The danger-phrase layer on every text, before any limit applies."""
        if self._danger is None or not data.text or data.kind == EventKind.BUTTON:
            return False
        try:
            return bool(self._danger(data.text, data.language_code or ""))
        except Exception as exc:  # then the limit applies as to any message
            log_failure("danger check", exc)
            return False

    async def _flood_notice(self, data: TgInput, user_key: str) -> None:
        if not await self._state.flood_notice_due(user_key):
            return
        language = await self._language(user_key, data)
        notice = self._texts.translate(language, FLOOD_NOTICE)
        sent = await self._replies.deliver(data.chat_id, [Reply(notice)],
                                           SendBudget(self._send_budget))
        await self._state.remember(user_key, sent)

    async def _language(self, user_key: str, data: TgInput) -> str | None:
        session = await self._store.load(user_key)
        if session is not None and session.language:
            return session.language
        return data.language_code
