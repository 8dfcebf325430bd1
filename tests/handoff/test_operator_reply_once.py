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

from tests.handoff.conftest import OutageCase
from tests.handoff.telegram import FRAMEWORKS, OPS, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.redis_server import RedisServer


@FRAMEWORKS
async def test_a_reply_is_not_sent_twice_when_redis_drops_connections_while_it_is_sent(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, outage_case: OutageCase
) -> None:
    case = await outage_case(framework, 917)  # taken: "an operator has joined"
    person = case.person

    # Telegram takes a second to answer; meanwhile every connection to Redis is dropped.
    fake_api.slow("sendMessage", 1.5, chat_id=person.chat_id)
    mark = len(fake_api.calls)
    mine = await case.reply("Мы вам звоним, держитесь")
    await sent_to(fake_api, person.chat_id, "Мы вам звоним", since=mark)  # in flight
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
    framework: str, taken: bool, fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    person = (await outage_case(framework, 918, take=taken)).person
    await fake_api.quiet(1.0, within=30)

    # The post in the case takes Telegram a second; meanwhile Redis goes away.
    fake_api.slow("sendMessage", 1.5, chat_id=OPS)
    mark = len(fake_api.calls)
    await fake_api.push(message_update(fake_api, person.user, text="мне страшно, паспорт забрали"))
    await sent_to(fake_api, OPS, "паспорт забрали", since=mark)  # in flight
    await asyncio.to_thread(durable_redis.stop)
    await fake_api.quiet(2.0, within=30)
    await asyncio.to_thread(durable_redis.start)
    await fake_api.quiet(2.0, within=30)
    posts = [c.text for c in fake_api.calls_to("sendMessage", OPS)
             if "паспорт забрали" in c.text]
    assert len(posts) == 1, posts
