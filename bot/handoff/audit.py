"""The audit trail of operator actions: who, which case, what, when; never any message text."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from bot.storage.keys import global_key

AUDIT_STREAM = global_key("handoff", "audit")
AUDIT_KEEP = 100_000  # entries; an NGO exports them long before this matters


class Audit:
    """Appends to the `smb:handoff:audit` stream (operator ids are staff, fine to keep)."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def record(self, operator_id: int | str, case_id: str, action: str, *,
                     previous: int | None = None) -> None:
        """One action (take, relay, close, outcome:<x>, refused); 0 is the bot itself.

        `previous`: for a transfer, the operator who had the case (0: nobody yet), stored as
        the entry's `previous` field.
        """
        fields = {"operator": str(operator_id), "case": case_id, "action": action,
                  "at": f"{time.time():.0f}"}
        if previous is not None:
            fields["previous"] = str(previous)
        await self._redis.xadd(AUDIT_STREAM, fields,  # type: ignore[arg-type]
                               maxlen=AUDIT_KEEP, approximate=True)

    async def entries(self, count: int = 100) -> list[dict[str, str]]:
        """The latest entries, newest first."""
        rows = await self._redis.xrevrange(AUDIT_STREAM, count=count)
        return [{str(k): str(v) for k, v in fields.items()} for _, fields in rows or [] if fields]
