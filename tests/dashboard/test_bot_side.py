"""The bot's own counters: kept per day in Redis by each process, summed on the dashboard."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.__main__ import main
from bot.metrics import Metrics
from bot.metrics_history import HISTORY_TTL, MetricsHistory, day_key
from tests.dashboard.conftest import TZ, Seeded, Server, today
from tests.dashboard.test_http import signed_in
from tests.helpers.redis_server import RedisServer


async def test_each_process_adds_only_its_growth(redis_client: Redis) -> None:
    first, second = Metrics(), Metrics()  # two replicas
    history = MetricsHistory(redis_client, first, TZ)
    first.handled.labels("text").inc(5)
    first.at_risk.labels("phrase").inc(2)
    await history.flush()
    first.handled.labels("text").inc()
    first.handled.labels("button").inc(2)
    await history.flush()
    await history.flush()  # nothing grew: nothing added
    second.rate_limited.labels("slowed").inc(3)
    second.alerts_requested.labels("request").inc()
    await MetricsHistory(redis_client, second, TZ).flush()

    key = day_key(today())
    saved = await redis_client.hgetall(key)
    assert saved == {"smb_handled_events:text": "6", "smb_handled_events:button": "2",
                     "smb_at_risk:phrase": "2", "smb_rate_limited:slowed": "3",
                     "smb_alerts_requested:request": "1"}
    assert HISTORY_TTL - 60 < await redis_client.ttl(key) <= HISTORY_TTL


async def test_the_bot_page_and_csv_show_the_saved_counters(
    dashboard: Server, seeded: Seeded
) -> None:
    session = await signed_in(dashboard)
    async with session:
        async with session.get(f"{dashboard.url}/bot?period=day") as response:
            page = await response.text()
        assert "Messages and presses handled" in page and "Asked for a person" in page
        async with session.get(f"{dashboard.url}/bot.csv?period=day") as response:
            rows = list(csv.DictReader(io.StringIO(await response.text())))
    last = rows[-1]
    assert last["period_start"] == today().isoformat()
    assert {row: int(last[row]) for row in seeded.bot_side} == seeded.bot_side


def test_python_m_bot_stats_prints_the_bots_side_too(
    seeded: Seeded, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("OPERATOR_TIMEZONE", TZ)
    assert main(["stats", "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "Total cases: " in out and "The bot's side:" in out  # one store, one report
    bot_side = out.split("The bot's side:")[1].split("Groups:")[0]  # the groups' totals follow
    lines = dict(line.split() for line in bot_side.strip().splitlines())
    assert int(lines["smb_at_risk:phrase"]) == seeded.bot_side["at_risk_phrase"]
    assert int(lines["smb_started"]) == seeded.bot_side["started"]
    assert sum(int(n) for k, n in lines.items() if k.startswith("smb_rate_limited:")) == \
        seeded.bot_side["rate_limited"]
