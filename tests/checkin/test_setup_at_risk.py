"""The check-in setup of a person already on the at-risk path (issue 15, the tester's third
round): a country typed at the destination step is the destination, not a page of hotlines;
after a danger phrase typed mid-setup the emergency reply comes first and the setup goes on at
its step. The fake Bot API over real HTTP, a real redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import DESTINATION, NOT_UNDERSTOOD, screen_kinds, set_up
from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

AT_RISK = {"ru": "у меня забрали паспорт", "be": "у мяне забралі пашпарт",
           "en": "my employer took my passport"}
GERMANY = {"ru": "Германия", "be": "Германія", "en": "Germany"}


async def _at_country_step(bot: HandoffBot, api: FakeBotAPI, user_id: int, language: str
                           ) -> Person:
    person = Person(bot, api, user_id, language)
    await person.say("/start")
    await person.say(AT_RISK[language])
    await person.say("/checkin")
    await person.press("ci:i:2")
    await person.press("ci:d:2")
    replies = await person.press("ci:g:12")
    assert "c" in screen_kinds(replies)
    return person


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_person_at_risk_types_the_destination_at_the_country_step(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = await _at_country_step(bot, fake_api, 781, language)
    replies = await person.say(GERMANY[language])
    assert "c" not in screen_kinds(replies)  # the next screen: Germany keeps one clock
    assert "l" in screen_kinds(replies)
    assert not any("h:yes" in p or "handoff" in p for c in replies for p in c.payloads)
    await person.press("ci:l:no")
    await person.press("ci:skip")
    confirm = await person.press("ci:skip")
    assert any(DESTINATION[language] in c.text for c in confirm)


HITS = {"ru": "<b>ООО «Рога & Копыта»</b> меня бьют", "be": "<b>ТАА «Рогі & Капыты»</b> мяне б'юць",
        "en": "<b>Horns & Hooves Ltd</b> they beat me"}
CONTACT = {"ru": "@oleg_rabota", "be": "@oleg_rabota", "en": "@oleg_rabota"}
EVERYDAY = {"ru": "да", "be": "так", "en": "I'm fine"}


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_after_a_danger_phrase_at_the_employer_step_the_setup_goes_on(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 782, language)
    await person.say("/start")
    await person.say("/checkin")
    await person.press("ci:i:2")
    await person.press("ci:d:2")
    await person.press("ci:g:12")
    await person.press("ci:c:PL")
    await person.press("ci:l:no")
    replies = await person.say(HITS[language])
    assert "112" in replies[0].text  # the emergency numbers first
    assert "skip" in screen_kinds(replies[1:])  # then the employer's question again
    replies = await person.say("ООО Ромашка")
    assert "skip" in screen_kinds(replies)  # taken: the contact's question
    replies = await person.say(CONTACT[language])
    assert "go" in screen_kinds(replies)  # taken: the confirm screen
    replies = await person.press("ci:go")
    assert not any("ci:" in p for c in replies for p in c.payloads)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_an_everyday_reply_at_a_setup_step_gets_the_question_again(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 783, language)
    await person.say("/start")
    await person.say("/checkin")
    await person.press("ci:i:2")
    replies = await person.say(EVERYDAY[language])
    assert any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert screen_kinds(replies) == {"d"}
    await person.press("ci:d:2")
    replies = await person.say(EVERYDAY["en"])
    assert screen_kinds(replies) == {"g"}
    await person.press("ci:g:12")
    await person.press("ci:c:PL")
    replies = await person.say("Dubai")
    assert screen_kinds(replies) == {"l"}
    assert not any("999" in c.text for c in replies)


ALL_THREE = {"ru": ["каждые 3 дня на 2 недели, жду сутки", "жду сутки, каждые 3 дня на 2 недели"],
             "be": ["кожныя 3 дні на 2 тыдні, чакаю суткі", "чакаю суткі, кожныя 3 дні на 2 тыдні"],
             "en": ["every day for a month, tell them after 6 hours",
                    "wait a day, every 3 days for 2 weeks"]}
A_DAY = {"ru": "сутки", "be": "суткі", "en": "a day"}
RANGE = {"ru": "от «6 часов» до «Двое суток»", "be": "ад «6 гадзін» да «Двое сутак»",
         "en": "from “6 hours” to “48 hours”"}
HOURS = {"ru": ("0 часов", "100 часов"), "be": ("0 гадзін", "100 гадзін"),
         "en": ("0 hours", "100 hours")}


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_all_three_settings_in_one_message_in_any_order(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    for user_id, typed in enumerate(ALL_THREE[language], start=784):
        person = Person(bot, fake_api, user_id, language)
        await person.say("/start")
        await person.say("/checkin")
        replies = await person.say(typed)
        assert screen_kinds(replies) == {"c"}, typed  # all three taken: where to
        assert "112" not in " ".join(c.text for c in replies)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_every_day_for_a_month_and_a_day_at_the_grace_step_and_the_range(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 790, language)
    await person.say("/start")
    await person.say("/checkin")
    month = {"ru": "каждый день на месяц", "be": "кожны дзень на месяц",
             "en": "every day for a month"}[language]
    assert screen_kinds(await person.say(month)) == {"g"}
    for typed in HOURS[language]:
        replies = await person.say(typed)
        assert RANGE[language] in replies[0].text, typed
        assert screen_kinds(replies) == {"g"}
    assert screen_kinds(await person.say(A_DAY[language])) == {"c"}


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "/checkin каждые 3 дня на 2 недели"), ("be", "/checkin кожныя 3 дні на 2 тыдні"),
    ("en", "/checkin every 3 days for 2 weeks"),
])
async def test_the_text_after_checkin_is_the_first_answer(
    language: str, typed: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 791, language)
    await person.say("/start")
    assert screen_kinds(await person.say(typed)) == {"g"}


NOT_RUNNING = {"ru": "больше не приходят", "be": "больш не прыходзяць",
               "en": "no longer sent"}


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_an_old_all_fine_after_stop_or_delete_says_nothing_runs(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    for user_id, end in ((792, "ci:stop"), (793, "/delete")):
        person = Person(bot, fake_api, user_id, language)
        await person.say("/start")
        await set_up(person, employer=None)
        await (person.say(end) if end.startswith("/") else person.press(end))
        [reply] = await person.press("ci:ok")
        assert NOT_RUNNING[language] in reply.text, end
