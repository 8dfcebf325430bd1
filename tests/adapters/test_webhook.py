"""The webhook server: only Telegram (the secret) gets in; updates are answered; /healthz."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from bot.adapters.telegram.runner import EngineFactory
from tests.helpers.fake_bot_api import FakeBotAPI, message_update, user
from tests.helpers.redis_server import RedisServer, free_port
from tests.helpers.telegram_bot import RunningBot, make_settings

SECRET = "webhook-secret_123"


@pytest.fixture(params=["aiogram", "ptb"])
async def webhook_bot(
    request: pytest.FixtureRequest, fake_api: FakeBotAPI, redis_server: RedisServer,
    redis_client: object, running: Callable[..., Awaitable[RunningBot]],
    engine_factory: EngineFactory,
) -> str:
    port = free_port()
    settings = make_settings(
        fake_api, request.param, redis_server.url, mode="webhook",
        webhook_url="https://bot.example.org/tg/hook", webhook_secret=SECRET, webhook_port=port,
    )
    await running(settings, engine_factory)
    return f"http://127.0.0.1:{port}"


async def test_set_webhook_with_the_secret_on_start(webhook_bot: str, fake_api: FakeBotAPI) -> None:
    [call] = fake_api.calls_to("setWebhook")
    assert call.params["url"] == "https://bot.example.org/tg/hook"
    assert call.params["secret_token"] == SECRET


async def test_wrong_or_missing_secret_is_refused(webhook_bot: str, fake_api: FakeBotAPI) -> None:
    update = {"update_id": 1, **message_update(fake_api, user(77), text="/start")}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{webhook_bot}/tg/hook", json=update) as missing:
            assert missing.status == 401
        headers = {"X-Telegram-Bot-Api-Secret-Token": "guess"}
        async with http.post(f"{webhook_bot}/tg/hook", json=update, headers=headers) as wrong:
            assert wrong.status == 403
    await fake_api.quiet(0.5)
    assert fake_api.calls_to("sendMessage") == []


async def test_right_secret_is_accepted_and_answered(
    webhook_bot: str, fake_api: FakeBotAPI
) -> None:
    update = {"update_id": 2, **message_update(fake_api, user(78, "en"), text="/start")}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{webhook_bot}/tg/hook", json=update, headers=headers) as resp:
            assert resp.status == 200
        async with http.post(f"{webhook_bot}/tg/hook", data=b"{", headers=headers) as bad:
            assert bad.status == 400
    replies = await fake_api.wait_calls("sendMessage", 1, chat_id=78)
    assert replies[0].text


async def test_healthz(webhook_bot: str) -> None:
    async with aiohttp.ClientSession() as http, http.get(f"{webhook_bot}/healthz") as resp:
        assert resp.status == 200
        body = await resp.json()
    assert body["status"] == "ok" and body["redis"] == "up"
