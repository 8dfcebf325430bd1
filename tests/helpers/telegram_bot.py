"""The bot under test on the fake Bot API: settings, `serve()` in a task, people who write to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from pydantic import SecretStr

from bot.adapters.telegram.glue import UpdatePipeline
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import EngineFactory, serve
from bot.config import Settings
from bot.metrics import Metrics
from tests.helpers.chat import plain_settings
from tests.helpers.fake_bot_api import (
    TOKEN,
    Call,
    FakeBotAPI,
    callback_update,
    message_update,
    user,
)
from tests.helpers.redis_server import free_port

PSEUDONYM_KEY = "test-pseudonym-key"
# The handoff poster's XREADGROUP block (seconds; the bot's default is 1.0): stopping a bot waits
# for the read in progress to return, so a long block is a wait added to every test's stop. A
# shorter one changes nothing else: an alert queued meanwhile is read at once either way.
QUICK_READ_BLOCK = 0.05

Bot = TypeVar("Bot", bound="RunningBot")


def make_settings(api: FakeBotAPI, framework: str, redis_url: str | None, **over: Any) -> Settings:
    """Settings for a test run, ignoring the environment and any .env file."""
    webhook: dict[str, Any] = {
        "url": over.get("webhook_url"),
        "listen": f"127.0.0.1:{over.get('webhook_port', free_port())}",
    }
    if "webhook_secret" in over:
        webhook["secret"] = SecretStr(over["webhook_secret"])
    bot: dict[str, Any] = {"mode": over.get("mode", "polling"),
                           "pseudonym_key": SecretStr(PSEUDONYM_KEY),
                           "rate_limit_per_minute": over.get("rate_limit", 20),
                           "health_listen": over.get("health_listen", "")}
    for name in ("rate_burst", "rate_max_delay_s", "send_budget_s", "lock_lease_s",
                 "handling_limit_s"):
        if name in over:
            bot[name] = over[name]
    return plain_settings(
        bot=bot,
        telegram={"bot_token": SecretStr(TOKEN), "api_base": api.base_url,
                  "framework": framework},
        webhook=webhook,
        redis={"url": redis_url},
        operators={"chat_id": over.get("operator_chat_id")},
    )


def fast_limiter() -> OutgoingLimiter:
    """Telegram's pacing of 1 message/s per chat would make a 13-question flow take 13 s: tests
    that are not about pacing use a quicker one (retries and 429 handling stay the same)."""
    return OutgoingLimiter(chat_rate=50, chat_burst=50, backoff=0.1)


class RunningBot:
    """`serve()` in a background task; `restart()` simulates a process restart."""

    def __init__(self, settings: Settings, engine_factory: EngineFactory | None,
                 limiter: OutgoingLimiter | None = None,
                 handoff_options: dict[str, Any] | None = None,
                 checkin_options: dict[str, Any] | None = None) -> None:
        self.settings = settings
        self.checkin_options = checkin_options  # e.g. a fake clock and a short poll
        self._factory = engine_factory
        self._limiter = limiter
        self.handoff_options = {"read_block": QUICK_READ_BLOCK, **(handoff_options or {})}
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self.glue: UpdatePipeline | None = None
        self.metrics = Metrics()  # this run's registry (a new one at each start)

    async def start(self) -> None:
        self._stop = asyncio.Event()
        self.metrics = Metrics()
        started = asyncio.Event()

        def on_started(glue: UpdatePipeline) -> None:
            self.glue = glue
            started.set()

        self._task = asyncio.create_task(
            serve(self.settings, self._stop, engine_factory=self._factory, on_started=on_started,
                  limiter=self._limiter or fast_limiter(), handoff_options=self.handoff_options,
                  checkin_options=self.checkin_options, metrics=self.metrics)
        )
        waiter = asyncio.create_task(started.wait())
        await asyncio.wait({self._task, waiter}, timeout=120, return_when=asyncio.FIRST_COMPLETED)
        if self._task.done():
            waiter.cancel()
            await self._task  # raises what went wrong
        assert started.is_set(), "the bot did not start"

    async def stop(self) -> None:
        if self._task is not None:
            self._stop.set()
            await asyncio.wait_for(self._task, 30)
            self._task = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def settle(self) -> None:
        """Wait until the bot has finished every update in hand."""
        assert self.glue is not None
        await asyncio.wait_for(self.glue.drain(), 30)


@asynccontextmanager
async def started(bot: Bot) -> AsyncIterator[Bot]:
    """`bot` serving updates inside the block, stopped when it is left (after a failed test too)."""
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


class Person:
    """Someone writing to the bot in a private chat; returns the bot's answers."""

    def __init__(
        self, bot: RunningBot, api: FakeBotAPI, user_id: int, language: str = "ru"
    ) -> None:
        self.bot = bot
        self.api = api
        self.user = user(user_id, language)
        self.chat_id = user_id

    async def _exchange(self, update: dict[str, Any], replies: int = 1) -> list[Call]:
        mark = len(self.api.calls)
        await self.api.push(update)
        if replies:
            # The first reply proves the update is in hand; then wait for it to be finished.
            await self.api.wait_calls("sendMessage", replies, self.chat_id, since=mark)
        await self.bot.settle()
        return self.api.calls_to("sendMessage", self.chat_id, since=mark)

    async def say(self, text: str, replies: int = 1) -> list[Call]:
        return await self._exchange(message_update(self.api, self.user, text=text), replies)

    async def send(self, replies: int = 1, **message: Any) -> list[Call]:
        """A non-text message, e.g. `send(sticker={...})`."""
        return await self._exchange(message_update(self.api, self.user, **message), replies)

    async def press(self, payload: str, replies: int = 1,
                    message_id: int | None = None) -> list[Call]:
        """Press a button; `message_id`: the bot's message it is under (Telegram sends it)."""
        update = callback_update(self.api, self.user, payload, message_id=message_id)
        return await self._exchange(update, replies)
