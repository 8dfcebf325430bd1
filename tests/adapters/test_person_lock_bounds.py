"""A person's lock never outlives the update in hand, and nobody waits on it forever.

From bench_deploy (two webhook replicas, 2026-11-30 08:46 run): a person's step 4 was never
handled while steps 2 and 3, on the other replica, each waited out the lock (45 s, logged).
The replica that held the lock ended its log without "webhook stopped": an update of that
person was still in hand there at stop. The cross-replica wait is bounded (`wait`, logged);
the wait for the same person's update in the same process was not (a bare asyncio.Lock), so
one stuck handler silently held every later update of that person in that process: never
answered, and a stop (drain) waited for them too.

Real redis-server; two `PersonLocks` on one Redis are two replicas. A handler made stuck is
an `asyncio.Event` never set inside `hold()`; through the whole bot (the fake Bot API over
HTTP), an engine whose `handle` does not return for one message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.locks import PersonLocks
from bot.adapters.telegram.runner import EngineFactory
from bot.config import Settings
from bot.core.events import IncomingEvent
from bot.core.session_store import SessionStore
from bot.storage.health import RedisHealth
from bot.storage.keys import UserKey
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

PERSON = "person-a"
WAIT = 0.5  # seconds a waiter gives the holder
LEASE = 0.6  # renewed every 0.2 s while held
NEVER = 10.0  # "forever", for a test: far past every bound above


def replica(redis: Redis) -> PersonLocks:
    return PersonLocks(RedisHealth(redis), lease=LEASE, wait=WAIT, poll=0.02)


async def stuck_handler(locks: PersonLocks, entered: asyncio.Event) -> None:
    async with locks.hold(PERSON):
        entered.set()
        await asyncio.Event().wait()  # never set: a handler that does not end


async def test_the_next_update_in_the_same_process_goes_ahead_of_a_stuck_one(
        redis_client: Redis, caplog: pytest.LogCaptureFixture) -> None:
    locks = replica(redis_client)
    entered = asyncio.Event()
    stuck = asyncio.create_task(stuck_handler(locks, entered))
    await entered.wait()
    handled: list[str] = []

    async def next_update() -> None:
        async with locks.hold(PERSON):
            handled.append("step 4")

    try:
        with caplog.at_level(logging.WARNING, "bot.adapters.telegram.locks"):
            await asyncio.wait_for(next_update(), NEVER)
    finally:
        stuck.cancel()
        await asyncio.gather(stuck, return_exceptions=True)
    assert handled == ["step 4"]
    assert "person lock not released within" in caplog.text
    # The stuck one ended (cancelled): its lease went with it, the person is free everywhere.
    assert not await redis_client.exists(str(UserKey("lock", PERSON)))
    async with asyncio.timeout(WAIT / 2):
        async with replica(redis_client).hold(PERSON):
            pass


async def test_waiting_behind_a_stuck_update_is_bounded_for_every_waiter(
        redis_client: Redis) -> None:
    """Several updates of the person queued behind the stuck one: each goes ahead in time
    (none waits for the one before it to give up first)."""
    locks = replica(redis_client)
    entered = asyncio.Event()
    stuck = asyncio.create_task(stuck_handler(locks, entered))
    await entered.wait()
    handled: list[int] = []

    async def update(n: int) -> None:
        async with locks.hold(PERSON):
            handled.append(n)

    try:
        await asyncio.wait_for(asyncio.gather(*(update(n) for n in range(3))), NEVER)
    finally:
        stuck.cancel()
        await asyncio.gather(stuck, return_exceptions=True)
    assert sorted(handled) == [0, 1, 2]


@pytest.mark.parametrize("ending", ["returns", "raises", "cancelled"])
async def test_the_lease_ends_with_the_handler(redis_client: Redis, ending: str) -> None:
    """However the handler ends, its renewal stops and the other replica gets the person at
    once (not after a lease, not after `wait`)."""
    one, other = replica(redis_client), replica(redis_client)
    key = str(UserKey("lock", PERSON))
    entered, go_on = asyncio.Event(), asyncio.Event()

    async def handler() -> None:
        async with one.hold(PERSON):
            entered.set()
            await go_on.wait()
            if ending == "raises":
                raise RuntimeError("the engine failed")

    task = asyncio.create_task(handler())
    await entered.wait()
    await asyncio.sleep(LEASE * 1.5)  # renewed meanwhile: still held past one lease
    assert await redis_client.exists(key)
    if ending == "cancelled":
        task.cancel()
    else:
        go_on.set()
    await asyncio.gather(task, return_exceptions=True)
    assert not await redis_client.exists(key)
    renewals = [t for t in asyncio.all_tasks() if "_renew" in repr(t.get_coro())]
    assert renewals == []
    async with asyncio.timeout(WAIT / 2):
        async with other.hold(PERSON):
            pass



class Said(logging.Handler):
    """Counts the log lines of the locks module that contain `words`; `event` at the first."""

    def __init__(self, words: str) -> None:
        super().__init__(logging.WARNING)
        self.words = words
        self.lines: list[str] = []
        self.event = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.words in record.getMessage():
            self.lines.append(record.getMessage())
            self.event.set()


async def test_a_lock_held_past_the_wait_is_logged_by_its_holder(redis_client: Redis) -> None:
    """In the bench run only the waiters logged; the replica holding the lock said nothing.
    The holder now says it still holds the person past `wait` (once, no person named)."""
    locks = replica(redis_client)
    entered = asyncio.Event()
    said = Said("person lock held over")
    logger = logging.getLogger("bot.adapters.telegram.locks")
    logger.addHandler(said)
    stuck = asyncio.create_task(stuck_handler(locks, entered))
    try:
        await entered.wait()
        await asyncio.wait_for(said.event.wait(), NEVER)
        await asyncio.sleep(LEASE * 2)  # further renewals do not repeat it
    finally:
        logger.removeHandler(said)
        stuck.cancel()
        await asyncio.gather(stuck, return_exceptions=True)
    assert len(said.lines) == 1
    assert PERSON not in said.lines[0]


STUCK_TEXT = "это сообщение обработчик не закончит"


async def test_the_bot_answers_the_next_message_while_one_handler_is_stuck(
        fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
        running: Callable[..., Awaitable[RunningBot]], engine_factory: EngineFactory) -> None:
    """The whole bot (aiogram; the locks are below the framework): one message's handling
    never ends (an engine stuck inside the person's lock); their next message is answered,
    within the lock's wait (lease + 2 send budgets = 1.5 s here), not never."""
    release = asyncio.Event()
    stuck_in: list[str] = []

    async def factory(settings: Settings, store: SessionStore) -> Engine:
        engine = await engine_factory(settings, store)
        handle = engine.handle

        async def stuck_handle(event: IncomingEvent, *args: Any, **kwargs: Any) -> Any:
            if event.text == STUCK_TEXT:
                stuck_in.append(event.user_key)
                await release.wait()
            return await handle(event, *args, **kwargs)

        setattr(engine, "handle", stuck_handle)  # noqa: B010 (the engine's injection point)
        return engine

    settings = make_settings(fake_api, "aiogram", redis_server.url, lock_lease_s=0.5,
                             send_budget_s=0.5)
    bot = await running(settings, factory)
    person = Person(bot, fake_api, 20_004, "ru")
    await person.say("/start")
    await fake_api.push(message_update(fake_api, person.user, text=STUCK_TEXT))
    try:
        async with asyncio.timeout(NEVER):
            while not stuck_in:  # noqa: ASYNC110 (the engine is not ours to signal from)
                await asyncio.sleep(0.02)
        mark = len(fake_api.calls)
        await fake_api.push(message_update(fake_api, person.user,
                                           text="как проверить работодателя?"))
        answered = await fake_api.wait_calls("sendMessage", 1, person.chat_id, since=mark,
                                             within=NEVER)
        assert answered
    finally:
        release.set()
    await bot.settle()
