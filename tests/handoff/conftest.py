"""Fixtures for the handoff: content, a recording messenger, and handoffs over a real Redis."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml
from redis.asyncio import Redis

from bot.config import REPO_ROOT, OperatorSettings
from bot.content.models import Content, Messages
from bot.core.events import OperatorAlert, Reply
from bot.core.messenger import BotApiError
from bot.handoff.service import QueueHandoff, build_handoff
from bot.i18n import I18n
from bot.privacy import Pseudonymizer
from tests.handoff.telegram import HandoffBot, OpenCase, Operator, open_case, settings_for
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer, running_redis
from tests.helpers.telegram_bot import Person

OPS_CHAT = -100500
OPERATOR = 4242
STRANGER = 777


def minimal_content() -> Content:
    """The real messages.yaml; no hotlines, so nothing depends on content still being edited."""
    raw = yaml.safe_load((REPO_ROOT / "content" / "messages.yaml").read_text(encoding="utf-8"))
    return Content(messages=Messages.model_validate(raw["messages"]), answers={}, hotlines={},
                   countries={}, flows={}, danger_phrases={})


@dataclass
class Sent:
    chat_id: int
    reply: Reply
    thread_id: int | None
    reply_to: int | None
    ids: list[int]


@dataclass
class RecordingMessenger:
    """A `Messenger` that records what would be sent; topics on or off; members by id."""

    topics: bool = True
    members: dict[int, str] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    answers: list[tuple[str, str | None]] = field(default_factory=list)
    topics_made: list[str] = field(default_factory=list)
    edits: list[tuple[int, int, Reply]] = field(default_factory=list)
    topics_closed: list[int] = field(default_factory=list)
    edit_fails: bool = False
    blocked: set[int] = field(default_factory=set)  # chats answering 403 blocked
    _next: int = 100

    async def send(self, chat_id: int, reply: Reply, *, thread_id: int | None = None,
                   reply_to: int | None = None) -> list[int]:
        if chat_id in self.blocked:
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        self._next += 1
        self.sent.append(Sent(chat_id, reply, thread_id, reply_to, [self._next]))
        return [self._next]

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        if self.edit_fails:
            raise RuntimeError("Bad Request: message can't be edited")
        self.edits.append((chat_id, message_id, reply))

    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None:
        return None

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        self.topics_closed.append(thread_id)

    async def reopen_topic(self, chat_id: int, thread_id: int) -> None:
        self.topics_closed.remove(thread_id)

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        self.answers.append((callback_id, text))

    async def create_topic(self, chat_id: int, name: str) -> int:
        if not self.topics:
            raise RuntimeError("Bad Request: the chat is not a forum")
        self._next += 1
        self.topics_made.append(name)
        return self._next

    async def member_status(self, chat_id: int, user_id: int) -> str:
        return self.members.get(user_id, "left")

    def to(self, chat_id: int) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat_id]


@dataclass
class OpInput:
    """An operators'-chat update, shaped like the glue's TgInput."""

    chat_id: int
    user_id: int | None
    kind: Any
    text: str | None = None
    payload: str | None = None
    message_id: int | None = None
    callback_id: str | None = None
    thread_id: int | None = None
    reply_to_message_id: int | None = None
    sender_chat_id: int | None = None
    user_name: str | None = None
    reply_to_user_id: int | None = None
    reply_to_user_name: str | None = None


PSEUDONYMS = Pseudonymizer("test-key")


def alert(user_key: str = "u" * 32, chat_key: str = "5551", **kw: Any) -> OperatorAlert:
    base: dict[str, Any] = {
        "reason": "risk", "language": "ru", "country": "PL", "risk_level": "high",
        "indicators": ("risk_documents_withheld",), "summary": ("Паспорт забрали: да",),
    }
    base.update(kw)
    return OperatorAlert(user_key=user_key, chat_key=chat_key, **base)


MakeHandoff = Callable[..., QueueHandoff]


@pytest.fixture
def durable_redis() -> Iterator[RedisServer]:
    """A redis-server of its own with an append-only file synced on every write, so cases
    survive the stop and start a Redis-outage test puts it through."""
    with running_redis({"appendonly": "yes", "appendfsync": "always"}) as server:
        yield server


@pytest.fixture
def make_handoff(redis_client: Redis) -> MakeHandoff:
    i18n = I18n(REPO_ROOT / "locales")
    content = minimal_content()

    def make(messenger: RecordingMessenger, **kw: Any) -> QueueHandoff:
        settings = OperatorSettings(
            _env_file=None,  # type: ignore[call-arg]
            chat_id=OPS_CHAT, ids=str(OPERATOR), **kw.pop("settings", {}),
        )
        return build_handoff(
            settings, redis=redis_client, messenger=messenger, pseudonymizer=PSEUDONYMS,
            content=lambda: content, i18n=i18n, case_ttl=3600, **kw,
        )

    return make


@pytest.fixture
async def bots() -> Any:
    """Start handoff bots on the fake Bot API with `await bots(HandoffBot(...))`; all stopped
    at the end of the test."""
    started: list[HandoffBot] = []

    async def start(bot: HandoffBot) -> HandoffBot:
        await bot.start()
        started.append(bot)
        return bot

    try:
        yield start
    finally:
        for bot in started:
            await bot.stop()


StartBot = Callable[..., Awaitable[HandoffBot]]


@pytest.fixture
def start_bot(fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
              bots: Any) -> StartBot:
    """`await start_bot(framework="aiogram", options=None, **operators)`: a handoff bot on the
    fake Bot API and the session's redis-server (flushed for the test), with `options` for its
    handoff timings and `operators` for OperatorSettings (`settings_for`); stopped at the end."""

    async def start(framework: str = "aiogram", options: dict[str, float] | None = None,
                    **operators: Any) -> HandoffBot:
        settings = settings_for(fake_api, framework, redis_server.url, **operators)
        return await bots(HandoffBot(settings, options))

    return start


OutageCase = Callable[..., Awaitable[OpenCase]]


@pytest.fixture
def outage_case(fake_api: FakeBotAPI, durable_redis: RedisServer, bots: Any) -> OutageCase:
    """`await outage_case(framework, user_id, take=True)`: a handoff bot on `durable_redis`
    (which the test may stop and start), and a Russian-speaking person's case opened with
    "h:yes" and, with `take`, taken by the operator (the person told so)."""

    async def open(framework: str, user_id: int, *, take: bool = True,
                   joined: str = "") -> OpenCase:
        bot = await bots(HandoffBot(settings_for(fake_api, framework, durable_redis.url)))
        operator = Operator(fake_api)
        return await open_case(fake_api, Person(bot, fake_api, user_id, "ru"),
                               operator if take else None, joined=joined)

    return open
