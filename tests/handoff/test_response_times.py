"""Response times for the dashboard: taking and closing a case record how long it took."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from bot.core.events import EventKind
from bot.dashboard.data import case_report
from bot.handoff.stats import collect_durations
from tests.handoff.conftest import MakeHandoff, RecordingMessenger, alert
from tests.handoff.test_service import CHAT, USER, deliver_all, press, user_text


def _today() -> date:
    return datetime.now(ZoneInfo("Europe/Minsk")).date()  # OPERATOR_TIMEZONE's default


async def test_take_and_close_by_an_operator_and_by_the_person_are_timed(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger(topics=True)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await handoff.alert(alert("b" * 32, "5552"))
    await deliver_all(handoff)
    ids = {await redis_client.hget(key, "user_key"): key.rsplit(":", 1)[1]
           for key in await redis_client.keys("smb:handoff:case:*")}
    # The first person has waited two minutes when the operator takes the case.
    created = float(await redis_client.hget(f"smb:handoff:case:{ids[USER]}", "created"))
    await redis_client.hset(f"smb:handoff:case:{ids[USER]}", "created", repr(created - 120))

    await handoff.handle_operator_update(press(f"op:take:{ids[USER]}"))
    await handoff.handle_operator_update(press(f"op:close:{ids['b' * 32]}"))
    assert await handoff.user_event(user_text("/stop", EventKind.COMMAND))  # the person leaves

    (day, kinds), = (await collect_durations(redis_client, 2, _today())).items()
    assert day == _today()
    assert len(kinds["taken"]) == 1 and 120 <= kinds["taken"][0] <= 130
    assert len(kinds["closed"]) == 2 and max(kinds["closed"]) >= 120
    keys = await redis_client.keys("smb:handoff:durations:*")
    assert keys and all([await redis_client.ttl(k) > 300 * 24 * 3600 for k in keys])

    report = await case_report(redis_client, _today(), 7, "week")
    (row,) = [r for r in report.response_rows() if r[1] == "taken"]
    assert row[2] == 1 and 120 <= row[3] <= 130
