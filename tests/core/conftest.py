"""The real engine over real content, the real embedded recogniser and the real triage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import REPO_ROOT, Settings
from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore, SessionStore
from bot.core.triage import risk_evidence
from bot.factory import build_triage
from bot.i18n import I18n
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.chat import Chat, plain_settings
from tests.helpers.engine import shared_ad_checkers, shared_content, shared_recognizer


@pytest.fixture(scope="session")
def settings() -> Settings:
    return plain_settings(operators={"hours": "09:00-18:00"})


@pytest.fixture(scope="session")
def content_holder() -> ContentHolder:
    return shared_content()


@pytest.fixture(scope="session")
def rules_only_ad_checker(content_holder: ContentHolder) -> AdChecker:
    """The ad check of the repository's content by its rules alone (no sentence model): what
    it flags, it flags by a rule's words."""
    rules = content_holder.content.ad_check
    assert rules is not None
    return AdChecker(rules)


@pytest.fixture(scope="session")
def recognizer() -> EmbeddedRecognizer:
    return shared_recognizer()


@pytest.fixture(scope="session")
def i18n() -> I18n:
    return I18n(REPO_ROOT / "locales")


@pytest.fixture
def make_engine(
    settings: Settings, content_holder: ContentHolder, recognizer: EmbeddedRecognizer, i18n: I18n
) -> Callable[..., DialogueEngine]:
    def make(
        store: SessionStore | None = None, holder: ContentHolder | None = None
    ) -> DialogueEngine:
        return DialogueEngine(
            holder or content_holder,
            recognizer,
            build_triage(settings, (holder or content_holder).matchers),
            store or InMemorySessionStore(),
            i18n,
            settings,
            ad_checkers=shared_ad_checkers(),
        )

    return make


@pytest.fixture
def engine(make_engine: Callable[..., DialogueEngine]) -> DialogueEngine:
    return make_engine()


@pytest.fixture
def chat(engine: DialogueEngine) -> Chat:
    return Chat(engine)


@pytest.fixture
def content_dir() -> Path:
    return REPO_ROOT / "content"


UNSURE_CANDIDATES = (
    "zzz", "мм", "asdf qwerty zxcv", "хм", "ok so", "?", "well maybe", "нет", "может", "а вот",
)


@pytest.fixture(scope="session")
def unsure_text(recognizer: EmbeddedRecognizer, settings: Settings) -> str:
    """A message the current model is unsure about and that does not look risky.

    Chosen from the model's own output so that retraining does not break the tests of what
    the engine does with an unsure parse.
    """
    for text in UNSURE_CANDIDATES:
        result = recognizer.parse_sync(text, "ru")
        if (
            result.confidence < settings.nlu.low_confidence
            and risk_evidence(result) < settings.nlu.risk_threshold
        ):
            return text
    pytest.fail("no low-confidence candidate: extend UNSURE_CANDIDATES")
