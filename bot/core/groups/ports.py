"""What the group desk needs from storage: settings, the reply cap, and counters.

Implemented over Redis in `bot.groups` (with in-memory stand-ins while Redis is away).
"""

from __future__ import annotations

from typing import Literal, Protocol

from bot.core.groups.model import GroupSettings

# "reply": ad warnings and command answers, up to the group's cap per hour; "danger": the
# minimal reply to a danger phrase, with an allowance of its own (three times the cap), so
# a busy hour of ad warnings never silences it.
Lane = Literal["reply", "danger"]


class GroupSettingsStore(Protocol):
    async def load(self, group_key: str) -> GroupSettings:
        """The group's settings (the defaults for a group never configured)."""
        ...

    async def save(self, group_key: str, settings: GroupSettings) -> None: ...

    async def forget(self, group_key: str) -> None:
        """The bot left or was removed: nothing about the group is kept."""
        ...


class GroupLimiter(Protocol):
    async def allow(self, group_key: str, cap: int, lane: Lane) -> bool:
        """Take one public reply from the group's hourly allowance; False when none is left."""
        ...


class GroupCounters(Protocol):
    async def count(self, group_key: str, *names: str) -> None:
        """Add one to each named counter for today, per group and in total."""
        ...
