"""The check-in setup as a tester drove it on a phone: two settings in one message, a message
the step cannot read, a country typed at the destination step, an employer's name the model
reads as a threat, and buttons of an earlier setup. The fake Bot API over real HTTP, a real
redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.storage.keys import CHECKIN_DUE
from tests.checkin.helpers import DESTINATION, NOT_UNDERSTOOD, screen_kinds, set_up
from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

STALE = {"ru": "с более раннего экрана", "be": "з больш ранняга экрана", "en": "earlier screen"}


async def _person(bot: HandoffBot, api: FakeBotAPI, user_id: int, language: str) -> Person:
    person = Person(bot, api, user_id, language)
    await person.say("/start")
    return person


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "каждые 3 дня на 2 недели"),
    ("ru", "kazhdye 3 dnya na 2 nedeli"),
    ("be", "кожныя 3 дні на 2 тыдні"),
    ("en", "every 3 days for 2 weeks"),
    ("en", "every other day for a month"),
])
async def test_how_often_and_how_long_in_one_message(
    language: str, typed: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = await _person(bot, fake_api, 751, language)
    await person.press("m:checkin")
    replies = await person.say(typed)
    assert screen_kinds(replies) == {"g"}  # both taken: the next question is how long to wait
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "ммм посмотрим"), ("be", "яшчэ не вырашыў"), ("en", "not sure yet"),
])
async def test_a_message_the_step_cannot_read_asks_again_and_the_setup_goes_on(
    language: str, typed: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = await _person(bot, fake_api, 752, language)
    await person.press("m:checkin")
    replies = await person.say(typed)
    assert NOT_UNDERSTOOD[language] in replies[0].text
    assert screen_kinds(replies) == {"i"}  # the same question
    assert screen_kinds(await person.say("3")) == {"d"}  # and the setup goes on, typed or pressed
    assert screen_kinds(await person.say("пять лет")) == {"d"}
    # A question typed at a step gets the same question again, not a general answer
    # ("I'm fine" once got contract advice): the setup waits for its answer.
    replies = await person.say({"ru": "как получить рабочую визу в Польшу",
                                "be": "як атрымаць працоўную візу ў Польшчу",
                                "en": "how do I get a work visa for Poland"}[language])
    assert screen_kinds(replies) == {"d"} and NOT_UNDERSTOOD[language] in replies[0].text


@pytest.mark.parametrize(("language", "typed", "name"), [
    ("ru", "Польша", "Польша"),
    ("ru", "в германию", "Германия"),
    ("ru", "ПОРТУГАЛИЯ", "Португалия"),  # no page of ours: the library's name
    ("be", "у Літву", "Літва"),
    ("be", "Партугалія", "Партугалія"),
    ("en", "germany", "Germany"),
    ("en", "to Portugal", "Portugal"),
])
async def test_a_country_typed_at_the_destination_step_is_the_destination(
    language: str, typed: str, name: str, fake_api: FakeBotAPI, redis_client: Redis,
    bot: HandoffBot
) -> None:
    person = await _person(bot, fake_api, 753, language)
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12"):
        await person.press(payload)
    replies = await person.say(typed)
    if screen_kinds(replies) == {"z"}:  # several clocks there: pick one
        replies = await person.press("ci:z:utc")
    assert screen_kinds(replies) == {"l"}, [c.text for c in replies]
    await person.press("ci:l:no")
    await person.press("ci:skip")
    [confirm] = await person.press("ci:skip")
    assert f"{DESTINATION[language]}{name}" in confirm.text


@pytest.mark.parametrize(("language", "employer"), [
    ("ru", "ООО Рога и копыта"), ("be", "ТАА Рогі і капыты"), ("en", "Horns and Hooves LLC"),
])
async def test_an_employer_name_the_model_reads_as_danger_is_a_name(
    language: str, employer: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = await _person(bot, fake_api, 754, language)
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    replies = await person.say(employer)
    assert screen_kinds(replies) == {"skip"}  # the contact question comes next
    assert not any("112" in c.text for c in replies)
    [confirm] = await person.press("ci:skip")
    assert employer in confirm.text


@pytest.mark.parametrize(("language", "danger"), [
    ("ru", "меня заперли"), ("be", "мяне зачынілі"), ("en", "they locked me in"),
])
async def test_a_danger_phrase_at_the_employer_step_gets_the_emergency_reply_first(
    language: str, danger: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = await _person(bot, fake_api, 755, language)
    await person.press("c:PL")  # where they are: the numbers there
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    replies = await person.say(danger)
    assert "112" in replies[0].text
    assert "skip" in screen_kinds(replies[1:])  # then the setup goes on at its step


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_buttons_of_an_earlier_setup_say_so_and_schedule_nothing(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    old = ("ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:yes", "ci:skip", "ci:t", "ci:h:540",
           "ci:go")
    # After "Stop asking", and after /delete: nothing left to change or turn on.
    for user_id, end in ((756, "ci:stop"), (757, "/delete")):
        person = await _person(bot, fake_api, user_id, language)
        await set_up(person, employer=None)  # no Russian name: the language stays theirs
        await (person.say(end) if end.startswith("/") else person.press(end))
        for payload in old:
            [reply] = await person.press(payload)
            assert STALE[language] in reply.text, (end, payload)
        assert await redis_client.zcard(CHECKIN_DUE) == 0
        assert await redis_client.keys("smb:checkin:*") == []
    # A new setup at its first question: an old screen's button does not jump it ahead.
    person = await _person(bot, fake_api, 758, language)
    await person.press("m:checkin")
    for payload in old[1:]:
        [reply] = await person.press(payload)  # the note, then the question again
        assert STALE[language] in reply.text, payload
        assert screen_kinds([reply]) == {"i"}, payload
    assert await redis_client.zcard(CHECKIN_DUE) == 0
    # While a plan runs, an old setup's button changes nothing either.
    await person.press("ci:i:2")
    await set_up_rest(person)
    due = await redis_client.zrange(CHECKIN_DUE, 0, -1, withscores=True)
    for payload in old:
        [reply] = await person.press(payload)
        assert STALE[language] in reply.text, payload
    assert await redis_client.zrange(CHECKIN_DUE, 0, -1, withscores=True) == due


async def set_up_rest(person: Person) -> None:
    """From the duration question to "Turn on"."""
    for payload in ("ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no", "ci:skip", "ci:skip", "ci:go"):
        await person.press(payload)
