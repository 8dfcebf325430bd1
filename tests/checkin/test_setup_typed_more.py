"""More of the check-in setup typed as a tester typed it: all three settings in one message
with the grace's verb in any form ("ждать сутки"), a typed "no" under "Yes, show it / No", a
time of day with courtesy around it ("at 9 pm pls"). The fake Bot API over real HTTP, a real
redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.typed import typed_plan
from bot.checkin.typed_answers import typed_yes_no
from bot.checkin.typed_clock import typed_time_of_day
from tests.checkin.helpers import NOT_UNDERSTOOD, screen_kinds, untag
from tests.handoff.telegram import HandoffBot
from tests.helpers.engine import shared_content
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

WORDS = shared_content().content.checkin.words.settings  # type: ignore[union-attr]
TIME = shared_content().content.checkin.words.time  # type: ignore[union-attr]

ALL_THREE = {"ru": "каждые 3 дня на 2 недели, ждать сутки",
             "be": "кожныя 3 дні на 2 тыдні, чакаць суткі",
             "en": "every 3 days for 2 weeks, waiting a day"}
NO = {"ru": "нет", "be": "не", "en": "no"}
AT_NINE = {"ru": "в 9 вечера, пожалуйста", "be": "у 9 вечара, калі ласка", "en": "at 9 pm pls"}
LOCATION_LINE = {"ru": "Страна, где Вы", "be": "Краіна, дзе Вы", "en": "The country you last"}
NINE_PM = {"ru": "21:00", "be": "21:00", "en": "9:00"}

CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])


@CASES
async def test_settings_no_and_a_time_typed_as_a_tester_typed_them(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7801, language)
    await person.say("/start")
    await person.press("m:checkin")
    replies = await person.say(ALL_THREE[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert screen_kinds(replies) == {"c"}  # all three taken: the destination is asked next
    await person.press("ci:c:PL")
    replies = await person.say(NO[language])  # under "Yes, show it / No"
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert screen_kinds(replies) == {"skip"}  # the employer's name is asked next
    await person.press("ci:skip")
    [confirm] = await person.press("ci:skip")
    assert "ci:go" in untag(confirm.payloads)
    assert LOCATION_LINE[language] not in confirm.text  # "no": the last country not shown
    [hour] = await person.press(next(p for p in untag(confirm.payloads) if p.startswith("ci:t")))
    assert "ci:go" not in untag(hour.payloads)  # the time of day is asked
    replies = await person.say(AT_NINE[language])
    assert not any(NOT_UNDERSTOOD[language] in c.text for c in replies)
    assert "ci:go" in untag(replies[-1].payloads)
    assert NINE_PM[language] in replies[-1].text.replace("\u202f", " ")


def test_the_grace_verb_in_any_form_and_courtesy_around_a_time() -> None:
    for typed in ("каждые 3 дня на 2 недели, ждать сутки", "ждите сутки, каждый день на месяц",
                  "every day for a month, wait 6 hours", "кожны дзень на 2 тыдні, чакаць суткі"):
        assert typed_plan(typed, WORDS) is not None, typed
    assert typed_plan("каждые 3 дня на 2 недели, ждать сутки", WORDS) == {
        "interval": 72, "duration": 336, "grace": 24}
    for typed in ("at 9 pm pls", "9pm please", "в 9 вечера, пожалуйста", "у 9 вечара, калі ласка"):
        assert typed_time_of_day(typed, TIME) == 21 * 60, typed
    assert typed_time_of_day("pls", TIME) is None and typed_time_of_day("ok", TIME) is None
    checkin = shared_content().content.checkin
    assert [typed_yes_no(t, checkin) for t in ("no", "Нет", "не, дзякуй", "yes", "да, покажите",
                                               "так", "может быть", "")] == [
        False, False, False, True, True, True, None, None]
