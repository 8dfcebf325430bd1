"""The operators' chat as the running process knows it: its id (which Telegram may change when a
group becomes a supergroup) and whether it took the last post (shared by replicas via Redis)."""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.metrics import Metrics
from bot.storage.keys import global_key

log = logging.getLogger(__name__)

REACHABLE = global_key("handoff", "ops", "reachable")  # "1" or "0": the last post's result
REACHABLE_TTL = 24 * 3600  # a day without any post: nothing known, assume reachable again


class OperatorsChat:
    """OPERATOR_CHAT_ID, followed when Telegram says it moved; reachability at the last post."""

    def __init__(self, chat_id: int | None, redis: Redis, metrics: Metrics | None = None) -> None:
        self.id = chat_id
        self.configured = chat_id  # OPERATOR_CHAT_ID as set (the id may move)
        self._redis = redis
        self._metrics = metrics
        self._reachable = True  # what this process saw last, when Redis cannot say
        self._checked = False  # the start-up check or a post has told us something
        self._why = ""  # the last refusal's kind (failures.Refusal name), for /readyz

    def migrate(self, new_id: int) -> None:
        """Telegram said the group became a supergroup: use the new id from now on."""
        if new_id == self.id:
            return
        # Loud: the setting is wrong and a restart would go back to the dead id.
        log.critical("OPERATOR_CHAT_ID %s was upgraded to a supergroup with id %s: set "
                     "OPERATOR_CHAT_ID=%s (this process uses the new id until it stops)",
                     self.id, new_id, new_id)
        self.id = new_id

    def is_it(self, chat_id: int) -> bool:
        """Whether an update's chat is the operators' chat (its current id)."""
        return self.id is not None and chat_id == self.id

    async def mark(self, reachable: bool, *, quiet: bool = False, why: str = "") -> None:
        """Record the result of the last post in the operators' chat (`why`: the refusal).

        `quiet`: do not log the change (the start-up check says it in its one ConfigError line).
        """
        if reachable != self._reachable and not quiet:
            log.log(logging.INFO if reachable else logging.ERROR,
                    "operators' chat %s", "reachable again" if reachable else "unreachable")
        self._reachable, self._checked, self._why = reachable, True, why
        if self._metrics is not None:
            self._metrics.operators_chat_reachable.set(1 if reachable else 0)
        try:
            await self._redis.set(REACHABLE, "1" if reachable else "0", ex=REACHABLE_TTL)
        except (RedisError, OSError):
            pass  # this process still knows; other replicas learn on their own next post

    async def status(self) -> str | None:
        """For /readyz, from what is known (never a Bot API call): None when the start-up
        check or the last post (by any replica) went through, else a short reason.

        Also brings this process's `smb_operators_chat_reachable` up to date with what
        another replica saw since (each probe reads the shared state once).
        """
        if self.id is None:
            return "not configured"
        try:
            shared = await self._redis.get(REACHABLE)
        except (RedisError, OSError):
            shared = None
        if not self._checked and shared is None:
            return "not checked"  # Telegram did not answer the start-up check: no post yet
        reachable = self._reachable if shared is None else str(shared) == "1"
        if self._metrics is not None:
            self._metrics.operators_chat_reachable.set(1 if reachable else 0)
        if not reachable:
            return f"unreachable ({self._why})" if self._why and not self._reachable \
                else "unreachable"
        if self.id != self.configured:
            return f"moved to {self.id}: set OPERATOR_CHAT_ID"
        return None

    async def reachable(self) -> bool:
        """Whether the last post in the operators' chat (by any replica) went through."""
        try:
            value = await self._redis.get(REACHABLE)
        except (RedisError, OSError):
            return self._reachable
        return self._reachable if value is None else str(value) == "1"
