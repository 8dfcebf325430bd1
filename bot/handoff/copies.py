"""Exactly once, or marked: which of the person's media were copied into their case.

copyMessage has no idempotency key, so a copy whose answer never came (a kill, or Redis
failing before the result was written) may or may not be in the case. As for alerts
(`Case.posting`/`Case.posted`), the start of each copy is recorded first ("copying"), its end
after ("copied"): a copy found already "copied" is never made again; one found "copying" is
made again under a line saying it may be a repeat. A copy made while Redis could not record it
is remembered by this process (`sent`), so the caller's retry records it instead of copying.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import Enum

from redis.asyncio import Redis

from bot.storage.keys import global_key

SENT_KEEP = 1000  # copies this process remembers (the retry of an update comes within seconds)

# Record the start of a copy unless it is done; returns what was there before ('' for none).
_START = """
local was = redis.call('HGET', KEYS[1], ARGV[1])
if was == 'copied' then return was end
redis.call('HSET', KEYS[1], ARGV[1], 'copying')
redis.call('EXPIRE', KEYS[1], ARGV[2])
return was or ''
"""


class Earlier(Enum):
    """What a copy's mark said before this attempt."""

    NONE = ""  # never tried: copy
    INTERRUPTED = "copying"  # tried, end unknown: copy again, marked as a possible repeat
    DONE = "copied"  # copied and recorded: never again


def copies_key(case_id: str) -> str:
    """The case's marks: the person's message id (in their chat) -> "copying" or "copied".
    No user key; it expires with the case and goes when the case closes."""
    return global_key("handoff", "copies", case_id)


class CopyMarks:
    """Marks per (case, the person's message), kept as long as a case; and this process's
    memory of copies made (message id of the copy, and whether Redis has it recorded)."""

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self.sent: OrderedDict[tuple[str, int], tuple[int, bool]] = OrderedDict()

    async def start(self, case_id: str, message_id: int) -> Earlier:
        """Record that copying starts; what the mark said before."""
        was = await self._redis.eval(_START, 1, copies_key(case_id), str(message_id),
                                     str(self._ttl))
        return Earlier(str(was or ""))

    async def done(self, case_id: str, message_id: int) -> None:
        """The copy is in the case and linked: never copied again."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(copies_key(case_id), str(message_id), Earlier.DONE.value)
            pipe.expire(copies_key(case_id), self._ttl)
            await pipe.execute()

    async def refused(self, case_id: str, message_id: int) -> None:
        """Telegram refused the copy (known not made): the next try is no repeat."""
        await self._redis.hdel(copies_key(case_id), str(message_id))

    def remember(self, case_id: str, message_id: int, copy_id: int, recorded: bool) -> None:
        """This process made the copy (and whether Redis has recorded it)."""
        self.sent[(case_id, message_id)] = (copy_id, recorded)
        self.sent.move_to_end((case_id, message_id))
        while len(self.sent) > SENT_KEEP:
            self.sent.popitem(last=False)

    def made_here(self, case_id: str, message_id: int) -> tuple[int, bool] | None:
        """(the copy's message id, recorded) if this process made this copy, else None."""
        return self.sent.get((case_id, message_id))
