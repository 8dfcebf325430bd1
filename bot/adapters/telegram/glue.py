"""Framework-neutral glue: a Telegram update in, core events, Bot API calls out.

Both adapters hand their framework's `Update` object here: aiogram and python-telegram-bot
name the fields alike (`message.from_user`, `callback_query.data`, ...), so one reader serves
both and the adapters stay thin.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from bot.adapters.telegram.edge import valid_text
from bot.adapters.telegram.formatting import coalesce
from bot.adapters.telegram.operators import Handoff
from bot.adapters.telegram.state import ChatState
from bot.adapters.telegram.texts import FLOOD_NOTICE, TransportTexts
from bot.core.events import (
    EraseUserData,
    EventKind,
    HideChat,
    IncomingEvent,
    OperatorAlert,
    Reply,
    Response,
)
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore
from bot.privacy import Pseudonymizer

log = logging.getLogger(__name__)

# Checked in order: the first attribute a message has decides its kind.
_KINDS: tuple[tuple[str, EventKind], ...] = (
    ("sticker", EventKind.STICKER),
    ("photo", EventKind.PHOTO),
    ("voice", EventKind.VOICE),
    ("audio", EventKind.VOICE),
    ("video_note", EventKind.VOICE),
    ("video", EventKind.VIDEO),
    ("animation", EventKind.VIDEO),
    ("location", EventKind.LOCATION),
    ("contact", EventKind.CONTACT),
    ("document", EventKind.DOCUMENT),
)


class Engine(Protocol):
    """The dialogue engine as the transport sees it."""

    async def handle(self, event: IncomingEvent) -> Response: ...


@dataclass(frozen=True, slots=True)
class TgInput:
    """The parts of one Telegram update the bot uses (raw ids stay inside the transport)."""

    update_id: int
    chat_id: int
    chat_type: str
    user_id: int | None
    kind: EventKind
    text: str | None = None
    payload: str | None = None
    message_id: int | None = None
    callback_id: str | None = None
    language_code: str | None = None
    thread_id: int | None = None  # a forum topic's id, only for messages in a real topic
    reply_to_message_id: int | None = None
    from_bot: bool = False
    sender_chat_id: int | None = None  # posted on behalf of a chat (an anonymous group admin)


def _command(text: str) -> str:
    # "/start@SafeMigrationBot payload" -> "/start payload": the core matches plain commands.
    head, sep, rest = text.partition(" ")
    return head.split("@", 1)[0] + sep + rest


def read_update(update: Any) -> TgInput | None:
    """Turn an aiogram or PTB `Update` into a `TgInput`; None for updates the bot ignores."""
    query = getattr(update, "callback_query", None)
    if query is not None:
        message = getattr(query, "message", None)
        chat = getattr(message, "chat", None)
        if chat is None:
            return None
        user = query.from_user
        return TgInput(
            update_id=update.update_id, chat_id=chat.id, chat_type=str(chat.type),
            user_id=user.id, kind=EventKind.BUTTON,
            payload=None if query.data is None else valid_text(query.data),
            message_id=getattr(message, "message_id", None), callback_id=query.id,
            language_code=user.language_code, from_bot=bool(user.is_bot),
        )
    message = getattr(update, "message", None)
    if message is None:
        # An edit in the person's chat is their corrected message, and the correction may be
        # what says they are in danger: answer it like a new one. Edits in groups, channel
        # posts, member updates: nobody to answer.
        message = getattr(update, "edited_message", None)
        if message is None or str(message.chat.type) != "private":
            return None
    user = message.from_user
    text: str | None = message.text
    kind = EventKind.TEXT
    if text is not None:
        if text.startswith("/"):
            kind, text = EventKind.COMMAND, _command(text)
    else:
        kind = next((k for attr, k in _KINDS if getattr(message, attr, None)), EventKind.OTHER)
        text = message.caption
    reply_to = getattr(message, "reply_to_message", None)
    # Polling updates skip the webhook's edge: a lone surrogate would fail every encoder.
    text = None if text is None else valid_text(text)
    return TgInput(
        update_id=update.update_id, chat_id=message.chat.id, chat_type=str(message.chat.type),
        user_id=user.id if user else None, kind=kind, text=text, message_id=message.message_id,
        language_code=user.language_code if user else None,
        # A reply in General carries its reply chain's id as message_thread_id: not a topic.
        thread_id=(getattr(message, "message_thread_id", None)
                   if getattr(message, "is_topic_message", None) else None),
        reply_to_message_id=reply_to.message_id if reply_to is not None else None,
        from_bot=bool(user.is_bot) if user else False,
        sender_chat_id=getattr(getattr(message, "sender_chat", None), "id", None),
    )


def log_failure(what: str, exc: BaseException) -> None:
    """Log a failure without its message: exception texts can quote what the person wrote."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s failed: %s\n%s", what, type(exc).__name__, frames)


