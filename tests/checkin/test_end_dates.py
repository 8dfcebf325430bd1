"""An end date typed for "how long?" (walk of issue 15: "до конца декабря", "until 15 January",
"да 1 сакавіка", "till the end of the month" got "I did not understand"): the check-ins end
that day, on the person's clock; the confirm screen reads the date back. A date that has
passed, one too far ahead and one that is no date get a plain question back. The other side:
durations typed as before ("до 3 недель", "на 2 недели", "2 тыдні") stay durations, and a
request with an end date and other settings keeps them all. Month names are Babel's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import get_month_names
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from bot.checkin.typed import typed_plan
from bot.checkin.typed_until import read_until
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.engine import shared_content

TODAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC).timestamp()
CHECKIN = shared_content().content.checkin
assert CHECKIN is not None
WORDS_UNTIL, MOST = CHECKIN.words.until, CHECKIN.until_most_days
WORDS = CHECKIN.words.settings


def until(text: str) -> date | str | None:
    found = read_until(text, WORDS_UNTIL, TODAY, MOST)
    return None if found is None else (found.day or found.problem)


@pytest.mark.parametrize(("typed", "day"), [
    ("до конца декабря", date(2026, 12, 31)), ("до 15 января", date(2027, 1, 15)),
    ("до 15-го января", date(2027, 1, 15)), ("до 15.01", date(2027, 1, 15)),
    ("до конца следующего месяца", date(2027, 1, 31)), ("по 20 декабря", date(2026, 12, 20)),
    ("да 1 сакавіка", date(2027, 3, 1)), ("да канца месяца", date(2026, 12, 31)),
    ("да 10 студзеня", date(2027, 1, 10)), ("да канца года", date(2026, 12, 31)),
    ("until 15 January", date(2027, 1, 15)), ("till the end of the month", date(2026, 12, 31)),
    ("January 15th", date(2027, 1, 15)), ("up to 20 Dec", date(2026, 12, 20)),
    ("until 15 Jan 2027", date(2027, 1, 15)), ("by the end of next month", date(2027, 1, 31)),
])
def test_an_end_date_in_any_of_our_languages_is_the_day_the_check_ins_end(
    typed: str, day: date
) -> None:
    assert until(typed) == day


@pytest.mark.parametrize(("typed", "problem"), [
    ("до 1 декабря", "past"), ("да 1 снежня", "past"), ("until 1 December", "past"),
    ("до 15.01.2025", "past"), ("до 31 февраля", "unreadable"), ("да 30 лютага", "unreadable"),
    ("until 45 December", "unreadable"), ("до никогда", "unreadable"),
    ("да ніколі", "unreadable"), ("until forever", "unreadable"),
    ("до 1 сентября", "far"), ("until 1 October", "far"),
])
def test_a_past_far_or_impossible_date_is_told_apart(typed: str, problem: str) -> None:
    assert until(typed) == problem


@pytest.mark.parametrize("typed", ["до 3 недель", "на 2 недели", "2 тыдні", "every 3 days",
                                   "for a month", "каждые 3 дня", "да 3 тыдняў"])
def test_a_duration_is_no_end_date_and_still_reads_as_before(typed: str) -> None:
    assert until(typed) is None
    assert typed_plan(typed, WORDS) is not None


def test_every_month_name_babel_knows_reads_in_each_language() -> None:
    for locale in ("ru", "be", "en"):
        for month, name in get_month_names("wide", "format", locale).items():
            found = until(f"{'until' if locale == 'en' else 'до'} 1 {name}")
            assert isinstance(found, date | str) and found != "unreadable", (locale, name)
            if isinstance(found, date):
                assert found.month == month, (locale, name)


SETUP_REST = ("ci:g:12", "ci:c:PL", "ci:l:no", "ci:skip", "ci:skip")
READ_BACK = {"ru": "до 15 января 2027", "be": "да 15 студзеня 2027", "en": "until 15 January 2027"}
TYPED = {"ru": "до 15 января", "be": "да 15 студзеня", "en": "until 15 January"}
PAST = {"ru": "Эта дата уже прошла", "be": "Гэтая дата ўжо мінула",
        "en": "That date has already passed"}
UNREADABLE = {"ru": "Не понял дату", "be": "Не зразумеў дату",
              "en": "I could not read that date"}


async def _at_duration(redis_client: Redis, language: str) -> Chat:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code=language)
    await chat.command("/start")
    await chat.press("m:checkin")
    await chat.press("ci:i:2")
    return chat


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_the_plan_ends_on_the_typed_date_on_the_persons_clock(
    redis_client: Redis, language: str
) -> None:
    chat = await _at_duration(redis_client, language)
    await chat.say(TYPED[language])
    for payload in SETUP_REST[:-1]:
        await chat.press(payload)
    confirm = await chat.press(SETUP_REST[-1])
    assert READ_BACK[language] in "\n".join(texts(confirm))
    go = next(p for p in all_payloads(confirm) if p.startswith("ci:go"))
    await chat.press(go)
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.phase == "waiting"
    warsaw_midnight = datetime(2027, 1, 16, tzinfo=ZoneInfo("Europe/Warsaw")).timestamp()
    assert plan.ends_at == warsaw_midnight


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_past_or_unreadable_date_gets_a_question_and_the_step_waits(
    redis_client: Redis, language: str
) -> None:
    chat = await _at_duration(redis_client, language)
    past = {"ru": "до 1 декабря", "be": "да 1 снежня", "en": "until 1 December"}[language]
    reply = await chat.say(past)
    assert PAST[language] in texts(reply)[0]
    assert any(p.startswith("ci:d:") for p in all_payloads(reply))  # the buttons again
    bad = {"ru": "до никогда", "be": "да ніколі", "en": "until forever"}[language]
    reply = await chat.say(bad)
    assert UNREADABLE[language] in texts(reply)[0]
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.step == "duration" and plan.until is None


async def test_a_request_with_an_end_date_keeps_its_other_settings(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code="ru")
    await chat.command("/start")
    await chat.say("пиши мне каждые 3 дня до конца месяца")
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.step == "grace"
    assert plan.interval_s == 3 * 24 * 3600 and plan.until == date(2026, 12, 31)

