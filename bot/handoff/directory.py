"""The operators the bot knows by first name, for handing a case to a colleague.

Operators are staff: their Telegram id and first name may be kept (never a person's). An
operator is known once they have acted in the operators' chat (pressed, written), or listed in
OPERATOR_IDS (then named by id until they act). The list expires when nobody acts for
`KEEP_DAYS` days, so someone who left the NGO drops out by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from bot.storage.keys import global_key

DIRECTORY = global_key("handoff", "operators")  # hash: operator id -> first name
KEEP_DAYS = 30
MAX_NAME = 64  # characters of a first name kept (Telegram allows 64)


@dataclass(frozen=True, slots=True)
class KnownOperator:
    """An operator who can be handed a case: their Telegram id and first name ("" unknown)."""

    id: int
    name: str


class OperatorDirectory:
    """Known operators: OPERATOR_IDS plus whoever has acted in the operators' chat."""

    def __init__(self, redis: Redis, listed: frozenset[int]) -> None:
        self._redis = redis
        self._listed = listed

    async def saw(self, operator_id: int | None, name: str | None) -> None:
        """An authorised operator acted: remember their first name (refreshes the expiry)."""
        if not operator_id or operator_id < 0:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hset(DIRECTORY, str(operator_id), (name or "")[:MAX_NAME])
            pipe.expire(DIRECTORY, KEEP_DAYS * 24 * 3600)
            await pipe.execute()

    async def known(self) -> list[KnownOperator]:
        """Everyone known, by name (unnamed listed ids last, by id)."""
        raw: dict[str, str] = await self._redis.hgetall(DIRECTORY)  # type: ignore[assignment]
        names = {int(k): str(v) for k, v in raw.items() if str(k).lstrip("-").isdigit()}
        for listed in self._listed:
            names.setdefault(listed, "")
        return sorted((KnownOperator(i, n) for i, n in names.items()),
                      key=lambda op: (not op.name, op.name.casefold(), op.id))

    async def find(self, operator_id: int) -> KnownOperator | None:
        return next((op for op in await self.known() if op.id == operator_id), None)

    async def named(self, name: str) -> list[KnownOperator]:
        """Operators whose first name starts with `name` (case-insensitive)."""
        wanted = name.strip().lstrip("@").casefold()
        if not wanted:
            return []
        return [op for op in await self.known() if op.name.casefold().startswith(wanted)]
