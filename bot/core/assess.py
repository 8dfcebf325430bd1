"""What the engine needs from safety triage (implemented by `bot.core.triage.Triage`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from bot.content.models import Content
from bot.nlu.base import RISK_INTENTS, IntentResult


class Decision(Protocol):
    """Triage's verdict on one message."""

    @property
    def at_risk(self) -> bool: ...

    @property
    def indicators(self) -> Sequence[str]: ...

    @property
    def by_phrase(self) -> bool: ...

    @property
    def part_floor(self) -> float | None:
        """The message's `Assessor.message_threshold`, read with it; None: not read."""
        ...


class Assessor(Protocol):
    """Runs the danger-phrase layer and the classifier's verdict on every message."""

    def assess(self, text: str, intent: IntentResult) -> Decision: ...

    def message_threshold(self, message: str) -> float:
        """The least risk evidence a part of long `message` must show under the whole message's
        let-off frames; inf when the message is read whole only (bot.core.long_message)."""
        ...

    def assess_part(self, part: str, intent: IntentResult, floor: float) -> Decision:
        """The classifier's verdict on one part of a long message, with `floor` the message's
        `message_threshold` (bot.core.long_message)."""
        ...


# The engine takes a factory that builds the Assessor from the current content (so that edited
# danger phrases apply after a content reload).
TriageSource = Callable[[Content], Assessor]


def routed_intent(intent: IntentResult, decision: Decision) -> IntentResult:
    """The intent to answer a message with, agreeing with triage.

    Triage decides the at-risk path (a danger phrase can fire while the classifier's top intent
    is advice, and a negated or hypothetical risk can be the classifier's top intent while
    triage says not at risk). Whatever routes on the intent after triage must not open the
    risk path that triage declined: a risk intent without an at-risk decision becomes the best
    non-risk intent of the ranking, with its own confidence (so a weak one shows suggestions).
    """
    if decision.at_risk or intent.intent not in RISK_INTENTS:
        return intent
    ranking = intent.ranking or ((intent.intent, intent.confidence),)
    rest = tuple((name, score) for name, score in ranking if name not in RISK_INTENTS)
    if not rest:
        return IntentResult("out_of_scope", 0.0, (), intent.backend)
    return IntentResult(rest[0][0], rest[0][1], rest, intent.backend)
