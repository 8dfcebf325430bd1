"""The python-telegram-bot adapter: PTB's `Application` and `Bot`, everything else in the glue.

No PTB persistence: the core keeps all dialogue state in its `SessionStore`, and
`context.user_data` (in memory, keyed by raw Telegram ids) is never used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from collections.abc import Awaitable
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseUpdateProcessor,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.adapters.telegram.edge import MalformedUpdate
from bot.adapters.telegram.glue import UpdatePipeline
from bot.adapters.telegram.groups import GroupGate
from bot.adapters.telegram.limiter import Failure, OutgoingLimiter
from bot.adapters.telegram.messenger import BotApiFlavour, BotApiMessenger
from bot.adapters.telegram.person_order import PersonOrder
from bot.adapters.telegram.texts import TransportTexts
from bot.config import ConfigError
from bot.core.messenger import BotApiError, TransportUnreachable

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def quiet_payload_logs() -> None:
    """PTB logs every Bot API call's parameters and result at DEBUG: the person's texts and
    raw ids (getUpdates, sendMessage). Never below INFO, whatever LOG_LEVEL says."""
    logger = logging.getLogger("telegram")
    if logger.level < logging.INFO:  # its own level: a root set to DEBUG later cannot undo it
        logger.setLevel(logging.INFO)


def _seconds(value: object) -> float:
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)  # type: ignore[arg-type]


def classify(exc: BaseException) -> Failure:
    """PTB's exceptions as the limiter's retry decisions (BadRequest is a NetworkError in PTB)."""
    if isinstance(exc, RetryAfter):
        return Failure("retry_after", _seconds(exc.retry_after))
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
        return Failure("transient")
    return Failure("fatal")


def explain(exc: BaseException) -> BotApiError | None:
    """PTB's exception as what Telegram answered. PTB drops the "Bad Request: " prefix and
    knows no status code for 5xx (a NetworkError, as for a dropped connection)."""
    if not isinstance(exc, TelegramError):
        return None
    if isinstance(exc, ChatMigrated):
        return BotApiError(400, exc.message, migrate_to_chat_id=int(exc.new_chat_id))
    if isinstance(exc, RetryAfter):
        return BotApiError(429, exc.message, retry_after=_seconds(exc.retry_after))
    if isinstance(exc, Forbidden):
        return BotApiError(403, exc.message)
    if isinstance(exc, BadRequest):
        return BotApiError(400, exc.message)
    if isinstance(exc, NetworkError):
        return BotApiError(500, exc.message)
    return BotApiError(0, exc.message)


FLAVOUR = BotApiFlavour(
    button=InlineKeyboardButton, markup=InlineKeyboardMarkup, reply_parameters=ReplyParameters,
    link_preview_options=LinkPreviewOptions, bad_request=BadRequest, parse_mode=ParseMode.HTML,
    classify=classify, explain=explain,
)


class OutsideOperatorsChat(filters.MessageFilter):
    """Group and supergroup messages that are not the operators' chat (the gate decides)."""

    def __init__(self, groups: GroupGate) -> None:
        super().__init__(name="OutsideOperatorsChat")
        self._groups = groups

    def filter(self, message: Message) -> bool:
        return self._groups.takes(message.chat.id, str(message.chat.type))


