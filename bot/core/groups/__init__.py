"""The bot in public groups, transport-neutral: `GroupDesk` takes a `GroupMessage` and returns
a `GroupResponse` (docs/GROUPS.md)."""

from bot.core.groups.desk import GroupDesk
from bot.core.groups.model import (
    AdminCheck,
    AdminNotice,
    AdWarnings,
    GroupMessage,
    GroupReply,
    GroupResponse,
    GroupSettings,
    Sender,
)
from bot.core.groups.replies import GroupReplies

__all__ = ["AdWarnings", "AdminCheck", "AdminNotice", "GroupDesk", "GroupMessage",
           "GroupReplies", "GroupReply", "GroupResponse", "GroupSettings", "Sender"]
