"""Helpers for handoff tests on the fake Bot API: the bot with the real engine, and operators."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.config import OperatorSettings, Settings
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.privacy import Pseudonymizer
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.fake_bot_api import BOT_USER, Call, FakeBotAPI, message_update, user
from tests.helpers.telegram_bot import (
    PSEUDONYM_KEY,
    QUICK_READ_BLOCK,
    Person,
    RunningBot,
    make_settings,
)

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
OPS = -1001234567
OPERATOR = 4242
OPERATOR_NAME = "Alena"  # the operator's Telegram first name: staff are shown by name
OPS_CHAT = {"id": OPS, "type": "supergroup", "title": "Operators", "is_forum": True}
# Telegram's sender of messages an admin posts anonymously, as the group itself.
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                       "username": "GroupAnonymousBot"}
# read_block: see QUICK_READ_BLOCK (every stop of a bot waits for the poster's read to return).
FAST = {"escalate_after": 60.0, "claim_idle": 0.5, "tick": 0.1, "claim_every": 0.2,
        "read_block": QUICK_READ_BLOCK}

# Telegram's ~1 message/s per chat would make each test wait seconds for nothing.
FAST_LIMITER = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)

def settings_for(api: FakeBotAPI, framework: str, redis_url: str, *,
                 send_budget_s: float | None = None, **operators: Any) -> Settings:
    """Settings with the operators' chat OPS and operator OPERATOR; `send_budget_s` (seconds)
    shortens how long an update's replies may take before the rest are sent later."""
    budget = {} if send_budget_s is None else {"send_budget_s": send_budget_s}
    settings = make_settings(api, framework, redis_url, operator_chat_id=OPS, **budget)
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

    def __init__(self, settings: Settings, options: dict[str, float] | None = None,
                 checkin_options: dict[str, Any] | None = None) -> None:
        holder = shared_content()
        super().__init__(settings, real_engine, FAST_LIMITER, handoff_options={
            **FAST, "content": lambda: holder.content, **(options or {})},
            checkin_options=checkin_options)


class Replicas:
    """Several bots sharing Redis, settled together (for `Person`)."""

    def __init__(self, *bots: HandoffBot) -> None:
        self.bots = bots

    async def settle(self) -> None:
        for bot in self.bots:
            await bot.settle()


def person_name(person: Person) -> str:
    """The pseudonym operators see for `person`."""
    return pseudonym(person.user["id"])


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

    def __init__(self, api: FakeBotAPI, user_id: int = OPERATOR,
                 chat: dict[str, Any] | None = None) -> None:
        self.api = api
        self.user = {**user(user_id, "en"), "first_name": OPERATOR_NAME}
        self.chat = chat or OPS_CHAT

    async def press(self, data: str, message_id: int = 1) -> Call:
        mark = len(self.api.calls)
        message = {"message_id": message_id, "from": BOT_USER, "chat": self.chat,
                   "date": int(time.time()), "text": "..."}
        query_id = f"q{time.monotonic_ns()}"
        await self.api.push({"callback_query": {
            "id": query_id, "from": self.user, "chat_instance": "ops", "message": message,
            "data": data}})
        answers = await self.api.wait_calls("answerCallbackQuery", 1, since=mark)
        await self.api.quiet()
        return next(c for c in answers if c.params.get("callback_query_id") == query_id)

    async def write(self, text: str | None = None, *, thread_id: int | None = None,
                    reply_to: int | None = None, **extra: Any) -> int:
        """Post in the operators' chat: in a topic (`thread_id`), or replying to a message
        (`reply_to`; in a forum's General topic Telegram then sets message_thread_id to the
        reply chain without is_topic_message). Returns the message id."""
        if thread_id is not None:
            extra.update(message_thread_id=thread_id, is_topic_message=True)
        if reply_to is not None:
            extra["reply_to_message"] = {
                "message_id": reply_to, "from": BOT_USER, "chat": self.chat,
                "date": int(time.time()), "text": "...",
            }
            if self.chat.get("is_forum") and thread_id is None:
                extra["message_thread_id"] = reply_to
        update = message_update(self.api, self.user, text=text, chat=self.chat, **extra)
        await self.api.push(update)
        return int(update["message"]["message_id"])


class AnonymousAdmin(Operator):
    """An admin posting as the group: from GroupAnonymousBot, sender_chat = the group."""

    def __init__(self, api: FakeBotAPI, chat: dict[str, Any] | None = None) -> None:
        super().__init__(api, GROUP_ANONYMOUS_BOT["id"], chat)
        self.user = dict(GROUP_ANONYMOUS_BOT)

    async def write(self, text: str | None = None, *, thread_id: int | None = None,
                    reply_to: int | None = None, **extra: Any) -> int:
        return await super().write(text, thread_id=thread_id, reply_to=reply_to,
                                   sender_chat={k: v for k, v in self.chat.items()
                                                if k != "is_forum"}, **extra)


