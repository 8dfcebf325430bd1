"""The silent alarm on the fake Bot API with a real redis-server, for both adapters."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    consent,
    pseudonym,
    reach_consent,
    recorded,
    sent_to,
    settings_for,
    silent_alarm,
)
from tests.helpers.fake_bot_api import Call, FakeBotAPI
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
        [reply] = await person.say("привет, как погода?")
        assert reply.text == "Записал, спасибо 👍"
        await sent_to(fake_api, OPS, "привет, как погода?", since=mark)
        await fake_api.quiet()
        for call in fake_api.calls_to("sendMessage", 779, mark):
            assert "очеред" not in call.text and "команд" not in call.text, call.text
    finally:
        await bot.stop()



# After the code word (until an operator writes to them) the phone answers ordinarily: the
# person's messages reach the case, and nothing says a team is involved.
FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
GIVES_AWAY = re.compile(r"\d|очеред|чарз|queue|команд|каманд|team|помощ|дапамог|help|оператор|"
                        r"operator|разговор|размов|conversation", re.I)
LATER = {"ru": "Записал, спасибо 👍", "be": "Запісаў, дзякуй 👍", "en": "Noted, thanks 👍"}


@pytest.fixture
async def bot(framework: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis) -> AsyncIterator[HandoffBot]:
    running = HandoffBot(settings_for(fake_api, framework, redis_server.url),
                         options={"escalate_after": 0.5})
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


async def _alarm(person: Person, api: FakeBotAPI, word: str) -> Call:
    """Set the word (exact only), write it; the alert as posted."""
    return await silent_alarm(person, api, word)


def _phone(api: FakeBotAPI, chat_id: int, since: int) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", chat_id, since)]


@FRAMEWORKS
async def test_after_the_code_word_every_message_reaches_the_case_and_gets_an_ordinary_reply(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """Silence would look broken to the person and odd to whoever watches: each message is
    relayed as usual and answered with content's ordinary `later_reply`, in their language."""
    for user_id, language, word, written in (
        (781, "ru", "голубцы", "привет, ты где? скоро буду дома"),
        (782, "be", "дранікі", "прывітанне, як надвор'е ў вас?"),
        (783, "en", "pancakes", "hi, what's the weather like?"),
    ):
        person = Person(bot, fake_api, user_id, language)
        await _alarm(person, fake_api, word)
        for text in (written, "ещё одно / yet another"):
            mark = len(fake_api.calls)
            [reply] = await person.say(text)
            assert reply.text == LATER[language] and not reply.payloads
            assert not GIVES_AWAY.search(reply.text)
            await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: {text}", since=mark)


@FRAMEWORKS
async def test_taking_and_stop_say_nothing_on_the_phone_until_an_operator_writes(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person, operator = Person(bot, fake_api, 784, "ru"), Operator(fake_api)
    alert = await _alarm(person, fake_api, "голубцы")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])
    await recorded(redis_client, case)

    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case}")
    await sent_to(fake_api, OPS, "Nothing was sent to their phone", since=mark)
    await fake_api.quiet()
    assert _phone(fake_api, 784, mark) == []  # no "a person from our team has joined"

    # /stop typed on the phone (maybe by someone else) does not end the alarm, nor show it.
    mark = len(fake_api.calls)
    replies = await person.say("/stop")
    assert not any(GIVES_AWAY.search(text) for text in _phone(fake_api, 784, mark)), replies
    await sent_to(fake_api, OPS, "/stop was written on", since=mark)
    assert await redis_client.hget(f"smb:handoff:case:{case}", "state") == "taken"
    [reply] = await person.say("кто это был?")
    assert reply.text == LATER["ru"]

    # The operator's own message is the first sign of the team: from then on, a conversation.
    mark = len(fake_api.calls)
    await operator.write("Здравствуйте, это Алёна. Вам удобно писать?", thread_id=thread)
    await sent_to(fake_api, 784, "это Алёна", since=mark)
    mark = len(fake_api.calls)
    await person.say("да, теперь могу", replies=0)
    await sent_to(fake_api, OPS, "да, теперь могу", since=mark)
    await fake_api.quiet()
    assert _phone(fake_api, 784, mark) == []  # the operator answers, not the bot
    mark = len(fake_api.calls)
    [stopped] = await person.say("/stop")
    assert "остановили разговор" in stopped.text  # an ordinary conversation now