class Glue:
    """Runs one update through de-duplication, rate limiting, the engine and the Bot API."""

    def __init__(
        self,
        *,
        engine: Engine,
        messenger: Messenger,
        state: ChatState,
        store: SessionStore,
        pseudonymizer: Pseudonymizer,
        handoff: Handoff,
        texts: TransportTexts,
        rate_limit_per_minute: int,
        operator_chat_id: int | None = None,
    ) -> None:
        self._engine = engine
        self._messenger = messenger
        self._state = state
        self._store = store
        self._pseudonymizer = pseudonymizer
        self._handoff = handoff
        self._texts = texts
        self._limit = rate_limit_per_minute
        self._operator_chat_id = operator_chat_id
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def _user_lock(self, user_key: str) -> AsyncIterator[None]:
        # One update per person at a time, in arrival order: the session is read-modify-write.
        lock, users = self._locks.get(user_key) or (asyncio.Lock(), 0)
        self._locks[user_key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[user_key]
            if users == 1:
                del self._locks[user_key]
            else:
                self._locks[user_key] = (lock, users - 1)

    async def handle_update(self, update: Any) -> None:
        """Entry point for both adapters; never raises (errors are logged without user data)."""
        self._in_flight += 1
        self._idle.clear()
        try:
            data = read_update(update)
            if data is not None:
                await self.handle(data)
        except Exception as exc:
            log_failure("update", exc)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def drain(self) -> None:
        """Wait until no update is being handled (before closing the Bot API session)."""
        await self._idle.wait()

    async def handle(self, data: TgInput) -> None:
        """Handle one update already read into a `TgInput`."""
        operators = self._handoff.is_operators_chat(data.chat_id)
        # An admin posting anonymously comes "from" a bot with the group as sender_chat: the
        # handoff decides about it; every other bot's message is ignored.
        as_group = operators and data.sender_chat_id == data.chat_id
        if data.user_id is None or (data.from_bot and not as_group):
            return
        user_key = self._pseudonymizer.user_key(f"tg:{data.user_id}")
        async with self._user_lock(user_key):
            if data.chat_type == "private" and not operators:
                # De-dup and rate count in one round trip. A button press's message id is
                # the bot's own message, already remembered.
                incoming = data.message_id if data.kind != EventKind.BUTTON else None
                count = await self._state.admit(data.update_id, user_key, incoming)
                if count is None:
                    return  # a redelivery: Telegram did not see our 200 in time
                if data.callback_id is not None:
                    await self._answer_callback(data.callback_id)
                await self._handle_private(data, user_key, count)
                return
            if not await self._state.first_time(data.update_id):
                return  # a redelivery
            if operators:
                # The handoff answers operators' presses itself: a refusal carries its own notice.
                await self._handoff.handle_operator_update(data)
                return
            if data.callback_id is not None:
                await self._answer_callback(data.callback_id)
            # Not private: silent in groups, a person's situation is never discussed there.

    async def _answer_callback(self, callback_id: str) -> None:
        try:
            await self._messenger.answer_callback(callback_id)
        except Exception as exc:
            # An old or already answered query: the press is still handled.
            log.warning("answerCallbackQuery failed: %s", type(exc).__name__)

    async def _handle_private(self, data: TgInput, user_key: str, count: int) -> None:
        if count > self._limit:
            if await self._state.flood_notice_due(user_key):
                language = await self._language(user_key, data)
                notice = self._texts.translate(language, FLOOD_NOTICE)
                await self._send(data.chat_id, user_key, Reply(notice))
            return
        event = IncomingEvent(
            user_key=user_key, chat_key=str(data.chat_id), kind=data.kind, text=data.text,
            payload=data.payload, language_code=data.language_code,
        )
        if await self._handoff.user_event(event):
            return  # an open handoff case: a human answers, not the engine
        response = await self._engine.handle(event)
        sent: list[int] = []
        for reply in coalesce(response.replies):
            sent.extend(await self._messenger.send(data.chat_id, reply))
        await self._state.remember(user_key, sent)  # one write; before effects (/hide reads it)
        for effect in response.effects:
            await self._apply(effect, user_key)

    async def _language(self, user_key: str, data: TgInput) -> str | None:
        session = await self._store.load(user_key)
        if session is not None and session.language:
            return session.language
        return data.language_code

    async def _send(self, chat_id: int, user_key: str, reply: Reply) -> None:
        ids = await self._messenger.send(chat_id, reply)
        await self._state.remember(user_key, ids)

    async def _apply(self, effect: OperatorAlert | EraseUserData | HideChat, user_key: str) -> None:
        if isinstance(effect, OperatorAlert):
            await self._handoff.alert(effect)
        elif isinstance(effect, EraseUserData):
            await self._handoff.forget_user(effect.user_key)  # first: it reads the case keys
            await self._store.delete_user(effect.user_key)
            await self._state.forget(effect.user_key)
        elif isinstance(effect, HideChat):
            chat_id = int(effect.chat_key)
            await self._messenger.delete(chat_id, await self._state.recent(user_key))
            await self._state.forget(user_key)
            await self._messenger.send(chat_id, Reply(effect.notice))
