"""An operator's reply in an open case during a Redis outage is held, then passed on.

Which person a case belongs to lives in Redis. Before, an operator writing while Redis was
down was told "NOT passed on, try again": nothing silent, but the person waited for a reply
that the operator had to remember to send again. Now the process holds it, says so in the
case at once, and passes it on when Redis is back, saying "sent". A real redis-server (with
its append-only file, so the case survives) is stopped and started; both adapters.
"""

from __future__ import annotations

import asyncio

from tests.handoff.conftest import OutageCase
from tests.handoff.telegram import FRAMEWORKS, OPS, replies_to, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer


@FRAMEWORKS
async def test_a_reply_written_while_redis_is_down_reaches_the_person_when_it_is_back(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, outage_case: OutageCase
) -> None:
    case = await outage_case(framework, 915)  # taken: "an operator has joined"
    person = case.person

    await asyncio.to_thread(durable_redis.stop)
    first = await case.reply("Мы вам звоним, держитесь")
    second = await case.reply("И ещё: паспорт не отдавайте")
    # Told while Redis is still down (a note replying to each), then nothing more for a while.
    await sent_to(fake_api, OPS, "", count=2, within=30, where=lambda c: (
        c.params.get("reply_parameters") or {}).get("message_id") in (first, second))
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
