"""An operator's reply reaches the person once, even when Redis drops its connections while
Telegram is still delivering it.

The operators' side retries an update once after a dropped Redis connection (`once_more`).
Before, the whole update was retried, sendMessage to the person included: a connection
dropped after the reply was sent (when the bot records what it sent, for /hide and the audit
trail) made the person get the operator's words twice. Real redis-server, fake Bot API over
real HTTP, both adapters.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    consent,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


@FRAMEWORKS
async def test_a_reply_is_not_sent_twice_when_redis_drops_connections_while_it_is_sent(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, bots
) -> None:
    bot = await bots(HandoffBot(settings_for(fake_api, framework, durable_redis.url)))
    person, operator = Person(bot, fake_api, 917, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    alert = (await sent_to(fake_api, OPS, "Case #"))[-1]
    thread = int(alert.params.get("message_thread_id") or 0) or None
    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case_of(alert)}")
    await sent_to(fake_api, person.chat_id, "", since=mark)  # "an operator has joined"

    # Telegram takes a second to answer; meanwhile every connection to Redis is dropped.
    fake_api.slow("sendMessage", 1.5, chat_id=person.chat_id)
    mine = await operator.write("Мы вам звоним, держитесь", thread_id=thread,
                         reply_to=None if thread else alert.params.get("message_id"))
    await asyncio.sleep(0.5)
    await asyncio.to_thread(durable_redis.stop)
    await fake_api.quiet(2.0, within=30)
    await asyncio.to_thread(durable_redis.start)
    await asyncio.sleep(3)
    await fake_api.quiet(2.0, within=30)
    notes = [c.text for c in fake_api.calls_to("sendMessage", OPS)]
    texts = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id)]
    assert texts.count("Мы вам звоним, держитесь") == 1, (texts, notes[-4:])
    # It went: the operator is not told it is "held" (and later "sent" a second time).
    told = [c.text for c in fake_api.calls_to("sendMessage", OPS)
            if (c.params.get("reply_parameters") or {}).get("message_id") == mine]
    assert not any("Storage degraded" in t for t in told), told


@FRAMEWORKS
@pytest.mark.parametrize("taken", [True, False], ids=["taken", "waiting"])
async def test_a_persons_message_is_posted_in_the_case_once_when_redis_fails_right_after(
    framework: str, taken: bool, fake_api: FakeBotAPI, durable_redis: RedisServer, bots
) -> None:
    bot = await bots(HandoffBot(settings_for(fake_api, framework, durable_redis.url)))
    person, operator = Person(bot, fake_api, 918, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    alert = (await sent_to(fake_api, OPS, "Case #"))[-1]
    if taken:
        mark = len(fake_api.calls)
        await operator.press(f"op:take:{case_of(alert)}")
        await sent_to(fake_api, person.chat_id, "", since=mark)
    await fake_api.quiet(1.0, within=30)

    # The post in the case takes Telegram a second; meanwhile Redis goes away.
    fake_api.slow("sendMessage", 1.5, chat_id=OPS)
    await fake_api.push(message_update(fake_api, person.user, text="мне страшно, паспорт забрали"))
    await asyncio.sleep(0.5)
    await asyncio.to_thread(durable_redis.stop)
    await fake_api.quiet(2.0, within=30)
    await asyncio.to_thread(durable_redis.start)
    await fake_api.quiet(2.0, within=30)
    posts = [c.text for c in fake_api.calls_to("sendMessage", OPS)
             if "паспорт забрали" in c.text]
    assert len(posts) == 1, posts
