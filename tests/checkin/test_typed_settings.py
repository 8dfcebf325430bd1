"""Setting check-ins by typing, as a hurried person on a phone does: Russian, Belarusian,
English, transliterated, with typos in the endings; what names no setting is left alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR, WEEK
from bot.checkin.store import PlanStore
from bot.checkin.typed import typed_hours
from bot.checkin.typed_clock import typed_clock, typed_time_of_day
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.engine import shared_content

WORDS = shared_content().content.checkin.words.settings  # type: ignore[union-attr]
TIME = shared_content().content.checkin.words.time  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "default", "hours"), [
    ("kazhdye 3 dnya", "day", 72),
    ("каждые 3 дня", "day", 72),
    ("каждые 3 дгя", "day", 72),  # a typo in the ending
    ("кожныя 2 дні", "day", 48),
    ("every other day", "day", 48),
    ("через день", "day", 48),
    ("каждый день", "day", 24),
    ("daily", "day", 24),
    ("раз в неделю", "day", 168),
    ("weekly", "day", 168),
    ("3", "day", 72),
    ("2 тыдні", "week", 336),
    ("dva tyzhnya", "week", 336),
    ("2 nedeli", "week", 336),
    ("for two weeks", "week", 336),
    ("на месяц", "week", 672),
    ("12 недель", "week", 2016),
    ("сутки", "hour", 24),
    ("двое суток", "hour", 48),
    ("12 гадзін", "hour", 12),
    ("6h", "hour", 6),
    ("12", "hour", 12),
])
def test_a_typed_setting_is_read_in_each_language(text: str, default: str, hours: int) -> None:
    assert typed_hours(text, default, WORDS) == hours  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "how do I get a work visa for Poland", "помогите", "da", "что", "спасибо", "",
    "a b c d e f g 3 days",
])
def test_what_names_no_setting_is_not_one(text: str) -> None:
    assert typed_hours(text, "day", WORDS) is None


async def test_the_whole_setup_can_be_typed(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.command("/start")
    await chat.command("/checkin")
    duration = await chat.say("kazhdye 3 dnya")
    assert "Как долго" in texts(duration)[0]
    grace = await chat.say("2 тыдні")
    assert "Сколько ждать" in texts(grace)[0]
    country = await chat.say("сутки")
    assert "ci:c:PL" in untag(all_payloads(country))
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None
    assert (plan.interval_s, plan.duration_s, plan.grace_s) == (3 * DAY, 2 * WEEK, 24 * HOUR)


async def test_out_of_range_shows_the_buttons_again_and_a_question_is_asked_again(
    redis_client: Redis,
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.command("/start")
    await chat.command("/checkin")
    again = await chat.say("каждые 30 дней")  # longer than any offered interval
    assert "ci:i:2" in untag(all_payloads(again))
    answered = await chat.say("как получить рабочую визу в Польшу")
    # Not an answer to the step: the same question again, and the setup goes on.
    assert "Не понял" in answered.replies[0].text
    assert "ci:i:2" in untag(all_payloads(answered))
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.interval_s == 0
    # The buttons still work after the question.
    assert "Как долго" in texts(await chat.press("ci:i:2"))[0]


@pytest.mark.parametrize("text", ["у меня забрали паспорт 3 дня назад",
                                  "не платят уже 2 месяца", "2 месяца не платят"])
async def test_a_risk_message_with_a_number_is_never_a_setting(
    redis_client: Redis, text: str
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.command("/start")
    await chat.command("/checkin")
    await chat.press("ci:i:2")
    reply = await chat.say(text)
    assert "Сколько ждать" not in "\n".join(texts(reply))
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.duration_s == 0


TEN_UTC = datetime(2026, 11, 30, 10, 0, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(("text", "hours"), [
    ("13:00", 3), ("13.00", 3), ("13 : 02", 3), ("12:53", 3), ("14ч30", 4.5), ("1:00 pm", 3),
    ("3:00 a.m.", -7), ("00:30", -9.5), ("23:00", 13), ("01:00", -9),
    ("UTC+3", 3), ("utc +3", 3), ("GMT-5", -5), ("+5:30", 5.5), ("-3", -3), ("−3", -3),
    ("UTC", 0), ("gmt", 0), ("+5:45", 5.75),
])
def test_a_typed_clock_is_the_offset_it_means(text: str, hours: float) -> None:
    """The time there now (rounded to a quarter hour) or an offset from UTC."""
    assert typed_clock(text, TEN_UTC, TIME) == timedelta(hours=hours)


@pytest.mark.parametrize("text", [
    "3", "ok", "привет", "25:00", "13:75", "13:00 pm", "UTC+15", "+5:20", "в 13:00 позвони",
    "2 тыдні", "", "утром",
])
def test_what_is_no_clock_is_none(text: str) -> None:
    assert typed_clock(text, TEN_UTC, TIME) is None



@pytest.mark.parametrize(("text", "minute"), [
    ("9:30", 570), ("09.30", 570), ("21:00", 1260), ("9", 540), ("21", 1260), ("9 pm", 1260),
    ("12 am", 0), ("12 pm", 720), ("7ч15", 435), ("0:05", 5), ("в 9", 540),
    ("в 9 вечера", 1260), ("у 7 раніцы", 420), ("a 8 вечара", None), ("at 9 pm", 1260),
    ("9 утра", 540), ("в 21:30", 1290), ("ў 8", 480),
])
def test_a_typed_time_of_day_is_minutes_after_midnight(text: str, minute: int | None) -> None:
    assert typed_time_of_day(text, TIME) == minute


@pytest.mark.parametrize("text", ["24:00", "9:75", "13 pm", "утром", "в 9 утра позвони", "", "ok"])
def test_what_is_no_time_of_day_is_none(text: str) -> None:
    assert typed_time_of_day(text, TIME) is None
