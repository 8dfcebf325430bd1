"""The aiogram adapter: aiogram's client and dispatcher, everything else in the shared glue.

No aiogram FSM (`disable_fsm=True`): the core keeps all dialogue state in its `SessionStore`,
so a second state store would only be one more place to erase on /delete.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, cast

from aiogram import BaseMiddleware, Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    TelegramObject,
    Update,
)
from aiohttp import ClientError, ClientTimeout
from pydantic import ValidationError

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
_JSON_HEADERS = {"Content-Type": "application/json"}


class PinnedResponseSession(AiohttpSession):
    """aiogram's session, keeping the `Response[T]` classes it parses answers with alive.

    aiogram builds `Response[method.__returning__]` for every answer; pydantic caches such
    generic classes only weakly, so each garbage collection drops them and the next call
    builds the validator again (milliseconds each, hundreds of times under load). Holding
    one reference per result type makes the lookup a cache hit; parsing is unchanged. The
    references are the session's own (one session per bot), not the process's.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pinned: dict[Any, Any] = {}  # result type -> Response[result type]

    def check_response(
        self, bot: Bot, method: TelegramMethod[Any], status_code: int, content: str
    ) -> Response[Any]:
        returning = method.__returning__
        if returning not in self._pinned:
            self._pinned[returning] = Response[returning]  # type: ignore[valid-type]
        return super().check_response(bot, method, status_code, content)

    def build_json_body(self, bot: Bot, method: TelegramMethod[Any]) -> bytes | None:
        """The call's parameters as one JSON object, or None when it uploads files.

        The same values and omissions as aiogram's form (`build_form_data`): a parameter left
        out when it prepares to None or "", nested objects as JSON; only the encoding differs
        (the Bot API takes application/json alike), and it is done once in C rather than field
        by field in Python.
        """
        files: dict[str, Any] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files, _dumps_json=False)
            if prepared is None or prepared == "":
                continue
            params[key] = prepared
        if files:
            return None
        return self.json_dumps(params).encode()

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's signature)
    ) -> TelegramType:
        """aiogram's request, posted as JSON (uploads keep aiogram's multipart form)."""
        body = self.build_json_body(bot, method)
        if body is None:
            return await super().make_request(bot, method, timeout)
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        try:
            async with session.post(
                url, data=body, headers=_JSON_HEADERS,
                timeout=ClientTimeout(total=self.timeout if timeout is None else timeout),
            ) as resp:
                raw_result = await resp.text()
        except TimeoutError as e:
            raise TelegramNetworkError(method=method, message="Request timeout error") from e
        except ClientError as e:
            raise TelegramNetworkError(method=method, message=f"{type(e).__name__}: {e}") from e
        response = self.check_response(
            bot=bot, method=method, status_code=resp.status, content=raw_result,
        )
        return cast(TelegramType, response.result)


async def on_update(event: Message | CallbackQuery, event_update: Update,
                    glue: UpdatePipeline) -> None:
    """Every message and button press goes to the glue, which decides who is talking."""
    await glue.handle_update(event_update)


async def in_a_group(message: Message | ChatMemberUpdated,
                     groups: GroupGate | None = None) -> bool:
    """Messages from groups and supergroups other than the operators' chat."""
    return groups is not None and groups.takes(message.chat.id, str(message.chat.type))


async def on_group_message(message: Message | ChatMemberUpdated, event_update: Update,
                           groups: GroupGate) -> None:
    """A group's message goes to the group gate (docs/GROUPS.md), never to the dialogue."""
    await groups.handle_update(event_update)


def build_group_router() -> Router:
    """Group messages, before the main router; the operators' chat stays the glue's."""
    router = Router(name=f"{__name__}.groups")
    router.message.filter(in_a_group)
    router.message.register(on_group_message)
    # An ad edited after posting is checked again (the gate answers a message only once).
    router.edited_message.filter(in_a_group)
    router.edited_message.register(on_group_message)
    # The bot removed from a group: its settings are forgotten at once (docs/GROUPS.md).
    router.my_chat_member.filter(in_a_group)
    router.my_chat_member.register(on_group_message)
    return router


def build_router() -> Router:
    """A fresh router per dispatcher (an aiogram router attaches to one parent only)."""
    router = Router(name=__name__)
    router.message.register(on_update)
    router.edited_message.register(on_update)
    router.callback_query.register(on_update)
    return router


class PersonTurns(BaseMiddleware):
    """Polling: each private chat's update claims its turn in the person's order (update_id
    order: aiogram starts a task per update in the batch's order, handle_as_tasks, and this
    outer middleware, after aiogram's own that finds the chat, is the first awaitable each
    reaches); the pipeline waits for it. Only with the `person_order` workflow data
    `run_polling` passes: webhook updates (`feed`) have the person's lock alone."""

    async def __call__(
        self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject, data: dict[str, Any],
    ) -> Any:
        order: PersonOrder | None = data.get("person_order")
        chat = data.get("event_chat")
        if order is None or chat is None or chat.type != "private" or not isinstance(
                event, Update):
            return await handler(event, data)
        with order.claimed(chat.id, event.update_id):
            return await handler(event, data)


