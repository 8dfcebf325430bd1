"""Every Redis key the bot writes, typed and prefixed, so they can be listed, expired and erased."""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "smb"


@dataclass(frozen=True, slots=True)
class UserKey:
    """A key about one person: `smb:<kind>:<user_key>`. Always written with a TTL."""

    kind: str
    user_key: str

    def __str__(self) -> str:
        return f"{PREFIX}:{self.kind}:{self.user_key}"


# Every kind of per-user key. `delete_user` erases all of them, so a new kind must be added here.
USER_KEY_KINDS: tuple[str, ...] = (
    "session",  # the dialogue Session as JSON
    "fsm",  # aiogram FSM state/data (the aiogram adapter keeps it in the same store)
    "rate",  # per-user rate-limit counter
    "flood",  # "slow down" notice already sent in this window
    "msgs",  # recent message ids in the chat, for /hide
    "case",  # the open handoff case id
    "chat",  # the transport chat address, kept only while a handoff needs it
    "edits",  # keyed hashes of recent message texts by message id, to skip unchanged edits
    "held",  # the message held for the human offer until the person answers (PendingTexts)
    "lock",  # the person's cross-process lock (a random token, a lease of seconds)
    "outbox",  # replies and alerts of updates being sent (bot/adapters/telegram/outbox.py)
    "checkin",  # the check-in plan (bot/checkin/plan.py): TTL = the plan's end + grace + a day
)


def user_keys(user_key: str) -> list[str]:
    """All keys that may exist about one person."""
    return [str(UserKey(kind, user_key)) for kind in USER_KEY_KINDS]


def global_key(*parts: str) -> str:
    """A key about no one in particular (queues, de-duplication, counters)."""
    return ":".join((PREFIX, *parts))


# Sorted sets whose members are user keys (shared by everyone, so no TTL of their own): each
# member is removed when its work is done, and `delete_user` removes the person from each.
CHECKIN_DUE = global_key("checkin", "due")  # user key -> when its check-in plan is due
PERSON_SETS: tuple[str, ...] = (CHECKIN_DUE,)
