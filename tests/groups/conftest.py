"""Fixtures for the group features: the bot on the fake Bot API with a real Redis, a group,
its members and admins. The bot runners and the real engine come from tests/adapters."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from redis.asyncio import Redis

from tests.adapters.conftest import engine_factory, engine_parts, running
from tests.helpers.fake_bot_api import Call, FakeBotAPI, message_update, user
from tests.helpers.telegram_bot import RunningBot

__all__ = ["GroupMember", "engine_factory", "engine_parts", "running"]

BOT_LINK = "https://t.me/smb_bot"


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class GroupMember:
    """Someone posting in a group; returns what the bot then sent to the group."""

    def __init__(self, bot: RunningBot, api: FakeBotAPI, redis: Redis, user_id: int,
                 chat: dict[str, Any], language: str = "ru", **sender: Any) -> None:
        self.bot = bot
        self.api = api
        self.redis = redis
        self.user = {**user(user_id, language), **sender}
        self.chat = chat
        self.chat_id = int(chat["id"])

    async def post(self, text: str | None = None, *, replies: int = 1,
                   **extra: Any) -> list[Call]:
        """Post `text`; wait for `replies` messages to the group (0: until it was handled)."""
        mark = len(self.api.calls)
        update = message_update(self.api, self.user, text=text, chat=self.chat, **extra)
        update_id = await self.api.push(update)
        if replies:
            await self.api.wait_calls("sendMessage", replies, self.chat_id, since=mark)
        elif update not in self.api.unseen:
            await handled(self.redis, update_id)
        # The bot's answer follows its de-duplication mark within milliseconds; a loaded
        # machine gets half a second.
        await self.api.quiet(0.5)
        return self.api.calls_to("sendMessage", self.chat_id, since=mark)

    def message_id(self) -> int:
        """The id the next message in the group will get (for replies to it)."""
        return self.api.new_message_id(self.chat_id)


async def handled(redis: Redis, update_id: int, within: float = 15.0) -> None:
    """Wait until the bot took up the update (its de-duplication mark is in Redis)."""
    deadline = time.monotonic() + within
    while not await redis.exists(f"smb:dedup:{update_id}"):
        assert time.monotonic() < deadline, "the bot never took up the update"
        await asyncio.sleep(0.05)
