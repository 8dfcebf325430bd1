"""The ad check's sentence model read from the model cache checks ads exactly as the model that
was trained and saved: the same flags, quotes, scores and levels for every ad of the development
sets, the same probabilities to the bit; content pointed at a cache trains once, then reads;
a file that does not fit these rules is trained over, with a log line."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker, build_ad_checker
from bot.core.adcheck_eval import read_ads
from bot.core.admodel_cache import NAME, ad_model_data, ad_model_key, rebuilt_ad_model
from bot.core.adtext import sentence_spans, transliterated
from bot.modelcache import CachedModel, ModelCache
from tests.helpers.engine import shared_ad_checkers

DATA = Path(__file__).resolve().parents[1] / "data"
TEXT = "Работа в Польше, оплата за оформление визы 300 евро, паспорт сдаёте нам"
SETS = ["ads_dev.yaml", "ads.yaml", "ads_heldout12.yaml", "ads_heldout13.yaml"]


def trained(content_holder: ContentHolder) -> tuple[AdCheck, AdChecker]:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None and checker.model is not None
    return checker.rules, checker


def test_the_cached_model_checks_ads_as_the_trained_one(
    content_holder: ContentHolder, tmp_path: Path,
) -> None:
    rules, _ = trained(content_holder)
    # Trained here: the session's model may itself have been read from the run's model cache
    # (tests/helpers/engine.py `run_cache`), and a copy compared with a copy proves nothing.
    checker = build_ad_checker(rules)
    assert checker.model is not None
    cache = ModelCache(tmp_path)
    cache.save(NAME, ad_model_key(rules), ad_model_data(checker.model))
    saved = cache.load(NAME, ad_model_key(rules))
    assert saved is not None
    cached = AdChecker(rules, rebuilt_ad_model(saved, rules))
    assert cached.model is not None
    # Every sentence of the development sets (4 sets, about 400 ads), as an ad is read: the
    # same probabilities and reassurance, to the bit.
    sentences: dict[bool, list[str]] = {False: [], True: []}
    for ad in (ad for name in SETS for ad in read_ads(DATA / name)):
        cyrillic = transliterated(ad.text) is not None
        sentences[cyrillic] += [ad.text[s.start : s.end] for s in sentence_spans(ad.text)]
    assert sum(map(len, sentences.values())) > 2000
    for cyrillic, words in sentences.items():
        found = cached.model.read(words, cyrillic=cyrillic)
        wanted = checker.model.read(words, cyrillic=cyrillic)
        assert all(np.array_equal(f, w) for f, w in zip(found, wanted, strict=True))
        assert (found[0] > 0.5).any()  # flags were raised, not only zeros compared
    # The whole check (rules, model, vetoes, levels) of the labelled ads.
    ads = read_ads(DATA / "ads.yaml")
    reports = [cached.check(ad.text) for ad in ads]
    assert reports == [checker.check(ad.text) for ad in ads]
    assert sum(bool(report.flags) for report in reports) > 20


def test_content_pointed_at_a_cache_trains_once_then_reads(
    content_holder: ContentHolder, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    rules, checker = trained(content_holder)
    assert checker.model is not None
    cache = ModelCache(tmp_path)
    cache.save(NAME, ad_model_key(rules), ad_model_data(checker.model))  # the first process
    with caplog.at_level(logging.INFO, "bot.modelcache"):
        again = build_ad_checker(rules, cache=cache)  # the next one
    assert "training" not in caplog.text
    assert again.model is not None
    assert again.check(TEXT) == checker.check(TEXT)
    assert again.check(TEXT).flags


def test_a_saved_model_of_other_rules_is_trained_over(
    content_holder: ContentHolder, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    rules, checker = trained(content_holder)
    assert checker.model is not None
    good = ad_model_data(checker.model)
    fewer = rules.model_copy(update={"flags": rules.flags[1:]})
    with pytest.raises(ValueError):
        rebuilt_ad_model(good, fewer)
    modelled = good.meta["modelled"]
    wrong = CachedModel({**good.meta, "modelled": modelled[:-1]}, good.arrays)
    with pytest.raises(ValueError):
        rebuilt_ad_model(wrong, rules)
    # Rules with fewer training sentences train in a fraction of a second.
    small = rules.model_copy(update={"training": rules.training[:100]})
    cache = ModelCache(tmp_path)
    cache.save(NAME, ad_model_key(small), wrong)
    with caplog.at_level(logging.WARNING, "bot.core.admodel_cache"):
        built = build_ad_checker(small, cache=cache)
    assert "does not fit" in caplog.text
    assert built.model is not None
    assert cache.load(NAME, ad_model_key(small)) is not None  # written again, whole
    assert build_ad_checker(small).check(TEXT) == built.check(TEXT)
