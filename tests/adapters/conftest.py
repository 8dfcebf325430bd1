"""Fixtures for the Telegram adapters: the bot running against the fake Bot API, real engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import EngineFactory
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.nlu.base import IntentRecognizer
from tests.handoff.telegram import HandoffBot, settings_for
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import RunningBot, started


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


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    """Each test that asks for it runs on both adapters."""
    return str(request.param)


@pytest.fixture
def send_budget_s() -> float | None:
    """The update's send budget for `handoff_bot` (None: the setting's default); a module
    overrides this fixture to shorten it."""
    return None


@pytest.fixture
async def handoff_bot(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    send_budget_s: float | None,
) -> AsyncIterator[HandoffBot]:
    """The bot with the durable handoff on `framework`, the operators' chat OPS, a flushed
    Redis; stopped after the test."""
    settings = settings_for(fake_api, framework, redis_server.url, send_budget_s=send_budget_s)
    async with started(HandoffBot(settings)) as bot:
        yield bot
