"""The audit trail of operator actions: who, which case, what, when; never any message text."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from bot.handoff.cases import CaseStore
from bot.storage.keys import UserKey, global_key

AUDIT_STREAM = global_key("handoff", "audit")
# The stream has no TTL (it is everyone's): it keeps about this many entries, the oldest
# trimmed at each append (approximate: Redis trims whole nodes of 100 entries, so at most 100
# more); an NGO exports them long before this matters. A person's /delete removes the entries
# of their case (`forget_case`): the record of who wrote to them and when is theirs too.
AUDIT_KEEP = 100_000
_SCAN = 1000  # entries read per XRANGE while looking for a case's entries


class Audit:
    """Appends to the `smb:handoff:audit` stream (operator ids are staff, fine to keep)."""

    def __init__(self, redis: Redis, keep: int = AUDIT_KEEP) -> None:
        self._redis = redis
        self._keep = keep

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
                               maxlen=self._keep, approximate=True)

    async def entries(self, count: int = 100) -> list[dict[str, str]]:
        """The latest entries, newest first."""
        rows = await self._redis.xrevrange(AUDIT_STREAM, count=count)
        return [{str(k): str(v) for k, v in fields.items()} for _, fields in rows or [] if fields]

    async def forget_case(self, case_id: str) -> int:
        """Delete every entry of the case (its person erased); returns how many.

        Reads the whole stream in pages of 1,000 (at most `keep` entries: about 100 round
        trips for a full stream, for a rare command).
        """
        start, dropped = "-", 0
        while True:
            rows = await self._redis.xrange(AUDIT_STREAM, min=start, count=_SCAN)
            if not rows:
                return dropped
            ids = [str(entry_id) for entry_id, fields in rows
                   if fields and fields.get("case") == case_id]
            if ids:
                dropped += int(await self._redis.xdel(AUDIT_STREAM, *ids))
            start = f"({rows[-1][0]!s}"  # exclusive: after the last entry read


async def last_case_of(cases: CaseStore, user_key: str) -> str | None:
    """The person's case link (open, or closed within the reopen window); read it before an
    erasure, which drops it."""
    case_id = await cases.redis.get(str(UserKey("case", user_key)))
    return str(case_id) if case_id else None


async def forget_erased_case(audit: Audit, cases: CaseStore, case_id: str | None) -> None:
    """After /delete or `erase`: the audit entries of the person's last case go with them.
    Not while the case stays open under a silent alarm (bot/handoff/erased.py): the team still
    works on it, and it no longer leads to the person."""
    if not case_id:
        return
    case = await cases.get(case_id)
    if case is None or case.state == "closed":
        await audit.forget_case(case_id)
