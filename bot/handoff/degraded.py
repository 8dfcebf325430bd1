"""What operators are told when Redis fails (down or out of memory) in the handoff."""

from __future__ import annotations

from redis.exceptions import OutOfMemoryError

from bot.i18n import N_

QUEUE_DEGRADED_FULL = N_("(Queue degraded: Redis is out of memory, so this case is not stored "
                         "and the bot cannot relay; ask the person to write again.)")
QUEUE_DEGRADED_DOWN = N_("(Queue degraded: storage is down, so the bot cannot relay; ask the "
                         "person to write again.)")
STORAGE_DEGRADED_PERSON = N_("⚠️ Storage degraded ({why}): the message below belongs to case "
                             "#{case}; replies in the case cannot be passed on until storage "
                             "is back. The bot answered the person itself.")
STORAGE_DEGRADED_OPERATOR = N_("⚠️ Storage degraded ({why}): this message was NOT passed on to "
                               "the person. Try again in a minute.")
STORAGE_DEGRADED_PRESS = N_("Storage degraded: this may not have been saved, try again.")
REDIS_FULL = N_("Redis out of memory")
REDIS_DOWN = N_("Redis unavailable")


def why(exc: BaseException) -> str:
    """The msgid naming what failed: Redis full, or Redis unavailable."""
    return REDIS_FULL if isinstance(exc, OutOfMemoryError) else REDIS_DOWN
