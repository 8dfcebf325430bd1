"""An operator's reply in an open case during a Redis outage is held, then passed on.

Which person a case belongs to lives in Redis. Before, an operator writing while Redis was
down was told "NOT passed on, try again": nothing silent, but the person waited for a reply
that the operator had to remember to send again. Now the process holds it, says so in the
case at once, and passes it on when Redis is back, saying "sent". A real redis-server (with
its append-only file, so the case survives) is stopped and started; both adapters.
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
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


def replies_to(api: FakeBotAPI, message_id: int) -> list[Call]:
    return [c for c in api.calls_to("sendMessage", OPS)
            if (c.params.get("reply_parameters") or {}).get("message_id") == message_id]


@FRAMEWORKS
async def test_a_reply_written_while_redis_is_down_reaches_the_person_when_it_is_back(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, bots
) -> None:
    bot = await bots(HandoffBot(settings_for(fake_api, framework, durable_redis.url)))
    person, operator = Person(bot, fake_api, 915, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    alert = (await sent_to(fake_api, OPS, "Case #"))[-1]
    thread = int(alert.params.get("message_thread_id") or 0) or None
    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case_of(alert)}")
    await sent_to(fake_api, person.chat_id, "", since=mark)  # "an operator has joined"

    await asyncio.to_thread(durable_redis.stop)
    first = await operator.write("Мы вам звоним, держитесь", thread_id=thread,
                                 reply_to=None if thread else alert.params.get("message_id"))
    second = await operator.write("И ещё: паспорт не отдавайте", thread_id=thread,
                                  reply_to=None if thread else alert.params.get("message_id"))
    await fake_api.quiet(1.0, within=30)
    held = replies_to(fake_api, first) + replies_to(fake_api, second)
    assert len(held) == 2 and all(c.text.startswith("⚠️") for c in held)  # "held", at once
    to_person = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id)]
    assert not any("звоним" in t for t in to_person)

    await asyncio.to_thread(durable_redis.start)
    await sent_to(fake_api, person.chat_id, "паспорт не отдавайте", within=30)
    await fake_api.quiet(1.0, within=30)
    texts = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id)]
    assert texts.index("Мы вам звоним, держитесь") < texts.index("И ещё: паспорт не отдавайте")
    assert texts.count("Мы вам звоним, держитесь") == 1
    for mine in (first, second):  # "held", then "sent", each as a reply to the operator
        notes = replies_to(fake_api, mine)
        assert [n.text[:1] for n in notes] == ["⚠", "✅"], [n.text for n in notes]
