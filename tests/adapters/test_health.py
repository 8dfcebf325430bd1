"""/healthz, /readyz and /metrics: in polling mode on their own port, in webhook mode on its."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.adapters.telegram.runner import EngineFactory
from bot.health import Readiness
from tests.helpers.fake_bot_api import FakeBotAPI, message_update, user
from tests.helpers.redis_server import RedisServer, free_port, running_redis
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

SECRET = "webhook-secret_123"
ROOT = Path(__file__).resolve().parents[2]


async def _get(url: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as http, http.get(url) as resp:
        if resp.content_type == "application/json":
            return resp.status, await resp.json()
        return resp.status, await resp.text()


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_polling_mode_serves_health_readiness_and_metrics(
    framework: str, fake_api: FakeBotAPI, redis_client: object, redis_server: RedisServer,
    running: Callable[..., Awaitable[RunningBot]], engine_factory: EngineFactory,
) -> None:
    port = free_port()
    settings = make_settings(fake_api, framework, redis_server.url,
                             health_listen=f"127.0.0.1:{port}")
    bot = await running(settings, engine_factory)
    base = f"http://127.0.0.1:{port}"

    assert (await _get(f"{base}/healthz"))[0] == 200
    status, body = await _get(f"{base}/readyz")
    assert status == 200, body
    assert body["checks"] == {"started": "ok", "redis": "ok", "content": "ok",
                              "operators_chat": "not configured"}

    await Person(bot, fake_api, 918273645, "en").say("/start")
    status, text = await _get(f"{base}/metrics")
    assert status == 200
    assert 'smb_handled_events_total{kind="command"} 1.0' in text
    assert "smb_replies_sent_total" in text
    assert "smb_redis_up 1.0" in text
    # Nothing that names a person: no Telegram id, no text the person wrote (sample values are
    # cut off first: a timestamp may hold any digits).
    named = "\n".join(line.rpartition(" ")[0] for line in text.splitlines()
                      if not line.startswith("#"))
    assert "918273645" not in named and "/start" not in text


async def test_readiness_fails_while_redis_is_away_and_liveness_does_not(
    fake_api: FakeBotAPI, running: Callable[..., Awaitable[RunningBot]],
    engine_factory: EngineFactory,
) -> None:
    port = free_port()
    with running_redis() as redis:
        settings = make_settings(fake_api, "aiogram", redis.url,
                                 health_listen=f"127.0.0.1:{port}")
        await running(settings, engine_factory)
        base = f"http://127.0.0.1:{port}"
        redis.stop()
        status, body = await _get(f"{base}/readyz")
        assert status == 503
        assert body["checks"]["redis"] != "ok" and body["checks"]["content"] == "ok"
        assert (await _get(f"{base}/healthz"))[0] == 200  # alive: no restart for a Redis outage
        redis.start()
        status, body = await _get(f"{base}/readyz")
        assert status == 200, body


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_webhook_mode_serves_readiness_and_metrics_on_its_port(
    framework: str, fake_api: FakeBotAPI, redis_client: object, redis_server: RedisServer,
    running: Callable[..., Awaitable[RunningBot]], engine_factory: EngineFactory,
) -> None:
    port = free_port()
    settings = make_settings(
        fake_api, framework, redis_server.url, mode="webhook",
        webhook_url="https://bot.example.org/tg/hook", webhook_secret=SECRET, webhook_port=port,
    )
    bot = await running(settings, engine_factory)
    base = f"http://127.0.0.1:{port}"
    update = {"update_id": 7, **message_update(fake_api, user(502, "ru"), text="/start")}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/tg/hook", json=update, headers=headers) as resp:
            assert resp.status == 200
    await fake_api.wait_calls("sendMessage", 1, chat_id=502)
    await bot.settle()

    status, body = await _get(f"{base}/readyz")
    assert status == 200 and body["ready"] is True
    status, text = await _get(f"{base}/metrics")
    assert 'smb_handled_events_total{kind="command"} 1.0' in text
    assert (await _get(f"{base}/healthz"))[0] == 200


async def test_the_health_command_answers_for_docker_healthcheck(
    fake_api: FakeBotAPI, redis_client: object, redis_server: RedisServer,
    running: Callable[..., Awaitable[RunningBot]], engine_factory: EngineFactory,
    tmp_path: Path,
) -> None:
    port = free_port()
    settings = make_settings(fake_api, "aiogram", redis_server.url,
                             health_listen=f"0.0.0.0:{port}")
    bot = await running(settings, engine_factory)

    async def health(*args: str) -> int:
        env = {**os.environ, "BOT_MODE": "polling", "BOT_HEALTH_LISTEN": f"0.0.0.0:{port}",
               "PYTHONPATH": str(ROOT)}
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "health", *args, env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )
        return await proc.wait()

    assert await health() == 0
    assert await health("--ready") == 0
    await bot.stop()
    assert await health() == 1


async def test_a_hanging_or_failing_check_makes_the_process_unready_not_crash() -> None:
    readiness = Readiness()
    readiness.started()

    async def broken() -> str | None:
        raise ConnectionError("no route")

    readiness.add("maxmemory_policy", broken)
    ready, checks = await readiness.report()
    assert not ready and checks["maxmemory_policy"] == "ConnectionError"
