"""A bot process killed while its alert post is in flight: the alert comes again, marked.

The Bot API has no idempotency key, so after a kill between Telegram taking an alert and the
bot recording its message id nobody knows whether the alert is in the operators' chat. The
bot records "posting started" before the sendMessage; the process that takes the alert up
next posts it once more, saying it may be a repeat of alert #<case id>: operators see one
case, never two that look like different people. Real processes (the real runner, webhook
mode, real redis-server), the fake Bot API over HTTP answering the alert's sendMessage only
after the process is dead (the message itself is in the chat at once, as with Telegram).
"""

from __future__ import annotations

import asyncio
import re
import signal

import aiohttp
import pytest
from redis.asyncio import Redis

from tests.helpers.bot_process import POST_LOCK_ENV
from tests.helpers.fake_bot_api import TOKEN, FakeBotAPI, callback_update, message_update
from tests.helpers.fake_bot_api import user as tg_user
from tests.helpers.ha import BotReplicas, wait_until
from tests.helpers.redis_server import RedisServer
from tests.helpers.webhook_load import OPS, SECRET, Telegram

OPERATOR = 4343
PERSON = 777
STEPS = [("text", "/start"), ("text", "у меня забрали паспорт и не отпускают"),
         ("press", "c:PL"), ("press", "h:text")]
REPEAT = re.compile(r"Possibly a repeat of alert #(\S+):")


def alerts(api: FakeBotAPI) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", OPS) if "Case #" in c.text]


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_an_alert_whose_post_was_cut_by_a_kill_comes_again_marked_as_a_repeat(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
) -> None:
    # redis_client empties Redis first: update ids restart at 1 in every test, and the
    # de-duplication would take them for redeliveries.
    bots = BotReplicas({
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": fake_api.base_url,
        "TELEGRAM_FRAMEWORK": framework, "BOT_MODE": "webhook",
        "WEBHOOK_URL": "https://bot.example.org/telegram/hook", "WEBHOOK_SECRET": SECRET,
        "BOT_PSEUDONYM_KEY": "killed-post-key", "REDIS_URL": redis_server.url,
        "OPERATOR_CHAT_ID": str(OPS), "OPERATOR_IDS": str(OPERATOR), "BOT_LOG_LEVEL": "INFO",
        # The killed process's posting lock runs out in 2 s, not 20: the next process takes
        # the alert up as soon as it is ready instead of waiting out the default.
        POST_LOCK_ENV: "2",
    }, count=1)
    person = tg_user(PERSON, "ru")
    try:
        bots.start_bot(0)
        await asyncio.to_thread(wait_until, "bot ready", lambda: bots.ready(0), 90)
        # Telegram takes the alert at once but its answer is late: the kill comes first.
        fake_api.slow("sendMessage", 60.0, chat_id=OPS)
        async with aiohttp.ClientSession() as http:
            telegram = Telegram(fake_api, f"http://127.0.0.1:{bots.ports[0]}/telegram/hook",
                                http)
            for kind, value in STEPS:
                mark = len(fake_api.calls)
                update = (callback_update(fake_api, person, value, message_id=1)
                          if kind == "press" else message_update(fake_api, person, text=value))
                await telegram.deliver(update)
                await fake_api.wait_calls("sendMessage", 1, PERSON, since=mark, within=60)
            await fake_api.wait_calls("sendMessage", 1, OPS, within=60)
            assert len(alerts(fake_api)) == 1
            await asyncio.to_thread(bots.stop, "bot-0", signal.SIGKILL)

            bots.start_bot(0)  # the next process takes the alert up from the queue
            await fake_api.wait_calls("sendMessage", 2, OPS, within=90)
            await fake_api.quiet(2.0, within=30)
    finally:
        log = bots.log("bot-0")
        await asyncio.to_thread(bots.close)

    first, again = alerts(fake_api)  # posted once more, and only once
    case_id = re.search(r"Case #(\S+)", first).group(1)  # type: ignore[union-attr]
    assert REPEAT.search(first) is None
    marked = REPEAT.search(again)
    assert marked is not None, again
    assert marked.group(1) == case_id  # the same case, said so
    assert f"Case #{case_id}" in again
    assert first.splitlines()[0] == again.splitlines()[0]  # the same pseudonym
    assert "possible repeat" in log
