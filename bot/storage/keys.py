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

# The erasure record: user key (a keyed hash, never an id) -> when /delete or `erase` erased the
# person (Unix seconds). A restore reads it from the live Redis first and erases again whoever
# the backup brings back (scripts/erasure-record.sh, docs/DEPLOY.md "The erasure record").
ERASED = global_key("erased")
# Who a restore brought back after their erasure: `safe-migration-bot erase --pending` ends
# their cases and erases them as /delete does. A set of user keys, with ERASURE_RECORD_SECONDS.
ERASE_PENDING = global_key("erase", "pending")
# How long an erasure stays in the record: the longest backup retention supported (7 days,
# BACKUP_RETENTION_DAYS) plus a day. Entries older than this are dropped at each erasure and the
# key expires this long after the last one, so no entry is kept past twice this (16 days).
ERASURE_RECORD_SECONDS = 8 * 24 * 3600
