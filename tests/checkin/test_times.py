"""Check-in times as the person reads them: in their destination's clock, named by its city,
in their language; a country with several clocks lets them pick; unknown says UTC plainly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.checkin.test_scheduler import Phone, Team, _scheduler
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.engine import shared_content

# 10:00 UTC on a winter Monday: Warsaw is UTC+1, Novosibirsk UTC+7, Minsk UTC+3.
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC).timestamp()


def _plain(text: str) -> str:
    """CLDR puts (narrow) no-break spaces in dates and times: compare with plain ones."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


async def _up_to_country(chat: Chat) -> None:
    await chat.command("/start")
    await chat.command("/checkin")
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12"):  # first check-in: 2 December, 10:00 UTC
        await chat.press(payload)


async def _finish(chat: Chat) -> str:
    await chat.press("ci:l:no")
    await chat.press("ci:skip")
    await chat.press("ci:skip")
    [started] = texts(await chat.press("ci:go"))
    return _plain(started)


@pytest.mark.parametrize(("language", "expected"), [
    ("ru", "2 декабря 2026 г., 11:00 (местное время, Варшава)"),
    ("be", "2 снежня 2026 г., 11:00 (мясцовы час, Варшава)"),
    ("en", "December 2, 2026, 11:00 AM (local time, Warsaw)"),
])
async def test_a_one_clock_country_shows_its_local_time_with_the_city(
    redis_client: Redis, language: str, expected: str
) -> None:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code=language)
    await _up_to_country(chat)
    asked = await chat.press("ci:c:PL")
    assert "ci:l:yes" in untag(all_payloads(asked))  # no clock to pick: Poland keeps one
    started = await _finish(chat)
    assert expected in started and "UTC" not in started
    status = _plain(texts(await chat.command("/checkin"))[0])
    assert expected in status  # "next" on the status screen is the same moment, same clock


async def test_a_country_with_several_clocks_lets_the_person_pick_one(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code="ru")
    await _up_to_country(chat)
    asked = await chat.press("ci:c:RU")
    [screen] = asked.replies
    labels = {untag([b.payload or ""])[0]: b.label for row in screen.buttons for b in row}
    assert labels["ci:z:Europe/Moscow"] == "Москва (UTC+3)"
    assert labels["ci:z:Asia/Novosibirsk"] == "Новосибирск (UTC+7)"
    assert "ci:z:utc" in labels
    # One button per clock: Moscow's neighbours on the same time are not offered twice.
    assert "ci:z:Europe/Kirov" not in labels
    assert "ci:z:Europe/Atlantis" not in labels
    await chat.press("ci:z:Europe/Atlantis")  # not one of Russia's: asked again
    await chat.press("ci:z:Asia/Novosibirsk")
    started = await _finish(chat)
    assert "2 декабря 2026 г., 17:00 (местное время, Новосибирск)" in started


async def test_utc_is_said_plainly_when_the_clock_is_unknown_or_chosen(
    redis_client: Redis,
) -> None:
    hidden = Chat(engine(redis_client, FakeClock(NOW)), language_code="be",
                  user_key="a" * 32, chat_key="chat-a")
    await _up_to_country(hidden)
    await hidden.press("ci:c:no")
    await hidden.press("ci:z:utc")
    assert "2 снежня 2026 г., 10:00 па UTC (час па Грынвічы)" in await _finish(hidden)
    picked = Chat(engine(redis_client, FakeClock(NOW)), language_code="en",
                  user_key="b" * 32, chat_key="chat-b")
    await _up_to_country(picked)
    await picked.press("ci:c:UA")  # Kyiv and Simferopol keep different clocks
    await picked.press("ci:z:utc")
    assert "10:00 AM UTC (Greenwich time)" in await _finish(picked)


async def test_every_destination_gets_its_clock_or_the_choice_of_its_clocks(
    redis_client: Redis,
) -> None:
    """For each country page: a single clock goes straight on, several are offered by city."""
    zones = ZoneTable()
    for n, code in enumerate(shared_content().content.countries):
        chat = Chat(engine(redis_client, FakeClock(NOW)), language_code="en",
                    user_key=f"{n:032d}", chat_key=f"chat-{n}")
        await _up_to_country(chat)
        asked = untag(all_payloads(await chat.press(f"ci:c:{code}")))
        clocks = zones.choices(code, NOW)
        assert clocks, code
        if len(clocks) == 1:
            assert "ci:l:yes" in asked, code
        else:
            assert {f"ci:z:{c.name}" for c in clocks} | {"ci:z:utc", "ci:x"} == set(asked), code


