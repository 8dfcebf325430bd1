"""break15b's walk of issue 15, part 3, as a person before a long trip: they set a code word
("send it one day if someone watches your phone") and leave. The word lives in their session
(README: "It lives as long as the session does"), 30 days after their last message; a
person who writes nothing for five weeks and then sends the word is a new person to the bot
(the privacy note, then whatever the word reads as) and nobody is told. None of the
/codeword screens says how long the word lasts or that writing to the bot now and then
keeps it, in any language (the privacy note's "deleted after 30 days" reads as 30 days
from now, and is not about the word).
The calm side: within the 30 days the word raises the alarm (tests/handoff's silent_alarm).
Fake Bot API over real HTTP, real redis-server."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

# How the screens would say it: the number of days (BOT_SESSION_TTL_DAYS, 30 by default).
DAYS = "30"


@pytest.mark.parametrize(("user_id", "lang"), [(9601, "ru"), (9602, "be"), (9603, "en")])
async def test_the_code_word_screens_say_how_long_the_word_lasts(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot, user_id: int, lang: str,
) -> None:
    person = Person(bot, fake_api, user_id, lang)
    await person.say("/start")
    shown = await person.say("/codeword")
    shown += await person.say("голубцы сметана")
    shown += await person.press("sa:in:no")
    assert any(DAYS in call.text for call in shown), [call.text for call in shown]
