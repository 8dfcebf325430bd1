"""A lone surrogate in what a person shares reaches operators as valid text (issue 19 item 7).

JSON can carry half of a UTF-16 pair (`"\\ud83d"`); Python decodes it into a `str` that every
UTF-8 encoder refuses (Redis, the Bot API client, the alert queue). Polling (the frameworks
parse getUpdates) and the webhook (our edge parses the body) both make such text valid.
"""

from __future__ import annotations

import json

import aiohttp
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from tests.handoff.telegram import OPS, HandoffBot, consent, reach_consent, sent_to, settings_for
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, message_update
from tests.helpers.redis_server import RedisServer, free_port
from tests.helpers.telegram_bot import Person

BROKEN = "у меня забрали паспорт \ud83d и не отпускают"  # a lone high surrogate
SECRET = "webhook-secret_123"


@pytest.fixture
async def handoff_bot():
    started: list[HandoffBot] = []

    async def start(bot: HandoffBot) -> HandoffBot:
        await bot.start()
        started.append(bot)
        return bot

    try:
        yield start
    finally:
        for bot in started:
            await bot.stop()


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_lone_surrogate_in_shared_words_still_alerts_operators(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    handoff_bot,
) -> None:
    bot = await handoff_bot(HandoffBot(settings_for(fake_api, framework, redis_server.url)))
    person = Person(bot, fake_api, 9191, "ru")
    await reach_consent(person, BROKEN)  # polling: the fake sends it as "\ud83d" in JSON
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "паспорт \ufffd и не отпускают" in alert.text  # the words, with one mark for the half


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_lone_surrogate_through_the_webhook_still_alerts_operators(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    handoff_bot,
) -> None:
    port = free_port()
    settings = settings_for(fake_api, framework, redis_server.url)
    settings.bot.mode = "webhook"
    settings.webhook.url = "https://bot.example.org/hook"
    settings.webhook.secret = SecretStr(SECRET)
    settings.webhook.listen = f"127.0.0.1:{port}"
    bot = await handoff_bot(HandoffBot(settings))
    person = {"id": 9292, "is_bot": False, "first_name": "P\ud800", "language_code": "ru"}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    steps = [message_update(fake_api, person, text="/start"),
             message_update(fake_api, person, text=BROKEN),
             callback_update(fake_api, person, "c:PL"), callback_update(fake_api, person, "h:text")]
    async with aiohttp.ClientSession() as http:
        for update_id, update in enumerate(steps, start=700):
            body = json.dumps({"update_id": update_id, **update}).encode()  # "\ud83d" escapes
            async with http.post(f"http://127.0.0.1:{port}/hook", data=body,
                                 headers=headers) as resp:
                assert resp.status == 200
            await fake_api.wait_calls("sendMessage", update_id - 699, chat_id=9292)
            await bot.settle()
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "паспорт \ufffd и не отпускают" in alert.text
