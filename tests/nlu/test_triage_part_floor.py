"""A long message's let-off frames are read once (round 19): triage's decision on the message
carries the threshold its parts must reach (`TriageDecision.part_floor`), which the bot's
message reader passes to `bot.core.long_message.part_risk` instead of reading the message again
(`Triage.message_threshold`). The same long letters decide as before: the danger in one
sentence is caught, a story that is over is read whole only.
"""

from __future__ import annotations

import math

import pytest

from bot.core.long_message import part_risk
from bot.core.triage import Triage, TriageDecision
from bot.nlu.base import IntentResult
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from tests.nlu.test_triage_kinds17 import LONG_AT_RISK, LONG_CALM

# Over, told from home ("летась ... цяпер я дома, куды пісаць?"): no part is a report.
OVER_FROM_HOME = (
    "Добры дзень. Летась мяне трымалі на ферме пад Варшавай, не выпускалі і не плацілі тры "
    "месяцы, забралі пашпарт. Цяпер я дома, усё скончылася, мне нічога не пагражае. Хачу, каб "
    "іх пакаралі, каб з іншымі так не рабілі. Куды пісаць заяву і ці можна гэта зрабіць з "
    "Беларусі?"
)


async def _as_the_bot_reads(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    """The decision as bot.core.message_reader makes it: the message, then its parts with the
    floor the message's decision carries."""
    language = detect_language(text)
    whole = await model.parse(text, language)
    decision = triage.assess(text, whole)
    if decision.at_risk:
        return decision
    assert decision.part_floor == triage.message_threshold(text)
    by_part = await part_risk(
        text, whole, lambda part: model.parse(part, language), triage, decision.part_floor
    )
    return by_part if isinstance(by_part, TriageDecision) else decision


@pytest.mark.parametrize("text", LONG_AT_RISK)
async def test_the_danger_in_one_sentence_is_caught(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert (await _as_the_bot_reads(triage, model, text)).at_risk


@pytest.mark.parametrize("text", [*LONG_CALM, OVER_FROM_HOME])
async def test_a_calm_letter_stays_calm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not (await _as_the_bot_reads(triage, model, text)).at_risk


def test_a_story_over_told_from_home_is_read_whole_only(triage: Triage) -> None:
    decision = triage.assess(OVER_FROM_HOME, IntentResult("", 0.0))
    assert not decision.at_risk
    assert decision.part_floor == math.inf == triage.message_threshold(OVER_FROM_HOME)
