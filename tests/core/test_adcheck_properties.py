"""Whatever a person pastes (HTML, emoji, 4 kB of anything), the ad check answers sanely."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.adcheck import AdChecker, quote

# Words the rules react to, mixed into random text so that flags are actually raised.
TRIGGERS = [
    "паспорт оставляете", "регистрационный взнос 100 евро", "туристической визе", "без опыта",
    "высокая зарплата", "Пашпарт", "tourist visa", "5000 €", "WhatsApp", "@recruit_me",
    "18-25 лет", "хостес", "<b>", "&amp;", "İstanbul", "ё", "\n", "—", "🔥",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(TRIGGERS), st.text(max_size=40)), max_size=120
).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy)
def test_any_text_gets_a_level_and_quotes_inside_the_text(
    rules_only_ad_checker: AdChecker, text: str
) -> None:
    # The session's checker (tests/core/conftest.py): an AdChecker is immutable once built, so
    # one for all 200 examples checks the same as one per example (0.3 s of CPU each).
    report = rules_only_ad_checker.check(text)
    assert report.level.level in ("low", "medium", "high")
    assert report.score == sum(f.rule.weight for f in report.flags)
    assert len({f.rule.id for f in report.flags}) == len(report.flags)  # each flag once
    for found in report.flags:
        for span in found.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert "\n" not in quote(text, span)
