"""The interface every intent recogniser implements (embedded model, Rasa, failover)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

RISK_INTENTS: frozenset[str] = frozenset(
    {
        "risk_documents_withheld",
        "risk_movement_restricted",
        "risk_debt_bondage",
        "risk_violence_threats",
        "risk_wages_withheld",
        "risk_deceptive_job",
        "emergency_now",
    }
)
ADVICE_INTENTS: frozenset[str] = frozenset(
    {
        "job_offer_check",
        "legal_work_abroad",
        "contract_advice",
        "travel_safety_plan",
        "stranded_abroad",
        "report_case",
        "hotline_request",
        "human_operator",
    }
)
SERVICE_INTENTS: frozenset[str] = frozenset(
    {
        "greet",
        "goodbye_thanks",
        "bot_capabilities",
        "privacy_delete",
        "change_language",
        "out_of_scope",
    }
)
ALL_INTENTS: frozenset[str] = RISK_INTENTS | ADVICE_INTENTS | SERVICE_INTENTS
LANGUAGES: tuple[str, ...] = ("ru", "be", "en")


@dataclass(frozen=True, slots=True)
class IntentResult:
    """The recogniser's answer for one utterance."""

    intent: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = field(default=())  # best first, including `intent`
    backend: str = "embedded"


@runtime_checkable
class IntentRecognizer(Protocol):
    """Classifies one utterance into the intent taxonomy."""

    async def parse(self, text: str, language: str | None = None) -> IntentResult: ...

    async def aclose(self) -> None: ...
