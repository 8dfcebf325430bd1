"""The check-in scheduler also runs in webhook mode (the runner starts it in both modes)."""

from __future__ import annotations

import aiohttp
import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR, WEEK, CheckinPlan
from bot.checkin.store import PlanStore
from bot.config import OperatorSettings
from bot.privacy import Pseudonymizer
from tests.checkin.helpers import POLL, SECRET_KEY, FakeClock, untag
from tests.handoff.telegram import OPERATOR, OPS, HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, user
from tests.helpers.redis_server import RedisServer, free_port
from tests.helpers.telegram_bot import PSEUDONYM_KEY, make_settings

SECRET = "webhook-secret_123"


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_webhook_replica_asks_and_takes_the_answer(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    port = free_port()
    settings = make_settings(fake_api, framework, redis_server.url, mode="webhook",
                             webhook_url="https://bot.example.org/tg/hook",
                             webhook_secret=SECRET, webhook_port=port, operator_chat_id=OPS)
    settings.operators = OperatorSettings(
        _env_file=None,  # type: ignore[call-arg]
        chat_id=OPS, ids=str(OPERATOR))
    clock = FakeClock()
    user_key = Pseudonymizer(PSEUDONYM_KEY).user_key("tg:710")
    plan = CheckinPlan(chat_key="710", language="en", interval_s=DAY, duration_s=WEEK,
                       grace_s=6 * HOUR)
    plan.start(clock.now)
    await PlanStore(redis_client, SECRET_KEY).update(user_key, lambda _: plan, now=clock.now)

    bot = HandoffBot(settings, checkin_options={"clock": clock, "poll": POLL})
    await bot.start()
    try:
        clock.advance(DAY + 1)
        [question] = await fake_api.wait_calls("sendMessage", 1, chat_id=710)
        assert "How are things" in question.text and "ci:stop" in untag(question.payloads)
        update = {"update_id": 99, **callback_update(fake_api, user(710, "en"), "ci:stop")}
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{port}/tg/hook", json=update,
                                 headers=headers) as resp:
                assert resp.status == 200
        replies = await fake_api.wait_calls("sendMessage", 2, chat_id=710)
        assert "I will not ask any more" in replies[-1].text
        assert await PlanStore(redis_client, SECRET_KEY).load(user_key) is None
    finally:
        await bot.stop()
