"""The outbox: what an update's answer still has to do, kept in Redis until it is done.

When the engine has handled a person's update, its replies (plain text and buttons, in order),
the operator alerts it asked for and a /hide notice are written to `smb:outbox:<user_key>`
(a hash, field `<update_id>`) in the same MULTI/EXEC as the person's session: either both or
neither. Then the alerts are queued (mark `<update_id>:q`), each reply is marked as started
and as sent (`<update_id>:at`: 2i+1 while reply i is being sent, 2i+2 once it is), and at the
end the entry becomes a small "done" stub.

A replica that takes up a dead one's inbox entry (bot/adapters/telegram/inbox.py) reads the
entry instead of running the engine again (which would advance the session twice): the rest
is sent; an update that has no entry was not answered yet and is handled afresh; a stub means
it was done. The one Bot API call that may have been in flight at the kill (started, not
marked sent) is sent again: the only possible double, counted as
`smb_outbox{event="possible_repeat"}` (docs/DEPLOY.md).

Privacy: the entry holds reply texts to a person while they are sent (normally for a second);
it expires after `OUTBOX_TTL` whatever happens, lives under the person's key prefix and
`/delete` erases it (`USER_KEY_KINDS`); it is never logged. The done stubs hold an update id
and a time, no text, and go with the hash.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline
from redis.exceptions import RedisError

from bot.adapters.telegram.inbox import INBOX_TTL
from bot.core.events import (
    Button,
    DeleteTyped,
    EraseUserData,
    HideChat,
    OperatorAlert,
    Reply,
    Response,
)
from bot.core.session import Session
from bot.storage.health import RedisHealth
from bot.storage.keys import UserKey
from bot.storage.redis import Staged

log = logging.getLogger(__name__)

# As long as an inbox entry may wait to be taken up: its stub must still say "done" then.
OUTBOX_TTL = INBOX_TTL
DONE: Literal["done"] = "done"

# Mark the update done (its stub keeps a replica that takes up the inbox entry from answering
# again), drop its marks and stubs older than the TTL, keep the hash expiring.
_FINISH = """
redis.call('HDEL', KEYS[1], ARGV[1] .. ':q', ARGV[1] .. ':at')
redis.call('HSET', KEYS[1], ARGV[1], 'done:' .. ARGV[2])
local all = redis.call('HGETALL', KEYS[1])
local oldest = tonumber(ARGV[2]) - tonumber(ARGV[3])
for i = 1, #all, 2 do
  local v = all[i + 1]
  if string.sub(v, 1, 5) == 'done:' and tonumber(string.sub(v, 6)) < oldest then
    redis.call('HDEL', KEYS[1], all[i])
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""


@dataclass(slots=True)
class Plan:
    """What an update's answer does, in order: alerts queued, replies sent, the /hide."""

    chat_id: int
    replies: list[Reply]
    alerts: list[OperatorAlert] = field(default_factory=list)
    hide: str | None = None  # the /hide notice (recent messages deleted first)
    erase: list[str] = field(default_factory=list)  # user keys to erase (never stored)
    queued: bool = False  # the alerts are queued
    at: int = 0  # 2i+1: reply i started, 2i+2: reply i sent
    # The person's message to delete before the first reply (a new code word); done again
    # when taken up before any reply went (Telegram then answers "not found": it is gone).
    typed: DeleteTyped | None = None

    @classmethod
    def of(cls, chat_id: int, replies: list[Reply], response: Response) -> Plan:
        plan = cls(chat_id, replies)
        for effect in response.effects:
            if isinstance(effect, OperatorAlert):
                plan.alerts.append(effect)
            elif isinstance(effect, EraseUserData):
                plan.erase.append(effect.user_key)
            elif isinstance(effect, HideChat):
                plan.hide = effect.notice
            elif isinstance(effect, DeleteTyped):
                plan.typed = effect
        return plan

    def dump(self) -> str:
        return json.dumps({
            "chat": self.chat_id,
            "replies": [{"text": r.text, "buttons": [[dataclasses.asdict(b) for b in row]
                                                     for row in r.buttons]}
                        for r in self.replies],
            "alerts": [dataclasses.asdict(a) for a in self.alerts],
            "hide": self.hide,
            "typed": dataclasses.asdict(self.typed) if self.typed else None,
        }, ensure_ascii=False)

    @classmethod
    def load(cls, raw: str | bytes, queued: Any, at: Any) -> Plan:
        data = json.loads(raw)
        replies = [Reply(r["text"], [[Button(**b) for b in row] for row in r["buttons"]])
                   for r in data["replies"]]
        alerts = [OperatorAlert(**{**a, "indicators": tuple(a["indicators"]),
                                   "summary": tuple(a["summary"])}) for a in data["alerts"]]
        typed = DeleteTyped(**data["typed"]) if data.get("typed") else None
        return cls(int(data["chat"]), replies, alerts, data.get("hide"),
                   queued=queued is not None, at=int(at or 0), typed=typed)


