"""An evicting Redis is refused at start: evicted keys are cases and alerts lost without a trace."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys

import pytest
from redis.asyncio import Redis

from bot.config import REPO_ROOT
from bot.metrics import Metrics
from bot.storage.health import RedisHealth
from bot.storage.memory import EvictionRefused
from bot.storage.redis import connect
from tests.helpers.redis_server import RedisServer, running_redis

TOKEN = "123456:" + "A" * 35


def run_bot(redis_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot run` as an NGO would start it, against the given Redis."""
    environ = {
        **os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "BOT_PSEUDONYM_KEY": "k" * 32,
        "REDIS_URL": redis_url, "TELEGRAM_API_BASE": "http://127.0.0.1:9", **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=REPO_ROOT, env=environ, text=True,
        capture_output=True, timeout=60,
    )


@pytest.mark.parametrize("policy", ["allkeys-lru", "volatile-ttl"])
def test_the_bot_refuses_to_start_on_an_evicting_redis_with_one_line_naming_the_fix(
    policy: str,
) -> None:
    with running_redis({"maxmemory": "64mb", "maxmemory-policy": policy}) as server:
        done = run_bot(server.url)
    assert done.returncode == 2
    [line] = [line for line in done.stderr.splitlines() if line.strip()]
    assert line.startswith("configuration error: Redis maxmemory-policy is " + policy)
    assert "maxmemory-policy noeviction" in line and "REDIS_ACCEPT_EVICTION" in line


@pytest.mark.parametrize("policy", ["allkeys-lfu", "volatile-lru", "volatile-random"])
async def test_every_evicting_policy_is_refused(policy: str) -> None:
    with running_redis({"maxmemory-policy": policy}) as server:
        health = RedisHealth(connect(server.url))
        with pytest.raises(EvictionRefused, match="noeviction"):
            await health.check()
        assert health.readiness()["ready"] is False
        await health.redis.aclose()


async def test_accepting_eviction_starts_but_readiness_names_the_danger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with running_redis({"maxmemory-policy": "allkeys-lru"}) as server:
        health = RedisHealth(connect(server.url), accept_eviction=True)
        with caplog.at_level(logging.ERROR):
            memory = await health.check()
        assert memory.policy == "allkeys-lru"
        ready = health.readiness()
        assert ready["maxmemory_policy"] == "allkeys-lru" and "noeviction" in str(ready["problem"])
        assert any("accepted by REDIS_ACCEPT_EVICTION" in r.getMessage() for r in caplog.records)
        await health.redis.aclose()


async def test_noeviction_is_ready_and_reports_memory_in_readiness_and_metrics(
    redis_server: RedisServer, redis_client: Redis,
) -> None:
    metrics = Metrics()
    health = RedisHealth(connect(redis_server.url), metrics=metrics)
    memory = await health.check()
    assert memory.policy == "noeviction"
    ready = health.readiness()
    assert ready["ready"] is True and ready["redis"] == "up" and "problem" not in ready
    assert int(str(ready["used_memory"])) > 0
    sample = metrics.registry.get_sample_value
    assert sample("smb_redis_used_memory_bytes") == memory.used
    assert sample("smb_redis_maxmemory_bytes") == memory.maxmemory
    assert sample("smb_redis_evicted_keys") == 0
    assert b"smb_redis_used_memory_bytes" in metrics.exposition()
    await health.redis.aclose()


async def test_a_failover_to_an_evicting_redis_is_reported_when_it_comes_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = RedisServer({"maxmemory-policy": "noeviction"})
    server.start()
    try:
        health = RedisHealth(connect(server.url), probe_interval=0.01)
        await health.check()
        server.stop()
        server.config["maxmemory-policy"] = "allkeys-lru"
        server.start()
        health.failed(ConnectionError("gone"))  # what a call during the restart records
        with caplog.at_level(logging.ERROR):
            for _ in range(5):  # the first probe may meet the old server's dead connection
                await asyncio.sleep(0.02)
                if await health.available():
                    break
            assert health.up
        assert health.readiness()["ready"] is False
        assert any("maxmemory-policy is allkeys-lru" in r.getMessage() for r in caplog.records)
        await health.redis.aclose()
    finally:
        server.close()
