"""The embedded NLU read from the model cache answers exactly as the model that was trained and
saved: the same intent, confidence and ranking for every utterance of the development sets; a
bot pointed at a cache directory trains once, then reads; a damaged or unfitting file is
trained over, with a log line."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from bot.config import REPO_ROOT
from bot.factory import build_recognizer
from bot.modelcache import CachedModel, ModelCache
from bot.nlu.data import load_many
from bot.nlu.embedded import EmbeddedRecognizer, prepare
from bot.nlu.embedded_cache import (
    NAME,
    nlu_key,
    rebuilt_recognizer,
    recognizer_data,
    trained_recognizer,
)
from tests.helpers.chat import plain_settings

DATA = Path(__file__).resolve().parents[1] / "data"
SMALL = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - привет
    - hello
    - добры дзень
- intent: risk_documents_withheld
  examples: |
    - у меня забрали паспорт
    - they took my passport
    - u menya zabrali pasport
- intent: human_operator
  examples: |
    - хочу поговорить с человеком
    - I want a person
"""
SAID = ["привет", "у меня забрали паспорт", "pasport zabrali", "позовите человека", ""]


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nlu.yml").write_text(SMALL, encoding="utf-8")
    return tmp_path / "data"


def utterances() -> list[str]:
    sets = [*sorted(DATA.glob("nlu_heldout*.yml")), REPO_ROOT / "nlu" / "tests"]
    return [example.text for example in load_many(sets)]


def test_the_cached_model_answers_as_the_trained_one(tmp_path: Path) -> None:
    # Trained here: the session's model may itself have been read from the run's model cache
    # (tests/helpers/engine.py `run_cache`), and a copy compared with a copy proves nothing.
    trained = EmbeddedRecognizer.from_data_dir(plain_settings().nlu.data_dir)
    cache = ModelCache(tmp_path)
    cache.save(NAME, "k" * 64, recognizer_data(trained))
    saved = cache.load(NAME, "k" * 64)
    assert saved is not None
    cached = rebuilt_recognizer(saved)
    assert cached.intents == trained.intents
    # Every utterance of the development sets (3,700), prepared once: the same features and
    # the same SVM margins, to the bit, through scikit-learn's own transform.
    prepared = [prepare(text) for text in utterances()]
    assert len(prepared) > 3000
    matrices = [model.fitted[0].transform(prepared) for model in (trained, cached)]
    assert (matrices[0] != matrices[1]).nnz == 0
    margins = [model.fitted[1].decision_function(matrices[0]) for model in (trained, cached)]
    assert np.array_equal(margins[0], margins[1])
    assert len(set(np.argmax(margins[0], axis=1))) >= 10  # many intents, not one answer
    # The whole path the bot takes (its fast scorer, the softmax, the ranking), on one set.
    texts = [example.text for example in load_many([DATA / "nlu_heldout13.yml"])]
    assert [cached.parse_sync(t) for t in texts] == [trained.parse_sync(t) for t in texts]
    assert cached.parse_many(texts) == trained.parse_many(texts)


def test_a_bot_pointed_at_a_cache_trains_once_then_reads(
    small_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    settings = plain_settings(nlu={"data_dir": small_data},
                              bot={"model_cache_dir": tmp_path / "models"})
    with caplog.at_level(logging.INFO, "bot.modelcache"):
        first = build_recognizer(settings)
    assert "training it" in caplog.text
    assert [p.name for p in (tmp_path / "models").iterdir()] == \
        [ModelCache(tmp_path / "models").path(NAME, nlu_key(small_data)).name]
    caplog.clear()
    with caplog.at_level(logging.INFO, "bot.modelcache"):
        again = build_recognizer(settings)
    assert "training" not in caplog.text  # read, not trained
    assert isinstance(first, EmbeddedRecognizer) and isinstance(again, EmbeddedRecognizer)
    assert [again.parse_sync(t) for t in SAID] == [first.parse_sync(t) for t in SAID]


def test_an_edited_data_file_is_trained_again(small_data: Path, tmp_path: Path) -> None:
    cache = ModelCache(tmp_path / "models")
    trained_recognizer(small_data, cache)
    (small_data / "nlu.yml").write_text(SMALL + "    - мне нужен оператор\n", encoding="utf-8")
    trained_recognizer(small_data, cache)
    assert len(list((tmp_path / "models").iterdir())) == 2  # one model per data


def test_a_damaged_file_is_trained_over(
    small_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    cache = ModelCache(tmp_path)
    path = cache.path(NAME, nlu_key(small_data))
    path.write_bytes(b"PK\x03\x04 damaged")
    with caplog.at_level(logging.WARNING, "bot.modelcache"):
        model = trained_recognizer(small_data, cache)
    assert "unreadable" in caplog.text
    assert model.parse_sync("у меня забрали паспорт").intent == "risk_documents_withheld"
    assert cache.load(NAME, nlu_key(small_data)) is not None  # written again, whole


def test_a_file_that_does_not_fit_the_model_is_trained_over(
    small_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    cache = ModelCache(tmp_path)
    good = recognizer_data(trained_recognizer(small_data, None))
    for wrong in ({**good.arrays, "coef": good.arrays["coef"][:, :-1]},
                  {**good.arrays, "coef": good.arrays["coef"].astype(np.float32)},
                  {k: v for k, v in good.arrays.items() if k != "intercept"}):
        cache.save(NAME, nlu_key(small_data), CachedModel(good.meta, wrong))
        caplog.clear()
        with caplog.at_level(logging.WARNING, "bot.modelcache"):
            model = trained_recognizer(small_data, cache)
        assert "does not fit" in caplog.text
        assert model.parse_sync("hello").intent == "greet"
    missing_terms = CachedModel({**good.meta, "terms": {}}, good.arrays)
    with pytest.raises(ValueError):
        rebuilt_recognizer(missing_terms)
