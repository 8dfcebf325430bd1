"""A fee between arrows is quoted on its own (issue 15 item 1, adcheck6).

adcheck6's tables of wordings (the kinds heldout5 showed the ad check missing) are data in
tests/data/adcheck_kinds/adcheck6.yaml, tested by test_adcheck_kinds_tables.py.
"""

from __future__ import annotations

from bot.content.loader import ContentHolder
from tests.helpers.engine import shared_ad_checkers


def test_adcheck6_a_fee_between_arrows_is_quoted_on_its_own(content_holder: ContentHolder) -> None:
    """Steps joined by arrows are sentences of their own: the passport "returned with the visa"
    in the next step does not excuse the fee in this one."""
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    text = ("Порядок: анкета → оплата сервисного сбора 400 $ → паспорт сдаёте нам, вернём уже"
            " с визой.")
    found = {f.rule.id: f for f in checker.check(text).flags}
    assert "fees" in found
    assert all("паспорт" not in text[s.start : s.end] for s in found["fees"].spans)
