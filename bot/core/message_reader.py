"""Reading a free-text message once per turn (split from bot/core/text_step.py): the intent,
the triage's decision, a place it names and a typed answer to the human offer. Acting on
what was read is bot/core/text_step.py's job."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial

from bot.checkin.typed_answers import typed_answer
from bot.content.models import Content
from bot.core.assess import Assessor, routed_intent
from bot.core.consent import consent_choice
from bot.core.long_message import part_risk
from bot.core.replies import Replies
from bot.core.session import ConsentQuestion
from bot.core.told_risk import asks_numbers, told_risk
from bot.core.turn import Reading, Turn
from bot.nlu.base import IntentRecognizer, IntentResult

log = logging.getLogger(__name__)

# Telegram allows 4,096 characters; the classifier sees the head, the danger phrases all of it.
CLASSIFY_CHARS = 4000


class MessageReader:
    """`await reader.read(turn)`: a `Reading` of the turn's text, each fact resolved once."""

    def __init__(
        self,
        *,
        recognizer: IntentRecognizer,
        assessor: Callable[[Content], Assessor],
        consent: Mapping[str, str],
        low_confidence: float,
    ) -> None:
        self._recognizer = recognizer
        self._assessor = assessor  # the content's triage (danger phrases and threshold)
        # Typed answers to the human offer, in any language: the labels never change at runtime.
        self._consent = consent
        self._low_confidence = low_confidence

    async def _parse(self, text: str, language: str) -> IntentResult:
        try:
            return await self._recognizer.parse(text, language)
        except Exception as exc:  # the danger-phrase layer must still run when it fails
            # Type only: a recogniser's error message may quote the text it was given.
            log.error("intent recogniser failed (%s)", type(exc).__name__)
            return IntentResult("out_of_scope", 0.0)

    async def read(self, turn: Turn) -> Reading:
        """Everything the decision needs from a message, each fact resolved once."""
        text = turn.event.text or ""
        r, session = turn.r, turn.session
        parsed = await self._parse(text[:CLASSIFY_CHARS], r.lang)
        assessor = self._assessor(r.content)
        decision = assessor.assess(text, parsed)
        parse = partial(self._parse, language=r.lang)
        if not decision.at_risk and asks_numbers(parsed):
            # "меня закрыли в комнате, какой номер полиции?": the risk told, read without the
            # question for a number that hid it from the classifier.
            decision = await told_risk(text[:CLASSIFY_CHARS], parse, assessor) or decision
        if not decision.at_risk:  # a long letter with the danger in one sentence
            # The floor of its parts was read with the message when triage read the same text.
            floor = decision.part_floor if len(text) <= CLASSIFY_CHARS else None
            decision = (
                await part_risk(text[:CLASSIFY_CHARS], parsed, parse, assessor, floor) or decision
            )
        intent = routed_intent(parsed, decision)  # never a risk answer that triage declined
        consent = None
        # "да" typed instead of a button; a forwarded "да" is someone else's, not an answer.
        if isinstance(session.awaiting, ConsentQuestion) and not turn.event.forwarded:
            consent = consent_choice(text, self._consent)
        places = r.places
        return Reading(
            text=text,
            intent=intent,
            decision=decision,
            place=places.find(text) if places is not None else None,
            consent=consent,
            confident=intent.confidence >= self._low_confidence,
        )

    def consent(self, text: str) -> str | None:
        """A typed answer to the human offer ("да", "no thanks"), or None."""
        return consent_choice(text, self._consent)

    def answered_to(self, r: Replies, text: str) -> bool:
        """A text the bot takes as an answer: a typed yes/no to an offer, or a typed answer to
        a check-in ("норм", "усё добра"); as a code word it would raise the alarm whenever
        the person answers, or swallow the answer."""
        if self.consent(text) is not None:
            return True
        checkin = r.content.checkin
        return checkin is not None and typed_answer(text, checkin) is not None

    def danger(self, r: Replies, text: str) -> bool:
        """A danger phrase (the deterministic layer only: nothing goes to a recogniser)."""
        return self._assessor(r.content).assess(text, IntentResult("", 0.0)).at_risk
