"""A fee word with its sum a few words on (bot/core/adsums.py, ad33d): the rule quotes the ad
from the fee word to the sum, and lets the two go when they are too far apart, when another
figure stands between them or when the sum is a rate. The kinds, both sides, in ru, be and en,
are tests/data/adcheck_kinds/ad33d.yaml."""

from __future__ import annotations

import pytest

from bot.core.adcheck import AdChecker


def _fee_quotes(checker: AdChecker, text: str) -> list[str]:
    return [text[s.start : s.end] for found in checker.check(text).flags
            if found.rule.id == "fees" for s in found.spans]


@pytest.mark.parametrize(("text", "quote"), [
    ("Склад в Литве. Регистрация у нашего координатора 110 €. Выезд в среду.",
     "Регистрация у нашего координатора 110 €"),
    ("Рэгістрацыя ў нашым офісе: EUR 85. Выезд у сераду.", "Рэгістрацыя ў нашым офісе: EUR 85"),
    ("Warehouse in Latvia. Registration at our partner office: € 75. Start on Monday.",
     "Registration at our partner office: € 75"),
    # ad34b: a comma or a dash right before the sum still joins them
    ("Склад в Литве. Оформление медицинской справки, 95 €. Выезд в среду.",
     "Оформление медицинской справки, 95 €"),
    ("Invitation letter from your employer — EUR 240. Start on Monday.",
     "Invitation letter from your employer — EUR 240"),
])
def test_the_quote_runs_from_the_fee_word_to_its_sum(
    rules_only_ad_checker: AdChecker, text: str, quote: str,
) -> None:
    assert _fee_quotes(rules_only_ad_checker, text) == [quote]


@pytest.mark.parametrize("text", [
    # more than five words between: no longer one phrase
    "Регистрация в нашем новом большом офисе рядом с вокзалом 150 €.",
    "Registration takes place in our big new office near the station 150 €.",
    # another figure between: the sum is the hours' or the days'
    "Регистрация за 2 дня, проживание рядом; 150 € в неделю.",
    "Консультация 2 раза в неделю, 1800 € брутто.",
    # a comma inside the phrase: another item of a list
    "Регистрация, уборка территории рядом 150 €.",
    # the employer named as the payer
    "Приглашение оплачивает работодатель 250 €.",
    "Invitation letter paid by the employer 250 EUR.",
    # a rate, not a price
    "Рэгістрацыя ў агенцтве 14 еўра ў гадзіну.",
    "Sign-up at the farm office EUR 12 an hour.",
])
def test_a_sum_far_from_the_word_or_a_rate_is_no_fee(
    rules_only_ad_checker: AdChecker, text: str,
) -> None:
    assert _fee_quotes(rules_only_ad_checker, text) == []
