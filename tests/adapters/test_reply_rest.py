"""An answer of several messages arrives whole when Telegram is slow or flood-controlled.

The country button after a danger message brings several messages (the emergency number and
the hotlines among them). When the first send outlasts the update's send budget (a slow Bot
API answer, or a 429 whose retry_after is longer than the budget), the rest of the answer used
to be dropped and the outbox entry marked done: the person saw 1 of 3 messages, or none. Now
the unsent replies are tried again after the budget, outside the person's lock.

Real Redis, the fake Bot API over real HTTP, both adapters; the send budget is shortened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update
from tests.helpers.telegram_bot import Person

SEND_BUDGET = 2.0
SAID = "у меня забрали паспорт и не отпускают"

# How the first send of the answer outlasts the budget (to the person's chat only).
TROUBLE: dict[str, Callable[[FakeBotAPI, int], None]] = {
    # Telegram takes the message at once but its answer comes after the budget: the client
    # gives up, the message is in the chat (so it may come twice: counted, never lost).
    "a slow Bot API answer": lambda api, chat: api.slow("sendMessage", 3.0, chat_id=chat),
    # Flood control: "retry after 3" while the budget has 2 s.
    "429 retry_after past the budget": lambda api, chat: api.fail(
        "sendMessage", 429, retry_after=3, chat_id=chat),
}


@pytest.fixture
def send_budget_s() -> float:
    """`handoff_bot` (tests/adapters/conftest.py) with the short budget."""
    return SEND_BUDGET


async def country_answer(person: Person) -> list[str]:
    await person.say("/start")
    await person.say(SAID)
    return [c.text for c in await person.press("c:PL")]


@pytest.mark.parametrize("trouble", list(TROUBLE))
async def test_the_whole_country_answer_arrives_after_a_slow_first_send(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI, redis_client: Redis, trouble: str
) -> None:
    whole = await country_answer(Person(handoff_bot, fake_api, 700, "ru"))
    assert len(whole) >= 3 and any("112" in text for text in whole)
    person = Person(handoff_bot, fake_api, 710 + list(TROUBLE).index(trouble), "ru")
    await person.say("/start")
    await person.say(SAID)
    TROUBLE[trouble](fake_api, person.chat_id)
    mark = len(fake_api.calls)

    await fake_api.push(callback_update(fake_api, person.user, "c:PL"))

    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    seen: list[str] = []
    while loop.time() < deadline:
        seen = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id, since=mark)]
        if len(dict.fromkeys(seen)) >= len(whole):
            break
        await asyncio.sleep(0.1)
    # Every message of the answer, in order; at most the one cut mid-send comes twice.
    assert list(dict.fromkeys(seen)) == whole, f"{len(set(seen))} of {len(whole)} messages"
    assert len(seen) <= len(whole) + 1
    await handoff_bot.settle()
    # And the answer is done: nothing of its texts is left in Redis.
    assert not [key async for key in redis_client.scan_iter("*outbox*")
                if any(not v.startswith("done:") and ":" not in k
                       for k, v in (await redis_client.hgetall(key)).items())]