@FRAMEWORKS
async def test_closing_or_escalating_an_unanswered_silent_case_tells_the_phone_nothing(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person, operator = Person(bot, fake_api, 785, "be"), Operator(fake_api)
    alert = await _alarm(person, fake_api, "дранікі")
    mark = len(fake_api.calls)
    await sent_to(fake_api, OPS, "ESCALATED", since=mark)  # nobody took it in time
    case = case_of(alert)
    await recorded(redis_client, case)
    await operator.press(f"op:close:{case}")
    await fake_api.quiet()
    assert _phone(fake_api, 785, mark) == []  # no queue place, no "conversation ended"


@FRAMEWORKS
async def test_danger_written_openly_after_the_code_word_gets_the_numbers(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """The person chose to write openly: the numbers come at once, as anywhere in the bot,
    and the case hears the danger phrase."""
    person = Person(bot, fake_api, 786, "ru")
    await person.say("/start")
    await person.press("c:LT")
    await _alarm(person, fake_api, "голубцы")
    mark = len(fake_api.calls)
    [reply] = await person.say("меня бьют, заберите меня")
    assert "112" in reply.text and "Литв" in reply.text
    await sent_to(fake_api, OPS, "Danger phrase", since=mark)


@FRAMEWORKS
async def test_after_a_restart_the_phone_still_answers_ordinarily_and_delete_ends_it(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """Nothing of it is kept in a process: after a restart the message still reaches the case
    with the ordinary reply; /delete then erases every key of the person (the case stays open
    for the team: tests/handoff/test_delete_under_alarm.py)."""
    person = Person(bot, fake_api, 787, "en")
    await _alarm(person, fake_api, "pancakes")
    await bot.restart()
    mark = len(fake_api.calls)
    [reply] = await person.say("are you there?")
    assert reply.text == LATER["en"]
    await sent_to(fake_api, OPS, "are you there?", since=mark)
    mark = len(fake_api.calls)
    await person.say("/delete")
    await sent_to(fake_api, OPS, "/delete was written on", since=mark)
    user_keys = [k for k in await redis_client.keys("smb:*") if "787" in k]
    assert user_keys == []
    [after] = await person.say("pancakes")  # the word is gone with the rest: no alarm now
    assert after.text != "Thanks, noted! Have a nice day 🙂"


@FRAMEWORKS
async def test_asking_for_a_person_in_a_silent_case_makes_it_an_ordinary_one(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """After the code word the person (not a watcher) asks for a human with /operator: the
    ask is answered as anyone's first ("what happens next"), without the queue place that
    would count from the alarm, and their messages are no longer answered by the bot's
    ordinary phrase (the team answers)."""
    person = Person(bot, fake_api, 788, "ru")
    await _alarm(person, fake_api, "голубцы")
    await person.say("/operator")
    offer = [c for c in fake_api.calls_to("sendMessage", 788) if "h:yes" in c.payloads]
    assert offer
    mark = len(fake_api.calls)
    [answer] = await person.press("h:yes")
    assert "Что будет дальше" in answer.text
    await bot.settle()
    assert not [t for t in _phone(fake_api, 788, mark) if "очеред" in t or "передан" in t]
    mark = len(fake_api.calls)
    await person.say("мне нужна консультация", replies=0)
    await sent_to(fake_api, OPS, "мне нужна консультация", since=mark)
    await fake_api.quiet()
    assert LATER["ru"] not in _phone(fake_api, 788, mark)
