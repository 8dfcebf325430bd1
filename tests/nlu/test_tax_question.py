"""Pay explained by taxes is a contract question, not wages withheld (bot.nlu.everyday
`tax_question`): the model reads wages withheld from the pay words alone (set 11's "брутто от
нетто" came back as an alarm after round 17's training lines). Its other side: pay not paid,
for months, or with a coercive means named stays at risk. ("на руки меньше, чем в договоре"
is a danger phrase on purpose: less pay than the contract says is itself a warning sign.)"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import assess

TAX_QUESTIONS = [
    "чем отличается брутто от нетто в чешском договоре,мне сказали 40тыс крон а на руки меньше??",
    "на рукі менш, чым брутта ў кантракце, гэта падаткі?",
    "why is my net pay lower than the gross in my contract, is it tax?",
]
STILL_AT_RISK = [
    "не платят уже три месяца, а в договоре брутто 4000",
    "брутто в договоре 5000, но не заплатили ничего и паспорт забрали",
    "they haven't paid us since march, contract says gross 3000, they keep our passports",
]


@pytest.mark.parametrize("text", TAX_QUESTIONS)
def test_pay_explained_by_taxes_is_no_alarm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not assess(triage, model, text).at_risk, text


@pytest.mark.parametrize("text", STILL_AT_RISK)
def test_pay_not_paid_is_still_at_risk(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert assess(triage, model, text).at_risk, text
