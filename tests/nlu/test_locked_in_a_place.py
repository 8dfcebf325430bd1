"""Belarusian "зачынілі ў <a place>" is a person locked in, as Russian "заперли в" (issue 10).

The ninth held-out set's three-word "зачынілі ў кватэры" was missed once keys locked in a flat
had become training data (lookalike4.yml): the model alone read the bare phrase as everyday.
The place named makes it a danger phrase; shops closing at eight and keys locked in stay calm.
Real content, the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer


@pytest.mark.parametrize(
    "text",
    [
        "зачынілі ў кватэры",
        "нас зачынілі ў інтэрнаце і не выпускаюць",
        "мяне зачынілі ў доме гаспадара",
        "зачынілі ў вагончыку на будоўлі",
        "дапамажыце, зачынілі ў падвале",
    ],
)
def test_locked_in_a_named_place_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert triage.assess(text, model.parse_sync(text)).at_risk


@pytest.mark.parametrize(
    "text",
    [
        "краму зачынілі ў восем, дзе купіць сім-картку?",
        "я зачыніла ключы ў кватэры, што рабіць?",
        "офіс агенцтва зачынілі ў пятніцу, калі адкрыюць?",
    ],
)
def test_closing_time_and_keys_are_not(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not triage.assess(text, model.parse_sync(text)).at_risk
