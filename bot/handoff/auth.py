"""Who may act as an operator: the ids in OPERATOR_IDS, or members of the operators' chat."""

from __future__ import annotations

import logging
import time
from typing import Protocol, runtime_checkable

from bot.handoff.failures import Call, decide
from bot.handoff.opschat import OperatorsChat

log = logging.getLogger(__name__)

MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "owner"})
CACHE_SECONDS = 60.0  # someone removed from the chat loses access within a minute


@runtime_checkable
class MemberLookup(Protocol):
    """getChatMember through the adapter: the member's status string ("member", "left", ...)."""

    async def member_status(self, chat_id: int, user_id: int) -> str: ...


class OperatorAuth:
    """Allow listed ids at once; others only while getChatMember says they are in the chat."""

    def __init__(self, chat: OperatorsChat, operator_ids: frozenset[int],
                 lookup: MemberLookup | None) -> None:
        self._chat = chat  # its id may change (a group upgraded to a supergroup)
        self._ids = operator_ids
        self._lookup = lookup
        self._cache: dict[int, tuple[float, bool]] = {}

    async def allowed(self, user_id: int | None) -> bool:
        """Whether this Telegram user may press operator buttons or write to a person."""
        if user_id is None:
            return False
        if user_id in self._ids:
            return True
        chat_id = self._chat.id
        if chat_id is None or self._lookup is None:
            return False
        cached = self._cache.get(user_id)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        try:
            status = await self._lookup.member_status(chat_id, user_id)
        except Exception as exc:
            # Unknown is "no": refusing an operator for a minute is safer than letting anyone in.
            log.warning("getChatMember failed (%s): refusing for now",
                        decide(Call.MEMBER_CHECK, exc).name)
            return False
        allowed = status.lower().rsplit(".", 1)[-1] in MEMBER_STATUSES
        if len(self._cache) > 1000:
            self._cache.clear()
        self._cache[user_id] = (time.monotonic() + CACHE_SECONDS, allowed)
        return allowed
