"""The silent alarm on the fake Bot API with a real redis-server, for both adapters."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_code_word_raises_a_high_risk_alert_and_an_ordinary_reply(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    bot = HandoffBot(settings_for(fake_api, framework, redis_server.url))
    await bot.start()
    try:
        person = Person(bot, fake_api, 777, "ru")
        await person.say("/start")
        await person.press("c:LT")
        await person.say("/codeword")
        await person.say("голубцы")
        await person.press("sa:in:no")

        mark = len(fake_api.calls)
        [reply] = await person.say("Голубцы")
        assert reply.text == "Спасибо, записал! Хорошего дня 🙂" and not reply.payloads
        (alert,) = await sent_to(fake_api, OPS, "Case #", since=mark)
        assert pseudonym(777) in alert.text and "Silent alarm (code word)" in alert.text
        assert "high" in alert.text.lower()
        # Labelled as what it is: their code word (no risk the bot found), the last country
        # they named (not checked to be where they are now), and a phone others may read.
        assert "Reason: silent alarm: they wrote their code word" in alert.text
        assert "risk found" not in alert.text
        assert "Last country they named: Lithuania" in alert.text
        assert "Country: Lithuania" not in alert.text
        assert "Someone else may be holding their phone" in alert.text
        assert "олубц" not in alert.text  # the word itself never reaches anyone
    finally:
        await bot.stop()


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_code_word_during_an_open_case_reaches_the_operators_of_that_case(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    """The person already talks to the team (a case is open) when someone takes their phone:
    the code word must still reach the operators, in that case, and the phone shows nothing."""
    bot = HandoffBot(settings_for(fake_api, framework, redis_server.url))
    await bot.start()
    try:
        person = Person(bot, fake_api, 778, "ru")
        await person.say("/start")
        await person.say("/codeword")
        await person.say("голубцы")
        await person.press("sa:in:no")
        await reach_consent(person)
        await consent(person, "h:yes")
        await sent_to(fake_api, OPS, "Case #")

        mark = len(fake_api.calls)
        [reply] = await person.say("Голубцы")
        assert reply.text == "Спасибо, записал! Хорошего дня 🙂" and not reply.payloads
        (note,) = await sent_to(fake_api, OPS, "a silent alert in this open case", since=mark)
        assert "Reason: silent alarm: they wrote their code word" in note.text
        assert pseudonym(778) in note.text and "олубц" not in note.text
    finally:
        await bot.stop()


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_after_the_code_word_the_phone_never_shows_a_queue(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    """The alarm opened a case nobody told the person about: whatever is written next (by
    them or by whoever holds the phone) reaches the case, and the phone shows no queue."""
    bot = HandoffBot(settings_for(fake_api, framework, redis_server.url))
    await bot.start()
    try:
        person = Person(bot, fake_api, 779, "ru")
        await person.say("/start")
        await person.say("/codeword")
        await person.say("голубцы")
        await person.press("sa:in:no")
        mark = len(fake_api.calls)
        await person.say("Голубцы")
        await sent_to(fake_api, OPS, "Case #", since=mark)
        mark = len(fake_api.calls)
        await person.say("привет, как погода?", replies=0)
        await sent_to(fake_api, OPS, "привет, как погода?", since=mark)
        for call in fake_api.calls_to("sendMessage", 779, mark):
            assert "очеред" not in call.text and "команд" not in call.text, call.text
    finally:
        await bot.stop()
