"""What the core and the handoff layer may ask of a chat transport, whatever the framework."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.core.events import Reply


class Messenger(Protocol):
    """Sends, edits and deletes messages; implemented by the aiogram and PTB adapters.

    Chat ids are the transport's own (Telegram chat ids); texts are plain and escaped here.
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

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        """Stop the spinner on a pressed inline button."""
        ...

    async def create_topic(self, chat_id: int, name: str) -> int:
        """Create a forum topic in a supergroup; return its message_thread_id."""
        ...

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        """Close a forum topic (members can no longer write in it); raises when refused."""
        ...
