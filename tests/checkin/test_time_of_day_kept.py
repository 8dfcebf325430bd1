"""The time of day the confirm screen promises ("the next ones at the same time of day") is
kept when no time was chosen: an answer hours late, or days late after the team was alerted,
never moves the next check-in towards the night; it stays on the person's clock across a
daylight-saving change (their clock is Warsaw's; the operators' is Minsk's, which has none).
The other side: a time of day the person chose still wins (tests/checkin/test_times.py).
In-process engine and scheduler, real redis-server, fake clock."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR
from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine
from tests.checkin.test_scheduler import Phone, Team, _scheduler
from tests.checkin.test_times import _plain, _to_confirm
from tests.helpers.chat import Chat

WARSAW = ZoneInfo("Europe/Warsaw")


def _warsaw(at: float) -> str:
    return datetime.fromtimestamp(at, WARSAW).strftime("%d.%m %H:%M")


@pytest.mark.parametrize(("start", "first", "later"), [
    # 1 December, 11:09 in Warsaw (winter): every check-in at 11:09.
    (datetime(2026, 12, 1, 10, 9, tzinfo=UTC), "03.12 11:09", ["05.12 11:09", "07.12 11:09"]),
    # 24 March 2027, 11:09 in Warsaw: the clocks go forward on the 28th, still 11:09 there.
    (datetime(2027, 3, 24, 10, 9, tzinfo=UTC), "26.03 11:09", ["28.03 11:09", "30.03 11:09"]),
])
async def test_a_late_answer_keeps_the_time_of_day(
    redis_client: Redis, start: datetime, first: str, later: list[str],
) -> None:
    clock = FakeClock(start.timestamp())
    chat = Chat(engine(redis_client, clock), language_code="ru", chat_key="5552")
    confirm = await _to_confirm(chat)
    assert "11:09 (местное время, Варшава)" in _plain(confirm)
    assert "в то же время суток" in confirm
    await chat.press("ci:go")
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None and _warsaw(plan.next_at) == first
    phone, team = Phone(), Team()
    scheduler = _scheduler(store, phone, team, clock)
    for expected in later:
        clock.now = plan.next_at + 1
        await scheduler.tick()
        clock.advance(10 * HOUR)  # answered 10 hours late, within the 12 hours' wait
        await chat.press("ci:ok")
        plan = await store.load(chat.user_key)
        assert plan is not None and _warsaw(plan.next_at) == expected
    assert len(phone.sent) == len(later) and not team.missed_plans


async def test_an_answer_days_after_the_alert_comes_back_to_the_time_of_day(
    redis_client: Redis,
) -> None:
    """Missed, the team alerted, "all fine" three days later at 20:00: the next check-in is
    the next 11:09 on the cadence from the missed one, not 20:00 two days on."""
    clock = FakeClock(datetime(2026, 12, 1, 10, 9, tzinfo=UTC).timestamp())
    chat = Chat(engine(redis_client, clock), language_code="en", chat_key="5553")
    await _to_confirm(chat)
    await chat.press("ci:go")
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    team = Team()
    scheduler = _scheduler(store, Phone(), team, clock)
    clock.now = plan.next_at + 1  # asked 3 December, 11:09
    await scheduler.tick()
    clock.advance(12 * HOUR + 60)
    await scheduler.tick()
    assert len(team.missed_plans) == 1
    clock.now = datetime(2026, 12, 6, 19, 0, tzinfo=UTC).timestamp()  # 20:00 in Warsaw
    await chat.press("ci:ok")
    plan = await store.load(chat.user_key)
    assert plan is not None and _warsaw(plan.next_at) == "07.12 11:09"
    assert plan.next_at - clock.now < 2 * DAY