class PTBMessenger(BotApiMessenger):
    """`Messenger` over PTB's `Bot`, every call through the outgoing limiter."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any],
                 limiter: OutgoingLimiter) -> None:
        super().__init__(application.bot, limiter, FLAVOUR)


class PersonTurns(BaseUpdateProcessor):
    """PTB's update processor: at most `max_concurrent_updates` at once (as
    `concurrent_updates(n)`); each private chat's update claims its turn in the person's order.

    PTB's update fetcher starts a task per update in the update queue's order and each enters
    `do_process_update` after the processor's FIFO semaphore, so turns are claimed in update_id
    order; the pipeline waits for them. Only polling goes through it: our webhook server calls
    `process_update` directly, and the person's lock orders those updates.
    """

    def __init__(self, max_concurrent_updates: int, order: PersonOrder) -> None:
        super().__init__(max_concurrent_updates)
        self._order = order

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None or chat.type != "private" or not isinstance(update, Update):
            await coroutine  # not a person's private chat: no order to keep
            return
        with self._order.claimed(chat.id, update.update_id):
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""


class PTBAdapter:
    """The bot on python-telegram-bot: PTB's updater for polling, or our webhook server."""

    def __init__(self, token: str, api_base: str, limiter: OutgoingLimiter,
                 max_concurrency: int = 32, order: PersonOrder | None = None) -> None:
        # PTB 22 deprecates int time periods and warns on every RetryAfter unless this opts
        # into the timedelta form (the future default); `classify` reads either.
        os.environ.setdefault("PTB_TIMEDELTA", "true")
        quiet_payload_logs()
        base = api_base.rstrip("/")
        self.application = (
            ApplicationBuilder()
            .token(token)
            .base_url(f"{base}/bot")  # PTB appends the token, then "/<method>"
            .base_file_url(f"{base}/file/bot")
            .concurrent_updates(max_concurrency if order is None
                                else PersonTurns(max_concurrency, order))
            .build()
        )
        self.messenger = PTBMessenger(self.application, limiter)
        self._glue: UpdatePipeline | None = None
        self._groups: GroupGate | None = None
        self.application.add_handler(TypeHandler(Update, self._on_update))

    def bind(self, glue: UpdatePipeline, groups: GroupGate | None = None) -> None:
        """Give the handler the glue; with a group gate, group messages go to it first (a
        handler group before the glue's, which then does not see them)."""
        self._glue = glue
        if groups is not None:
            self._groups = groups
            self.application.add_handler(MessageHandler(
                filters.UpdateType.MESSAGES & filters.ChatType.GROUPS
                & OutsideOperatorsChat(groups), self._on_group_message), group=-1)
            # The bot removed from a group (the gate checks the chat as for messages).
            self.application.add_handler(ChatMemberHandler(
                self._on_group_message, ChatMemberHandler.MY_CHAT_MEMBER), group=-1)

    async def _on_group_message(self, update: Update,
                                context: ContextTypes.DEFAULT_TYPE) -> None:
        assert self._groups is not None
        await self._groups.handle_update(update)
        raise ApplicationHandlerStop  # the glue's handler (group 0) must not see it too

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert self._glue is not None, "bind() the glue before starting"
        await self._glue.handle_update(update)

    async def start(self, texts: TransportTexts) -> None:
        """Check the token (getMe), start the application, register the command menus.

        Raises TransportUnreachable (Telegram down) or ConfigError (token rejected), one line.
        """
        try:
            await self.application.initialize()
        except InvalidToken:
            raise ConfigError("TELEGRAM_BOT_TOKEN: rejected by Telegram (401 Unauthorized): "
                              "copy the token from @BotFather again") from None
        except NetworkError as exc:
            raise TransportUnreachable(f"Telegram Bot API unreachable at start: {exc.message}; "
                                       "check the network (and TELEGRAM_API_BASE)") from None
        await self.application.start()
        scope = BotCommandScopeAllPrivateChats()
        for language in (None, *texts.languages):
            menu = texts.command_menu(language or "en")
            commands = [BotCommand(name, text) for name, text in menu]
            await self.application.bot.set_my_commands(
                commands, scope=scope, language_code=language
            )

    async def feed(self, raw: dict[str, Any]) -> None:
        """Handle one update received by the webhook server; MalformedUpdate when PTB cannot
        read it (TypeError, KeyError, AttributeError, OverflowError... from its constructors)."""
        try:
            update = Update.de_json(raw, self.application.bot)
        except Exception:  # a pure conversion: any failure is the update's shape
            raise MalformedUpdate("PTB refused the update") from None
        await self.application.process_update(update)

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.application.bot.set_webhook(
            url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
        )

    async def run_polling(self, stop: asyncio.Event) -> None:
        """Long-poll getUpdates (PTB's updater deletes any webhook first) until `stop` is set."""
        updater = self.application.updater
        assert updater is not None
        await updater.start_polling(allowed_updates=ALLOWED_UPDATES)
        try:
            await stop.wait()
        finally:
            await updater.stop()

    async def aclose(self) -> None:
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
