"""What the bot remembers about one person between messages."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, Field


def _now() -> datetime:
    return datetime.now(UTC)


class FlowState(BaseModel):
    """Progress through a questionnaire flow (job-offer check, situation self-check)."""

    flow_id: str
    step: int = 0
    answers: dict[str, str] = Field(default_factory=dict)  # question id -> answer id


class Session(BaseModel):
    """One person's dialogue state. Serialised as JSON; holds no message text."""

    language: str | None = None
    language_chosen: bool = False  # an explicit choice wins over detection
    country: str | None = None  # a country id from content/countries.yaml
    flow: FlowState | None = None
    awaiting: str | None = None  # what the next free text answers, e.g. "country"
    at_risk: bool = False
    risk_indicators: list[str] = Field(default_factory=list)
    handoff_case: str | None = None  # set while a human operator has this person's case
    onboarded: bool = False
    # The silent alarm's code word, as a keyed hash only (bot/core/silent_alarm.py).
    alarm_hash: str | None = None
    alarm_in_sentence: bool = False  # the word counts inside a longer message too
    created_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)
