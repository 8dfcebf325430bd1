"""The outbox on a real redis-server: the answer is written with the session or not at all,
progress is kept, a done update says so, and /delete erases the person's entries.

The takeover itself (a replica killed mid-load) is tests/deploy/test_replica_kill.py.
"""

from __future__ import annotations

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.adapters.telegram.outbox import DONE, Plan, RedisOutbox
from bot.core.events import Button, OperatorAlert, Reply, Response
from bot.core.session import Session
from bot.storage.fallback import FallbackSessionStore
from bot.storage.health import RedisHealth
from bot.storage.keys import UserKey
from bot.storage.redis import RedisSessionStore

PERSON = "person-key-1"


def answer() -> Plan:
    alert = OperatorAlert(PERSON, "42", "risk", "ru", "PL", "high", ("passport_taken",),
                          ("Польша",), "у меня забрали паспорт")
    response = Response([Reply("Позвоните 112", [[Button("Польша", "c:PL")]])], [alert])
    return Plan.of(42, response.replies, response)


def stores(redis: Redis) -> tuple[FallbackSessionStore, RedisOutbox]:
    health = RedisHealth(redis)
    sessions = FallbackSessionStore(RedisSessionStore(redis), health)
    return sessions, RedisOutbox(redis, sessions, health)


async def test_the_answer_is_kept_with_the_session_and_its_progress(redis_client: Redis) -> None:
    sessions, outbox = stores(redis_client)
    session = Session(language="ru", destination="PL")

    assert await outbox.commit(PERSON, 7, session, answer())
    assert (await sessions.load(PERSON) or Session()).destination == "PL"
    found = await outbox.read(PERSON, 7)
    assert isinstance(found, Plan)
    assert found.replies == answer().replies and found.alerts == answer().alerts
    assert (found.queued, found.at) == (False, 0)

    await outbox.mark(PERSON, 7, queued=True)
    await outbox.mark(PERSON, 7, at=1)  # reply 0 started, its end unknown
    found = await outbox.read(PERSON, 7)
    assert isinstance(found, Plan) and (found.queued, found.at) == (True, 1)

    await outbox.finish(PERSON, 7)
    assert await outbox.read(PERSON, 7) == DONE
    assert await outbox.read(PERSON, 8) is None  # never answered: handled afresh
    key = str(UserKey("outbox", PERSON))
    assert "Позвоните" not in str(await redis_client.hgetall(key))  # the texts are gone
    assert await redis_client.ttl(key) > 0


async def test_either_both_or_neither(redis_client: Redis) -> None:
    """Redis refusing the write (full: OOM) writes neither the session nor the answer."""
    old = str((await redis_client.config_get("maxmemory"))["maxmemory"])
    await redis_client.config_set("maxmemory", 1)
    try:
        with pytest.raises(RedisError):
            await RedisSessionStore(redis_client).save(
                PERSON, Session(destination="PL"),
                also=lambda pipe: pipe.hset(str(UserKey("outbox", PERSON)), "7", "x"))
    finally:
        await redis_client.config_set("maxmemory", old)
    assert await redis_client.exists(str(UserKey("session", PERSON)),
                                     str(UserKey("outbox", PERSON))) == 0


async def test_delete_erases_the_persons_outbox(redis_client: Redis) -> None:
    sessions, outbox = stores(redis_client)
    assert await outbox.commit(PERSON, 7, Session(), answer())
    await sessions.delete_user(PERSON)
    assert await redis_client.exists(str(UserKey("outbox", PERSON))) == 0


async def test_an_answer_that_erases_the_person_is_not_kept(redis_client: Redis) -> None:
    _, outbox = stores(redis_client)
    plan = answer()
    plan.erase.append(PERSON)
    assert not await outbox.commit(PERSON, 7, None, plan)
    assert await redis_client.exists(str(UserKey("outbox", PERSON))) == 0
