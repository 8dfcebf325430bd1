"""What the handoff tells the transport about a person's event or alert: plain data.

The handoff never writes the person's session: it says what it found (`CaseStatus`) and the
transport hands that to the engine, which keeps it in the session under the person's lock.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.events import CaseStatus

# Tells the person where their queued alert stands; run by the transport after its replies.
Tell = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Routed:
    """Where a person's event went: `to_case` when an open case took it (a human answers, not
    the engine); `case` is what the session should say about their case (None: unknown)."""

    to_case: bool
    case: CaseStatus | None = None


@dataclass(frozen=True, slots=True)
class Queued:
    """An alert queued durably: the case it opened or reopened (None when none was, e.g. an
    open case already existed or Redis was down) and how to tell the person (None: say
    nothing, e.g. a silent alarm)."""

    case: CaseStatus | None = None
    tell: Tell | None = None
