"""The `Messenger` over a Bot API client, shared by the aiogram and python-telegram-bot adapters.

aiogram's and PTB's `Bot` objects name the Bot API methods and their keyword arguments alike;
only the types differ (markup, reply parameters, link preview options, the "bad request"
exception, how errors map to the limiter's retry decisions). Each adapter passes those as a
`BotApiFlavour` and keeps nothing else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from bot.adapters.telegram.formatting import split_text
from bot.adapters.telegram.limiter import Classifier, OutgoingLimiter
from bot.core.events import Button, Reply
from bot.core.messenger import BotApiError, ChatInfo

T = TypeVar("T")

DELETE_BATCH = 100  # deleteMessages takes at most 100 ids


@dataclass(frozen=True, slots=True)
class BotApiFlavour:
    """A framework's own types for the same Bot API objects (all built by keyword)."""

    button: Callable[..., Any]  # InlineKeyboardButton(text=, url= | callback_data=)
    markup: Callable[..., Any]  # InlineKeyboardMarkup(inline_keyboard=)
    reply_parameters: Callable[..., Any]  # ReplyParameters(message_id=, allow_sending_...=)
    link_preview_options: Callable[..., Any]  # LinkPreviewOptions(is_disabled=)
    bad_request: type[Exception]  # what a refused call raises (e.g. a message already gone)
    parse_mode: str
    classify: Classifier
    # The framework's exception as what Telegram answered; None: not a Bot API answer.
    explain: Callable[[BaseException], BotApiError | None] = lambda exc: None


