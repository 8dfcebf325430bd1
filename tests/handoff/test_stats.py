"""Anonymous counters and `python -m bot stats` (text and --csv) against a real Redis."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from bot.__main__ import main
from bot.handoff.stats import CaseCounters, median_p90, week_of
from tests.helpers.redis_server import RedisServer


async def test_counts_by_dimension(redis_client: Redis) -> None:
    counters = CaseCounters(redis_client, "Europe/Minsk")
    await counters.opened("ru", "PL", "risk", "high", ["risk_documents_withheld", "risk_debt"])
    await counters.opened("be", "", "request", "", [])
    await counters.outcome("referred")
    keys = await redis_client.keys("smb:handoff:stats:*")
    assert len(keys) == 1 and await redis_client.ttl(keys[0]) > 0
    raw = await redis_client.hgetall(keys[0])
    assert raw["cases"] == "2" and raw["country:unknown"] == "1"
    assert raw["indicator:risk_debt"] == "1" and raw["outcome:referred"] == "1"


def _env(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    monkeypatch.setenv("REDIS_URL", url)
    monkeypatch.setenv("OPERATOR_TIMEZONE", "Europe/Minsk")


@pytest.fixture
async def counted(redis_client: Redis) -> None:
    counters = CaseCounters(redis_client, "Europe/Minsk")
    await counters.opened("ru", "PL", "risk", "high", ["risk_documents_withheld"])
    await counters.outcome("advice")
    for minutes in (1, 2, 3, 4, 20):
        await counters.duration("taken", minutes * 60)
    await counters.duration("closed", 3600)


def test_cli_prints_and_writes_csv(
    counted: None, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    _env(monkeypatch, redis_server.url)
    assert main(["stats", "--days", "7"]) == 0
    out = capsys.readouterr().out
    # Labels in OPERATOR_LANGUAGE (en by default), not codes; the CSV keeps the codes.
    assert "Total cases: 1" in out and "Documents withheld" in out and "Advice given" in out
    assert "risk_documents_withheld" not in out and "Poland" in out
    target = tmp_path / "cases.csv"
    assert main(["stats", "--csv", str(target)]) == 0
    with target.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["dimension"] == "outcome" and r["value"] == "advice" and r["count"] == "1"
               for r in rows)
    assert any(r["dimension"] == "country" and r["value"] == "PL" for r in rows)
    assert any(r["value"] == "risk_documents_withheld" for r in rows)


def test_cli_shows_time_to_take_and_close_by_week_in_the_operators_language(
    counted: None, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _env(monkeypatch, redis_server.url)
    monkeypatch.setenv("OPERATOR_LANGUAGE", "ru")
    assert main(["stats", "--days", "7"]) == 0
    out = capsys.readouterr().out
    week = week_of(datetime.now(ZoneInfo("Europe/Minsk")).date())
    # Five takes of 1, 2, 3, 4 and 20 minutes: median 3, p90 (inclusive) 13.6; one close.
    assert (f"{week}  взятие 3.0 мин, 13.6 мин (n=5); закрытие 60.0 мин, 60.0 мин (n=1)"
            in out)
    # Headings too are in the operators' language, not English.
    assert "Обращения по дням:" in out and "Всего обращений: 1" in out
    assert "По тревожным признакам:" in out and "By " not in out
    assert "Польша" in out and "Документы удерживают" in out and "Дан совет" in out


def test_median_and_p90() -> None:
    assert median_p90([60]) == (60.0, 60.0)
    assert median_p90([10, 20]) == (15.0, 19.0)


def test_cli_without_redis_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(__file__).parent)
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert main(["stats"]) == 2
    assert "REDIS_URL" in capsys.readouterr().err
