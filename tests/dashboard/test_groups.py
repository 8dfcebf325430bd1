"""Group activity on the dashboard: per period and per group (by a shortened keyed hash)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.dashboard.groups import short_key
from bot.groups.counters import NAMES
from tests.dashboard.conftest import GROUP_IDS, TZ, Seeded, Server, today
from tests.dashboard.test_http import signed_in
from tests.helpers.redis_server import RedisServer


async def _csv(session: object, url: str) -> list[dict[str, str]]:
    async with session.get(url) as response:  # type: ignore[attr-defined]
        assert response.status == 200, url
        assert response.headers["Content-Type"].startswith("text/csv")
        return list(csv.DictReader(io.StringIO(await response.text())))


async def test_the_groups_page_and_csv_show_each_groups_counts(
    dashboard: Server, seeded: Seeded
) -> None:
    totals = {name: sum(g[name] for g in seeded.groups) for name in NAMES}
    shown = [short_key(k) for k in seeded.group_keys]
    session = await signed_in(dashboard)
    async with session:
        async with session.get(f"{dashboard.url}/groups?period=day") as response:
            assert response.status == 200
            page = await response.text()
        async with session.get(f"{dashboard.url}/groups?lang=be") as response:
            page_be = await response.text()
        periods = await _csv(session, f"{dashboard.url}/groups.csv?period=day")
        weeks = await _csv(session, f"{dashboard.url}/groups.csv")
        per_group = await _csv(session, f"{dashboard.url}/groups.csv?table=groups")
        async with session.get(f"{dashboard.url}/groups.csv?table=ids") as response:
            assert response.status == 404

    assert "Ads checked in groups" in page and "Ads warned about in groups" in page
    assert 'href="/groups"' in page and "<svg" in page
    assert all(key in page for key in shown)
    assert "Групы" in page_be  # the reader's language, through the catalogs

    assert periods[-1]["period_start"] == today().isoformat()
    assert {name: int(periods[-1][name]) for name in NAMES} == totals
    assert {name: sum(int(row[name]) for row in weeks) for name in NAMES} == totals
    assert {row["group"]: {name: int(row[name]) for name in NAMES} for row in per_group} == \
        dict(zip(shown, seeded.groups, strict=True))
    # A group is told apart by its short keyed hash only: no chat id, no full key.
    for body in (page, page_be, str(per_group)):
        for secret in (*(str(g) for g in GROUP_IDS), *(str(-g) for g in GROUP_IDS),
                       *seeded.group_keys):
            assert secret not in body


def test_python_m_bot_stats_prints_group_totals(
    seeded: Seeded, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("OPERATOR_TIMEZONE", TZ)
    assert main(["stats", "--days", "7"]) == 0
    out = capsys.readouterr().out
    lines = dict(line.split() for line in out.split("Groups:")[1].strip().splitlines())
    assert {name: int(lines[name]) for name in NAMES} == \
        {name: sum(g[name] for g in seeded.groups) for name in NAMES}
    assert lines["groups_active"] == "2"
    assert not any(key in out for key in seeded.group_keys)
