"""A Telegram group message (aiogram or PTB) read into the core's `GroupMessage`.

Who sent it (member, anonymous admin, channel, bot), whether it is a command for this bot,
a mention of it or a reply to it, and the text of the message it replies to. Nothing is
sent from here; `groups.GroupGate` carries out what the core decides.
"""

from __future__ import annotations

from typing import Any

from bot.adapters.telegram.edge import valid_text
from bot.core.groups import GroupMessage, Sender


def _sender(message: Any) -> Sender:
    user = getattr(message, "from_user", None)
    sender_chat = getattr(message, "sender_chat", None)
    if getattr(message, "is_automatic_forward", None):
        return Sender.CHANNEL  # a linked channel's post, copied into its discussion group
    if sender_chat is not None:
        if int(sender_chat.id) == int(message.chat.id):
            return Sender.ANONYMOUS_ADMIN
        return Sender.CHANNEL  # someone posting as a channel
    if user is None or user.is_bot:
        return Sender.BOT
    return Sender.MEMBER


def read_group_message(message: Any, key: str, username: str) -> GroupMessage | None:
    """An aiogram or PTB group `Message` as the core's `GroupMessage` (None: nothing to read).

    A command addressed to another bot (`/check@other_bot`) is not ours: the message is
    left alone altogether.
    """
    text = getattr(message, "text", None) or getattr(message, "caption", None)
    text = None if text is None else valid_text(text)
    command, args = None, ""
    if text is not None and text.startswith("/") and getattr(message, "text", None):
        head, _, args = text.partition(" ")
        name, _, target = head.partition("@")
        if target and target.lower() != username.lower():
            return None
        command = name.lower()
    reply = getattr(message, "reply_to_message", None)
    reply_text = None
    author = getattr(getattr(reply, "from_user", None), "username", None)
    to_the_bot = bool(reply is not None and username and author == username)
    if reply is not None and not to_the_bot:  # the bot's own words are never checked
        raw = getattr(reply, "text", None) or getattr(reply, "caption", None)
        reply_text = None if raw is None else valid_text(raw)
    mention = f"@{username}".lower() if username else None
    user = getattr(message, "from_user", None)
    return GroupMessage(
        group_key=key, message_id=int(message.message_id), text=text, sender=_sender(message),
        language_code=getattr(user, "language_code", None) if user is not None else None,
        forwarded=getattr(message, "forward_origin", None) is not None,
        automatic_forward=bool(getattr(message, "is_automatic_forward", None)),
        # A reply to the bot speaks to it as a mention does (in privacy mode, the only other
        # way a member can): answered the same, never left in silence.
        addressed=bool(mention and text and mention in text.lower()) or to_the_bot,
        command=command, args=args.strip(),
        reply_to_id=int(reply.message_id) if reply is not None else None,
        reply_to_text=reply_text,
    )
