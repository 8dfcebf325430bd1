"""The real content and the trained embedded model, built once per test session and shared.

The engine, Telegram and handoff suites all answer with these; each bot or engine gets its own
`DialogueEngine` over them. Nothing may reload or edit the shared holder: a test that changes
content makes its own `ContentHolder` over a copy of content/.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

from bot.content.loader import ContentHolder, check_content
from bot.content.models import AdCheck, Content
from bot.content.problems import Problem
from bot.core.adcheck import AdChecker, build_ad_checker
from bot.core.adcheckers import AdCheckers
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage, fragments_of, jokes_of, let_offs_of
from bot.modelcache import ModelCache, model_cache_at
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.embedded_cache import trained_recognizer
from bot.nlu.fragments import Fragments
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.let_offs import LetOffs
from tests.helpers.chat import plain_settings
from tests.helpers.model_cache import MODEL_CACHE_ENV


class TrainedOnce:
    """A `build` for AdCheckers that trains the ad check's sentence model once per distinct
    rules (compared by content: a test's copy of content/ has rules equal to the real ones, but
    not the same object), exactly as the bot builds it (`build_ad_checker`). The checker is
    immutable once built, so sharing it changes nothing a test sees; rules a test edited are
    different rules and get their own training. Keeps the last KEEP (memory). The model is
    read from the run's model cache when `make test` set one (`run_cache`), as the bot reads
    it: one training per distinct rules for the whole run, not per worker."""

    KEEP = 4

    def __init__(self) -> None:
        self._built: dict[str, AdChecker] = {}  # sha256 of the rules' JSON -> checker

    def __call__(self, rules: AdCheck) -> AdChecker:
        key = hashlib.sha256(rules.model_dump_json().encode()).hexdigest()
        checker = self._built.pop(key, None) or build_ad_checker(rules, cache=run_cache())
        self._built[key] = checker  # the newest last
        while len(self._built) > self.KEEP:
            del self._built[next(iter(self._built))]
        return checker


def run_cache() -> ModelCache | None:
    """The model cache of this test run: BOT_MODEL_CACHE_DIR, which scripts/run-tests.sh sets
    to a new directory shared by both parts, every worker and every bot process it starts;
    None (train) when a developer runs pytest without it."""
    directory = os.environ.get(MODEL_CACHE_ENV)
    return model_cache_at(Path(directory) if directory else None)


@cache
def trained_once() -> TrainedOnce:
    """The session's ad checkers by rules (see TrainedOnce); tests get it through the
    `ad_checkers` fixture (tests/conftest.py)."""
    return TrainedOnce()


def check_with_shared_model(
    directory: Path, **options: Any
) -> tuple[Content | None, list[Problem]]:
    """`check_content(directory, **options)` with the session's ad checkers: the ad check's
    sentence model (about 4 s of CPU) is trained once per distinct rules, not once per call;
    rules a test edited still get their own training (TrainedOnce)."""
    return check_content(directory, ad_checkers=AdCheckers(trained_once()), **options)


@cache
def shared_content() -> ContentHolder:
    """The repository's content/, loaded once."""
    return ContentHolder(plain_settings().bot.content_dir,
                         ad_checkers=AdCheckers(trained_once()))


@cache
def shared_recognizer() -> EmbeddedRecognizer:
    """The embedded model trained on nlu/data once (about a second or two), or read from the
    run's model cache (`run_cache`)."""
    return trained_recognizer(plain_settings().nlu.data_dir, run_cache())


def shared_ad_checkers() -> AdCheckers:
    """The ad checkers of the shared content: its sentence model was trained when the content
    was checked, once per session."""
    return shared_content().ad_checkers


def content_triage(risk_threshold: float = 0.35) -> Triage:
    """Triage as the bot builds it from the repository's content: its danger phrases and its
    short-message words (content/triage_words.yaml) and its let-off words
    (content/triage_frames.yaml)."""
    content = shared_content().content
    let_offs = content_let_offs()
    return Triage(
        DangerPhraseMatcher(content.danger_phrases, let_offs), risk_threshold,
        fragments_of(content.triage_words), let_offs,
    )  # fmt: skip


def content_let_offs() -> LetOffs:
    """The let-off frames of the repository's content (content/triage_words.yaml's joke frame,
    content/triage_frames.yaml)."""
    content = shared_content().content
    return let_offs_of(content.triage_words, content.triage_frames)


def content_jokes() -> JokeFrame:
    """The joke frame of the repository's content/triage_words.yaml."""
    return jokes_of(shared_content().content.triage_words)


def content_fragments() -> Fragments:
    """The short benign messages of the repository's content/triage_words.yaml."""
    return fragments_of(shared_content().content.triage_words)
