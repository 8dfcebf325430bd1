"""What the core sees of a group chat and what it answers there: events, settings, replies.

Transport-neutral: the Telegram adapter reads an update into a `GroupMessage` and carries out
a `GroupResponse`. A group is known only by its keyed hash (`group_key`, `bot.privacy`); the
sender is never known at all, beyond whether they may change the group's settings.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

from bot.core.events import Button

DEFAULT_CAP = 6  # public replies per hour in one group unless its admins choose otherwise
MAX_CAP = 60


class AdWarnings(StrEnum):
    """Where a strong ad's warning goes: the group, the admins' private chats, or nowhere."""

    ON = "on"
    ADMINS = "admins"
    OFF = "off"


class Sender(StrEnum):
    """Who posted, as far as the group features care."""

    MEMBER = "member"  # a person
    ANONYMOUS_ADMIN = "anonymous_admin"  # an admin posting as the group (sender_chat == chat)
    CHANNEL = "channel"  # a channel's post: an automatic forward or a post as a channel
    BOT = "bot"  # another bot: never answered


@dataclass(frozen=True, slots=True)
class GroupSettings:
    """One group's choices (not personal data; kept in Redis under the group's keyed hash).

    `language` None: the language of each message decides; `country` None: no emergency
    number is named in public; `cap`: public replies per hour.
    """

    ads: AdWarnings = AdWarnings.ON
    language: str | None = None
    country: str | None = None
    cap: int = DEFAULT_CAP


# Whether the sender may change settings (getChatMember: creator or administrator). Asked only
# for /settings with arguments or the settings screen, never cached between messages.
AdminCheck = Callable[[], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class GroupMessage:
    """One message in a group the bot was added to.

    `message_id` is the transport's id of the message in its group (replies point at it);
    `reply_to_text` is the text of the message it replies to (for /check); `addressed` says
    the message mentions the bot by its @username or replies to one of its messages;
    `command` is a slash command meant for this bot ("/check"), with `args` after it.
    """

    group_key: str
    message_id: int
    text: str | None
    sender: Sender = Sender.MEMBER
    language_code: str | None = None
    forwarded: bool = False
    automatic_forward: bool = False
    addressed: bool = False
    command: str | None = None
    args: str = ""
    reply_to_id: int | None = None
    reply_to_text: str | None = None
    # What the bot knows of its own reach here (getMe's can_read_all_group_messages, or an
    # admin bot): False means Telegram's privacy mode shows it commands and replies only.
    sees_all: bool = False
    # A keyed hash of the sender within this group, kept only in the process's memory for a
    # few minutes (so one person's several messages get one danger reply); None: unknown.
    sender_key: str | None = None


@dataclass(slots=True)
class GroupReply:
    """One public message in the group, as a reply to `reply_to` (a message id) if set."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    reply_to: int | None = None


@dataclass(slots=True)
class AdminNotice:
    """A private message to each admin of the group who has started the bot."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    message_id: int | None = None  # the group message it is about (a link where possible)
    link_label: str = ""  # the label of that link's button, in the group's language


@dataclass(slots=True)
class GroupResponse:
    """What to do for one group message: public replies, admins' notices, nothing else."""

    replies: list[GroupReply] = field(default_factory=list)
    admin_notices: list[AdminNotice] = field(default_factory=list)
