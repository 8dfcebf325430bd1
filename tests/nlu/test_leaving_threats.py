"""A threat for leaving said as a condition ("если сбегу — найдёт маму") is a threat, in ru, be,
en and translit; a question about leaving a job asked in advance is not
(content/danger_phrases.yaml, "a threat for leaving")."""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.base import IntentResult
from tests.helpers.engine import content_triage


@pytest.fixture(scope="module")
def triage() -> Triage:
    return content_triage()


def _calm() -> IntentResult:
    return IntentResult(intent="contract_advice", confidence=0.9)


@pytest.mark.parametrize(
    "text",
    [
        "хозяйка сказала: если сбегу, найдёт маму",
        "сказали, если уйдёшь, найдём твою семью",
        "esli sbegu, najdet mamu",
        "калі ўцяку, ён знойдзе маму",
        "сказаў, знойдзем тваю сям'ю, калі паскардзішся",
        "he said if I run away he will find my mom",
        "if you leave we will find your family",
    ],
)
def test_a_threat_for_leaving_is_a_threat(triage: Triage, text: str) -> None:
    decision = triage.assess(text, _calm())
    assert decision.at_risk and "risk_violence_threats" in decision.indicators


@pytest.mark.parametrize(
    "text",
    [
        "если уйду с этой работы раньше, агентство найдёт мне другую?",
        "калі сыду, ці знойдзе агенцтва новую працу?",
        "помогите найти маму в списках пассажиров",
    ],
)
def test_leaving_asked_about_is_not_a_threat(triage: Triage, text: str) -> None:
    assert not triage.assess(text, _calm()).by_phrase
