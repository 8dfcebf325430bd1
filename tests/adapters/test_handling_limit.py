"""One update's handling holds the person's lock for `BOT_HANDLING_LIMIT_S` at most, and nothing
is lost when it is cut there.

From bench_deploy (two webhook replicas, 2026-11-30 08:46 run): one update of a person stayed
in hand on one replica for minutes, renewing the person's lock, while their next two updates on
the other replica each waited out the lock (45 s) and went ahead without it. Everything under
the lock was bounded on its own (the send budget, Redis timeouts), the sum was not, and a
retry loop there could hold it as long as Telegram's flood control asked. Now the handling is
cut at the limit: the lock is released, the cut counted (`smb_handling_overruns{stage}`), and
what is left tried again outside the lock: the whole update when it was cut before its answer
was made, else the answer's rest from the outbox, the operator alert first.

Real redis-server, the fake Bot API over real HTTP, aiogram (both adapters for the 429: each
reads Telegram's retry_after its own way); a slow part is an engine call that does not return
(an `asyncio.Event` never set), once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.config import Settings
from bot.core.events import IncomingEvent
from bot.core.session_store import SessionStore
from tests.handoff.telegram import FAST, OPS, real_engine, sent_to, settings_for
from tests.helpers.engine import shared_content
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, message_update
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, started

SAID = "у меня забрали паспорт и не отпускают"
COUNTRY_QUESTION = "В какой Вы стране?"
SEND_BUDGET = 0.5
LIMIT = 2.0  # seconds a handling may hold the person's lock
NEVER = 20.0  # "never", for a test: far past every bound above


class Stuck:
    """Makes the engine's `method` not return for the first `times` calls `when` picks."""

    def __init__(self, method: str, when: Callable[[Any], bool] = lambda arg: True,
                 times: int = 1) -> None:
        self.method = method
        self.when = when
        self.times = times
        self.calls = 0
        self.entered = asyncio.Event()

    async def factory(self, settings: Settings, store: SessionStore) -> Engine:
        engine = await real_engine(settings, store)
        real = getattr(engine, self.method)

        async def stuck(first: Any, *args: Any, **kwargs: Any) -> Any:
            if self.calls < self.times and self.when(first):
                self.calls += 1
                self.entered.set()
                await asyncio.Event().wait()  # a Redis or a model that does not answer
            return await real(first, *args, **kwargs)

        setattr(engine, self.method, stuck)  # the engine's injection point
        return engine


def overruns(bot: RunningBot, stage: str) -> float:
    value = bot.metrics.registry.get_sample_value("smb_handling_overruns_total",
                                                  {"stage": stage})
    return value or 0.0


def limited_settings(fake_api: FakeBotAPI, framework: str, redis_url: str) -> Settings:
    settings = settings_for(fake_api, framework, redis_url, send_budget_s=SEND_BUDGET)
    settings.bot.handling_limit_s = LIMIT
    settings.bot.lock_lease_s = 1.0
    return settings


def handoff_bot(settings: Settings, factory: Any = real_engine) -> RunningBot:
    """The bot with the durable handoff (as tests/handoff), its own outgoing limiter."""
    holder = shared_content()
    limiter = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)
    return RunningBot(settings, factory, limiter,
                      handoff_options={**FAST, "content": lambda: holder.content})


@pytest.fixture
async def stuck_bot(request: pytest.FixtureRequest, fake_api: FakeBotAPI,
                    redis_server: RedisServer, redis_client: Redis
                    ) -> AsyncIterator[tuple[RunningBot, Stuck]]:
    stuck: Stuck = request.param
    settings = limited_settings(fake_api, "aiogram", redis_server.url)
    async with started(handoff_bot(settings, stuck.factory)) as bot:
        yield bot, stuck


def said(event: Any) -> bool:
    return isinstance(event, IncomingEvent) and event.text == SAID


async def said_while_stuck(bot: RunningBot, stuck: Stuck, api: FakeBotAPI,
                           user_id: int) -> tuple[Person, int]:
    """A person after /start sends SAID; returns once the engine is stuck on it, with the
    calls' mark from before it."""
    person = Person(bot, api, user_id, "ru")
    await person.say("/start")
    mark = len(api.calls)
    await api.push(message_update(api, person.user, text=SAID))
    await asyncio.wait_for(stuck.entered.wait(), NEVER)
    return person, mark


