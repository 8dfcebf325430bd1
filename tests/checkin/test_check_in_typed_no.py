"""break15b's walk of issue 15, part 2: the check-in asks "Is everything all right?" ("Как
дела, всё в порядке?", "Як справы, усё ў парадку?") and a typed "да"/"так"/"yes" is *All
fine*, but the other answer to that yes-or-no question, "нет", "не", "no", and "так
себе", are nothing ("I am not sure I understood. Choose a topic:"): not *Not fine* (the
emergency numbers and the offer of a person at once, as the button), so the person who
said "no" waits until the grace is over for the team's "missed check-in" alert, with
nothing on their screen meanwhile.
The calm side: "не очень", "🆘", "не совсем" typed there get the numbers already.
Fake Bot API over real HTTP, real redis-server, fake clock."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import INTERVAL, FakeClock, set_up
from tests.handoff.telegram import HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = {"ru": "Как дела, всё в порядке?", "be": "Як справы, усё ў парадку?",
            "en": "How are things, all fine?"}
# What the "Not fine" answer shows first: the emergency number (content: 112 in the EU).
NUMBERS = "112"
NO = [(9421, "ru", "нет"), (9422, "be", "не"), (9423, "en", "no"), (9425, "ru", "так себе")]
TAKEN = [(9427, "ru", "не очень"), (9424, "ru", "🆘"), (9426, "ru", "не совсем")]


async def typed_under_question(person: Person, api: FakeBotAPI, clock: FakeClock,
                               said: str) -> str:
    """Set up (destination PL), let the question come, type `said`; every reply, joined."""
    await person.say("/start")
    await set_up(person)
    mark = len(api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(api, person.chat_id, QUESTION[person.user["language_code"]], since=mark)
    return "\n".join(c.text for c in await person.say(said))


CASES = [pytest.param(*case, id=case[2]) for case in NO + TAKEN]


@pytest.mark.parametrize(("user_id", "lang", "said"), CASES)
async def test_no_typed_under_the_check_in_gets_the_numbers(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
    user_id: int, lang: str, said: str,
) -> None:
    reply = await typed_under_question(Person(bot, fake_api, user_id, lang), fake_api, clock,
                                       said)
    assert NUMBERS in reply, reply
