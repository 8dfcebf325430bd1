"""Helpers for handoff tests on the fake Bot API: the bot with the real engine, and operators."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.config import OperatorSettings, Settings
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.privacy import Pseudonymizer
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.fake_bot_api import BOT_USER, Call, FakeBotAPI, message_update, user
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person, RunningBot, make_settings

OPS = -1001234567
OPERATOR = 4242
OPS_CHAT = {"id": OPS, "type": "supergroup", "title": "Operators", "is_forum": True}
FAST = {"escalate_after": 60.0, "claim_idle": 0.5, "tick": 0.1, "claim_every": 0.2,
        "read_block": 0.2}

# Telegram's ~1 message/s per chat would make each test wait seconds for nothing.
FAST_LIMITER = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)

def settings_for(api: FakeBotAPI, framework: str, redis_url: str, **operators: Any) -> Settings:
    settings = make_settings(api, framework, redis_url, operator_chat_id=OPS)
    settings.operators = OperatorSettings(
        _env_file=None,  # type: ignore[call-arg]
        chat_id=OPS, ids=str(OPERATOR), **operators,
    )
    return settings


def closed_hours(timezone: str = "Europe/Minsk") -> str:
    """An hours window that starts two hours from now: operators are off right now."""
    now = datetime.now(ZoneInfo(timezone))
    start, end = now + timedelta(hours=2), now + timedelta(hours=3)
    return f"{start:%H:%M}-{end:%H:%M}"


async def real_engine(settings: Settings, store: SessionStore) -> Any:
    """The real engine over the content and model shared by the whole test session."""
    return await build_engine(settings, store=store, recognizer=shared_recognizer(),
                              content=shared_content())


class HandoffBot(RunningBot):
    """`serve()` with the durable handoff and test timings; `restart()` is a new process."""

    def __init__(self, settings: Settings, options: dict[str, float] | None = None) -> None:
        holder = shared_content()
        super().__init__(settings, real_engine, FAST_LIMITER, handoff_options={
            **FAST, "content": lambda: holder.content, **(options or {})})


class Replicas:
    """Several bots sharing Redis, settled together (for `Person`)."""

    def __init__(self, *bots: HandoffBot) -> None:
        self.bots = bots

    async def settle(self) -> None:
        for bot in self.bots:
            await bot.settle()


def pseudonym(user_id: int) -> str:
    keys = Pseudonymizer(PSEUDONYM_KEY)
    return keys.pseudonym(keys.user_key(f"tg:{user_id}"))


async def reach_consent(
    person: Person, text: str = "у меня забрали паспорт и не отпускают"
) -> None:
    """A person at risk: /start, what happened, the country; the human offer comes last."""
    await person.say("/start")
    await person.say(text)
    calls = await person.press("c:PL")
    assert "h:yes" in calls[-1].payloads


async def consent(person: Person, payload: str = "h:text") -> list[Call]:
    """Agree; the person gets 'what happens next' and their place in the queue."""
    return await person.press(payload)


class Operator:
    """Someone in the operators' supergroup: presses buttons, writes in topics or replies."""

    def __init__(self, api: FakeBotAPI, user_id: int = OPERATOR) -> None:
        self.api = api
        self.user = user(user_id, "en")

    async def press(self, data: str, message_id: int = 1) -> Call:
        mark = len(self.api.calls)
        message = {"message_id": message_id, "from": BOT_USER, "chat": OPS_CHAT,
                   "date": int(time.time()), "text": "..."}
        query_id = f"q{time.monotonic_ns()}"
        await self.api.push({"callback_query": {
            "id": query_id, "from": self.user, "chat_instance": "ops", "message": message,
            "data": data}})
        answers = await self.api.wait_calls("answerCallbackQuery", 1, since=mark)
        await self.api.quiet()
        return next(c for c in answers if c.params.get("callback_query_id") == query_id)

    async def write(self, text: str, *, thread_id: int | None = None,
                    reply_to: int | None = None) -> None:
        extra: dict[str, Any] = {}
        if thread_id is not None:
            extra.update(message_thread_id=thread_id, is_topic_message=True)
        if reply_to is not None:
            extra["reply_to_message"] = {
                "message_id": reply_to, "from": BOT_USER, "chat": OPS_CHAT,
                "date": int(time.time()), "text": "...",
            }
        await self.api.push(message_update(self.api, self.user, text=text, chat=OPS_CHAT,
                                           **extra))


def case_of(call: Call) -> str:
    """The case id in an alert's buttons."""
    return call.payloads[0].split(":")[2]


async def sent_to(api: FakeBotAPI, chat_id: int, contains: str, count: int = 1,
                  since: int = 0, within: float = 15.0) -> list[Call]:
    """Wait for `count` sendMessage calls to `chat_id` whose text contains `contains`."""
    deadline = time.monotonic() + within
    while True:
        found = [c for c in api.calls_to("sendMessage", chat_id, since) if contains in c.text]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {count} message(s) with {contains!r} to {chat_id}")
        await asyncio.sleep(0.05)
