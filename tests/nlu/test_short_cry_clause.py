"""A short message whose cry is a clause of its own ("no pay, trapped") is a cry: the `alone`
danger phrases (content/danger_phrases.yaml) match as a whole clause of a message of at most
`SHORT_CRY` words, not only as the whole message; longer messages and nuisances are unchanged."""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.base import IntentResult
from tests.helpers.engine import content_triage


@pytest.fixture(scope="module")
def triage() -> Triage:
    return content_triage()


def _calm_result() -> IntentResult:
    return IntentResult(intent="job_offer_check", confidence=0.9)


@pytest.mark.parametrize(
    "text",
    [
        "no pay, trapped",
        "sold a job. trapped",
        "no passport, trapped",
        "фейковая работа, заперта",
        "no papers, held captive",
    ],
)
def test_a_short_cry_after_its_plight_is_a_cry(triage: Triage, text: str) -> None:
    assert triage.assess(text, _calm_result()).at_risk


@pytest.mark.parametrize(
    "text",
    [
        "сосед сверлит стену, помогите",  # a nuisance: the everyday frame lets it off
        "trapped in warsaw, visa?",  # not a clause of its own: a place named with it
        "escape room, how to escape",  # five words: longer than a short cry
    ],
)
def test_a_cry_word_inside_a_clause_or_a_nuisance_is_not(triage: Triage, text: str) -> None:
    assert not triage.assess(text, _calm_result()).at_risk


@pytest.mark.parametrize(
    "text", ["я в Варшаве, помогите", "hello, help", "фэйкавая праца, дапамажыце"]
)
def test_a_bare_call_for_help_beside_a_clause_is_left_to_the_classifier(
    triage: Triage, text: str
) -> None:
    # inside an open case such a message must add no new sign (tests/deploy/test_replicas.py)
    assert not triage.assess(text, _calm_result()).by_phrase
