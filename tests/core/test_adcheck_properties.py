"""Whatever a person pastes (HTML, emoji, 4 kB of anything), the ad check answers sanely."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.loader import ContentHolder
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
    content_holder: ContentHolder, text: str
) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    checker = AdChecker(rules)
    report = checker.check(text)
    assert report.level.level in ("low", "medium", "high")
    assert report.score == sum(f.rule.weight for f in report.flags)
    assert len({f.rule.id for f in report.flags}) == len(report.flags)  # each flag once
    for found in report.flags:
        for span in found.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert "\n" not in quote(text, span)
