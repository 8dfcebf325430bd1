"""The embedded intent model, trained on the real nlu/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.nlu.base import ALL_INTENTS, IntentRecognizer, IntentResult
from bot.nlu.data import Example, load_examples
from bot.nlu.embedded import EmbeddedRecognizer, prepare

DATA = REPO_ROOT / "nlu" / "data"


@pytest.fixture(scope="module")
def model() -> EmbeddedRecognizer:
    return EmbeddedRecognizer.from_data_dir(DATA)


def test_it_is_an_intent_recognizer(model: EmbeddedRecognizer) -> None:
    assert isinstance(model, IntentRecognizer)
    assert set(model.intents) <= ALL_INTENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("у меня забрали паспорт", "risk_documents_withheld"),
        ("у мяне забралі пашпарт", "risk_documents_withheld"),
        ("my employer took my passport", "risk_documents_withheld"),
        ("u menya zabrali pasport", "risk_documents_withheld"),
        ("нам не платят зарплату уже два месяца", "risk_wages_withheld"),
        ("привет", "greet"),
        ("hello", "greet"),
        ("хочу поговорить с живым человеком", "human_operator"),
    ],
)
async def test_recognises_what_people_write(
    model: EmbeddedRecognizer, text: str, intent: str
) -> None:
    result = await model.parse(text)
    assert result.intent == intent
    assert result.backend == "embedded"


async def test_ranking_is_a_probability_distribution_best_first(model: EmbeddedRecognizer) -> None:
    result = await model.parse("помогите, нас заперли")
    scores = [score for _, score in result.ranking]
    assert result.ranking[0] == (result.intent, result.confidence)
    assert scores == sorted(scores, reverse=True)
    assert 0.0 < sum(scores) <= 1.0 + 1e-9
    assert all(intent in ALL_INTENTS for intent, _ in result.ranking)


async def test_async_sync_and_batch_parsing_agree(model: EmbeddedRecognizer) -> None:
    texts = [e.text for e in load_examples(REPO_ROOT / "nlu" / "tests")][:60]
    batch = model.parse_many(texts)
    for text, batched in zip(texts, batch, strict=True):
        single = model.parse_sync(text)
        assert single.intent == batched.intent
        assert single.confidence == pytest.approx(batched.confidence, abs=1e-9)
        assert (await model.parse(text)) == single


async def test_empty_and_emoji_only_text_still_get_an_answer(model: EmbeddedRecognizer) -> None:
    for text in ("", "   ", "🙂🙂"):
        result = await model.parse(text)
        assert isinstance(result, IntentResult) and result.intent in ALL_INTENTS


def test_transliterated_russian_shares_features_with_cyrillic() -> None:
    assert prepare("U menya zabrali pasport!") == prepare("У меня забрали паспорт")
    assert prepare("rabotodatel ne otdaet dokumenty") == prepare("работодатель не отдаёт документы")


def test_english_is_not_transliterated() -> None:
    assert prepare("They took my passport") == "they took my passport"


def test_training_needs_two_intents() -> None:
    with pytest.raises(ValueError):
        EmbeddedRecognizer.train([Example("привет", "greet", "ru")])


def test_two_intents_are_enough(tmp_path: Path) -> None:
    examples = [Example(t, "greet", "ru") for t in ("привет", "здравствуйте", "добрый день")]
    examples += [Example(t, "goodbye_thanks", "ru") for t in ("пока", "спасибо", "до свидания")]
    result = EmbeddedRecognizer.train(examples).parse_sync("привет всем")
    assert result.intent == "greet"
    assert sum(score for _, score in result.ranking) == pytest.approx(1.0)
