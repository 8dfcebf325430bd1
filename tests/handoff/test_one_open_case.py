"""One person has at most one open case, ever: the person asking again and an operator's
/reopen of the same closed case, or two replicas opening for the same person, never leave two
open cases (found by the breakers: the person's reopen lost to the operator's and then opened
a second case). Real redis-server, two handoffs sharing it, raced many times with gather."""

from __future__ import annotations

import asyncio
import random

from redis.asyncio import Redis

from bot.core.events import EventKind
from bot.handoff.service import QueueHandoff
from tests.handoff.conftest import OPERATOR, OPS_CHAT, MakeHandoff, OpInput, RecordingMessenger
from tests.handoff.conftest import alert as make_alert

USER = "r" * 32
CHAT = "5557"
ROUNDS = 40


async def open_cases(redis: Redis, user_key: str) -> list[str]:
    """Every case in Redis that is open (new or taken) and belongs to the person."""
    found = []
    async for key in redis.scan_iter("smb:handoff:case:*"):
        fields = await redis.hmget(key, "user_key", "state")
        if fields[0] == user_key and fields[1] in ("new", "taken"):
            found.append(str(key).rsplit(":", 1)[1])
    return found


def press(payload: str) -> OpInput:
    return OpInput(OPS_CHAT, OPERATOR, EventKind.BUTTON, payload=payload, callback_id="cb",
                   user_name="Alena")


def reopen_in(thread: int) -> OpInput:
    return OpInput(OPS_CHAT, OPERATOR, EventKind.COMMAND, text="/reopen", message_id=9000,
                   thread_id=thread, user_name="Alena")


async def post_queued(handoff: QueueHandoff) -> None:
    for item in await handoff.parts.queue.read(block_ms=10):
        await handoff.parts.queue.deliver(item, handoff.poster.post)


async def jittered(call: object) -> None:
    await asyncio.sleep(random.random() * 0.004)
    await call  # type: ignore[misc]


async def close_all(handoff: QueueHandoff, redis: Redis) -> None:
    for case_id in await open_cases(redis, USER):
        await handoff.handle_operator_update(press(f"op:close:{case_id}"))


async def test_the_person_asking_again_racing_an_operators_reopen_opens_one_case(
    make_handoff: MakeHandoff, redis_client: Redis,
) -> None:
    tg = RecordingMessenger()
    replica_a, replica_b = make_handoff(tg), make_handoff(tg)
    await replica_a.queue_alert(make_alert(USER, CHAT))
    await post_queued(replica_a)
    (case_id,) = await open_cases(redis_client, USER)
    thread = int(await redis_client.hget(f"smb:handoff:case:{case_id}", "thread_id") or 0)
    assert thread
    random.seed(7)
    for round_no in range(ROUNDS):
        await close_all(replica_a, redis_client)
        assert await open_cases(redis_client, USER) == []
        # The person asks again on one replica while an operator writes /reopen on another.
        await asyncio.gather(jittered(replica_b.queue_alert(make_alert(USER, CHAT))),
                             jittered(replica_a.handle_operator_update(reopen_in(thread))))
        opened = await open_cases(redis_client, USER)
        assert opened == [case_id], f"round {round_no}: open cases {opened}"


async def test_two_replicas_opening_for_the_same_person_at_once_open_one_case(
    make_handoff: MakeHandoff, redis_client: Redis,
) -> None:
    tg = RecordingMessenger()
    replicas = [make_handoff(tg) for _ in range(3)]
    random.seed(11)
    for round_no in range(ROUNDS):
        await close_all(replicas[0], redis_client)
        # A new person each other round (no case to reopen), the same one in between (reopen).
        await asyncio.gather(*(jittered(r.queue_alert(make_alert(USER, CHAT)))
                               for r in replicas))
        opened = await open_cases(redis_client, USER)
        assert len(opened) == 1, f"round {round_no}: open cases {opened}"
        if round_no % 2:
            await close_all(replicas[0], redis_client)
            await redis_client.delete(f"smb:case:{USER}")  # the window passed: no reopen
