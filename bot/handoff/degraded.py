"""What operators are told when Redis fails (down or out of memory) in the handoff."""

from __future__ import annotations

from redis.exceptions import OutOfMemoryError

from bot.i18n import N_

QUEUE_DEGRADED_FULL = N_("(Queue degraded: Redis is out of memory, so this case is not stored "
                         "and the bot cannot relay; ask the person to write again.)")
QUEUE_DEGRADED_DOWN = N_("(Queue degraded: storage is down, so the bot cannot relay; ask the "
                         "person to write again.)")
# Without Redis the person's pseudonym cannot be looked up (their first candidate may be
# another person's): the alert names their case, or a name no pseudonym can have (its prefix
# is no adjective of bot.privacy).
TEMPORARY_PREFIX = "unsaved-"
DEGRADED_KNOWN_CASE = N_("This is the person of case #{id}: their pseudonym could not be "
                         "looked up.")
DEGRADED_TEMPORARY_NAME = N_("\"{name}\" is a temporary name for this alert only, not the "
                             "person's pseudonym (it could not be looked up).")
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