async def test_a_plan_stored_before_time_zones_shows_utc(redis_client: Redis) -> None:
    clock = FakeClock(NOW)
    chat = Chat(engine(redis_client, clock), language_code="ru")
    await _up_to_country(chat)
    await chat.press("ci:c:PL")
    await _finish(chat)
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.zone = None  # as a plan written by the previous version reads
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    status = _plain(texts(await chat.command("/checkin"))[0])
    assert "2 декабря 2026 г., 10:00 по UTC (время по Гринвичу)" in status


def _labels(response: object) -> dict[str, str]:
    [screen] = response.replies  # type: ignore[attr-defined]
    return {untag([b.payload or ""])[0]: b.label for row in screen.buttons for b in row}


@pytest.mark.parametrize(("language", "minsk", "warsaw", "started"), [
    ("ru", "13:00 · Минск (UTC+3)", "11:00 · Варшава (UTC+1)",
     "2 декабря 2026 г., 11:00 (местное время, Варшава)"),
    ("be", "13:00 · Мінск (UTC+3)", "11:00 · Варшава (UTC+1)",
     "2 снежня 2026 г., 11:00 (мясцовы час, Варшава)"),
    ("en", "1:00 PM · Minsk (UTC+3)", "11:00 AM · Warsaw (UTC+1)",
     "December 2, 2026, 11:00 AM (local time, Warsaw)"),
])
async def test_a_person_who_keeps_the_country_to_themselves_still_picks_their_clock(
    redis_client: Redis, language: str, minsk: str, warsaw: str, started: str
) -> None:
    """No destination shared: no clock can be guessed, so every clock of the countries the bot
    knows is offered, each button with the time it shows now, and UTC."""
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code=language)
    await _up_to_country(chat)
    labels = _labels(await chat.press("ci:c:no"))
    assert _plain(labels["ci:z:Europe/Minsk"]) == minsk
    assert _plain(labels["ci:z:Europe/Warsaw"]) == warsaw
    assert "ci:z:utc" in labels and "ci:x" in labels
    # One button per offset now, west to east (Vilnius and Kyiv share UTC+2: one of them).
    offsets = [label.rsplit("(", 1)[1] for p, label in labels.items() if p.startswith("ci:z:")
               and p != "ci:z:utc"]
    assert len(offsets) == len(set(offsets))
    await chat.press("ci:z:Mars/Olympus")  # never a zone: the screen again, nothing stored
    await chat.press("ci:z:Europe/Warsaw")
    assert started in await _finish(chat)


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("ru", "13:00", "2 декабря 2026 г., 13:00 (местное время, Минск)"),
    ("be", "13.05", "2 снежня 2026 г., 13:00 (мясцовы час, Мінск)"),  # a clock a bit off
    ("en", "UTC-5", "December 2, 2026, 5:00 AM (local time, New York)"),
    ("en", "3:58 am", "December 2, 2026, 4:00 AM (local time, Chicago)"),
    # The model read "5:58 am" as a risk and answered with a country's numbers: it is a clock.
    ("en", "5:58 am", "December 2, 2026, 6:00 AM (local time, Antigua)"),
    ("ru", "gmt+4", "2 декабря 2026 г., 14:00 (местное время, Дубай)"),
])
async def test_the_time_there_or_an_offset_can_be_typed(
    redis_client: Redis, language: str, typed: str, expected: str
) -> None:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code=language)
    await _up_to_country(chat)
    await chat.press("ci:c:no")
    chosen = await chat.say(typed)
    assert "ci:l:yes" in untag(all_payloads(chosen))  # taken: on to the next question
    assert _plain(texts(chosen)[0]).split(": ", 1)[1].split(" · ")[1].split(" (")[0] in expected
    assert expected in await _finish(chat)


async def test_a_typed_clock_in_a_country_of_several_prefers_that_countrys_city(
    redis_client: Redis,
) -> None:
    chat = Chat(engine(redis_client, FakeClock(NOW)), language_code="ru")
    await _up_to_country(chat)
    await chat.press("ci:c:RU")
    await chat.say("17:00")  # UTC+7 in Russia is Novosibirsk
    assert "2 декабря 2026 г., 17:00 (местное время, Новосибирск)" in await _finish(chat)


async def test_what_is_no_clock_is_not_taken_for_one(redis_client: Redis) -> None:
    """A question typed at the clock step is answered as a question; a clock no place keeps
    brings the screen again; neither moves the setup on."""
    clock = FakeClock(NOW)
    chat = Chat(engine(redis_client, clock), language_code="ru")
    await _up_to_country(chat)
    await chat.press("ci:c:no")
    again = await chat.say("UTC-11:30")
    shown = untag(all_payloads(again))
    assert "ci:z:utc" in shown and "ci:l:yes" not in shown
    await chat.say("а зачем это нужно?")
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.step == "zone" and plan.zone is None


