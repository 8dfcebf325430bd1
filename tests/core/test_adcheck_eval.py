"""The ad check on the labelled ads of tests/data: the targets of issue 15 item 1."""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, quote
from bot.core.adcheck_eval import evaluate, read_ads
from bot.core.adcheck_step import AdCheckStep

DATA = Path(__file__).resolve().parents[1] / "data" / "ads.yaml"


def test_every_flag_kind_is_found_and_honest_ads_are_low_risk(
    content_holder: ContentHolder,
) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    ads = read_ads(DATA)
    assert len(ads) >= 60
    assert sum(1 for ad in ads if ad.flags) >= 30 and sum(1 for ad in ads if not ad.flags) >= 30
    assert {ad.lang for ad in ads} == {"ru", "be", "en"}
    result = evaluate(AdChecker(rules), ads)
    for flag_id, score in result.flags.items():
        assert score.true_positive + score.false_negative > 0, f"no ad has {flag_id}"
        assert score.recall >= 0.9, (flag_id, score.missed)
    assert result.honest_low_rate >= 0.9, result.honest_not_low


def test_every_flag_points_at_words_of_the_ad(content_holder: ContentHolder) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    checker = AdChecker(rules)
    for ad in read_ads(DATA):
        for found in checker.check(ad.text).flags:
            assert found.spans, (ad.id, found.rule.id)
            for span in found.spans:
                words = ad.text[span.start : span.end]
                assert words.strip() and words in quote(ad.text, span)


def test_the_checker_is_built_once_per_content(content_holder: ContentHolder) -> None:
    step = AdCheckStep.__new__(AdCheckStep)
    step._checker = None
    first = step.checker(content_holder.content)
    assert first is step.checker(content_holder.content)
