"""Redis came back empty (restart without persistence, failover to an empty replica): NOGROUP."""

from __future__ import annotations

import asyncio
import logging

import pytest
from redis.asyncio import Redis

from tests.handoff.conftest import OPS_CHAT, MakeHandoff, RecordingMessenger, alert
from tests.storage.conftest import run_until

TIMINGS = {"read_block": 0.05, "tick": 0.05, "claim_every": 0.05, "claim_idle": 0.05}


async def test_an_alert_queued_after_redis_lost_its_data_is_still_posted(
    redis_client: Redis, make_handoff: MakeHandoff, caplog: pytest.LogCaptureFixture,
) -> None:
    messenger = RecordingMessenger()
    handoff = make_handoff(messenger, **TIMINGS)
    await handoff.alert(alert(user_key="a" * 32))
    await run_until(handoff, lambda: len(messenger.to(OPS_CHAT)) == 1)
    assert len(messenger.to(OPS_CHAT)) == 1

    await redis_client.flushall()  # the consumer group is gone with everything else
    await handoff.alert(alert(user_key="b" * 32, country="LT"))
    with caplog.at_level(logging.WARNING):
        await run_until(handoff, lambda: len(messenger.to(OPS_CHAT)) == 2)

    _, second = messenger.to(OPS_CHAT)
    assert "Lithuania" in second.reply.text  # the country by name, not its code
    missing = [r for r in caplog.records if "consumer group was missing" in r.getMessage()]
    assert len(missing) == 1
    assert not any("Redis unavailable" in r.getMessage() for r in caplog.records)


async def test_a_blocked_read_whose_stream_vanished_goes_on(
    redis_client: Redis, make_handoff: MakeHandoff, caplog: pytest.LogCaptureFixture,
) -> None:
    messenger = RecordingMessenger()
    handoff = make_handoff(messenger, read_block=2.0, tick=0.05, claim_every=5.0)
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING):
        task = asyncio.create_task(handoff.run(stop))
        await asyncio.sleep(0.3)  # the poster is blocked in XREADGROUP now
        await redis_client.flushall()
        await handoff.alert(alert(user_key="c" * 32, country="LT"))
        for _ in range(250):
            if messenger.to(OPS_CHAT):
                break
            await asyncio.sleep(0.02)
        stop.set()
        await task
    [posted] = messenger.to(OPS_CHAT)
    assert "Lithuania" in posted.reply.text
    assert not any("Redis unavailable" in r.getMessage() for r in caplog.records)
