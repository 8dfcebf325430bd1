"""Whether a text in an open case asks for a person ("can I talk to a person?", "дайце
чалавека"): the open case relays every text to the team, and the person who typed their ask
instead of pressing *Talk to a person* should hear the same short "we have your request".

Read by the engine's recogniser, strictly (a confident `human_operator`, a short message, no
danger phrase): a story that mentions a person ("мой работодатель — человек жестокий") is the
team's to read, with no reply from the bot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.content.models import Content
from bot.core.assess import Assessor
from bot.nlu.base import IntentRecognizer, IntentResult

log = logging.getLogger(__name__)

INTENT = "human_operator"
CONFIDENCE = 0.8  # above the engine's low_confidence: only a plain ask, never a guess
MOST_WORDS = 12  # a longer message is a story told to the team, not an ask


class PersonAsk:
    """`await asks(text, language)`: whether the text is an ask for a person."""

    def __init__(self, recognizer: IntentRecognizer, assessor: Callable[[], Assessor]) -> None:
        self._recognizer = recognizer
        self._assessor = assessor  # the triage of the content in use (danger phrases)

    async def asks(self, text: str, language: str) -> bool:
        if not text or len(text.split()) > MOST_WORDS:
            return False
        if self._assessor().assess(text, IntentResult("", 0.0)).at_risk:
            return False  # a danger phrase: the relay answers it with the numbers
        try:
            parsed = await self._recognizer.parse(text, language)
        except Exception as exc:  # the text is relayed all the same
            log.error("intent recogniser failed (%s)", type(exc).__name__)
            return False
        return parsed.intent == INTENT and parsed.confidence >= CONFIDENCE


def person_ask(recognizer: IntentRecognizer, assessor: Callable[[Content], Assessor],
               content: Callable[[], Content]) -> PersonAsk:
    """A PersonAsk over the content in use (read per ask: reloads apply)."""
    return PersonAsk(recognizer, lambda: assessor(content()))
