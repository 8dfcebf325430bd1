"""Ad check wordings that need more than the kinds' tables: a transliterated ad quotes its own
Latin words, and "no experience, high pay" with a figure is one red flag.

The kinds' tables of wordings (issue 15 item 1, every round) are data in
tests/data/adcheck_kinds/, tested by test_adcheck_kinds_tables.py.
"""

from __future__ import annotations

from bot.core.adcheck import AdChecker


def test_a_transliterated_ad_quotes_its_own_latin_words(
    rules_only_ad_checker: AdChecker,
) -> None:
    text = "Rabota v Polshe. Registracionnyj vznos 70 evro. Ostalos 2 mesta!"
    report = rules_only_ad_checker.check(text)
    quoted = {f.rule.id: [text[s.start : s.end] for s in f.spans] for f in report.flags}
    assert any("vznos" in words for words in quoted["fees"])
    assert any("Ostalos" in words for words in quoted["rush"])


def test_no_experience_high_pay_and_a_figure_far_above_are_one_flag(
    rules_only_ad_checker: AdChecker,
) -> None:
    # rf-too-good: words ("high pay" + "no experience") and a figure are one red flag, shown
    # and weighed once.
    text = "Опыт не нужен, высокая зарплата: 5000 евро в месяц на складе."
    report = rules_only_ad_checker.check(text)
    assert [f.rule.id for f in report.flags] == ["too_good"]
    assert report.score == report.flags[0].rule.weight
