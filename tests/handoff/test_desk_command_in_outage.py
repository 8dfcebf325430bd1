"""A desk command (/block, /transfer, /reopen) written during a Redis outage is not announced
as a message "held and passed on to the person".

An operator's reply in a case is held while Redis is away and passed on when it is back
(bot/handoff/held.py). A command is never text for the person: before, `/block 3` written
during an outage got "this message is held and will be passed on to the person", so the
operator believed the person would read "/block 3" (and the block ran minutes later, unasked).
Now it is not held, and the operator is told to try again in a minute. Both adapters.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.handoff.conftest import OutageCase
from tests.handoff.telegram import FRAMEWORKS, OPS, replies_to, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer


@FRAMEWORKS
@pytest.mark.parametrize("command", ["/block 3", "/transfer Boris", "/reopen"])
async def test_a_desk_command_during_an_outage_is_not_said_to_be_passed_on_to_the_person(
    framework: str, command: str, fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    case = await outage_case(framework, 921)
    person, mark = case.person, case.mark
    await fake_api.quiet(1.0, within=30)

    await asyncio.to_thread(durable_redis.stop)
    mine = await case.reply(command)
    await sent_to(fake_api, OPS, "", since=mark, within=30,
                  where=lambda c: c in replies_to(fake_api, mine))
    told = [c.text for c in replies_to(fake_api, mine)]
    # Not "held, will be passed on to the person": not done, try again.
    assert told and all("held" not in t and "Try again" in t for t in told), told
    await asyncio.to_thread(durable_redis.start)
    await fake_api.quiet(3.0, within=30)
    to_person = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id, since=mark)]
    assert not any(command in t for t in to_person), to_person