# ---------------------------------------------------------------- the time of day
NIGHT = datetime(2026, 11, 30, 1, 30, tzinfo=UTC).timestamp()  # 02:30 in Warsaw


async def _to_confirm(chat: Chat, country: str = "PL") -> str:
    await _up_to_country(chat)
    await chat.press(f"ci:c:{country}")
    await chat.press("ci:l:no")
    await chat.press("ci:skip")
    [confirm] = texts(await chat.press("ci:skip"))
    return _plain(confirm)


@pytest.mark.parametrize(("language", "night", "typed", "chosen"), [
    ("ru", "Первая проверка: 2 декабря 2026 г., 02:30 (местное время, Варшава)", "9:30",
     "2 декабря 2026 г., 09:30 (местное время, Варшава)"),
    ("be", "Першая праверка: 2 снежня 2026 г., 02:30 (мясцовы час, Варшава)", "21.00",
     "2 снежня 2026 г., 21:00 (мясцовы час, Варшава)"),
    ("en", "The first check-in: December 2, 2026, 2:30 AM (local time, Warsaw)", "9 pm",
     "December 2, 2026, 9:00 PM (local time, Warsaw)"),
])
async def test_a_check_in_set_up_at_night_shows_its_night_time_and_another_can_be_chosen(
    redis_client: Redis, language: str, night: str, typed: str, chosen: str
) -> None:
    """Set up before a night bus at 02:30, every check-in came at 02:30 (and a short grace
    alerted the team while they slept): the last screen says when, on their clock, and
    "Another time" sets the time of day, pressed or typed."""
    chat = Chat(engine(redis_client, FakeClock(NIGHT)), language_code=language)
    confirm = await _to_confirm(chat)
    assert night in confirm
    hours = await chat.press("ci:t")
    assert {"ci:h:540", "ci:h:1260", "ci:x"} <= set(untag(all_payloads(hours)))
    assert "Варшава" in texts(hours)[0] or "Warsaw" in texts(hours)[0]
    await chat.press("ci:h:99999")  # never a time of day: the screen again
    again = await chat.say(typed)
    assert chosen in _plain(texts(again)[0]) and "ci:go" in untag(all_payloads(again))
    [started] = texts(await chat.press("ci:go"))
    assert chosen in _plain(started)


async def test_the_time_of_day_holds_after_a_late_answer_and_across_daylight_saving(
    redis_client: Redis,
) -> None:
    """Every 2 days at 9:00 in Warsaw: answered 5 hours late, the next one is still at 9:00
    two days after the one asked (not 2 days after the answer); after the clocks change in
    March it is 9:00 summer time (07:00 UTC, not 08:00)."""
    march = datetime(2027, 3, 24, 20, 0, tzinfo=UTC).timestamp()  # 21:00 in Warsaw, winter
    clock = FakeClock(march)
    chat = Chat(engine(redis_client, clock), language_code="ru", chat_key="5551")
    await _to_confirm(chat)
    await chat.press("ci:t")
    await chat.press("ci:h:540")
    await chat.press("ci:go")
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    assert plan.next_at == datetime(2027, 3, 26, 8, 0, tzinfo=UTC).timestamp()  # 9:00 CET

    # The scheduler asks at 9:00; the answer comes at 14:00.
    scheduler = _scheduler(store, Phone(), Team(), clock)
    clock.now = plan.next_at + 1
    await scheduler.tick()
    clock.advance(5 * 3600)
    await chat.press("ci:ok")
    plan = await store.load(chat.user_key)
    assert plan is not None  # 9:00 CEST on Sunday 28 March, the day the clocks change
    assert plan.next_at == datetime(2027, 3, 28, 7, 0, tzinfo=UTC).timestamp()


async def test_a_week_long_plan_at_a_later_hour_still_asks_once(redis_client: Redis) -> None:
    """Once a week for one week at 21:00, set up at 11:00: the only check-in falls ten hours
    after the week; it is asked all the same, never silently dropped."""
    clock = FakeClock(NOW)
    chat = Chat(engine(redis_client, clock), language_code="en", chat_key="5551")
    await _up_to_country(chat)  # every 2 days, 2 weeks: changed to once a week, one week
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.interval_s, plan.duration_s = 7 * 24 * 3600, 7 * 24 * 3600
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    await chat.press("ci:c:PL")
    for payload in ("ci:l:no", "ci:skip", "ci:skip", "ci:t", "ci:h:1260", "ci:go"):
        await chat.press(payload)
    phone = Phone()
    scheduler = _scheduler(store, phone, Team(), clock)
    clock.now = datetime(2026, 12, 7, 20, 0, 1, tzinfo=UTC).timestamp()  # 21:00 in Warsaw
    await scheduler.tick()
    assert len(phone.sent) == 1
