"""Pay in a foreign currency (issue 15 item 1, adcheck7): the figure is quoted, and the
currency symbols come from Babel.

adcheck7's tables of wordings (the kinds a new set of 100 ads showed the ad check missing or
raising wrongly) are data in tests/data/adcheck_kinds/adcheck7.yaml, tested by
test_adcheck_kinds_tables.py.
"""

from __future__ import annotations

from bot.core.adcheck import AdChecker
from bot.core.adcurrency import currency_symbols, symbol_aliases


def test_adcheck7_the_pay_figure_in_a_foreign_currency_is_quoted(
    rules_only_ad_checker: AdChecker,
) -> None:
    text = "Склад в Японии, 600 000 ¥ в месяц, без опыта."
    [found] = [f for f in rules_only_ad_checker.check(text).flags if f.rule.id == "too_good"]
    assert any("600 000 ¥" in text[s.start : s.end] for s in found.spans)


def test_adcheck7_currency_symbols_come_from_babel_and_a_shared_one_counts_for_none() -> None:
    assert {"¥", "jpy"} <= currency_symbols("JPY")
    assert "kč" in currency_symbols("CZK") and "ft" in currency_symbols("HUF")
    aliases = symbol_aliases({"SEK": [], "NOK": [], "USD": ["$"], "CAD": []})
    assert "kr" not in aliases  # Swedish and Norwegian crowns alike
    assert "$" not in aliases  # the editors gave "$" to USD
    assert aliases["sek"] == "SEK" and aliases["ca$"] == "CAD"