class Sessions(Protocol):
    """A session store that can write more in the same MULTI/EXEC (bot/storage/fallback.py)."""

    async def save(self, user_key: str, session: Session, *, also: Staged | None = None
                   ) -> None: ...


class RedisOutbox:
    """`Plan`s in Redis, written with the session; marks as they are carried out."""

    def __init__(self, redis: Redis, sessions: Sessions, health: RedisHealth) -> None:
        self._redis = redis
        self._sessions = sessions
        self._health = health
        self._finish = redis.register_script(_FINISH)

    async def commit(self, user_key: str, update_id: int, session: Session | None,
                     plan: Plan) -> bool:
        """Save the session (if any) and the plan in one MULTI/EXEC; True when the plan is in
        Redis. A plan that erases the person is not kept (the erasure may run twice, not
        their texts after it). Raises what the session store raises."""
        key, name = str(UserKey("outbox", user_key)), str(update_id)
        raw = None if plan.erase else plan.dump()

        def stage(pipe: Pipeline) -> None:
            if raw is not None:
                pipe.hset(key, name, raw)
                pipe.expire(key, OUTBOX_TTL)

        if session is not None:
            await self._sessions.save(user_key, session, also=stage)
            return raw is not None and self._health.up  # down: saved to memory, no plan
        if raw is None or not await self._health.available():
            return False
        async with self._redis.pipeline(transaction=True) as pipe:
            stage(pipe)
            await pipe.execute()
        return True

    async def read(self, user_key: str, update_id: int) -> Plan | Literal["done"] | None:
        """The update's plan, DONE, or None when its answer was never committed."""
        key, name = str(UserKey("outbox", user_key)), str(update_id)
        raw, queued, at = await self._redis.hmget(key, [name, f"{name}:q", f"{name}:at"])
        if raw is None:
            return None
        text = raw.decode() if isinstance(raw, bytes) else str(raw)
        if text.startswith("done:"):
            return DONE
        return Plan.load(text, queued, at)

    async def mark(self, user_key: str, update_id: int, *, queued: bool = False,
                   at: int | None = None) -> None:
        """Record progress (`queued`, or `at`); a failure is logged (then a replica taking
        the update up may repeat that step)."""
        name, value = (f"{update_id}:q", 1) if queued else (f"{update_id}:at", at or 0)
        try:
            await self._redis.hset(str(UserKey("outbox", user_key)), name, value)
        except (RedisError, OSError) as exc:
            log.warning("outbox mark not written: %s", type(exc).__name__)

    async def finish(self, user_key: str, update_id: int) -> None:
        """The update's answer is done: its texts go, a stub says so."""
        try:
            await self._finish(keys=[str(UserKey("outbox", user_key))],
                               args=[str(update_id), int(time.time()), OUTBOX_TTL])
        except (RedisError, OSError) as exc:
            log.warning("outbox not finished: %s", type(exc).__name__)
