"""How far one update's handling got: what is left when it stops short, and the marks on the way.

An answer stops short for a reason that passes (the send budget ran out on a slow or
flood-controlled Telegram, a 5xx) or because its handling overran the handling limit under the
person's lock (`handling_limit.py`). Either way nothing is dropped: what is left is tried again
outside the lock (`rest.py`): the replies still unsent (`Unsent`), or the whole update when it
was cut before its answer was made (`Redo`; the session did not change, so handling it again
answers it once).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from bot.adapters.telegram.outbox import Plan

# Seconds what a handling left is tried for (Telegram's flood control asks for seconds to
# minutes; a person waits for the rest of an answer longer than that).
REST_PATIENCE = 600.0


@dataclass(frozen=True, slots=True)
class Unsent:
    """What an answer still has to send: `plan` with `plan.at` marking the progress (as in the
    outbox), `durable` when the outbox holds it; `retry_after`: seconds Telegram asked to wait
    (429), 0 when it did not say."""

    plan: Plan
    durable: bool
    retry_after: float = 0.0

    @property
    def left(self) -> int:
        """Replies not sent yet (one started and cut counts as unsent)."""
        return len(self.plan.replies) - self.plan.at // 2


@dataclass(frozen=True, slots=True)
class Redo:
    """An update whose handling was cut before its answer was made: handle it again."""


# What a handling leaves to be tried again outside the person's lock.
Left = Unsent | Redo


@dataclass(slots=True)
class Progress:
    """What one handling has done so far, written as it goes (read when it is cut)."""

    plan: Plan | None = None  # the answer, once the engine made it
    durable: bool = False  # the outbox holds `plan`
    queued: bool = False  # its alerts are queued (and an erasure done)
    at: int = 0  # 2i+1: reply i started, 2i+2: reply i sent (as `Plan.at`)
    hidden: bool = False  # its /hide is carried out

    def left(self) -> Left:
        """What is left of the handling, had it stopped here."""
        if self.plan is None:
            return Redo()
        plan = dataclasses.replace(self.plan, queued=self.plan.queued or self.queued,
                                   at=max(self.plan.at, self.at),
                                   hide=None if self.hidden else self.plan.hide)
        return Unsent(plan, durable=self.durable)
