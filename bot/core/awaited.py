"""Whose is a typed text while a case is open: the step that just asked for it, or the case.

A person with an open case can still start a step that asks them to type something: the code
word (/codeword), an ad to check (/checkad), a check-in setup question (/checkin). The answer
belongs to that step, not to the operators: relayed, the code word would be shown to them as a
message and never saved, and the ad passed on instead of checked ("I don't keep the ad's text").
So the transport asks the engine first (`DialogueEngine.answers_before_case`), and the engine
asks each step that can wait for typed input; the step awaiting input decides.

A danger phrase is never a step's answer (except an ad pasted on request that contains one, as
without a case): the step ends, and the message goes to the case, where the danger-phrase layer
marks it ⚠️ and escalates it, and, while nobody has taken the case, the phone gets the numbers
at once (bot/handoff/relay.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.content.models import Content
from bot.core.session import Session


class AwaitsText(Protocol):
    """A step that can ask the person to type something."""

    def takes(self, session: Session, text: str, content: Content, *,
              danger: bool) -> bool | None:
        """None when this step is not waiting; else whether `text` is its answer (`danger`:
        the text holds a danger phrase)."""
        ...


def awaited_step_takes(steps: Sequence[AwaitsText], session: Session, text: str,
                       content: Content, *, danger: bool) -> bool | None:
    """None when no step waits for typed input; else whether the waiting step takes `text`."""
    for step in steps:
        verdict = step.takes(session, text, content, danger=danger)
        if verdict is not None:
            return verdict
    return None
