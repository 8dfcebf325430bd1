"""The ad check on the labelled ads of tests/data: the targets of issue 15 item 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.__main__ import main as bot_main
from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker, quote
from bot.core.adcheck_eval import checker_without_set, evaluate, read_ads
from bot.core.adcheckers import AdCheckers
from tests.helpers.engine import shared_ad_checkers

DATA = Path(__file__).resolve().parents[1] / "data" / "ads.yaml"
# All development data: the rules were changed while looking at each of these files (both
# held-out sets too: the first since issue 15's recall work, the second, heldout2, after its
# one first-sight measurement at ec060a0). A regression guard, not a measure.
DEVELOPMENT = [
    DATA,
    DATA.with_name("ads_holdout.yaml"),
    DATA.with_name("ads_dev.yaml"),
    DATA.with_name("ads_heldout2.yaml"),
]


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


@pytest.mark.parametrize("path", DEVELOPMENT[1:], ids=lambda p: p.name)
def test_development_ads_keep_the_targets(content_holder: ContentHolder, path: Path) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    result = evaluate(AdChecker(rules), read_ads(path))
    for flag_id, score in result.flags.items():
        assert score.recall >= 0.9, (flag_id, score.missed)
        assert score.precision >= 0.9, (flag_id, score.extra)
    assert result.honest_low_rate >= 0.9, result.honest_not_low


@pytest.mark.parametrize("path", DEVELOPMENT, ids=lambda p: p.name)
def test_every_flag_points_at_words_of_the_ad(content_holder: ContentHolder, path: Path) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    checker = AdChecker(rules)
    for ad in read_ads(path):
        for found in checker.check(ad.text).flags:
            assert found.spans, (ad.id, found.rule.id)
            for span in found.spans:
                words = ad.text[span.start : span.end]
                assert words.strip() and words in quote(ad.text, span)


def test_the_checker_is_built_once_per_content(content_holder: ContentHolder) -> None:
    built: list[AdChecker] = []

    def build(rules: AdCheck) -> AdChecker:
        built.append(AdChecker(rules))  # rules only: the test counts, it does not train
        return built[-1]

    checkers = AdCheckers(build)
    content = content_holder.content
    first = checkers.for_content(content)
    assert first is checkers.for_content(content) and len(built) == 1
    assert content.ad_check is not None
    reloaded = content.model_copy(update={"ad_check": content.ad_check.model_copy()})
    assert checkers.for_content(reloaded) is not first and len(built) == 2


HELD_OUT_SHAPE = """\
# a held-out file as someone who never saw the rules would write it
ads:
  - id: x-1
    lang: ru
    flags: [too_good]
    text: Склад в Польше, упаковщики, зарплата 6000 евро в месяц. Тел. +48 500 000 000
  - id: x-2
    lang: en
    flags: [rf-fees, Rush]
    text: A registration fee of 90 EUR. Only two places left!
  - id: x-3
    lang: be
    flags: [salary-above-market, debt_of_honour]
    text: Праца на складзе ў Германіі, 5000 еўра ў месяц.
  - id: x-4
    lang: en
    flags: []
    text: Nurses for a hospital in Bergen, salary by the national tariff. hr@example.no
"""


def test_eval_reads_any_file_of_the_held_out_shape_and_maps_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "held_out.yaml"
    path.write_text(HELD_OUT_SHAPE, encoding="utf-8")
    assert bot_main(["adcheck", "eval", str(path)]) == 0
    out = capsys.readouterr().out
    # "pay far above the market" labelled too_good or salary_above_market is one kind, found.
    assert "| too_good | 2 | 2 | 100% | 100% |" in out
    assert "| fees | 1 | 1 | 100% | 100% |" in out  # the facts file's id rf-fees
    assert "| debt_of_honour | 1 | 0 |" in out and "name no flag" in out  # unknown: missed
    assert "Honest ads rated low risk: 1/1 (100%)." in out
    assert "| flag | ru: ads, precision, recall | be: ads, precision, recall" in out
    assert "| honest ads rated low | 0/0 (100%) | 0/0 (100%) | 1/1 (100%) |" in out


def test_eval_says_so_when_the_file_is_not_labelled_ads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("ads: [{id: a, text: no language}]", encoding="utf-8")
    assert bot_main(["adcheck", "eval", str(path)]) == 2
    assert "cannot read the labelled ads" in capsys.readouterr().out
    assert bot_main(["adcheck", "eval", str(tmp_path / "missing.yaml")]) == 2


def test_leave_set_out_trains_the_model_without_that_sets_sentences(
    content_holder: ContentHolder,
) -> None:
    """`adcheck eval FILE --leave-set-out` (adcheck10): the sentences `derive` took from FILE's
    ads are not learnt, so each scores lower than in the model the bot runs."""
    rules = content_holder.content.ad_check
    assert rules is not None
    taken = [s for s in rules.training if (s.source or "").startswith("ads.yaml#") and s.flags]
    assert taken
    full = shared_ad_checkers().for_content(content_holder.content)
    left_out = checker_without_set(rules, "ads.yaml")
    assert full is not None and full.model is not None and left_out.model is not None
    order = [flag.id for flag in rules.flags]
    lower = 0
    for sentence in taken[:20]:
        flag = order.index(sentence.flags[0])
        with_it = full.evidence(sentence.text).probabilities[:, flag].max()
        without = left_out.evidence(sentence.text).probabilities[:, flag].max()
        lower += without < with_it
    assert lower >= 15
