"""Two bot processes behind a real haproxy, Redis with a replica and three real sentinels.

Hundreds of people write at once through haproxy, one replica is stopped and restarted in the
middle (a rolling update), then the Redis primary is killed while cases are open and Sentinel
promotes the replica. Nothing may be lost or doubled: every update Telegram sent is answered
once, every person's conversation reads the same as everybody else's with the same messages,
every person at risk gets exactly one alert, and an open case still reaches its topic after
the failover. The load generator behaves like Telegram: it retries an update until it gets 200.

To read the bots' logs after a failure: SMB_REPLICA_LOG_LEVEL=INFO SMB_KEEP_LOGS=/tmp/logs.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable

import aiohttp
import pytest

from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.ha import BotReplicas, SentinelRedis, behind_haproxy, bot_ready, wait_until
from tests.helpers.webhook_load import OPS, Person, Telegram, crowd, replica_env, wait_for

pytestmark = pytest.mark.replicas

OPERATOR = 4343
PEOPLE = 200  # x 5 updates each; PEOPLE // 10 of them are at risk
# Seconds more after a step's 60 s: an answer complete by then is late (printed), not lost. A
# saturated 2-core machine made a step take 50.7 s here (docs/DEPLOY-EVIDENCE.md).
LATE = 120.0
NORMAL_SCRIPT = [("text", "/start"), ("text", "хочу работать в Польше"), ("text", "/menu"),
                 ("text", "как проверить работодателя?"), ("text", "спасибо")]
RISK_SCRIPT = [("text", "/start"), ("text", "у меня забрали паспорт и не отпускают"),
               ("press", "c:PL"), ("press", "h:text"), ("case", "я в Варшаве, помогите")]


def transcript(api: FakeBotAPI, chat_id: int) -> list[str]:
    """What the person saw, with numbers (queue places) masked: the same script, the same text."""
    return [re.sub(r"\d+", "#", c.text) for c in api.calls_to("sendMessage", chat_id)]


def differences(seen: dict[tuple[str, ...], list[int]]) -> str:
    """Each transcript unlike the commonest one: who saw it, and its messages, shortened."""
    common = max(seen, key=lambda t: len(seen[t]))
    lines = [f"{len(seen[common])} people saw {len(common)} messages"]
    for other, people in seen.items():
        if other != common:
            at = next((n for n, (a, b) in enumerate(zip(common, other, strict=False)) if a != b),
                      min(len(common), len(other)))
            lines.append(f"{len(people)} people (e.g. {people[:3]}) saw {len(other)} messages, "
                         f"the first different one (#{at}): {other[at:at + 1]!r} instead of "
                         f"{common[at:at + 1]!r}")
    return "\n".join(lines)


def alerts(api: FakeBotAPI) -> list[Call]:
    return [c for c in api.calls_to("sendMessage", OPS) if "Case #" in c.text]


def from_memory(bots: BotReplicas) -> list[str]:
    """The replicas whose own log says Redis failed them and they answered from memory."""
    return [f"bot-{n}" for n in range(2) if "answering from memory" in bots.log(f"bot-{n}")]


async def followed(bots: BotReplicas, *steps: Awaitable[object]) -> None:
    """The people's steps. One that fell short: each replica logs where its tasks wait
    (SIGUSR1, tests/helpers/bot_process.py); then it is the documented exception (below) when
    a replica answered from memory, and a failure otherwise."""
    try:
        await asyncio.gather(*steps)
    except AssertionError as exc:
        for proc in bots.procs.values():
            os.kill(proc.pid, signal.SIGUSR1)
        await asyncio.sleep(2)
        if from_memory(bots):
            pytest.xfail(f"{', '.join(from_memory(bots))} answered from memory while Redis "
                         f"stalled (documented in docs/DEPLOY.md): {exc}")
        raise


@pytest.fixture
async def stack(fake_api: FakeBotAPI) -> AsyncIterator[tuple[SentinelRedis, BotReplicas, str]]:
    redis = SentinelRedis()
    try:
        await asyncio.to_thread(redis.up)
        env = replica_env(fake_api, OPERATOR, "replica-test-pseudonym-key",
                          REDIS_URL=redis.replica_url(), REDIS_SENTINELS=redis.sentinels,
                          REDIS_SENTINEL_MASTER="smb")
        async with behind_haproxy(env) as (bots, url):
            yield redis, bots, url
    finally:
        await asyncio.to_thread(redis.close)


async def test_replicas_and_a_redis_failover_lose_and_double_nothing(
    fake_api: FakeBotAPI, stack: tuple[SentinelRedis, BotReplicas, str]
) -> None:
    redis, bots, url = stack
    async with aiohttp.ClientSession() as http:
        telegram = Telegram(fake_api, url, http)
        # Two people go first, alone: what they see is what everybody must see.
        reference, risky, normal = await crowd(telegram, PEOPLE, NORMAL_SCRIPT, RISK_SCRIPT,
                                               late=LATE)
        at_risk = len(risky)
        everyone = risky + normal

        # Phase 1: everyone starts; halfway through, replica 0 is stopped (SIGTERM, as in a
        # rolling update) and started again. People at risk reach an open case.
        async def rolling_restart() -> None:
            await wait_for(fake_api, lambda: sum(p.done for p in everyone) >= PEOPLE,
                           "first updates answered")
            await asyncio.to_thread(bots.stop, "bot-0", grace=30.0)  # as Kubernetes waits
            await asyncio.sleep(0)
            bots.start_bot(0)
            await asyncio.to_thread(bot_ready, bots, 0)

        await followed(bots, rolling_restart(), *(p.steps(4) for p in risky),
                       *(p.steps(2) for p in normal))
        await wait_for(fake_api, lambda: len(alerts(fake_api)) >= at_risk + 1,
                       "every alert posted")

        # Phase 2: the Redis primary crashes with every case open; Sentinel promotes the replica.
        await asyncio.to_thread(redis.in_sync)
        old = await asyncio.to_thread(redis.kill_primary)
        await asyncio.to_thread(wait_until, "a new primary",
                                lambda: redis.primary_port() not in (None, old))
        late = [Person(telegram, 30_000 + n, RISK_SCRIPT, reference[1].counts, late=LATE)
                for n in range(5)]
        await followed(bots, *(p.steps(5) for p in risky + normal + late))
        await wait_for(fake_api, lambda: len(alerts(fake_api)) >= at_risk + len(late) + 1,
                       "alerts after the failover posted")
        await fake_api.quiet(1.0, within=60)
    for what, times in (("update to last message", "took"), ("first to last message", "spread")):
        slowest = sorted(((t, n, p.chat_id) for p in everyone + late
                          for n, t in enumerate(getattr(p, times))), reverse=True)[:3]
        print(f"slowest steps, {what} (s, step, person):",
              [(round(t, 1), n, c) for t, n, c in slowest])
    print("late, not lost:", [note for p in everyone + late for note in p.late_steps] or "none")

    # One alert and one topic per person at risk, before and after the failover.
    assert len(alerts(fake_api)) == at_risk + len(late) + 1
    topics = [c.params["name"] for c in fake_api.calls_to("createForumTopic", OPS)]
    assert len(topics) == len(set(topics)) == at_risk + len(late) + 1
    # Nothing lost, nothing doubled: people with the same messages saw the same answers.
    # The one documented exception (docs/DEPLOY.md): on a saturated machine a Redis command
    # can outlast the 2 s socket timeout right after the failover, and that replica answers
    # from memory for a moment while the other reads the session Redis holds, so a few
    # people are greeted as new, or a person at risk pressing their country is answered as if
    # no danger had been written (one message, not three: CI, person 30004). Their answers
    # then differ by design; it is reported as an expected failure naming the replica, never
    # as a pass, and only when the replica's own log says it answered from memory.
    memory = from_memory(bots)
    for group in ([reference[0], *normal], [reference[1], *risky, *late]):
        seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for person in group:
            seen[tuple(transcript(fake_api, person.chat_id))].append(person.chat_id)
        if len(seen) != 1 and memory:
            pytest.xfail(f"{', '.join(memory)} answered from memory while Redis stalled "
                         f"(documented in docs/DEPLOY.md): {differences(seen)}")
        assert len(seen) == 1, differences(seen)
