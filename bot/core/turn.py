"""One event being handled, and the facts read from a message once per turn."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.assess import Decision
from bot.core.countries import CountryMatch
from bot.core.events import IncomingEvent, Reply, Response
from bot.core.replies import Replies
from bot.core.session import Session
from bot.nlu.base import IntentResult

# A message of at most this many words that names a country is saying where ("Казахстан").
SHORT_WORDS = 3


@dataclass(slots=True)
class Turn:
    """One event being handled: who, their session, the reply builder and what goes back."""

    event: IncomingEvent
    session: Session
    r: Replies
    response: Response = field(default_factory=Response)

    @property
    def replies(self) -> list[Reply]:
        return self.response.replies


@dataclass(frozen=True, slots=True)
class Reading:
    """What one free-text message says, resolved once before any decision is taken.

    `place` is the country the message names (any country, with or without a page); `consent`
    is a typed answer to the human offer ("да", "no thanks") or None.
    """

    text: str
    intent: IntentResult
    decision: Decision
    place: CountryMatch | None
    consent: str | None
    confident: bool

    @property
    def short(self) -> bool:
        return len(self.text.split()) <= SHORT_WORDS
