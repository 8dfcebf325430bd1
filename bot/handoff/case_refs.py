"""Maps from the operators' side back to a case: a forum topic, or the alert and relayed
messages an operator replies to (reply mode). Keys expire with the case."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.storage.keys import global_key


def _ref_key(chat_id: int, message_id: int) -> str:
    return global_key("handoff", "ref", str(chat_id), str(message_id))


def _topic_key(chat_id: int, thread_id: int) -> str:
    return global_key("handoff", "topic", str(chat_id), str(thread_id))


class CaseRefs:
    """Which case an operator's message belongs to; `ttl_seconds` as the case's."""

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def link_messages(self, chat_id: int, message_ids: list[int], case_id: str) -> None:
        """Replies to these operator-side messages belong to the case (reply mode)."""
        if not message_ids:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            for message_id in message_ids:
                pipe.set(_ref_key(chat_id, message_id), case_id, ex=self._ttl)
            await pipe.execute()

    async def link_topic(self, chat_id: int, thread_id: int, case_id: str) -> None:
        await self._redis.set(_topic_key(chat_id, thread_id), case_id, ex=self._ttl)

    async def case_for(
        self, chat_id: int, thread_id: int | None, reply_to: int | None
    ) -> str | None:
        """The case an operator's message belongs to: its topic, else the message it replies to."""
        if thread_id:
            found = await self._redis.get(_topic_key(chat_id, thread_id))
            if found:
                return str(found)
        if reply_to:
            found = await self._redis.get(_ref_key(chat_id, reply_to))
            if found:
                return str(found)
        return None
