"""Triage on the look-alike tables of issue 10's rounds, both sides of every kind.

Each round's module (test_triage_lookalikes2/3/4/6/7/12/16/16b/17/17b.py) holds two tables of kinds:
NOT_AN_ALARM (benign for the writer, full of risk words) and STILL_AT_RISK (the same words,
happening to the writer now), with its own danger-phrase rule tests. The triage of every line
is checked here, once, over all these rounds.

Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage, TriageDecision
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from tests.nlu import test_triage_lookalikes2 as round2
from tests.nlu import test_triage_lookalikes3 as round3
from tests.nlu import test_triage_lookalikes4 as round4
from tests.nlu import test_triage_lookalikes6 as round6
from tests.nlu import test_triage_lookalikes7 as round7
from tests.nlu import test_triage_lookalikes12 as round12
from tests.nlu import test_triage_lookalikes16 as round16
from tests.nlu import test_triage_lookalikes16b as round16b
from tests.nlu import test_triage_lookalikes17 as round17
from tests.nlu import test_triage_lookalikes17b as round17b

ROUNDS = {"round2": round2, "round3": round3, "round4": round4, "round6": round6, "round7": round7,
          "round12": round12, "round16": round16, "round16b": round16b,
          "round17": round17, "round17b": round17b}  # fmt: skip


def _assess(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    return triage.assess(text, model.parse_sync(text, detect_language(text)))


def _rows(table_name: str) -> list[pytest.ParameterSet]:
    return [
        pytest.param(kind, text, id=f"{name}-{kind}-{n}")
        for name, module in ROUNDS.items()
        for kind, texts in getattr(module, table_name).items()
        for n, text in enumerate(texts)
    ]


@pytest.mark.parametrize(("kind", "text"), _rows("NOT_AN_ALARM"))
def test_a_lookalike_is_not_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert not decision.at_risk, (kind, text, decision)


@pytest.mark.parametrize(("kind", "text"), _rows("STILL_AT_RISK"))
def test_the_same_words_as_a_real_risk_are_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk, (kind, text, decision)