@pytest.mark.parametrize("stuck_bot", [Stuck("handle", said)], indirect=True)
async def test_a_danger_message_whose_engine_call_is_cut_is_answered_with_the_numbers(
        stuck_bot: tuple[RunningBot, Stuck], fake_api: FakeBotAPI, redis_client: Redis
) -> None:
    """Cut before the answer was made (the engine did not return): the person's lock is free
    at the limit, the emergency numbers are sent at once from the content, and the update is
    handled again: the rest of its answer (the country question) follows, without the numbers
    a second time."""
    bot, stuck = stuck_bot
    person, mark = await said_while_stuck(bot, stuck, fake_api, 30_001)

    await sent_to(fake_api, person.chat_id, "112", since=mark, within=NEVER)
    [question] = await sent_to(fake_api, person.chat_id, COUNTRY_QUESTION, since=mark,
                               within=NEVER)

    assert "112" not in question.text  # the numbers at once after the cut, not again
    assert overruns(bot, "answer") == 1
    await bot.settle()
    assert len([c for c in fake_api.calls_to("sendMessage", person.chat_id, mark)
                if "112" in c.text]) == 1
    assert not [key async for key in redis_client.scan_iter("smb:lock:*")]


@pytest.mark.parametrize("stuck_bot", [Stuck("handle", said, times=1000)], indirect=True)
async def test_a_danger_message_whose_engine_stays_stuck_still_gets_the_numbers(
        stuck_bot: tuple[RunningBot, Stuck], fake_api: FakeBotAPI
) -> None:
    """The engine does not answer that message however often it is tried (a Redis that does
    not answer): the emergency numbers still arrive, one limit after the message."""
    bot, stuck = stuck_bot
    person, mark = await said_while_stuck(bot, stuck, fake_api, 30_004)

    await sent_to(fake_api, person.chat_id, "112", since=mark, within=NEVER)
    assert overruns(bot, "answer") == 1


def keeps_a_case(user_key: Any) -> bool:
    return True


@pytest.mark.parametrize("stuck_bot", [Stuck("keep_case", keeps_a_case)], indirect=True)
async def test_an_answer_cut_after_its_alert_was_queued_is_finished_without_a_second_alert(
        stuck_bot: tuple[RunningBot, Stuck], fake_api: FakeBotAPI
) -> None:
    """Cut after the engine answered "yes, a person" (alert queued, the case being kept in the
    session): the answer's rest comes from the outbox: the reply arrives, one alert only."""
    bot, stuck = stuck_bot
    person = Person(bot, fake_api, 30_002, "ru")
    await person.say("/start")
    await person.say(SAID)
    await person.press("c:PL")
    mark = len(fake_api.calls)
    await fake_api.push(callback_update(fake_api, person.user, "h:yes"))
    await asyncio.wait_for(stuck.entered.wait(), NEVER)

    await fake_api.wait_calls("sendMessage", 1, person.chat_id, since=mark, within=NEVER)
    await sent_to(fake_api, OPS, "Case #", since=mark, within=NEVER)
    await bot.settle()
    await fake_api.quiet()

    assert overruns(bot, "answer") == 1
    assert len([c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
                if "Case #" in c.text]) == 1


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_flood_wait_is_not_sat_out_under_the_persons_lock(
        framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    """Telegram answers 429 with a retry_after past the budget for the person's chat when they
    ask for a person: the alert reaches the operators at once, the person's lock is free
    while the flood control lasts (their next message would not wait on it), and the reply
    arrives once it is over."""
    retry_after = 5
    settings = limited_settings(fake_api, framework, redis_server.url)
    async with started(handoff_bot(settings)) as bot:
        person = Person(bot, fake_api, 30_003, "ru")
        await person.say("/start")
        await person.say(SAID)
        await person.press("c:PL")
        fake_api.fail("sendMessage", 429, "Too Many Requests: retry after 5",
                      retry_after=retry_after, chat_id=person.chat_id)
        mark = len(fake_api.calls)
        await fake_api.push(callback_update(fake_api, person.user, "h:yes"))
        refused = await fake_api.wait_calls("sendMessage", 1, person.chat_id, since=mark,
                                            within=NEVER)
        assert refused
        loop = asyncio.get_running_loop()
        start = loop.time()
        flood_ends = start + retry_after
        await sent_to(fake_api, OPS, "Case #", since=mark, within=retry_after - 1.5)

        # From two budgets after the refusal (the first try cut) to just before the flood
        # control ends.
        await asyncio.sleep(max(start + 2 * SEND_BUDGET - loop.time(), 0))
        held = 0
        while loop.time() < flood_ends - 0.3:
            held += len([key async for key in redis_client.scan_iter("smb:lock:*")])
            await asyncio.sleep(0.05)
        assert held == 0, "the person's lock was held while Telegram asked to wait"

        await fake_api.wait_calls("sendMessage", 2, person.chat_id, since=mark, within=NEVER)
        await bot.settle()
        assert overruns(bot, "answer") == 0  # cut by the send budget, not the limit
