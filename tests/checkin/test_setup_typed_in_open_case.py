"""A check-in setup typed without /checkin while the person talks to the team ("проверяй меня
каждые 2 дня на 3 недели, я еду в Польшу") is asked of the bot, as /checkin is: the setup
begins with what it names and the message is not relayed (the setup promises the team sees
only what its last screen lists; relayed, the destination would reach the team unasked).
The calm side: a look-alike ("я уезжаю на 3 недели в Польшу") is the operator's to read, as
any message in the case.
Fake Bot API over real HTTP, real redis-server."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, screen_kinds
from tests.checkin.test_destination_sealed import user_key
from tests.checkin.test_setup_typed_without_command import ASKED, CALM
from tests.handoff.telegram import OPS, HandoffBot, Operator, open_case, person_name, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person


def relayed(api: FakeBotAPI, person: Person, since: int) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", OPS, since)
            if c.text.startswith(f"💬 {person_name(person)}")]


@pytest.mark.parametrize("taken", [False, True])
async def test_a_typed_setup_in_an_open_case_begins_the_setup_and_is_not_relayed(
    taken: bool, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7841 + taken, "ru")
    await open_case(fake_api, person, Operator(fake_api) if taken else None,
                    joined="подключил" if taken else "")
    mark = len(fake_api.calls)
    replies = await person.say(ASKED["ru"])
    assert screen_kinds(replies) == {"g"}  # the wait is asked next: every 2 days, 3 weeks, PL
    plan = await PlanStore(redis_client, SECRET_KEY).load(user_key(person.chat_id))
    assert plan is not None and plan.phase == "draft" and plan.country == "PL"
    await fake_api.quiet()
    assert relayed(fake_api, person, mark) == []
    # The calm side: a look-alike in the same case is the operator's.
    mark = len(fake_api.calls)
    await person.say(CALM["ru"][2], replies=0)
    await sent_to(fake_api, OPS, CALM["ru"][2], since=mark)
