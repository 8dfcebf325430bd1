"""Reading a Telegram update: aiogram's and PTB's `Update` objects into one `TgInput`.

Both frameworks name the fields alike (`message.from_user`, `callback_query.data`, ...), so
one reader serves both and the adapters stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.adapters.telegram.edge import HANDLED, valid_text
from bot.core.commands import is_person_command
from bot.core.events import EventKind

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


@dataclass(frozen=True, slots=True)
class TgInput:
    """The parts of one Telegram update the bot uses (raw ids stay inside the transport).

    `edited` marks an `edited_message`: the same `message_id` as the message it corrects.
    """

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
    forwarded: bool = False  # Bot API `forward_origin`: someone else's message, passed on
    edited: bool = False
    # The sender's first name: shown to colleagues for operators (staff) only, never logged.
    user_name: str | None = None
    # Who wrote the message this one replies to (an operator handing a case to a colleague
    # replies to the colleague's message); read only in the operators' chat.
    reply_to_user_id: int | None = None
    reply_to_user_name: str | None = None


def update_type(update: Any) -> str:
    """The Bot API update type of an aiogram or PTB `Update`, for metrics: one of the types
    the bot asks Telegram for (`edge.HANDLED`), else "other" (a closed set)."""
    return next((name for name in HANDLED if getattr(update, name, None) is not None), "other")


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
            user_name=user.first_name,
        )
    message = getattr(update, "message", None)
    edited = False
    if message is None:
        # An edit in the person's chat is their corrected message, and the correction may be
        # what says they are in danger (the glue skips edits that changed nothing). Edits in
        # groups, channel posts, member updates: nobody to answer.
        message = getattr(update, "edited_message", None)
        if message is None or str(message.chat.type) != "private":
            return None
        edited = True
    user = message.from_user
    text: str | None = message.text
    kind = EventKind.TEXT
    if text is not None:
        # In the person's chat only their commands are commands: "/помогите ..." is text.
        if text.startswith("/") and (str(message.chat.type) != "private"
                                     or is_person_command(text)):
            kind, text = EventKind.COMMAND, _command(text)
    else:
        kind = next((k for attr, k in _KINDS if getattr(message, attr, None)), EventKind.OTHER)
        text = message.caption
    # A sticker's emoji ("👍"): a check-in question may be answered with it (never triaged).
    payload = (getattr(getattr(message, "sticker", None), "emoji", None)
               if kind == EventKind.STICKER else None)
    # A lone surrogate (polling reads it as is) would break every encoder downstream.
    text = None if text is None else valid_text(text)
    reply_to = getattr(message, "reply_to_message", None)
    replied_user = getattr(reply_to, "from_user", None)
    if replied_user is not None and replied_user.is_bot:
        replied_user = None  # a reply to the bot's own post (an alert) names nobody
    return TgInput(
        update_id=update.update_id, chat_id=message.chat.id, chat_type=str(message.chat.type),
        user_id=user.id if user else None, kind=kind, text=text, message_id=message.message_id,
        payload=None if payload is None else valid_text(payload),
        language_code=user.language_code if user else None,
        # A reply in General carries its reply chain's id as message_thread_id: not a topic.
        thread_id=(getattr(message, "message_thread_id", None)
                   if getattr(message, "is_topic_message", None) else None),
        reply_to_message_id=reply_to.message_id if reply_to is not None else None,
        from_bot=bool(user.is_bot) if user else False,
        sender_chat_id=getattr(getattr(message, "sender_chat", None), "id", None), edited=edited,
        forwarded=getattr(message, "forward_origin", None) is not None,
        user_name=user.first_name if user else None,
        reply_to_user_id=replied_user.id if replied_user is not None else None,
        reply_to_user_name=replied_user.first_name if replied_user is not None else None,
    )
