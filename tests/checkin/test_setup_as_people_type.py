"""The check-in setup reads what people type (a fresh tester's refusals): the whole setup in one
message ("проверяй меня каждые 3 дня на 2 недели"), a translit or Belarusian "every day"
("kazhdyi den", "штодня"), a grace in words ("half a day", "полдня"), a destination with a
preposition and an article ("to the UK"); every field a message names is set and only the
rest is asked. What cannot be kept gets a clear re-ask naming the range, in the person's
language: a negative number ("-3"), "twice a week" (no whole number of days). The other side:
a sentence about something else is still no setting. Unit level, then the fake Bot API over
real HTTP with a real redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.typed import typed_hours, typed_plan, uneven_frequency
from tests.checkin.helpers import NOT_UNDERSTOOD, screen_kinds
from tests.handoff.telegram import HandoffBot
from tests.helpers.engine import shared_content
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

WORDS = shared_content().content.checkin.words.settings  # type: ignore[union-attr]

D, W = 24, 24 * 7


@pytest.mark.parametrize(("text", "plan"), [
    ("проверяй меня каждые 3 дня на 2 недели", {"interval": 3 * D, "duration": 2 * W}),
    ("правяр мяне кожныя тры дні на два тыдні", {"interval": 3 * D, "duration": 2 * W}),
    ("check on me every other day for 2 weeks", {"interval": 2 * D, "duration": 2 * W}),
    ("kazhdyi den", {"interval": D}),
    ("штодня", {"interval": D}),
    ("каждые два дня", {"interval": 2 * D}),
    ("кожныя тры дні", {"interval": 3 * D}),
    ("раз на 2 дні", {"interval": 2 * D}),
    ("каждый день жду 12 часов", {"interval": D, "grace": 12}),
    ("every 3 days for 2 weeks, wait half a day", {"interval": 3 * D, "duration": 2 * W,
                                                    "grace": 12}),
    ("7 раз в неделю", {"interval": D}),
])
def test_a_setup_typed_as_people_type_it(text: str, plan: dict[str, int]) -> None:
    assert typed_plan(text, WORDS) == plan


@pytest.mark.parametrize(("text", "hours"), [
    ("half a day", 12), ("полдня", 12), ("паўсутак", 12), ("полтора суток", 36),
])
def test_a_grace_in_words(text: str, hours: int) -> None:
    assert typed_hours(text, "hour", WORDS) == hours


def test_a_negative_number_stays_negative_and_an_uneven_frequency_is_told_apart() -> None:
    assert typed_hours("-3", "day", WORDS) == -3 * D  # the step names its range, nothing is set
    assert [uneven_frequency(t, WORDS) for t in (
        "twice a week", "2 раза в неделю", "двойчы на тыдзень", "раз в неделю", "every 3 days",
        "2 тыдні")] == [
        True, True, True, False, False, False]


@pytest.mark.parametrize("text", ["не платят 2 месяца", "how do I get a work visa for Poland",
                                  "a b c d e f g 3 days", "da", "2-3 человека"])
def test_a_sentence_about_something_else_is_no_setting(text: str) -> None:
    assert typed_plan(text, WORDS) is None


CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])
WHOLE = {"ru": "проверяй меня каждые 3 дня на 2 недели",
         "be": "правярай мяне кожныя 3 дні на 2 тыдні",
         "en": "check on me every 3 days for 2 weeks"}
EVERY_DAY = {"ru": "kazhdyi den", "be": "штодня", "en": "daily"}
HALF_A_DAY = {"ru": "полдня", "be": "паўсутак", "en": "half a day"}
TO_UK = {"ru": "в Великобританию", "be": "у Вялікабрытанію", "en": "to the UK"}
RANGE = {"ru": "от «Каждый день» до «Раз в неделю»", "be": "ад «Кожны дзень» да «Раз на тыдзень»",
         "en": "from “Every day” to “Once a week”"}
WHOLE_DAYS = {"ru": "целое число дней", "be": "цэлую колькасць дзён", "en": "whole number of days"}
TWICE = {"ru": "2 раза в неделю", "be": "двойчы на тыдзень", "en": "twice a week"}
ALL_AND_WHERE = {"ru": "каждый день на 2 недели, жду полдня, в Великобританию",
                 "be": "штодня на 2 тыдні, чакаць паўсутак, у Вялікабрытанію",
                 "en": "every day for 2 weeks, wait half a day, to the UK"}


@CASES
async def test_what_a_tester_typed_is_taken_step_by_step(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7811, language)
    await person.say("/start")
    await person.press("m:checkin")
    replies = await person.say("-3")  # refused with the range, the same question again
    assert RANGE[language] in replies[0].text and screen_kinds(replies) == {"i"}
    replies = await person.say(TWICE[language])
    assert WHOLE_DAYS[language] in replies[0].text and screen_kinds(replies) == {"i"}
    replies = await person.say(EVERY_DAY[language])
    assert screen_kinds(replies) == {"d"}
    await person.press("ci:d:2")
    replies = await person.say(HALF_A_DAY[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert screen_kinds(replies) == {"c"}
    replies = await person.say(TO_UK[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert "c" not in screen_kinds(replies)  # the destination taken: the next step
    replies = await person.say("to the moon")  # the other side: no country, asked again
    assert any(NOT_UNDERSTOOD[language] in c.text for c in replies)


@CASES
async def test_the_whole_setup_in_one_message_sets_every_field_it_names(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7812, language)
    await person.say("/start")
    await person.press("m:checkin")
    # The other side: a question with a setting inside sets nothing, the same step is asked.
    replies = await person.say("how do I get a work visa for Poland for 2 weeks")
    assert screen_kinds(replies) == {"i"}
    replies = await person.say(WHOLE[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert screen_kinds(replies) == {"g"}  # how often and how long set: only the grace asked
    await person.press("ci:x")
    await person.press("m:checkin")
    replies = await person.say(ALL_AND_WHERE[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert not screen_kinds(replies) & {"i", "d", "g", "c"}  # all four set at once