class BotApiMessenger:
    """`Messenger` over a framework's `Bot`, every call through the outgoing limiter."""

    def __init__(self, bot: Any, limiter: OutgoingLimiter, flavour: BotApiFlavour) -> None:
        self._bot = bot
        self._limiter = limiter
        self._flavour = flavour
        # Frozen in both frameworks: one instance serves every message.
        self._no_preview = flavour.link_preview_options(is_disabled=True)

    async def _run(self, chat_id: int | None, call: Callable[[], Awaitable[T]]) -> T:
        """One call through the limiter; a refusal comes out as `BotApiError`, framework-free."""
        try:
            return await self._limiter.run(chat_id, call, self._flavour.classify)
        except Exception as exc:
            error = self._flavour.explain(exc)
            if error is None:
                raise
            raise error from exc

    def _button(self, button: Button) -> Any:
        if button.url:
            return self._flavour.button(text=button.label, url=button.url)
        return self._flavour.button(text=button.label, callback_data=button.payload)

    def _markup(self, reply: Reply) -> Any:
        if not reply.buttons:
            return None
        return self._flavour.markup(
            inline_keyboard=[[self._button(b) for b in row] for row in reply.buttons]
        )

    async def send(
        self, chat_id: int, reply: Reply, *, thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> list[int]:
        flavour = self._flavour
        chunks = split_text(reply.text)
        markup = self._markup(reply)
        ids: list[int] = []
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            reply_parameters = (
                flavour.reply_parameters(message_id=reply_to, allow_sending_without_reply=True)
                if reply_to is not None and index == 0 else None
            )

            async def call(chunk: str = chunk, last: bool = last,
                           reply_parameters: Any = reply_parameters) -> Any:
                return await self._bot.send_message(
                    chat_id, chunk, parse_mode=flavour.parse_mode, message_thread_id=thread_id,
                    reply_markup=markup if last else None, reply_parameters=reply_parameters,
                    link_preview_options=self._no_preview,
                )

            message = await self._run(chat_id, call)
            ids.append(message.message_id)
        return ids

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """editMessageText; without buttons in `reply` the message's inline keyboard goes."""
        flavour = self._flavour
        chunks = split_text(reply.text)
        if len(chunks) != 1:
            raise ValueError("the new text does not fit one message")
        call = partial(
            self._bot.edit_message_text, chunks[0], chat_id=chat_id, message_id=message_id,
            parse_mode=flavour.parse_mode, reply_markup=self._markup(reply),
            link_preview_options=self._no_preview,
        )
        await self._run(chat_id, call)

    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None:
        classify, bad_request = self._flavour.classify, self._flavour.bad_request
        ids = list(message_ids)
        for start in range(0, len(ids), DELETE_BATCH):
            batch = ids[start:start + DELETE_BATCH]
            try:
                await self._limiter.run(
                    None, partial(self._bot.delete_messages, chat_id, batch), classify
                )
            except bad_request:  # framework-level on purpose: this loop is inside one call
                # Some ids cannot be deleted as a batch: try one by one, skipping failures.
                for mid in batch:
                    with suppress(bad_request):
                        await self._limiter.run(
                            None, partial(self._bot.delete_message, chat_id, mid), classify
                        )

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        """deleteMessage; a refusal comes out as `BotApiError` (the caller tells the person)."""
        # Like `delete`, outside the chat's send pace: it sends nothing to the person.
        await self._run(None, partial(self._bot.delete_message, chat_id, message_id))

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        await self._run(None, partial(self._bot.answer_callback_query, callback_id, text=text))

    async def copy(self, chat_id: int, from_chat_id: int, message_id: int, *,
                   thread_id: int | None = None) -> int:
        """copyMessage: the message (photo, document, location, ...) without a link to its
        sender; returns the copy's id. Nothing is downloaded or stored by the bot."""
        copied = await self._run(chat_id, partial(
            self._bot.copy_message, chat_id, from_chat_id, message_id,
            message_thread_id=thread_id))
        return int(copied.message_id)

    async def create_topic(self, chat_id: int, name: str) -> int:
        topic = await self._run(chat_id, partial(self._bot.create_forum_topic, chat_id, name))
        return int(topic.message_thread_id)

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        await self._run(chat_id, partial(self._bot.close_forum_topic, chat_id, thread_id))

    async def reopen_topic(self, chat_id: int, thread_id: int) -> None:
        await self._run(chat_id, partial(self._bot.reopen_forum_topic, chat_id, thread_id))

    async def chat_info(self, chat_id: int) -> ChatInfo:
        """getChat, then getMe and getChatMember for the bot itself: may it post, manage topics.

        A member's right to post follows the chat's default permissions; an administrator
        always may; a restricted member only with `can_send_messages`.
        """
        chat = await self._run(None, partial(self._bot.get_chat, chat_id))
        me = await self._run(None, self._bot.get_me)
        member = await self._run(None, partial(self._bot.get_chat_member, chat_id, me.id))
        status = str(getattr(member.status, "value", member.status))
        permissions = getattr(chat, "permissions", None)
        default_post = bool(getattr(permissions, "can_send_messages", True))
        if status in ("creator", "owner"):
            can_post = can_topics = True
        elif status == "administrator":
            can_post = True
            can_topics = bool(getattr(member, "can_manage_topics", False))
        elif status == "restricted":
            can_post = bool(getattr(member, "can_send_messages", False))
            can_topics = False
        elif status == "member":
            can_post = default_post
            can_topics = bool(getattr(permissions, "can_manage_topics", False))
        else:  # left, kicked
            can_post = can_topics = False
        return ChatInfo(chat_type=str(getattr(chat.type, "value", chat.type)),
                        is_forum=bool(getattr(chat, "is_forum", False)), bot_status=status,
                        can_post=can_post, can_manage_topics=can_topics)

    async def member_status(self, chat_id: int, user_id: int) -> str:
        """getChatMember's status ("member", "administrator", "left", ...): operator checks.

        Either framework may give an enum (its value is the Bot API string) or a plain string.
        """
        member = await self._run(None, partial(self._bot.get_chat_member, chat_id, user_id))
        return str(getattr(member.status, "value", member.status))

    async def identity(self) -> tuple[int, str, bool]:
        """getMe: the bot's id, its username (for t.me links) and whether it reads every
        group message (`can_read_all_group_messages`: Telegram's privacy mode is off)."""
        me = await self._run(None, self._bot.get_me)
        reads_all = bool(getattr(me, "can_read_all_group_messages", False))
        return int(me.id), str(me.username or ""), reads_all

    async def admin_ids(self, chat_id: int) -> list[int]:
        """getChatAdministrators: the ids of the chat's human admins (bots left out)."""
        admins = await self._run(None, partial(self._bot.get_chat_administrators, chat_id))
        return [int(a.user.id) for a in admins if not a.user.is_bot]
