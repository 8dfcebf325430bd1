"""What the core and the handoff layer may ask of a chat transport, whatever the framework."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.core.events import Reply


class TransportUnreachable(Exception):
    """The messaging service (the Telegram Bot API) cannot be reached at start; one line."""


class BotApiError(Exception):
    """A call the transport refused, whatever the framework: what Telegram answered.

    `code` is the Bot API `error_code` (400, 403, 429; 500 stands for any 5xx or a network
    failure after the transport's own retries); `description` is Telegram's text ("Bad
    Request: message thread not found"); `migrate_to_chat_id` and `retry_after` come from
    the answer's `parameters`. Descriptions may quote nothing the person wrote, but callers
    still log only `code` and a kind, never the description with ids in it.
    """

    def __init__(self, code: int, description: str = "", *,
                 migrate_to_chat_id: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{code} {description}".strip())
        self.code = code
        self.description = description
        self.migrate_to_chat_id = migrate_to_chat_id
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class ChatInfo:
    """getChat and the bot's own getChatMember in one chat, for the start-up check."""

    chat_type: str  # "supergroup", "group", "channel", "private"
    is_forum: bool
    bot_status: str  # "administrator", "member", "restricted", "left", "kicked", "creator"
    can_post: bool  # the bot may send messages there
    can_manage_topics: bool


class Messenger(Protocol):
    """Sends, edits and deletes messages; implemented by the aiogram and PTB adapters.

    Chat ids are the transport's own (Telegram chat ids); texts are plain and escaped here.
    A refused call raises `BotApiError` (see `bot.handoff.failures` for what each means).
    """

    async def send(
        self,
        chat_id: int,
        reply: Reply,
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> list[int]:
        """Send one reply (split if too long); return the ids of the messages sent."""
        ...

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """Replace a message's text and inline buttons (no buttons in `reply`: none left).

        Raises when Telegram refuses (message gone, too old, not modified) or the text does not
        fit one message: callers fall back to sending something new.
        """
        ...

    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None:
        """Delete messages in a chat; ones already gone or too old are skipped."""
        ...

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        """deleteMessage: one message, raising `BotApiError` when Telegram refuses ("Bad
        Request: message to delete not found": already gone; "message can't be deleted":
        older than 48 hours, or not the bot's to delete)."""
        ...

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        """Stop the spinner on a pressed inline button."""
        ...

    async def create_topic(self, chat_id: int, name: str) -> int:
        """Create a forum topic in a supergroup; return its message_thread_id."""
        ...

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        """Close a forum topic (members can no longer write in it); raises when refused."""
        ...

    async def reopen_topic(self, chat_id: int, thread_id: int) -> None:
        """Reopen a closed forum topic; raises when refused (no right, topic deleted)."""
        ...
