"""The one input type for updates from the operators' chat, shared by the transport and the
handoff (its own module, so neither has to import the other)."""

from __future__ import annotations

from typing import Protocol

from bot.core.events import EventKind


class OperatorInput(Protocol):
    """An update from the operators' chat, as the handoff reads it: the one input type for
    operator updates (the transport's `TgInput` satisfies it; tests build their own)."""

    # Read-only, so the glue's frozen TgInput satisfies it.
    @property
    def chat_id(self) -> int: ...
    @property
    def user_id(self) -> int | None: ...
    @property
    def kind(self) -> EventKind: ...
    @property
    def text(self) -> str | None: ...
    @property
    def payload(self) -> str | None: ...
    @property
    def message_id(self) -> int | None: ...
    @property
    def callback_id(self) -> str | None: ...
    @property
    def thread_id(self) -> int | None: ...
    @property
    def reply_to_message_id(self) -> int | None: ...
    @property
    def sender_chat_id(self) -> int | None: ...
    @property
    def user_name(self) -> str | None: ...