async def recorded(redis: Any, case_id: str, within: float = 15.0) -> None:
    """Wait until the bot has recorded the case's first alert as posted (its message id is
    what Take and Close edit; an operator faster than that gets notes instead of edits)."""
    deadline = time.monotonic() + within
    while not await redis.hget(f"smb:handoff:case:{case_id}", "posted"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"alert of case {case_id} not recorded")
        await asyncio.sleep(0.02)


def in_thread(thread: int | None) -> Callable[[Call], bool]:
    """A `where` for `sent_to`: posted in this topic (None: in the main chat)."""
    return lambda call: int(call.params.get("message_thread_id") or 0) == (thread or 0)


def replies_to(api: FakeBotAPI, message_id: int) -> list[Call]:
    """The bot's messages in the operators' chat that reply to `message_id`."""
    return [c for c in api.calls_to("sendMessage", OPS)
            if (c.params.get("reply_parameters") or {}).get("message_id") == message_id]


def case_of(call: Call) -> str:
    """The case id in an alert's buttons."""
    return call.payloads[0].split(":")[2]


async def sent_to(api: FakeBotAPI, chat_id: int, contains: str, count: int = 1,
                  since: int = 0, within: float = 15.0,
                  where: Callable[[Call], bool] = lambda call: True) -> list[Call]:
    """Wait for `count` sendMessage calls to `chat_id` whose text contains `contains` (and
    that satisfy `where`, e.g. a thread: refused attempts are calls too)."""
    deadline = time.monotonic() + within
    while True:
        found = [c for c in api.calls_to("sendMessage", chat_id, since)
                 if contains in c.text and where(c)]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {count} message(s) with {contains!r} to {chat_id}")
        await asyncio.sleep(0.05)


@dataclass(frozen=True)
class OpenCase:
    """A person at risk who agreed to be handed over, and the alert posted about them."""

    person: Person
    operator: Operator
    alert: Call  # the alert's sendMessage to the operators' chat (its buttons name the case)
    mark: int  # the number of Bot API calls before the operator took it (or after the alert)

    @property
    def id(self) -> str:
        return case_of(self.alert)

    @property
    def thread(self) -> int | None:
        """The case's forum topic (None: the alert is in the main chat)."""
        return int(self.alert.params.get("message_thread_id") or 0) or None

    async def reply(self, text: str) -> int:
        """The operator answers in the case: in its topic, else replying to the alert."""
        return await self.operator.write(
            text, thread_id=self.thread,
            reply_to=None if self.thread else self.alert.params.get("message_id"))


async def open_case(api: FakeBotAPI, person: Person, operator: Operator | None = None, *,
                    payload: str = "h:yes", joined: str = "") -> OpenCase:
    """The person reaches the human offer and agrees with `payload`; the alert is posted.
    With `operator`, they take the case and the person is told (a message containing
    `joined`, e.g. "подключился")."""
    await reach_consent(person)
    await consent(person, payload)
    alert = (await sent_to(api, OPS, "Case #"))[-1]
    mark = len(api.calls)
    if operator is not None:
        await operator.press(f"op:take:{case_of(alert)}")
        await sent_to(api, person.chat_id, joined, since=mark)
    return OpenCase(person, operator or Operator(api), alert, mark)


async def case_in_topic(api: FakeBotAPI, person: Person, payload: str = "h:text"
                        ) -> tuple[str, int]:
    """`open_case` without an operator, in topic mode: the case id and its topic's thread id."""
    opened = await open_case(api, person, payload=payload)
    assert opened.thread is not None, "the alert was posted outside a topic"
    return opened.id, opened.thread


def colleague(api: FakeBotAPI, user_id: int, name: str) -> Operator:
    """A second operator named `name`: a member of the operators' chat, not on OPERATOR_IDS."""
    api.members[OPS][user_id] = "member"
    other = Operator(api, user_id)
    other.user["first_name"] = name
    return other


async def silent_alarm(person: Person, api: FakeBotAPI, word: str, *,
                       posted: str = "Case #") -> Call:
    """/start, set the code word (exact only) and write it; the alert as posted (the first
    message with `posted`: another OPERATOR_LANGUAGE than English wants the pseudonym)."""
    await person.say("/start")
    await person.say("/codeword")
    await person.say(word)
    await person.press("sa:in:no")
    mark = len(api.calls)
    await person.say(word)
    # This person's alert: an earlier case may escalate meanwhile (a short escalate_after
    # under load), its copy naming another pseudonym; and under load this very case may be
    # escalated before the check reads the calls ("⏰ ESCALATED ...", alerts.py), a second
    # message naming this person: the alert is the one that is no escalation.
    (alert,) = await sent_to(api, OPS, posted, since=mark,
                             where=lambda call: person_name(person) in call.text
                             and not call.text.startswith("⏰"))
    return alert
