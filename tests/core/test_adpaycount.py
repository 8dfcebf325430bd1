"""Pay for a count of periods (bot/core/adpaycount.py, ad33e): the figure over the count is
compared with that period's limit, and a bare figure beside a cost is no pay
(bot/core/adpay.py). The kinds, both sides, in ru, be and en, are
tests/data/adcheck_kinds/ad33e.yaml."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adpay import PayFinder
from bot.core.adpaycount import PayCount, PayCounts
from bot.core.adtext import normalize


@pytest.fixture(scope="module")
def pay(content_holder: ContentHolder) -> PayFinder:
    rules = content_holder.content.ad_check
    assert rules is not None
    return PayFinder(rules.salary)


@pytest.fixture(scope="module")
def counts(content_holder: ContentHolder) -> PayCounts:
    rules = content_holder.content.ad_check
    assert rules is not None
    return PayCounts(rules.salary)


@pytest.mark.parametrize(("text", "figure", "count"), [
    ("3 600 € за 20 смен", "3 600 €", PayCount("day", 20)),
    ("3 600 € на руки за 20 смен", "3 600 €", PayCount("day", 20)),
    ("4 000 € за 24 рабочих дня", "4 000 €", PayCount("day", 24)),
    ("2 800 еўра за 20 змен", "2 800 еўра", PayCount("day", 20)),
    ("$3,000 for 15 shifts", "$3,000", PayCount("day", 15)),
    ("€4,100 for 22 working days", "€4,100", PayCount("day", 22)),
    ("2 000 € за 2 недели", "2 000 €", PayCount("week", 2)),
    ("6 000 € за 3 месяца", "6 000 €", PayCount("month", 3)),
    # calendar days of a month or more are one month
    ("2 700 € за 30 дней", "2 700 €", PayCount("month", 1)),
    ("1 500 € за 10 дней", "1 500 €", PayCount("day", 10)),
])
def test_a_count_after_the_figure_is_read(counts: PayCounts, text: str, figure: str,
                                          count: PayCount) -> None:
    low = normalize(text)
    assert counts.after(low, low.index(figure) + len(figure)) == count


def test_a_count_before_the_figure_is_read(counts: PayCounts) -> None:
    low = normalize("За 18 смен — 3 200 € на руки")
    assert counts.before(low, low.index("3 200")) == PayCount("day", 18)


@pytest.mark.parametrize("text", [
    "3 000 € за сезон", "3 000 € за 0 смен", "3 000 € за 20 км", "3 000 € за двадцать смен",
])
def test_no_count(counts: PayCounts, text: str) -> None:
    low = normalize(text)
    assert counts.after(low, low.index(" за ")) is None


@pytest.mark.parametrize(("text", "high"), [
    ("3 600 € за 20 смен", True),      # 180 a shift, the day's limit 150
    ("2 600 € за 20 смен", False),     # 130 a shift
    ("2 000 € за 2 недели", True),     # 1 000 a week, the week's limit 650
    ("2 700 € за 30 дней", True),      # a month
    ("Оформление 3 000 €", False),     # a fee
    ("Депозит: 3 000 €", False),
    ("3 000 € за визу", False),
    ("deposit €3,000", False),
    ("Жильё есть, ЗП 3 000 €", True),  # pay right before the figure
    ("Склад, 3 000 €", True),          # a bare figure is a month's pay
    ("Жильё бесплатно, 3 000 € в месяц", True),  # the housing is another clause
])
def test_the_figure_is_judged_as_pay_for_its_count(pay: PayFinder, text: str,
                                                  high: bool) -> None:
    assert bool(pay.high(normalize(text))) is high
