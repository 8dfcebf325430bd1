"""What the engine needs from safety triage (implemented by `bot.core.triage.Triage`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from bot.content.models import Content
from bot.nlu.base import IntentResult


class Decision(Protocol):
    """Triage's verdict on one message."""

    @property
    def at_risk(self) -> bool: ...

    @property
    def indicators(self) -> Sequence[str]: ...

    @property
    def by_phrase(self) -> bool: ...


class Assessor(Protocol):
    """Runs the danger-phrase layer and the classifier's verdict on every message."""

    def assess(self, text: str, intent: IntentResult) -> Decision: ...


# The engine takes a factory that builds the Assessor from the current content (so that edited
# danger phrases apply after a content reload).
TriageSource = Callable[[Content], Assessor]