def classify(exc: BaseException) -> Failure:
    """aiogram's exceptions as the limiter's retry decisions."""
    if isinstance(exc, TelegramRetryAfter):
        return Failure("retry_after", float(exc.retry_after))
    if isinstance(exc, TelegramServerError | TelegramNetworkError):
        return Failure("transient")
    return Failure("fatal")


def explain(exc: BaseException) -> BotApiError | None:
    """aiogram's exception as what Telegram answered (error_code, description, parameters)."""
    if not isinstance(exc, TelegramAPIError):
        return None
    if isinstance(exc, TelegramMigrateToChat):
        # aiogram replaces the description with its own sentence; the code is Telegram's 400.
        return BotApiError(400, exc.message, migrate_to_chat_id=exc.migrate_to_chat_id)
    if isinstance(exc, TelegramRetryAfter):
        return BotApiError(429, exc.message, retry_after=float(exc.retry_after))
    if isinstance(exc, TelegramForbiddenError):
        return BotApiError(403, exc.message)
    if isinstance(exc, TelegramBadRequest):
        return BotApiError(400, exc.message)
    if isinstance(exc, TelegramServerError | TelegramNetworkError):
        return BotApiError(500, exc.message)
    return BotApiError(0, exc.message)


FLAVOUR = BotApiFlavour(
    button=InlineKeyboardButton, markup=InlineKeyboardMarkup, reply_parameters=ReplyParameters,
    link_preview_options=LinkPreviewOptions, bad_request=TelegramBadRequest, parse_mode="HTML",
    classify=classify, explain=explain,
)


class AiogramMessenger(BotApiMessenger):
    """`Messenger` over aiogram's `Bot`, every call through the outgoing limiter."""

    def __init__(self, bot: Bot, limiter: OutgoingLimiter) -> None:
        super().__init__(bot, limiter, FLAVOUR)


class AiogramAdapter:
    """The bot on aiogram: polling with the dispatcher, or updates fed by our webhook server."""

    def __init__(self, token: str, api_base: str, limiter: OutgoingLimiter,
                 max_concurrency: int = 32, order: PersonOrder | None = None) -> None:
        session = PinnedResponseSession(api=TelegramAPIServer.from_base(api_base))
        self.bot = Bot(token, session=session)
        self.messenger = AiogramMessenger(self.bot, limiter)
        self.dispatcher = Dispatcher(disable_fsm=True)
        self.dispatcher.update.outer_middleware(PersonTurns())
        self._order = order
        self.dispatcher.include_router(build_group_router())
        self.dispatcher.include_router(build_router())
        self._max_concurrency = max_concurrency

    def bind(self, glue: UpdatePipeline, groups: GroupGate | None = None) -> None:
        """Give the handlers the glue and the group gate (as dispatcher data, not globals);
        without a gate, group messages reach the glue, which stays silent there."""
        self.dispatcher["glue"] = glue
        if groups is not None:
            self.dispatcher["groups"] = groups

    async def start(self, texts: TransportTexts) -> None:
        """Check the token (getMe) and register the command menu in every language.

        Raises TransportUnreachable (Telegram down) or ConfigError (token rejected), one line.
        """
        try:
            await self.bot.get_me()
        except TelegramNetworkError as exc:
            raise TransportUnreachable(f"Telegram Bot API unreachable at start: {exc.message}; "
                                       "check the network (and TELEGRAM_API_BASE)") from None
        except TelegramUnauthorizedError:
            raise ConfigError("TELEGRAM_BOT_TOKEN: rejected by Telegram (401 Unauthorized): "
                              "copy the token from @BotFather again") from None
        scope = BotCommandScopeAllPrivateChats()
        for language in (None, *texts.languages):
            commands = [
                BotCommand(command=name, description=text)
                for name, text in texts.command_menu(language or "en")
            ]
            await self.bot.set_my_commands(commands, scope=scope, language_code=language)

    async def feed(self, raw: dict[str, Any]) -> None:
        """Handle one update received by the webhook server; MalformedUpdate when aiogram
        cannot read it (the edge counts it; the error's text would quote the update)."""
        try:
            update = Update.model_validate(raw, context={"bot": self.bot})
        except (ValidationError, ValueError, TypeError, OverflowError):
            raise MalformedUpdate("aiogram refused the update") from None
        await self.dispatcher.feed_update(self.bot, update)

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)

    async def run_polling(self, stop: asyncio.Event) -> None:
        """Long-poll getUpdates until `stop` is set."""
        await self.bot.delete_webhook()
        polling = asyncio.create_task(self.dispatcher.start_polling(
            self.bot, handle_signals=False, close_bot_session=False,
            allowed_updates=ALLOWED_UPDATES, tasks_concurrency_limit=self._max_concurrency,
            person_order=self._order,  # workflow data: PersonTurns claims turns while polling
        ))
        stopped = asyncio.create_task(stop.wait())
        await asyncio.wait({polling, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            await self.dispatcher.stop_polling()
        stopped.cancel()
        await polling

    async def aclose(self) -> None:
        await self.bot.session.close()
