"""Triage over the real content (danger phrases, content/triage_words.yaml) and the real
embedded model, shared by the triage tables (built once per session; all are immutable)."""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.engine import content_let_offs, content_triage, shared_content, shared_recognizer


@pytest.fixture(scope="session")
def triage() -> Triage:
    return content_triage()


@pytest.fixture(scope="session")
def matcher() -> DangerPhraseMatcher:
    return DangerPhraseMatcher(shared_content().content.danger_phrases, content_let_offs())


@pytest.fixture(scope="session")
def model() -> EmbeddedRecognizer:
    return shared_recognizer()
