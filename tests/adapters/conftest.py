"""Fixtures for the Telegram adapters: the bot running against the fake Bot API, real engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import EngineFactory
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.nlu.base import IntentRecognizer
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.telegram_bot import RunningBot


@pytest.fixture
async def running() -> AsyncIterator[Callable[..., Awaitable[RunningBot]]]:
    """Start bots with `await running(settings, engine_factory)`; all stopped at the end."""
    bots: list[RunningBot] = []

    async def start(settings: Settings, factory: EngineFactory | None = None,
                    limiter: OutgoingLimiter | None = None) -> RunningBot:
        bot = RunningBot(settings, factory, limiter)
        await bot.start()
        bots.append(bot)
        return bot

    try:
        yield start
    finally:
        for bot in bots:
            await bot.stop()


@pytest.fixture(scope="session")
def engine_parts() -> tuple[ContentHolder, IntentRecognizer]:
    """Content and the trained embedded model, built once: every bot start reuses them."""
    return shared_content(), shared_recognizer()


@pytest.fixture
def engine_factory(engine_parts: tuple[ContentHolder, IntentRecognizer]) -> EngineFactory:
    """The real dialogue engine on the store the runner built (Redis with its fallback)."""
    content, recognizer = engine_parts

    async def build(settings: Settings, store: SessionStore) -> Engine:
        # A human is offered as with an operators' chat; tests without one that check that no
        # human is offered use `build_engine`'s own default (OPERATOR_CHAT_ID decides).
        return await build_engine(settings, store=store, recognizer=recognizer, content=content,
                                  handoff_available=True)

    return build
