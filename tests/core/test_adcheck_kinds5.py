"""The lawful-hours exception of wrong_visa (issue 15, adcheck5) is about what the law allows,
not any student visa. The kinds' tables of wordings are in tests/data/adcheck_kinds/.
"""

from __future__ import annotations

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker


def test_adcheck_student_visa_with_work_instead_of_classes_is_still_flagged(
    content_holder: ContentHolder,
) -> None:
    """The lawful-hours exception is about what the law allows, not any student visa."""
    text = ("Оформим студенческую визу в языковую школу, ходить на"
            " занятия не нужно, работаете полный день.")
    rules = content_holder.content.ad_check
    assert rules is not None
    report = AdChecker(rules).check(text)
    assert "wrong_visa" in {found.rule.id for found in report.flags}
